import * as z from 'zod';
import { CountryCodeSchema, type Region, regionOfCountry } from './countries';
import { IdSchema } from './id';
import { MESSAGES } from './messages';
import { IsoDateSchema } from './period';
import { SourcesSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * The kind of institution that hosts a centre.
 *
 * @example
 * ```ts
 * HostKindSchema.parse('university');
 * ```
 */
export const HostKindSchema = z
  .enum(['university', 'research-centre', 'treatment-provider', 'government', 'ngo-cbo'])
  .meta({ id: 'HostKind' });

/**
 * The kind of institution that hosts a centre.
 *
 * @example
 * ```ts
 * const kind: HostKind = 'ngo-cbo';
 * ```
 */
export type HostKind = z.infer<typeof HostKindSchema>;

/**
 * How a centre takes part in a network: a resource centre receiving a grant (Treatnet's 20),
 * an electronic participant (Treatnet's 15 further providers), or a technology transfer
 * centre (an ITTC).
 *
 * @example
 * ```ts
 * ParticipationSchema.parse('electronic-participant');
 * ```
 */
export const ParticipationSchema = IdSchema.meta({
  id: 'Participation',
  description:
    'How a centre takes part, as a kebab-case id of the network’s own: Treatnet’s grant-resource-centre and electronic-participant, the ITTC Network’s technology-transfer-centre, or any other (member, associate…).',
  examples: ['grant-resource-centre', 'electronic-participant', 'technology-transfer-centre'],
});

/**
 * How a centre takes part in a network.
 *
 * @example
 * ```ts
 * const p: Participation = 'grant-resource-centre';
 * ```
 */
export type Participation = z.infer<typeof ParticipationSchema>;

/**
 * A centre's focal point, recorded as a role only — never a person's name or contact details.
 *
 * @example
 * ```ts
 * FocalPointSchema.parse({ role: { en: 'Focal point/coordinator', vi: 'Đầu mối/điều phối viên' } });
 * FocalPointSchema.safeParse({ role: { en: 'Lead' }, name: 'A. Person' }).success; // false
 * ```
 */
export const FocalPointSchema = z
  .strictObject(
    { role: LocalizedTextSchema },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? MESSAGES.noPersonalData.en : undefined,
    },
  )
  .meta({ id: 'FocalPoint' });

/**
 * A centre's focal point as a role.
 *
 * @example
 * ```ts
 * const fp: FocalPoint = { role: { en: 'Focal point/coordinator' } };
 * ```
 */
export type FocalPoint = z.infer<typeof FocalPointSchema>;

/**
 * A centre in a network. Real centres cite their sources; example centres used in demos and
 * tests carry `example: true` and need none. `region`, when given, is the M49 code and must
 * match the country (checked by `parseNetwork`); otherwise use {@link centreRegion}.
 *
 * @example
 * ```ts
 * CentreSchema.parse({
 *   id: 'example-centre-hanoi', name: { en: 'Example centre (Hanoi)', vi: 'Trung tâm ví dụ (Hà Nội)' },
 *   country: 'VN', hostKind: 'university', participation: 'technology-transfer-centre',
 *   roleIds: [], workingGroupIds: [], example: true,
 * });
 * ```
 */
export const CentreSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    country: CountryCodeSchema,
    region: z
      .string()
      .regex(/^\d{3}$/)
      .optional(),
    hostKind: HostKindSchema.optional(),
    participation: ParticipationSchema.optional(),
    focalPoint: FocalPointSchema.optional(),
    roleIds: z.array(IdSchema).default([]),
    workingGroupIds: z.array(IdSchema).default([]),
    joined: IsoDateSchema.optional(),
    example: z.boolean().optional(),
    sources: SourcesSchema.optional(),
  })
  .strict()
  .refine((centre) => centre.example === true || centre.sources !== undefined, {
    message: MESSAGES.citeSource.en,
    path: ['sources'],
  })
  .meta({ id: 'Centre' });

/**
 * A centre in a network.
 *
 * @example
 * ```ts
 * const centre: Centre = { id: 'example-a', name: { en: 'Example A' }, country: 'KE', hostKind: 'treatment-provider', participation: 'grant-resource-centre', roleIds: [], workingGroupIds: [], example: true };
 * ```
 */
export type Centre = z.infer<typeof CentreSchema>;

/**
 * The M49 region of a centre, derived from its country.
 *
 * @example
 * ```ts
 * centreRegion({ country: 'KE' })?.name.en; // 'Africa'
 * ```
 */
export function centreRegion(centre: Pick<Centre, 'country'>): Region | undefined {
  return regionOfCountry(centre.country);
}
