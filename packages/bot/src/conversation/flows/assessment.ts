import {
  answerCurrent,
  completeSession,
  goBack,
  resultFromSession,
  skipCurrent,
} from '@resonet/core';
import { instrumentsCard, nextStepsCard } from '../../cards/menus';
import { resultCard } from '../../cards/results';
import { t } from '../../i18n/catalog';
import { centreLabel, type EngineContext, type Flow } from '../flow';
import { dataOf, type Message } from '../incoming';
import type { Outcome } from '../outcome';
import { closed, confirm, type Open, offerRestart, open, resume, showQuestion } from './session';

/** Asked "cancel?" or "start over?": a yes does it, anything else goes back to the question. */
export const confirmation: Flow = (outcome, message, ctx) => {
  const restart = outcome.member.step === 'confirm-restart';
  const confirmed = message.command === 'yes' || (restart && message.command === 'start-over');
  const current = open(outcome, ctx);
  if (confirmed || !current) {
    const lang = outcome.lang;
    const next = (current?.outcome ?? outcome).set({
      ...closed,
      step: restart ? 'choose-instrument' : 'idle',
    });
    return restart
      ? next.say('', instrumentsCard(lang, ctx.instruments))
      : next.say(t(lang, 'cancelled'), nextStepsCard(lang, ['start', 'ask', 'my-results']));
  }
  return showQuestion(
    current.outcome.set({ step: 'answering' }),
    current.session,
    current.instrument,
  );
};

/** The item a card was made for, when the message is a click on a question or review card. */
function cardItem(message: Message): string | undefined {
  const data = message.data;
  return data && 'itemId' in data ? data.itemId : undefined;
}

type Answering = (current: Open, message: Message, ctx: EngineContext) => Outcome;

const submit: Answering = ({ outcome, session, instrument }, _message, ctx) => {
  const lang = outcome.lang;
  const completed = completeSession(instrument, session, ctx.asOf, lang);
  if (!completed.ok) return showQuestion(outcome, session, instrument, completed.error.message);
  const id = outcome.member.sessionId ?? ctx.newId();
  const result = resultFromSession(instrument, completed.value, id);
  return outcome
    .set({ ...closed, step: 'idle' })
    .say(
      t(lang, 'submitted'),
      resultCard(instrument, result, ctx.networks, centreLabel(ctx, result.centreId, lang), lang, [
        'start',
        'my-results',
      ]),
    )
    .effect({ type: 'submit', result });
};

/** A typed or clicked answer, or a skip, for the current question. */
const answer: Answering = ({ outcome, session, instrument }, message) => {
  const lang = outcome.lang;
  const step =
    message.command === 'skip'
      ? skipCurrent(instrument, session, lang)
      : answerCurrent(instrument, session, answerGiven(message), lang);
  if (!step.ok) return showQuestion(outcome, session, instrument, step.error.message);
  return showQuestion(outcome.set({ session: step.value }), step.value, instrument);
};

/** What the member answered: a card's input, or the typed text. */
function answerGiven(message: Message): unknown {
  if (message.command !== 'answer') return message.text;
  const given = dataOf(message, 'answer')?.answer;
  return given === undefined ? '' : given;
}

const ANSWERING: Partial<Record<NonNullable<Message['command']>, Answering>> = {
  start: (current) => offerRestart(current),
  // Already answering (perhaps the member never paused): show where they are.
  continue: (current) => resume(current),
  pause: ({ outcome }) =>
    outcome
      .set({ step: 'idle' })
      .say(
        t(outcome.lang, 'paused'),
        nextStepsCard(outcome.lang, ['continue', 'ask', 'my-results']),
      ),
  cancel: ({ outcome }) =>
    confirm(outcome, 'confirm-cancel', t(outcome.lang, 'confirmCancel'), [
      t(outcome.lang, 'yesCancel'),
      t(outcome.lang, 'noContinue'),
    ]),
  back: ({ outcome, session, instrument }) => {
    const previous = goBack(instrument, session);
    return showQuestion(outcome.set({ session: previous }), previous, instrument);
  },
};

/** A member in an open assessment: commands about it, else an answer to its question. */
export const answering: Flow = (outcome, message, ctx) => {
  const current = open(outcome, ctx);
  if (!current) return outcome.set({ step: 'idle' }).say(t(outcome.lang, 'unknownInstrument'));
  const { session, instrument } = current;
  const item = cardItem(message);
  if (item !== undefined && item !== (session.current ?? 'review'))
    return showQuestion(current.outcome, session, instrument, t(outcome.lang, 'staleCard'));
  const command = message.command;
  const handler = command && ANSWERING[command];
  if (handler) return handler(current, message, ctx);
  if (session.status === 'review')
    return command === 'submit'
      ? submit(current, message, ctx)
      : showQuestion(current.outcome, session, instrument);
  return answer(current, message, ctx);
};
