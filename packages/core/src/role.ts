import * as z from 'zod';
import type { Centre } from './centre';
import { IdSchema } from './id';
import { SourcesSchema } from './sources';
import { StatementSchema } from './statement';
import { LocalizedTextSchema } from './text';

/**
 * A functional role a centre can play, with the activities that make it up — such as the
 * ITTC's strategic, convening, educational and capacity-building roles.
 *
 * @example
 * ```ts
 * FunctionalRoleSchema.parse({
 *   id: 'convening', name: { en: 'Convening role', vi: 'Vai trò đầu mối' },
 *   activities: [{ id: 'convening-partnerships', text: { en: 'Build partnerships' }, sources: [{ document: 'd', section: 's' }] }],
 *   sources: [{ document: 'd', section: 's' }],
 * });
 * ```
 */
export const FunctionalRoleSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    summary: LocalizedTextSchema.optional(),
    activities: z.array(StatementSchema).min(1),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'FunctionalRole' });

/**
 * A functional role with its activities.
 *
 * @example
 * ```ts
 * const role: FunctionalRole = { id: 'educational', name: { en: 'Educational role' }, activities: [], sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type FunctionalRole = z.infer<typeof FunctionalRoleSchema>;

/**
 * The functional roles a centre plays, in the order the network lists them. Unknown role
 * ids are ignored here; `parseNetwork` reports them.
 *
 * @example
 * ```ts
 * rolesOfCentre({ roles: ittcNetwork.roles }, { roleIds: ['educational'] }).map((r) => r.id); // ['educational']
 * ```
 */
export function rolesOfCentre(
  network: { roles: readonly FunctionalRole[] },
  centre: Pick<Centre, 'roleIds'>,
): FunctionalRole[] {
  const wanted = new Set(centre.roleIds);
  return network.roles.filter((role) => wanted.has(role.id));
}
