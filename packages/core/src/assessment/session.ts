import * as z from 'zod';
import { IdSchema } from '../id';
import { IsoDateSchema } from '../period';
import type { Result } from '../result';
import { fill, type Template } from '../template';
import type { AnswerError } from './answers';
import { AnswerValueSchema } from './answerValue';
import type { Instrument } from './instrument';

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

export const T = {
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

/** Steps need the instrument version the session was started on. */
export function assertPinned(instrument: Instrument, session: Session): void {
  if (session.instrumentId !== instrument.id || session.instrumentVersion !== instrument.version) {
    // A programmer error: the caller must migrate the session to the new version first.
    throw new Error(
      `Session is pinned to ${session.instrumentId}@${session.instrumentVersion}, not ${instrument.id}@${instrument.version}; call migrateSession first`,
    );
  }
}

export function isoDay(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * The guard of every step that changes a session: it must be on the instrument's version
 * (a programmer error otherwise), and a submitted session refuses every change.
 */
export function refuseChange(
  instrument: Instrument,
  session: Session,
  locale: string,
): Result<never, SessionError> | undefined {
  assertPinned(instrument, session);
  return session.status === 'completed'
    ? { ok: false, error: { code: 'completed', message: fill(T.completed, locale) } }
    : undefined;
}
