import * as z from 'zod';
import { IdSchema } from '../id';
import { type DateInput, IsoDateSchema, toDay } from '../period';
import type { Result } from '../result';
import { fill, type Template } from '../template';
import { localize } from '../text';
import { type AnswerError, parseAnswer } from './answers';
import { type AnswerValue, AnswerValueSchema } from './answerValue';
import { conditionItems, evaluateCondition } from './conditions';
import { type Instrument, type Item, instrumentItems, type Section } from './instrument';

/**
 * A respondent's assessment in progress or completed, as plain JSON: store it anywhere and
 * resume it later. It is pinned to one instrument id and version.
 *
 * @example
 * ```ts
 * const result = parseWith(SessionSchema, JSON.parse(stored));
 * ```
 */
export const SessionSchema = z
  .object({
    instrumentId: IdSchema,
    instrumentVersion: z.string().min(1),
    respondentId: z.string().min(1).max(200),
    centreId: z.string().min(1).max(200),
    startedAt: IsoDateSchema,
    answers: z.record(z.string(), AnswerValueSchema),
    skipped: z.array(z.string()),
    current: z.string().nullable(),
    status: z.enum(['in-progress', 'review', 'completed']),
    completedAt: IsoDateSchema.optional(),
  })
  .strict()
  .meta({ id: 'Session' });

/**
 * An assessment session.
 *
 * @example
 * ```ts
 * const session: Session = startSession(instrument, { respondentId: 'r1', centreId: 'c1', asOf: '2026-11-23' });
 * ```
 */
export type Session = z.infer<typeof SessionSchema>;

const T = {
  required: {
    en: 'This question needs an answer; it cannot be skipped.',
    vi: 'Câu hỏi này bắt buộc trả lời, không thể bỏ qua.',
  },
  missing: {
    en: '{count} required question(s) still need an answer.',
    vi: 'Còn {count} câu hỏi bắt buộc chưa được trả lời.',
  },
  hidden: {
    en: 'That question is not part of this assessment with the answers given so far.',
    vi: 'Câu hỏi đó không thuộc bài đánh giá này với các câu trả lời hiện có.',
  },
  done: {
    en: 'There is no question waiting for an answer.',
    vi: 'Không còn câu hỏi nào đang chờ trả lời.',
  },
  completed: {
    en: 'This assessment is already submitted and cannot change.',
    vi: 'Bài đánh giá này đã được nộp và không thể thay đổi.',
  },
  yes: { en: 'Yes', vi: 'Có' },
  no: { en: 'No', vi: 'Không' },
} satisfies Record<string, Template>;

/**
 * Why a session step was refused, in the respondent's language.
 *
 * @example
 * ```ts
 * const e: SessionError = { code: 'required', message: 'This question needs an answer; it cannot be skipped.' };
 * ```
 */
export interface SessionError {
  code:
    | AnswerError['code']
    | 'required'
    | 'missing-required'
    | 'hidden'
    | 'no-question'
    | 'completed';
  message: string;
  /** For `missing-required`: the items still to answer. */
  itemIds?: string[];
}

function assertPinned(instrument: Instrument, session: Session): void {
  if (session.instrumentId !== instrument.id || session.instrumentVersion !== instrument.version) {
    // A programmer error: the caller must migrate the session to the new version first.
    throw new Error(
      `Session is pinned to ${session.instrumentId}@${session.instrumentVersion}, not ${instrument.id}@${instrument.version}; call migrateSession first`,
    );
  }
}

/**
 * The items shown for a set of answers, in order. An item's condition sees only answers to
 * earlier items that are themselves shown, so an answer left behind by a hidden item never
 * counts.
 *
 * @example
 * ```ts
 * visibleItems(instrument, session.answers).map(({ item }) => item.id);
 * ```
 */
export function visibleItems(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
): readonly { item: Item; section: Section }[] {
  // Sessions never mutate their answers object, so the list is cached per answers object.
  const hit = shownCache.get(answers);
  if (hit?.instrument === instrument) return hit.shown;
  const shown = computeVisible(instrument, answers);
  shownCache.set(answers, { instrument, shown });
  return shown;
}

const shownCache = new WeakMap<
  object,
  { instrument: Instrument; shown: { item: Item; section: Section }[] }
>();
const targetCache = new WeakMap<object, Set<string>>();

/** Item ids that some condition looks at: only answers to these can change what is shown. */
function conditionTargets(instrument: Instrument): Set<string> {
  let targets = targetCache.get(instrument.sections);
  if (!targets) {
    targets = new Set(
      instrumentItems(instrument).flatMap(({ item }) =>
        item.visibleWhen ? conditionItems(item.visibleWhen) : [],
      ),
    );
    targetCache.set(instrument.sections, targets);
  }
  return targets;
}

function computeVisible(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
): { item: Item; section: Section }[] {
  // Until an item is hidden, conditions can read the answers as they are; after that they
  // read a copy without the hidden items' answers.
  let seen: Record<string, AnswerValue> | undefined;
  const shown: { item: Item; section: Section }[] = [];
  for (const entry of instrumentItems(instrument)) {
    const { item } = entry;
    if (item.visibleWhen && !evaluateCondition(item.visibleWhen, seen ?? answers)) {
      if (!seen) {
        seen = {};
        for (const { item: earlier } of shown) {
          const answer = answers[earlier.id];
          if (answer !== undefined) seen[earlier.id] = answer;
        }
      }
      continue;
    }
    shown.push(entry);
    const answer = answers[item.id];
    if (seen && answer !== undefined) seen[item.id] = answer;
  }
  return shown;
}

/**
 * The answers that count: those to items currently shown. Answers to items hidden by a later
 * change are kept in the session but left out here, and so never scored.
 *
 * @example
 * ```ts
 * visibleAnswers(instrument, session.answers);
 * ```
 */
export function visibleAnswers(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const { item } of visibleItems(instrument, answers)) {
    const answer = answers[item.id];
    if (answer !== undefined) out[item.id] = answer;
  }
  return out;
}

function pending(session: Session, id: string): boolean {
  return session.answers[id] === undefined && !session.skipped.includes(id);
}

// Moves to the first open question after `from` (or from the start), or to review.
function advance(instrument: Instrument, session: Session, from: string | null): Session {
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

function isoDay(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
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
    total: shown.length,
    ...(answer !== undefined ? { answer } : {}),
  };
}

// The question a step acts on, or why there is none (submitted, or nothing left to ask).
function openQuestion(
  instrument: Instrument,
  session: Session,
  locale: string,
): Result<Item, SessionError> {
  assertPinned(instrument, session);
  const refused = refuseCompleted(session, locale);
  if (refused) return refused;
  const question = currentQuestion(instrument, session);
  if (!question)
    return { ok: false, error: { code: 'no-question', message: fill(T.done, locale) } };
  return { ok: true, value: question.item };
}

function refuseCompleted(
  session: Session,
  locale: string,
): Result<never, SessionError> | undefined {
  return session.status === 'completed'
    ? { ok: false, error: { code: 'completed', message: fill(T.completed, locale) } }
    : undefined;
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
  if (!conditionTargets(instrument).has(item.id)) {
    // No condition reads this item, so what is shown cannot change.
    const before = shownCache.get(session.answers);
    if (before?.instrument === instrument) shownCache.set(answers, before);
  }
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
  assertPinned(instrument, session);
  const refused = refuseCompleted(session, locale);
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

/**
 * An answer written for people: "4 – Agree", option labels, "Yes"/"Có".
 *
 * @example
 * ```ts
 * formatAnswer(instrument, item, true, 'vi'); // 'Có'
 * ```
 */
export function formatAnswer(
  instrument: Pick<Instrument, 'likertScales'>,
  item: Item,
  value: AnswerValue,
  locale = 'en',
): string {
  switch (item.type) {
    case 'likert': {
      const point = instrument.likertScales
        .find((s) => s.id === item.likertScale)
        ?.points.find((p) => p.value === value);
      return point ? `${point.value} – ${localize(point.label, locale)}` : String(value);
    }
    case 'single':
    case 'multiple': {
      const values = Array.isArray(value) ? value : [String(value)];
      return values
        .map((v) => {
          const option = item.options.find((o) => o.value === v);
          return option ? localize(option.label, locale) : v;
        })
        .join(', ');
    }
    case 'yes-no':
      return fill(value ? T.yes : T.no, locale);
    default:
      return String(value);
  }
}

/**
 * The review list before submitting: every question shown, its answer written for people,
 * and whether it was skipped or is required.
 *
 * @example
 * ```ts
 * reviewList(instrument, session, 'vi').filter((row) => row.required && row.answer === undefined);
 * ```
 */
export function reviewList(
  instrument: Instrument,
  session: Session,
  locale = 'en',
): {
  item: Item;
  section: Section;
  answer?: AnswerValue;
  display?: string;
  skipped: boolean;
  required: boolean;
}[] {
  return visibleItems(instrument, session.answers).map(({ item, section }) => {
    const answer = session.answers[item.id];
    return {
      item,
      section,
      ...(answer !== undefined
        ? { answer, display: formatAnswer(instrument, item, answer, locale) }
        : {}),
      skipped: session.skipped.includes(item.id),
      required: item.required,
    };
  });
}

/**
 * Submits a session once every required question shown has an answer; otherwise says how
 * many are missing and which. `asOf` is the submission date.
 *
 * @example
 * ```ts
 * const done = completeSession(instrument, session, '2026-11-23', 'vi');
 * ```
 */
export function completeSession(
  instrument: Instrument,
  session: Session,
  asOf: DateInput,
  locale = 'en',
): Result<Session, SessionError> {
  assertPinned(instrument, session);
  const refused = refuseCompleted(session, locale);
  if (refused) return refused;
  const missing = visibleItems(instrument, session.answers)
    .filter(({ item }) => item.required && session.answers[item.id] === undefined)
    .map(({ item }) => item.id);
  if (missing.length > 0) {
    return {
      ok: false,
      error: {
        code: 'missing-required',
        message: fill(T.missing, locale, { count: missing.length }),
        itemIds: missing,
      },
    };
  }
  return {
    ok: true,
    value: { ...session, current: null, status: 'completed', completedAt: isoDay(toDay(asOf)) },
  };
}

/**
 * Moves a session to another version of its instrument: answers are kept by item id where
 * the item still exists and the answer is still valid; the rest are dropped and reported.
 *
 * @example
 * ```ts
 * const { session: moved, dropped } = migrateSession(session, newerInstrument);
 * dropped; // [{ itemId: 'q9', reason: 'removed' }]
 * ```
 */
export function migrateSession(
  session: Session,
  instrument: Instrument,
): { session: Session; dropped: { itemId: string; reason: 'removed' | 'invalid' }[] } {
  const items = new Map(instrumentItems(instrument).map(({ item }) => [item.id, item]));
  const answers: Record<string, AnswerValue> = {};
  const dropped: { itemId: string; reason: 'removed' | 'invalid' }[] = [];
  for (const [itemId, value] of Object.entries(session.answers)) {
    const item = items.get(itemId);
    if (!item) {
      dropped.push({ itemId, reason: 'removed' });
      continue;
    }
    const parsed = parseAnswer(instrument, item, value);
    if (parsed.ok) answers[itemId] = parsed.value;
    else dropped.push({ itemId, reason: 'invalid' });
  }
  const moved: Session = {
    ...session,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers,
    skipped: session.skipped.filter((id) => items.has(id)),
  };
  if (session.status === 'completed') return { session: moved, dropped };
  const current = moved.current !== null && items.has(moved.current) ? moved.current : null;
  const settled =
    current !== null && visibleItems(instrument, answers).some(({ item }) => item.id === current)
      ? { ...moved, current, status: 'in-progress' as const }
      : advance(instrument, { ...moved, current: null }, null);
  return { session: settled, dropped };
}
