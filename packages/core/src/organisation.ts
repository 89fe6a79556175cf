import * as z from 'zod';
import { IdSchema } from './id';
import { SourcesSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * The kinds of organisation the sources name as coordinators, partners and funders.
 *
 * @example
 * ```ts
 * OrganisationKindSchema.parse('un-entity');
 * ```
 */
export const OrganisationKindSchema = z
  .enum([
    'un-entity',
    'government',
    'government-agency',
    'regional-organisation',
    'foundation',
    'university-consortium',
    'network-office',
    'university',
    'other',
  ])
  .meta({ id: 'OrganisationKind' });

/**
 * A kind of organisation.
 *
 * @example
 * ```ts
 * const kind: OrganisationKind = 'foundation';
 * ```
 */
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

/**
 * An organisation: a coordinating body, partner or funder of a network.
 *
 * @example
 * ```ts
 * OrganisationSchema.parse({
 *   id: 'icuddr', acronym: 'ICUDDR', kind: 'university-consortium',
 *   name: { en: 'International Consortium of Universities for Drug Demand Reduction' },
 *   sources: [{ document: '000_e716c835c95bc311.txt', section: 'Giới thiệu' }],
 * });
 * ```
 */
export const OrganisationSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    acronym: z.string().trim().min(1).optional(),
    kind: OrganisationKindSchema,
    /** Which parts of the organisation are meant, e.g. WHO headquarters and its European office. */
    parts: z.array(LocalizedTextSchema).optional(),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Organisation' });

/**
 * An organisation named by the sources.
 *
 * @example
 * ```ts
 * const who: Organisation = { id: 'who', acronym: 'WHO', kind: 'un-entity', name: { en: 'World Health Organization' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Organisation = z.infer<typeof OrganisationSchema>;
