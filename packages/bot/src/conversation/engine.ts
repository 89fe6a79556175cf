import {
  type AssessmentResult,
  answerCurrent,
  type Centre,
  completeSession,
  currentQuestion,
  foldText,
  goBack,
  type Instrument,
  localize,
  migrateSession,
  type Network,
  progress,
  recommend,
  resolveResource,
  resultFromSession,
  resultsToCsv,
  resultToMarkdown,
  type Session,
  skipCurrent,
  startSession,
  summarizeResults,
} from '@resonet/core';
import type { AnswerEngine } from '../answers/answer';
import { detectLanguage } from '../answers/language';
import { answerCard } from '../cards/answer';
import { submissionsCard, summaryCard } from '../cards/coordinator';
import { centresCard, confirmCard, instrumentsCard, welcomeCard } from '../cards/menus';
import { questionCard, reviewCard } from '../cards/question';
import { resultCard, resultsListCard } from '../cards/results';
import { type Lang, langOf, t } from '../i18n/catalog';
import { type Command, commandOf } from './commands';
import { type Reply, say } from './reply';
import type { ConversationState, MemberState } from './state';

/** What arrives from a channel: a message (typed text and/or a card submit) or an install. */
export interface Incoming {
  type: 'message' | 'installed';
  text?: string | undefined;
  /** The data of an Adaptive Card submit. */
  value?: unknown;
  /** The client's locale (activity.locale or the Teams clientInfo entity), when known. */
  locale?: string | undefined;
}

/** What a turn needs from outside; the engine itself does no I/O and reads no clock. */
export interface EngineContext {
  instruments: readonly Instrument[];
  centres: readonly Centre[];
  networks: readonly Network[];
  answers: AnswerEngine;
  userId: string;
  /** Coordinators may list every submission and see the network summary. */
  isCoordinator: boolean;
  /** Today, as YYYY-MM-DD. */
  asOf: string;
  /** A new unique id (for sessions and so their results). */
  newId: () => string;
  /** Stored results, loaded by the edge when {@link resultsNeeded} asks for them. */
  results?: readonly AssessmentResult[];
}

export interface TurnState {
  conversation: ConversationState;
  member: MemberState;
}

export interface TurnOutcome extends TurnState {
  replies: Reply[];
  /** A result submitted this turn, for the edge to store. */
  submitted?: AssessmentResult;
  /** The member asked to delete their stored data: their results and their state. */
  forget?: true;
}

/** The longest message read; longer ones are refused with a message, not truncated. */
export const MAX_MESSAGE = 4000;

const GLOBAL: ReadonlySet<Command> = new Set([
  'language',
  'help',
  'my-results',
  'show-result',
  'export',
  'submissions',
  'summary',
  'my-data',
  'export-all',
]);

/** Typed language names (folded) and the language each one asks for. */
const NAMED_LANGUAGES: Readonly<Record<string, Lang>> = {
  english: 'en',
  'tieng anh': 'en',
  'tieng viet': 'vi',
};

const field = (value: unknown, name: string): string | undefined => {
  const v =
    value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/**
 * Which stored results a turn needs, so the edge loads them before calling {@link turn}:
 * the member's own, every result (coordinators only), or none.
 */
export function resultsNeeded(
  incoming: Incoming,
  isCoordinator: boolean,
): 'mine' | 'all' | undefined {
  const command = commandOf(incoming.text, incoming.value);
  if (['my-results', 'show-result', 'export', 'my-data'].includes(command ?? '')) return 'mine';
  if (['submissions', 'summary', 'export-all'].includes(command ?? '') && isCoordinator)
    return 'all';
  return undefined;
}

/**
 * One turn of the conversation: (state, incoming) → (new state, replies). Pure: the edge
 * stores the state, delivers the replies and saves any submitted result.
 */
export function turn(state: TurnState, incoming: Incoming, ctx: EngineContext): TurnOutcome {
  const conversation = { ...state.conversation };
  let member: MemberState = { ...state.member };
  const text = incoming.text ?? '';
  let lang: Lang =
    member.lang ?? (incoming.locale ? langOf(incoming.locale) : text ? detectLanguage(text) : 'en');
  const replies: Reply[] = [];
  const done = (submitted?: AssessmentResult, forget?: true): TurnOutcome => ({
    conversation,
    member,
    replies,
    ...(submitted ? { submitted } : {}),
    ...(forget ? { forget } : {}),
  });
  const instrumentOf = (id: string) => ctx.instruments.find((i) => i.id === id);
  const centreName = (id: string) =>
    id.startsWith('named:')
      ? id.slice('named:'.length)
      : (ctx.centres.find((c) => c.id === id)?.name ?? { en: id });
  const centreLabel = (id: string) => {
    const name = centreName(id);
    return typeof name === 'string' ? name : localize(name, lang);
  };

  if (!conversation.welcomed) {
    conversation.welcomed = true;
    replies.push(say('', welcomeCard(lang, member.session !== undefined)));
    if (incoming.type === 'installed' || !(text.trim() || incoming.value)) return done();
  }
  if (incoming.type === 'installed') return done();
  if (text.length > MAX_MESSAGE) {
    replies.push(say(t(lang, 'tooLong', { length: text.length, max: MAX_MESSAGE })));
    return done();
  }

  /** The current question (or the review) of the open session, resuming it if needed. */
  const showQuestion = (session: Session, instrument: Instrument, prefix = '') => {
    const q = currentQuestion(instrument, session);
    replies.push(
      q
        ? say(prefix, questionCard(instrument, q, lang))
        : say(prefix, reviewCard(instrument, session, lang)),
    );
  };
  /** Opens the member's session, migrating it if its instrument changed since. */
  const open = (): { session: Session; instrument: Instrument } | undefined => {
    const session = member.session;
    const instrument = session && instrumentOf(session.instrumentId);
    if (!session || !instrument) return undefined;
    if (session.instrumentVersion === instrument.version) return { session, instrument };
    const migrated = migrateSession(session, instrument);
    member = { ...member, session: migrated.session };
    if (migrated.dropped.length)
      replies.push(say(t(lang, 'instrumentUpdated', { count: migrated.dropped.length })));
    return { session: migrated.session, instrument };
  };
  const remindIfAnswering = () => {
    if (member.step !== 'answering') return;
    const current = open();
    if (current) showQuestion(current.session, current.instrument);
  };
  const mine = () =>
    (ctx.results ?? [])
      .filter((r) => r.respondentId === ctx.userId)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const titleOf = (id: string) => {
    const instrument = instrumentOf(id);
    return instrument ? localize(instrument.title, lang) : id;
  };

  /** Moves to a confirmation step and asks its question with two buttons. */
  const confirm = (
    step: MemberState['step'],
    question: string,
    first: string,
    second: string,
    actions: [string, string] = ['yes', 'no'],
  ) => {
    member = { ...member, step };
    replies.push(
      say(
        '',
        confirmCard(
          question,
          { title: first, action: actions[0] },
          { title: second, action: actions[1] },
        ),
      ),
    );
  };
  /** Asks whether to continue the open assessment or start over. */
  const offerRestart = (current: { session: Session; instrument: Instrument }) => {
    const { answered, visible: total } = progress(current.instrument, current.session);
    confirm(
      'confirm-restart',
      t(lang, 'openAssessment', {
        title: localize(current.instrument.title, lang),
        answered,
        total,
      }),
      t(lang, 'continueAssessment'),
      t(lang, 'startOver'),
      ['continue', 'start-over'],
    );
  };

  const command = commandOf(text, incoming.value);

  if (command && GLOBAL.has(command)) {
    switch (command) {
      case 'language': {
        // A page or button may name the language ({ action: 'language', lang: 'vi' }), and
        // "English" or "Tiếng Việt" typed name one; otherwise the language toggles.
        const named = field(incoming.value, 'lang') ?? NAMED_LANGUAGES[foldText(text)];
        lang = named === 'en' || named === 'vi' ? named : lang === 'en' ? 'vi' : 'en';
        member = { ...member, lang };
        replies.push(say(t(lang, 'languageSet')));
        break;
      }
      case 'help':
        replies.push(
          say(
            [
              t(lang, 'help'),
              t(lang, 'dataHelp'),
              ctx.isCoordinator ? t(lang, 'coordinatorHelp') : '',
            ]
              .filter(Boolean)
              .join(' '),
            member.step === 'answering'
              ? undefined
              : welcomeCard(lang, member.session !== undefined),
          ),
        );
        break;
      case 'my-results': {
        const rows = mine().map((r) => ({
          id: r.id,
          title: titleOf(r.instrumentId),
          centre: centreLabel(r.centreId),
          date: r.submittedAt,
        }));
        replies.push(
          rows.length ? say('', resultsListCard(rows, lang)) : say(t(lang, 'noResults')),
        );
        break;
      }
      case 'show-result':
      case 'export': {
        const id = field(incoming.value, 'id');
        const result = mine().find((r) => r.id === id);
        const instrument = result && instrumentOf(result.instrumentId);
        if (!result || !instrument) {
          replies.push(say(t(lang, 'resultNotFound')));
          break;
        }
        if (command === 'show-result') {
          replies.push(
            say(
              '',
              resultCard(instrument, result, ctx.networks, centreLabel(result.centreId), lang),
            ),
          );
          break;
        }
        const markdown = field(incoming.value, 'format') === 'md';
        const name = `${instrument.id}-${result.submittedAt}.${markdown ? 'md' : 'csv'}`;
        const content = markdown
          ? resultToMarkdown(
              instrument,
              result,
              recommend(instrument, result.answers, result.scores),
              lang,
              (ref) => resolveResource(ctx.networks, ref)?.name,
            )
          : resultsToCsv([result]);
        replies.push({
          text: t(lang, 'exported', { name }),
          files: [{ name, contentType: markdown ? 'text/markdown' : 'text/csv', content }],
        });
        break;
      }
      case 'my-data': {
        const name = 'resonet-my-data.json';
        const data = { exportedOn: ctx.asOf, userId: ctx.userId, state: member, results: mine() };
        replies.push({
          text: t(lang, 'exported', { name }),
          files: [
            { name, contentType: 'application/json', content: JSON.stringify(data, null, 2) },
          ],
        });
        break;
      }
      case 'submissions':
      case 'summary':
      case 'export-all': {
        if (!ctx.isCoordinator) {
          replies.push(say(t(lang, 'notCoordinator')));
          break;
        }
        const all = [...(ctx.results ?? [])].sort((a, b) =>
          b.submittedAt.localeCompare(a.submittedAt),
        );
        if (!all.length) {
          replies.push(say(t(lang, 'noSubmissions')));
          break;
        }
        if (command === 'export-all') {
          const name = `resonet-results-${ctx.asOf}.csv`;
          replies.push({
            text: t(lang, 'exported', { name }),
            files: [{ name, contentType: 'text/csv', content: resultsToCsv(all) }],
          });
          break;
        }
        if (command === 'submissions') {
          const rows = all.slice(0, 30).map((r) => ({
            title: titleOf(r.instrumentId),
            centre: centreLabel(r.centreId),
            date: r.submittedAt,
          }));
          replies.push(say('', submissionsCard(rows, lang)));
          break;
        }
        for (const instrument of ctx.instruments) {
          const own = all.filter((r) => r.instrumentId === instrument.id);
          if (own.length)
            replies.push(say('', summaryCard(instrument, summarizeResults(instrument, own), lang)));
        }
        break;
      }
    }
    remindIfAnswering();
    return done();
  }

  if (command === 'forget-me') {
    confirm('confirm-forget', t(lang, 'confirmForget'), t(lang, 'yesForget'), t(lang, 'noKeep'));
    return done();
  }
  if (member.step === 'confirm-forget') {
    if (command === 'yes') {
      member = { step: 'idle', ...(member.lang ? { lang: member.lang } : {}) };
      replies.push(say(t(lang, 'forgotten')));
      return done(undefined, true);
    }
    member = { ...member, step: member.session ? 'answering' : 'idle' };
    replies.push(say(t(lang, 'kept')));
    remindIfAnswering();
    return done();
  }

  if (member.step === 'confirm-cancel' || member.step === 'confirm-restart') {
    const current = open();
    const confirmed =
      command === 'yes' || (member.step === 'confirm-restart' && command === 'start-over');
    if (confirmed || !current) {
      const restart = member.step === 'confirm-restart';
      member = { ...member, step: restart ? 'choose-instrument' : 'idle' };
      delete member.session;
      delete member.sessionId;
      replies.push(
        restart ? say('', instrumentsCard(lang, ctx.instruments)) : say(t(lang, 'cancelled')),
      );
      return done();
    }
    member = { ...member, step: 'answering' };
    showQuestion(current.session, current.instrument);
    return done();
  }

  if (member.step === 'answering') {
    const current = open();
    if (!current) {
      member = { ...member, step: 'idle' };
      replies.push(say(t(lang, 'unknownInstrument')));
      return done();
    }
    const { instrument } = current;
    let session = current.session;
    const here = session.current ?? 'review';
    const itemId = field(incoming.value, 'itemId');
    if (itemId !== undefined && itemId !== here) {
      showQuestion(session, instrument, t(lang, 'staleCard'));
      return done();
    }
    switch (command) {
      case 'start':
        offerRestart({ session, instrument });
        return done();
      case 'continue': {
        // Already answering (perhaps the member never paused): show where they are.
        const q = currentQuestion(instrument, session);
        showQuestion(
          session,
          instrument,
          q ? t(lang, 'resumed', { number: q.number, total: q.total }) : '',
        );
        return done();
      }
      case 'pause':
        member = { ...member, step: 'idle' };
        replies.push(say(t(lang, 'paused')));
        return done();
      case 'cancel':
        confirm(
          'confirm-cancel',
          t(lang, 'confirmCancel'),
          t(lang, 'yesCancel'),
          t(lang, 'noContinue'),
        );
        return done();
      case 'back':
        session = goBack(instrument, session);
        member = { ...member, session };
        showQuestion(session, instrument);
        return done();
      case 'submit': {
        if (session.status !== 'review') break;
        const completed = completeSession(instrument, session, ctx.asOf, lang);
        if (!completed.ok) {
          showQuestion(session, instrument, completed.error.message);
          return done();
        }
        const result = resultFromSession(
          instrument,
          completed.value,
          member.sessionId ?? ctx.newId(),
        );
        member = { ...member, step: 'idle' };
        delete member.session;
        delete member.sessionId;
        replies.push(
          say(
            t(lang, 'submitted'),
            resultCard(instrument, result, ctx.networks, centreLabel(result.centreId), lang),
          ),
        );
        return done(result);
      }
      default:
        break;
    }
    if (session.status === 'review') {
      showQuestion(session, instrument);
      return done();
    }
    const step =
      command === 'skip'
        ? skipCurrent(instrument, session, lang)
        : answerCurrent(
            instrument,
            session,
            command === 'answer' ? answerValue(incoming.value) : text,
            lang,
          );
    if (!step.ok) {
      showQuestion(session, instrument, step.error.message);
      return done();
    }
    session = step.value;
    member = { ...member, session };
    showQuestion(session, instrument);
    return done();
  }

  if (command === 'continue') {
    const current = open();
    if (!current) {
      replies.push(say(t(lang, 'nothingToContinue')));
      return done();
    }
    member = { ...member, step: 'answering' };
    const q = currentQuestion(current.instrument, current.session);
    showQuestion(
      current.session,
      current.instrument,
      q ? t(lang, 'resumed', { number: q.number, total: q.total }) : '',
    );
    return done();
  }
  if (command === 'start') {
    const current = open();
    if (current) {
      offerRestart(current);
      return done();
    }
    member = { ...member, step: 'choose-instrument' };
    replies.push(say('', instrumentsCard(lang, ctx.instruments)));
    return done();
  }

  if (member.step === 'choose-instrument') {
    const instrument = pick(ctx.instruments, incoming, (i) => localize(i.title, lang));
    if (instrument) {
      member = { ...member, step: 'choose-centre', instrumentId: instrument.id };
      replies.push(say('', centresCard(lang, ctx.centres)));
      return done();
    }
    if (command === 'instrument') {
      replies.push(say(t(lang, 'unknownInstrument'), instrumentsCard(lang, ctx.instruments)));
      return done();
    }
  }

  if (member.step === 'choose-centre' && (command === 'centre' || (!command && text.trim()))) {
    const instrument = member.instrumentId ? instrumentOf(member.instrumentId) : undefined;
    if (!instrument) {
      member = { ...member, step: 'choose-instrument' };
      replies.push(say(t(lang, 'unknownInstrument'), instrumentsCard(lang, ctx.instruments)));
      return done();
    }
    const chosen = pick(ctx.centres, incoming, (c) => localize(c.name, lang));
    const typed = (command === 'centre' ? (field(incoming.value, 'centreName') ?? '') : text)
      .trim()
      .replace(/\s+/g, ' ');
    if (!chosen && (!typed || typed.length > 120)) {
      replies.push(
        say(
          typed ? t(lang, 'centreTooLong', { max: 120 }) : t(lang, 'chooseCentre'),
          centresCard(lang, ctx.centres),
        ),
      );
      return done();
    }
    const session = startSession(instrument, {
      respondentId: ctx.userId,
      centreId: chosen ? chosen.id : `named:${typed}`,
      asOf: ctx.asOf,
    });
    member = { ...member, step: 'answering', session, sessionId: ctx.newId() };
    delete member.instrumentId;
    showQuestion(session, instrument, localize(instrument.intro ?? instrument.description, lang));
    return done();
  }

  // Anything else is a question for the answering engine.
  const question = command === 'ask' ? (field(incoming.value, 'question') ?? '') : text;
  if (!question.trim()) {
    replies.push(say(t(lang, 'askHint')));
    return done();
  }
  const answer = ctx.answers.answer(question, { locale: lang });
  replies.push(say('', answerCard(answer)));
  return done();
}

/** A card submit's answer: choice sets send strings ("a,b" for several), inputs send text. */
function answerValue(value: unknown): unknown {
  const answer =
    value && typeof value === 'object' ? (value as Record<string, unknown>).answer : undefined;
  if (typeof answer === 'string' || typeof answer === 'number' || typeof answer === 'boolean')
    return answer;
  return answer === undefined ? '' : answer;
}

function pick<T extends { id: string }>(
  list: readonly T[],
  incoming: Incoming,
  label: (x: T) => string,
): T | undefined {
  const id = field(incoming.value, 'id');
  if (id !== undefined) return list.find((x) => x.id === id);
  const typed = foldText(incoming.text ?? '');
  if (/^\d+$/.test(typed)) return list[Number(typed) - 1];
  return typed ? list.find((x) => foldText(label(x)) === typed) : undefined;
}
