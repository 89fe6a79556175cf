import * as z from 'zod';
import { IdSchema } from '../id';
import { IsoDateSchema } from '../period';
import { type AnswerValue, AnswerValueSchema } from './answerValue';
import type { Instrument } from './instrument';
import { type ScaleScore, scoreAnswers } from './scoring';
import type { Session } from './session';
import { visibleAnswers } from './visibility';

const ScaleScoreSchema = z
  .object({
    scaleId: IdSchema,
    status: z.enum(['scored', 'insufficient-data']),
    value: z.number().nullable(),
    answered: z.number().int().nonnegative(),
    minAnswered: z.number().int().nonnegative(),
    min: z.number(),
    max: z.number(),
    direction: z.enum(['higher-is-better', 'higher-is-more-need']),
    needLevel: z.enum(['high', 'moderate', 'low']).nullable(),
    target: z.number().optional(),
    gap: z.number().nullable(),
  })
  .strict();

/**
 * A submitted assessment: immutable evidence of what a centre answered and how it scored,
 * pinned to the instrument id and version. Only answers to questions shown are kept.
 *
 * @example
 * ```ts
 * const parsed = parseWith(AssessmentResultSchema, JSON.parse(row));
 * ```
 */
export const AssessmentResultSchema = z
  .object({
    id: z.string().min(1).max(200),
    instrumentId: IdSchema,
    instrumentVersion: z.string().min(1),
    centreId: z.string().min(1).max(200),
    respondentId: z.string().min(1).max(200),
    startedAt: IsoDateSchema,
    submittedAt: IsoDateSchema,
    answers: z.record(z.string(), AnswerValueSchema),
    scores: z.array(ScaleScoreSchema),
    example: z.literal(true).optional(),
  })
  .strict()
  .meta({ id: 'AssessmentResult' });

/**
 * A submitted assessment.
 *
 * @example
 * ```ts
 * const result: AssessmentResult = resultFromSession(instrument, completed, 'result-1');
 * ```
 */
export type AssessmentResult = {
  id: string;
  instrumentId: string;
  instrumentVersion: string;
  centreId: string;
  respondentId: string;
  startedAt: string;
  submittedAt: string;
  answers: Record<string, AnswerValue>;
  scores: ScaleScore[];
  example?: true | undefined;
};

/**
 * Turns a completed session into a result, scoring it. Throws if the session is not
 * completed (a programmer error: call `completeSession` first).
 *
 * @example
 * ```ts
 * const done = completeSession(instrument, session, '2026-11-23');
 * if (done.ok) save(resultFromSession(instrument, done.value, crypto.randomUUID()));
 * ```
 */
export function resultFromSession(
  instrument: Instrument,
  session: Session,
  id: string,
): AssessmentResult {
  if (session.status !== 'completed' || !session.completedAt) {
    throw new Error('Only a completed session becomes a result: call completeSession first');
  }
  const answers = visibleAnswers(instrument, session.answers);
  return {
    id,
    instrumentId: session.instrumentId,
    instrumentVersion: session.instrumentVersion,
    centreId: session.centreId,
    respondentId: session.respondentId,
    startedAt: session.startedAt,
    submittedAt: session.completedAt,
    answers,
    scores: scoreAnswers(instrument, answers),
  };
}
