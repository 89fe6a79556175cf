import { type DateInput, toDay } from '../period';
import type { Result } from '../result';
import { fill } from '../template';
import { parseAnswer } from './answers';
import type { AnswerValue } from './answerValue';
import type { Instrument, Item, Section } from './instrument';
import { assertPinned, isoDay, refuseChange, type Session, type SessionError, T } from './session';
import { keepVisibility, possibleItemCount, visibleItems } from './visibility';

function pending(session: Session, id: string): boolean {
  return session.answers[id] === undefined && !session.skipped.includes(id);
}

// Moves to the first open question after `from` (or from the start), or to review.
export function advance(instrument: Instrument, session: Session, from: string | null): Session {
  const shown = visibleItems(instrument, session.answers).map(({ item }) => item.id);
  const start = from === null ? -1 : shown.indexOf(from);
  const next =
    shown.slice(start + 1).find((id) => pending(session, id)) ??
    shown.find((id) => pending(session, id)) ??
    null;
  return { ...session, current: next, status: next === null ? 'review' : 'in-progress' };
}

/**
 * Starts a session on the instrument's first question. `asOf` is the start date (core never
 * reads the clock).
 *
 * @example
 * ```ts
 * const session = startSession(instrument, { respondentId: 'member-1', centreId: 'example-resource-centre-vn', asOf: '2026-11-23' });
 * ```
 */
export function startSession(
  instrument: Instrument,
  start: { respondentId: string; centreId: string; asOf: DateInput },
): Session {
  const day = toDay(start.asOf);
  const session: Session = {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    respondentId: start.respondentId,
    centreId: start.centreId,
    startedAt: isoDay(day),
    answers: {},
    skipped: [],
    current: null,
    status: 'in-progress',
  };
  return advance(instrument, session, null);
}

/**
 * The question to ask now, with its section and its place among the questions shown
 * ("question 7 of 24"); `undefined` when every question is answered or skipped.
 *
 * @example
 * ```ts
 * const q = currentQuestion(instrument, session);
 * if (q) console.log(`${q.number}/${q.total}`, localize(q.item.text, 'vi'));
 * ```
 */
export function currentQuestion(
  instrument: Instrument,
  session: Session,
):
  | { item: Item; section: Section; number: number; total: number; answer?: AnswerValue }
  | undefined {
  assertPinned(instrument, session);
  if (session.current === null) return undefined;
  const shown = visibleItems(instrument, session.answers);
  const index = shown.findIndex(({ item }) => item.id === session.current);
  const entry = shown[index];
  if (!entry) return undefined;
  const answer = session.answers[entry.item.id];
  return {
    ...entry,
    number: index + 1,
    // Questions that may still be asked count too, so the total does not creep up.
    total: possibleItemCount(instrument, session.answers),
    ...(answer !== undefined ? { answer } : {}),
  };
}

// The question a step acts on, or why there is none (submitted, or nothing left to ask).
function openQuestion(
  instrument: Instrument,
  session: Session,
  locale: string,
): Result<Item, SessionError> {
  const refused = refuseChange(instrument, session, locale);
  if (refused) return refused;
  const question = currentQuestion(instrument, session);
  if (!question)
    return { ok: false, error: { code: 'no-question', message: fill(T.done, locale) } };
  return { ok: true, value: question.item };
}

/**
 * Answers the current question with a typed value or raw text, then moves to the next open
 * question. A refused answer leaves the session as it was and says what is allowed.
 *
 * @example
 * ```ts
 * const step = answerCurrent(instrument, session, '4', 'vi');
 * if (step.ok) session = step.value; else reply(step.error.message);
 * ```
 */
export function answerCurrent(
  instrument: Instrument,
  session: Session,
  raw: unknown,
  locale = 'en',
): Result<Session, SessionError> {
  const question = openQuestion(instrument, session, locale);
  if (!question.ok) return question;
  return setAnswer(instrument, session, question.value, raw, locale, true);
}

function setAnswer(
  instrument: Instrument,
  session: Session,
  item: Item,
  raw: unknown,
  locale: string,
  move: boolean,
): Result<Session, SessionError> {
  const parsed = parseAnswer(instrument, item, raw, locale);
  if (!parsed.ok) return parsed;
  const answers = { ...session.answers, [item.id]: parsed.value };
  keepVisibility(instrument, item.id, session.answers, answers);
  const updated: Session = {
    ...session,
    answers,
    skipped: session.skipped.includes(item.id)
      ? session.skipped.filter((id) => id !== item.id)
      : session.skipped,
  };
  if (move) return { ok: true, value: advance(instrument, updated, item.id) };
  // Changing an earlier answer can hide or show questions: stay where we were if still shown.
  const shown = visibleItems(instrument, updated.answers).map(({ item: i }) => i.id);
  if (updated.current !== null && shown.includes(updated.current))
    return { ok: true, value: updated };
  return { ok: true, value: advance(instrument, updated, null) };
}

/**
 * Changes the answer to an earlier question that is shown, without moving on. Questions the
 * change hides keep their answers, which stop counting; questions it shows become open.
 *
 * @example
 * ```ts
 * const step = changeAnswer(instrument, session, 'had-training', 'no');
 * ```
 */
export function changeAnswer(
  instrument: Instrument,
  session: Session,
  itemId: string,
  raw: unknown,
  locale = 'en',
): Result<Session, SessionError> {
  const refused = refuseChange(instrument, session, locale);
  if (refused) return refused;
  const entry = visibleItems(instrument, session.answers).find(({ item }) => item.id === itemId);
  if (!entry) return { ok: false, error: { code: 'hidden', message: fill(T.hidden, locale) } };
  return setAnswer(instrument, session, entry.item, raw, locale, false);
}

/**
 * Skips the current question when it is optional; required questions refuse politely.
 *
 * @example
 * ```ts
 * const step = skipCurrent(instrument, session, 'vi');
 * ```
 */
export function skipCurrent(
  instrument: Instrument,
  session: Session,
  locale = 'en',
): Result<Session, SessionError> {
  const open = openQuestion(instrument, session, locale);
  if (!open.ok) return open;
  const question = { item: open.value };
  if (question.item.required) {
    return { ok: false, error: { code: 'required', message: fill(T.required, locale) } };
  }
  const skipped = [...session.skipped.filter((id) => id !== question.item.id), question.item.id];
  const { [question.item.id]: _dropped, ...answers } = session.answers;
  return {
    ok: true,
    value: advance(instrument, { ...session, skipped, answers }, question.item.id),
  };
}

/**
 * Goes back to the previous question shown (from review, to the last one). At the first
 * question it stays put.
 *
 * @example
 * ```ts
 * session = goBack(instrument, session);
 * ```
 */
export function goBack(instrument: Instrument, session: Session): Session {
  assertPinned(instrument, session);
  if (session.status === 'completed') return session;
  const shown = visibleItems(instrument, session.answers).map(({ item }) => item.id);
  const index = session.current === null ? shown.length : shown.indexOf(session.current);
  const previous = shown[Math.max(0, index - 1)] ?? null;
  return { ...session, current: previous, status: previous === null ? 'review' : 'in-progress' };
}

/**
 * How far a session has come: answered questions out of those currently shown.
 *
 * @example
 * ```ts
 * progress(instrument, session); // { answered: 7, visible: 24, percent: 29 }
 * ```
 */
export function progress(
  instrument: Instrument,
  session: Session,
): { answered: number; visible: number; percent: number } {
  const shown = visibleItems(instrument, session.answers);
  const answered = shown.filter(({ item }) => session.answers[item.id] !== undefined).length;
  const visible = shown.length;
  return {
    answered,
    visible,
    percent: visible === 0 ? 100 : Math.floor((answered / visible) * 100),
  };
}
