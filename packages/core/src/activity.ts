import * as z from 'zod';
import { IdSchema } from './id';
import { SourcesSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * A main activity of a project, under the output it serves (the columns of the "Main
 * activities" table in the Treatnet slides).
 *
 * @example
 * ```ts
 * ActivitySchema.parse({
 *   id: 'network-meeting', outputId: 'phase-2-prepared', title: { en: 'Network meeting', vi: 'Cuộc họp mạng lưới' },
 *   sources: [{ document: '002_d9aab02609379ddc.txt', section: 'Main activities' }],
 * });
 * ```
 */
export const ActivitySchema = z
  .object({
    id: IdSchema,
    outputId: IdSchema,
    title: LocalizedTextSchema,
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Activity' });

/**
 * A main activity mapped to an output.
 *
 * @example
 * ```ts
 * const a: Activity = { id: 'external-evaluation', outputId: 'x', title: { en: 'External evaluation' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Activity = z.infer<typeof ActivitySchema>;

/**
 * The activities that serve an output, in the order the network lists them.
 *
 * @example
 * ```ts
 * activitiesOfOutput(treatnet, 'operating-network').map((a) => a.id);
 * ```
 */
export function activitiesOfOutput(
  network: { activities: readonly Activity[] },
  outputId: string,
): Activity[] {
  return network.activities.filter((activity) => activity.outputId === outputId);
}
