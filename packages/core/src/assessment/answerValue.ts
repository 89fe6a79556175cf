import * as z from 'zod';

/**
 * A stored answer: a number (Likert, number), an option value (single choice), option
 * values (multiple choice), a boolean (yes/no), text, or an ISO date.
 *
 * @example
 * ```ts
 * AnswerValueSchema.parse(['a', 'b']); // ['a', 'b']
 * ```
 */
export const AnswerValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.string()),
]);

/**
 * A stored answer, as {@link AnswerValueSchema} defines it.
 *
 * @example
 * ```ts
 * const answers: Record<string, AnswerValue> = { q1: 4, q2: 'online', q3: ['a', 'b'], q4: true };
 * ```
 */
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
