import { detectLanguage } from '../answers/language';
import { welcomeCard } from '../cards/menus';
import { langOf, t } from '../i18n/catalog';
import { can, type Role } from '../members/roles';
import { type AnywhereCommand, COMMANDS } from './commands';
import type { EngineContext, Flow } from './flow';
import { ask } from './flows/ask';
import { answering, confirmation } from './flows/assessment';
import { approveCentre, centreRequests, changeCentre } from './flows/centreChange';
import { centreResults } from './flows/centreResults';
import {
  chooseCentre,
  chooseInstrument,
  choosesCentre,
  choosesInstrument,
  continueAssessment,
  start,
} from './flows/choose';
import { exportAll, submissions, summary, unanswered } from './flows/coordinator';
import { help, language } from './flows/general';
import { invite } from './flows/invite';
import { join } from './flows/join';
import { privacy } from './flows/privacy';
import { exportResult, myData, myResults, showResult } from './flows/results';
import { remindIfAnswering } from './flows/session';
import type { Message } from './incoming';
import { type Effect, Outcome } from './outcome';
import type { Reply } from './reply';
import type { ConversationState, MemberState } from './state';

export type { EngineContext } from './flow';
export { dataOf, type Incoming, type Message, parseIncoming } from './incoming';
export type { Effect } from './outcome';

export interface TurnState {
  conversation: ConversationState;
  member: MemberState;
}

export interface TurnOutcome extends TurnState {
  replies: Reply[];
  /** What the edge does besides storing the state: store a result, forget the member. */
  effects: readonly Effect[];
}

/** The result a turn submitted, if any. */
export const submittedResult = (outcome: Pick<TurnOutcome, 'effects'>) =>
  outcome.effects.find((e) => e.type === 'submit')?.result;

/** Whether the member asked, and confirmed, to be forgotten this turn. */
export const forgets = (outcome: Pick<TurnOutcome, 'effects'>) =>
  outcome.effects.some((e) => e.type === 'forget');

/** The longest message read; longer ones are refused with a message, not truncated. */
export const MAX_MESSAGE = 4000;

/** The commands answered wherever the member is. */
const ANYWHERE: Record<AnywhereCommand, Flow> = {
  language,
  help,
  'my-results': myResults,
  'show-result': showResult,
  export: exportResult,
  'my-data': myData,
  submissions,
  summary,
  'export-all': exportAll,
  unanswered,
  join,
  invite,
  'change-centre': changeCentre,
  'centre-results': centreResults,
  'centre-requests': centreRequests,
  'approve-centre': approveCentre,
};

/** Which flow takes a message, tried in order; the last one (a question) takes anything. */
const ROUTES: readonly {
  when: (outcome: Outcome, message: Message, ctx: EngineContext) => boolean;
  flow: Flow;
}[] = [
  {
    when: (_, m) => m.command !== undefined && COMMANDS[m.command].scope === 'anywhere',
    flow: (o, m, ctx) => remindIfAnswering(ANYWHERE[m.command as AnywhereCommand](o, m, ctx), ctx),
  },
  {
    when: (o, m) => m.command === 'forget-me' || o.member.step === 'confirm-forget',
    flow: privacy,
  },
  {
    when: (o) => o.member.step === 'confirm-cancel' || o.member.step === 'confirm-restart',
    flow: confirmation,
  },
  { when: (o) => o.member.step === 'answering', flow: answering },
  { when: (_, m) => m.command === 'continue', flow: continueAssessment },
  { when: (_, m) => m.command === 'start', flow: start },
  {
    when: (o, m, ctx) => o.member.step === 'choose-instrument' && choosesInstrument(o, m, ctx),
    flow: chooseInstrument,
  },
  { when: (o, m) => o.member.step === 'choose-centre' && choosesCentre(m), flow: chooseCentre },
  { when: () => true, flow: ask },
];

/**
 * Which stored results a turn needs, so the edge loads them before calling {@link turn}:
 * the member's own, their centre's (its focal point), every result or the summed figures
 * of each instrument (coordinators only), or none.
 */
export function resultsNeeded(
  message: Message,
  isCoordinator: boolean,
  centre?: { role: Role; centreId?: string },
): 'mine' | 'centre' | 'all' | 'figures' | 'page' | undefined {
  const needs =
    message.command &&
    (COMMANDS[message.command] as { results?: 'mine' | 'centre' | 'all' | 'figures' | 'page' })
      .results;
  if ((needs === 'all' || needs === 'figures' || needs === 'page') && !isCoordinator)
    return undefined;
  // A centre's results are read only for its own focal point (or someone above).
  if (needs === 'centre' && !(centre?.centreId && can(centre.role, 'see-centre-results')))
    return undefined;
  return needs;
}

/** Whether a turn needs the unanswered-questions log (coordinators asking for it). */
export const unansweredNeeded = (message: Message, isCoordinator: boolean): boolean =>
  isCoordinator &&
  message.command !== undefined &&
  (COMMANDS[message.command] as { unanswered?: true }).unanswered === true;

/**
 * One turn of the conversation: (state, message) → (new state, replies, effects). Pure:
 * the edge stores the state, delivers the replies and carries out the effects.
 */
export function turn(state: TurnState, message: Message, ctx: EngineContext): TurnOutcome {
  const text = message.text;
  const lang =
    state.member.lang ??
    (message.locale ? langOf(message.locale) : text ? detectLanguage(text) : 'en');
  let outcome = Outcome.of(ageContext(state.member), lang);
  const conversation = { welcomed: true };
  const finish = (): TurnOutcome => ({
    conversation,
    member: outcome.member,
    replies: [...outcome.replies],
    effects: outcome.effects,
  });

  if (!state.conversation.welcomed) {
    outcome = outcome.say(
      '',
      welcomeCard(lang, state.member.session !== undefined, ctx.branding.welcome, ctx),
    );
    if (message.type === 'installed' || !(text.trim() || message.clicked)) return finish();
  }
  if (message.type === 'installed') return finish();
  if (text.length > MAX_MESSAGE) {
    outcome = outcome.say(t(lang, 'tooLong', { length: text.length, max: MAX_MESSAGE }));
    return finish();
  }
  const route = ROUTES.find((r) => r.when(outcome, message, ctx));
  outcome = (route?.flow ?? ask)(outcome, message, ctx);
  return finish();
}

/** Each turn the last question counts down; at zero it is forgotten. */
function ageContext(member: MemberState): MemberState {
  const context = member.context;
  if (!context) return member;
  const { context: _gone, ...rest } = member;
  return context.turnsLeft > 1
    ? { ...member, context: { ...context, turnsLeft: context.turnsLeft - 1 } }
    : rest;
}
