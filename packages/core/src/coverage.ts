import * as z from 'zod';
import { type Centre, centreRegion } from './centre';
import { M49_REGIONS, type Region } from './countries';
import { SourcesSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * The size and reach a network aims for: "20 centres covering all regions".
 *
 * @example
 * ```ts
 * CentreTargetSchema.parse({
 *   count: 20, allRegions: true, text: { en: '20 centres covering all regions' },
 *   sources: [{ document: '002_d9aab02609379ddc.txt', section: 'Phase I - Outputs' }],
 * });
 * ```
 */
export const CentreTargetSchema = z
  .object({
    count: z.number().int().positive(),
    allRegions: z.boolean(),
    text: LocalizedTextSchema,
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'CentreTarget' });

/**
 * A network's target for centres.
 *
 * @example
 * ```ts
 * const t: CentreTarget = { count: 20, allRegions: true, text: { en: '20 centres covering all regions' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type CentreTarget = z.infer<typeof CentreTargetSchema>;

/**
 * Centres per region and whether the target is met.
 *
 * @example
 * ```ts
 * const c: Coverage = coverage(treatnet);
 * c.missingRegions.map((r) => r.name.en);
 * ```
 */
export interface Coverage {
  /** Centres counted (examples only when asked for). */
  centreCount: number;
  byRegion: { region: Region; centreIds: string[] }[];
  missingRegions: Region[];
  /** Centres whose country belongs to no region (e.g. Antarctica). */
  unplacedCentreIds: string[];
  target: CentreTarget | undefined;
  /** Centres still needed to reach the target count; 0 when reached or without target. */
  shortfall: number;
  /** True when the count is reached and, if the target asks, every region has a centre. */
  met: boolean;
}

/**
 * Coverage of a network by its listed centres: centres per M49 region, regions with none,
 * and whether a target such as "20 centres covering all regions" is met. Example centres
 * are left out unless `includeExamples` is set, so demo data never counts as real.
 *
 * @example
 * ```ts
 * const c = coverage({ centres: exampleTreatnetCentres, centreTarget: treatnet.centreTarget }, { includeExamples: true });
 * c.byRegion.map((r) => [r.region.name.en, r.centreIds.length]);
 * ```
 */
export function coverage(
  network: { centres: readonly Centre[]; centreTarget?: CentreTarget | undefined },
  options: { includeExamples?: boolean; regions?: readonly Region[] } = {},
): Coverage {
  const regions = options.regions ?? M49_REGIONS;
  const centres = network.centres.filter((c) => options.includeExamples || c.example !== true);
  const byRegion = regions.map((region) => ({ region, centreIds: [] as string[] }));
  const unplacedCentreIds: string[] = [];
  for (const centre of centres) {
    const code = centreRegion(centre)?.code;
    const slot = byRegion.find((entry) => entry.region.code === code);
    if (slot) slot.centreIds.push(centre.id);
    else unplacedCentreIds.push(centre.id);
  }
  const missingRegions = byRegion.filter((r) => r.centreIds.length === 0).map((r) => r.region);
  const target = network.centreTarget;
  const shortfall = target ? Math.max(0, target.count - centres.length) : 0;
  const met =
    target !== undefined && shortfall === 0 && (!target.allRegions || missingRegions.length === 0);
  return {
    centreCount: centres.length,
    byRegion,
    missingRegions,
    unplacedCentreIds,
    target,
    shortfall,
    met,
  };
}
