import * as z from 'zod';
import { IdSchema } from './id';
import { SourcesSchema } from './sources';
import { NamedItemSchema } from './statement';
import { LocalizedTextSchema } from './text';

/**
 * A group a network serves: people with drug problems (youth, women, people who inject
 * drugs, drug-using offenders), care providers (NGOs and CBOs, governments) or institutions.
 *
 * @example
 * ```ts
 * BeneficiaryGroupSchema.parse({
 *   id: 'care-providers', kind: 'care-providers', name: { en: 'Treatment and rehabilitation care providers' },
 *   subgroups: [], sources: [{ document: '002_d9aab02609379ddc.txt', section: 'Beneficiaries' }],
 * });
 * ```
 */
export const BeneficiaryGroupSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(['people', 'care-providers', 'institutions']),
    name: LocalizedTextSchema,
    subgroups: z.array(NamedItemSchema),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'BeneficiaryGroup' });

/**
 * A beneficiary group with its subgroups.
 *
 * @example
 * ```ts
 * const g: BeneficiaryGroup = { id: 'people', kind: 'people', name: { en: 'People with drug problems' }, subgroups: [], sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type BeneficiaryGroup = z.infer<typeof BeneficiaryGroupSchema>;
