import {
  currentQuestion,
  type Instrument,
  localize,
  migrateSession,
  possibleItemCount,
  progress,
  type Session,
} from '@resonet/core';
import { confirmCard } from '../../cards/menus';
import { questionCard, reviewCard } from '../../cards/question';
import { t } from '../../i18n/catalog';
import type { Command } from '../commands';
import { type EngineContext, instrumentOf } from '../flow';
import type { Outcome } from '../outcome';
import type { MemberState } from '../state';

/** The member's open assessment, ready to go on with. */
export interface Open {
  outcome: Outcome;
  session: Session;
  instrument: Instrument;
}

/** Opens the member's session, migrating it (and saying so) if its instrument changed. */
export function open(outcome: Outcome, ctx: EngineContext): Open | undefined {
  const session = outcome.member.session;
  const instrument = session && instrumentOf(ctx, session.instrumentId);
  if (!session || !instrument) return undefined;
  if (session.instrumentVersion === instrument.version) return { outcome, session, instrument };
  const migrated = migrateSession(session, instrument);
  let next = outcome.set({ session: migrated.session });
  if (migrated.dropped.length)
    next = next.say(t(next.lang, 'instrumentUpdated', { count: migrated.dropped.length }));
  return { outcome: next, session: migrated.session, instrument };
}

/** The current question of the session, or its review when every question is answered. */
export function showQuestion(
  outcome: Outcome,
  session: Session,
  instrument: Instrument,
  prefix = '',
): Outcome {
  const q = currentQuestion(instrument, session);
  return outcome.say(
    prefix,
    q
      ? questionCard(instrument, q, outcome.lang, session.answers[q.item.id])
      : reviewCard(instrument, session, outcome.lang),
  );
}

/** Shows an open session again where the member is, saying so. */
export function resume({ outcome, session, instrument }: Open): Outcome {
  const q = currentQuestion(instrument, session);
  return showQuestion(
    outcome.set({ step: 'answering' }),
    session,
    instrument,
    q ? t(outcome.lang, 'resumed', { number: q.number, total: q.total }) : '',
  );
}

/** After an aside (results, help…), a member who is answering sees their question again. */
export function remindIfAnswering(outcome: Outcome, ctx: EngineContext): Outcome {
  if (outcome.member.step !== 'answering') return outcome;
  const current = open(outcome, ctx);
  return current ? showQuestion(current.outcome, current.session, current.instrument) : outcome;
}

/** Moves to a confirmation step and asks its question with two buttons. */
export function confirm(
  outcome: Outcome,
  step: MemberState['step'],
  question: string,
  buttons: [string, string],
  actions: [Command, Command] = ['yes', 'no'],
): Outcome {
  return outcome
    .set({ step })
    .say(
      '',
      confirmCard(
        question,
        { title: buttons[0], action: actions[0] },
        { title: buttons[1], action: actions[1] },
      ),
    );
}

/** Asks whether to continue the open assessment or start over. */
export function offerRestart({ outcome, session, instrument }: Open): Outcome {
  const { answered } = progress(instrument, session);
  // The same total as the question cards: what may still be asked.
  const total = possibleItemCount(instrument, session.answers);
  const lang = outcome.lang;
  return confirm(
    outcome,
    'confirm-restart',
    t(lang, 'openAssessment', { title: localize(instrument.title, lang), answered, total }),
    [t(lang, 'continueAssessment'), t(lang, 'startOver')],
    ['continue', 'start-over'],
  );
}

/** The member's state without an open assessment. */
export const closed = { session: undefined, sessionId: undefined } as const;
