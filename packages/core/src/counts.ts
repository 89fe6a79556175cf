import * as z from 'zod';
import { IdSchema } from './id';
import { SourcesSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * A count the sources give without naming what is counted — Treatnet's 20 resource centres
 * or its 15 electronic participants — so the number is modelled and nothing is invented.
 *
 * @example
 * ```ts
 * CountFactSchema.parse({
 *   id: 'electronic-participants', count: 15, text: { en: 'Treatment providers taking part electronically' },
 *   sources: [{ document: '001_30f54731c3eb449f.txt', section: 'Abstract' }],
 * });
 * ```
 */
export const CountFactSchema = z
  .object({
    id: IdSchema,
    count: z.number().int().nonnegative(),
    text: LocalizedTextSchema,
    /**
     * The phase the sources give the count for, when they give it for one phase only: a
     * question about another phase is told that count is not given for it.
     */
    phaseId: IdSchema.optional(),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'CountFact' });

/**
 * A sourced count.
 *
 * @example
 * ```ts
 * const c: CountFact = { id: 'working-groups', count: 4, text: { en: 'Working groups' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type CountFact = z.infer<typeof CountFactSchema>;

/**
 * Looks up a sourced count by id.
 *
 * @example
 * ```ts
 * countOf(treatnet, 'electronic-participants')?.count; // 15
 * ```
 */
export function countOf(
  network: { counts: readonly CountFact[] },
  id: string,
): CountFact | undefined {
  return network.counts.find((fact) => fact.id === id);
}
