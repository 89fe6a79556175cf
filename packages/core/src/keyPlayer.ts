import * as z from 'zod';
import { IdSchema } from './id';
import { keywordScore } from './matching';
import { SourcesSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * One duty of a key player. `appliesTo: 'some'` marks duties only some members take on
 * (the slides' "(some) organise local arrangements for meetings"); `activityIds` link the
 * duty to the network's main activities.
 *
 * @example
 * ```ts
 * ResponsibilitySchema.parse({
 *   id: 'ro-identify-centres', text: { en: 'Identify the resource centres', vi: 'Xác định các trung tâm nguồn' },
 *   activityIds: [], sources: [{ document: '002_d9aab02609379ddc.txt', section: 'Key players and their roles (cont.)' }],
 * });
 * ```
 */
export const ResponsibilitySchema = z
  .object({
    id: IdSchema,
    text: LocalizedTextSchema,
    appliesTo: z.enum(['all', 'some']).optional(),
    activityIds: z.array(IdSchema),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Responsibility' });

/**
 * One duty of a key player.
 *
 * @example
 * ```ts
 * const duty: Responsibility = { id: 'x', text: { en: 'Provide expert advice' }, activityIds: [], sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Responsibility = z.infer<typeof ResponsibilitySchema>;

/**
 * A key player in a network's project and its responsibilities (the five in the Treatnet
 * project slides, for instance).
 *
 * @example
 * ```ts
 * KeyPlayerSchema.parse({
 *   id: 'experts', name: { en: 'Experts from other agencies' }, responsibilities: [],
 *   sources: [{ document: 'd', section: 's' }],
 * });
 * ```
 */
export const KeyPlayerSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** How the player works, e.g. "in consultation with all partners". */
    workingMode: LocalizedTextSchema.optional(),
    responsibilities: z.array(ResponsibilitySchema),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'KeyPlayer' });

/**
 * A key player with its responsibilities.
 *
 * @example
 * ```ts
 * const player: KeyPlayer = { id: 'contractor', name: { en: 'Capacity-building contractor' }, responsibilities: [], sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type KeyPlayer = z.infer<typeof KeyPlayerSchema>;

/**
 * The responsibilities of a key player, or `undefined` when no player has that id.
 *
 * @example
 * ```ts
 * responsibilitiesOf(treatnet, 'capacity-building-contractor')?.length; // 4
 * ```
 */
export function responsibilitiesOf(
  network: { keyPlayers: readonly KeyPlayer[] },
  playerId: string,
): Responsibility[] | undefined {
  return network.keyPlayers.find((player) => player.id === playerId)?.responsibilities;
}

/**
 * A key player's responsibility that matches a question, with how well it matches (0–1).
 *
 * @example
 * ```ts
 * const m: ResponsibilityMatch = { player: treatnet.keyPlayers[0]!, responsibility: treatnet.keyPlayers[0]!.responsibilities[0]!, score: 1 };
 * ```
 */
export interface ResponsibilityMatch {
  player: KeyPlayer;
  responsibility: Responsibility;
  score: number;
}

/**
 * Who is responsible for an activity (by id) or for something described in words, in any
 * language the data carries; Vietnamese may be typed with or without diacritics. Matches
 * are sorted best first; a keyword query must match at least `minScore` (default 0.6) of
 * its meaningful words.
 *
 * @example
 * ```ts
 * whoIsResponsibleFor(treatnet, 'who identifies the resource centres?')[0]?.player.id;
 * // 'unodc-field-offices'
 * whoIsResponsibleFor(treatnet, { activityId: 'network-meeting' }).map((m) => m.player.id);
 * ```
 */
export function whoIsResponsibleFor(
  network: { keyPlayers: readonly KeyPlayer[] },
  query: string | { activityId: string },
  options: { minScore?: number } = {},
): ResponsibilityMatch[] {
  const minScore = options.minScore ?? 0.6;
  const matches: ResponsibilityMatch[] = [];
  for (const player of network.keyPlayers) {
    for (const responsibility of player.responsibilities) {
      const score =
        typeof query === 'string'
          ? Math.max(
              ...Object.values(responsibility.text).map((text) =>
                text ? keywordScore(query, text) : 0,
              ),
            )
          : responsibility.activityIds.includes(query.activityId)
            ? 1
            : 0;
      if (score > 0 && score >= minScore) matches.push({ player, responsibility, score });
    }
  }
  return matches.sort((a, b) => b.score - a.score);
}
