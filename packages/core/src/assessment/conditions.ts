import * as z from 'zod';
import { IdSchema } from '../id';
import type { AnswerValue } from './answerValue';

/**
 * When an item is shown: a small JSON expression over earlier answers — never evaluated as
 * code. `all`/`any`/`not` combine; `equals`, `in`, `gt`/`gte`/`lt`/`lte`, `answered` and
 * `count-selected` test one earlier item.
 *
 * @example
 * ```ts
 * const condition: Condition = { op: 'all', conditions: [
 *   { op: 'equals', item: 'had-training', value: true },
 *   { op: 'gte', item: 'staff-count', value: 5 },
 * ] };
 * ```
 */
export type Condition =
  | { op: 'all'; conditions: Condition[] }
  | { op: 'any'; conditions: Condition[] }
  | { op: 'not'; condition: Condition }
  | { op: 'equals'; item: string; value: string | number | boolean }
  | { op: 'in'; item: string; values: (string | number)[] }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; item: string; value: number }
  | { op: 'answered'; item: string }
  | {
      op: 'count-selected';
      compare: 'eq' | 'gt' | 'gte' | 'lt' | 'lte';
      item: string;
      value: number;
    };

/**
 * Schema of {@link Condition}.
 *
 * @example
 * ```ts
 * ConditionSchema.parse({ op: 'answered', item: 'q1' });
 * ```
 */
export const ConditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.discriminatedUnion('op', [
      z.object({ op: z.literal('all'), conditions: z.array(ConditionSchema).min(1) }).strict(),
      z.object({ op: z.literal('any'), conditions: z.array(ConditionSchema).min(1) }).strict(),
      z.object({ op: z.literal('not'), condition: ConditionSchema }).strict(),
      z
        .object({
          op: z.literal('equals'),
          item: IdSchema,
          value: z.union([z.string(), z.number(), z.boolean()]),
        })
        .strict(),
      z
        .object({
          op: z.literal('in'),
          item: IdSchema,
          values: z.array(z.union([z.string(), z.number()])).min(1),
        })
        .strict(),
      z
        .object({ op: z.enum(['gt', 'gte', 'lt', 'lte']), item: IdSchema, value: z.number() })
        .strict(),
      z.object({ op: z.literal('answered'), item: IdSchema }).strict(),
      z
        .object({
          op: z.literal('count-selected'),
          compare: z.enum(['eq', 'gt', 'gte', 'lt', 'lte']),
          item: IdSchema,
          value: z.number().int().nonnegative(),
        })
        .strict(),
    ]),
  )
  .meta({ id: 'Condition' });

/**
 * The item ids a condition looks at.
 *
 * @example
 * ```ts
 * conditionItems({ op: 'not', condition: { op: 'answered', item: 'q1' } }); // ['q1']
 * ```
 */
export function conditionItems(condition: Condition): string[] {
  switch (condition.op) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap(conditionItems);
    case 'not':
      return conditionItems(condition.condition);
    default:
      return [condition.item];
  }
}

function compare(op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte', left: number, right: number): boolean {
  switch (op) {
    case 'eq':
      return left === right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
  }
}

/**
 * Evaluates a condition against answers. A missing answer makes every test on it false
 * (so `not` of it is true); `answered` is false.
 *
 * @example
 * ```ts
 * evaluateCondition({ op: 'gte', item: 'q1', value: 4 }, { q1: 5 }); // true
 * evaluateCondition({ op: 'gte', item: 'q1', value: 4 }, {}); // false
 * ```
 */
export function evaluateCondition(
  condition: Condition,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
): boolean {
  switch (condition.op) {
    case 'all':
      return condition.conditions.every((c) => evaluateCondition(c, answers));
    case 'any':
      return condition.conditions.some((c) => evaluateCondition(c, answers));
    case 'not':
      return !evaluateCondition(condition.condition, answers);
    case 'answered':
      return answers[condition.item] !== undefined;
    default:
      break;
  }
  const answer = answers[condition.item];
  if (answer === undefined) return false;
  switch (condition.op) {
    case 'equals':
      return answer === condition.value;
    case 'in':
      return Array.isArray(answer)
        ? answer.some((value) => condition.values.includes(value))
        : condition.values.includes(answer as string | number);
    case 'count-selected':
      return Array.isArray(answer) && compare(condition.compare, answer.length, condition.value);
    default:
      return (
        typeof answer === 'number' &&
        compare(condition.op === 'gt' ? 'gt' : condition.op, answer, condition.value)
      );
  }
}
