import * as z from 'zod';
import { IdSchema } from './id';
import { SourcesSchema } from './sources';
import { NamedItemSchema } from './statement';
import { LocalizedTextSchema } from './text';

// What a network produces and shares: the topics it works on, its good-practice documents,
// its training package and its tools (such as Treatnet-ASI).

/**
 * A topic a network gives priority to, with subtopics (treatment in the criminal justice
 * system → treatment in prison).
 *
 * @example
 * ```ts
 * PriorityTopicSchema.parse({
 *   id: 'community-based-treatment', name: { en: 'Community-based treatment' }, subtopics: [],
 *   sources: [{ document: '002_d9aab02609379ddc.txt', section: 'Possible priority topics' }],
 * });
 * ```
 */
export const PriorityTopicSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    subtopics: z.array(NamedItemSchema),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'PriorityTopic' });

/**
 * A priority topic.
 *
 * @example
 * ```ts
 * const t: PriorityTopic = { id: 'hiv-aids', name: { en: 'HIV/AIDS prevention and care' }, subtopics: [], sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type PriorityTopic = z.infer<typeof PriorityTopicSchema>;

/**
 * A good-practice document the members prepared, on a priority topic.
 *
 * @example
 * ```ts
 * GoodPracticeDocumentSchema.parse({
 *   id: 'gp-community-based-treatment', title: { en: 'Community-Based Treatment' }, topicId: 'community-based-treatment',
 *   sources: [{ document: '001_30f54731c3eb449f.txt', section: 'Abstract' }],
 * });
 * ```
 */
export const GoodPracticeDocumentSchema = z
  .object({
    id: IdSchema,
    title: LocalizedTextSchema,
    topicId: IdSchema.optional(),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'GoodPracticeDocument' });

/**
 * A good-practice document.
 *
 * @example
 * ```ts
 * const d: GoodPracticeDocument = { id: 'gp-x', title: { en: 'Treatment in Closed Settings' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type GoodPracticeDocument = z.infer<typeof GoodPracticeDocumentSchema>;

/**
 * A training package: who developed it, who was trained with it, and its modules (named by
 * the assessment instruments that recommend them).
 *
 * @example
 * ```ts
 * TrainingPackageSchema.parse({
 *   id: 'treatnet-training-package', name: { en: 'Treatnet training package' },
 *   developedBy: { en: 'A consortium led by UCLA' }, audiences: [], modules: [],
 *   sources: [{ document: '001_30f54731c3eb449f.txt', section: 'Abstract' }],
 * });
 * ```
 */
export const TrainingPackageSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    developedBy: LocalizedTextSchema,
    audiences: z.array(NamedItemSchema),
    modules: z.array(NamedItemSchema),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'TrainingPackage' });

/**
 * A training package.
 *
 * @example
 * ```ts
 * const p: TrainingPackage = { id: 'p', name: { en: 'Package' }, developedBy: { en: 'A consortium' }, audiences: [], modules: [], sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type TrainingPackage = z.infer<typeof TrainingPackageSchema>;

/**
 * A tool the network created or adapted, such as Treatnet-ASI.
 *
 * @example
 * ```ts
 * ToolSchema.parse({
 *   id: 'treatnet-asi', name: { en: 'Treatnet-ASI' }, description: { en: 'A version of the Addiction Severity Index' },
 *   sources: [{ document: '001_30f54731c3eb449f.txt', section: 'Abstract' }],
 * });
 * ```
 */
export const ToolSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema,
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Tool' });

/**
 * A tool of the network.
 *
 * @example
 * ```ts
 * const t: Tool = { id: 't', name: { en: 'Tool' }, description: { en: 'What it does' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Tool = z.infer<typeof ToolSchema>;
