import * as z from 'zod';
import { IdSchema } from './id';
import { SourcesSchema } from './sources';
import { StatementSchema } from './statement';
import { LocalizedTextSchema } from './text';

/**
 * One part of technology transfer (translating research into practice materials, raising
 * awareness, supporting adoption, supporting faithful implementation) with examples.
 *
 * @example
 * ```ts
 * TechnologyTransferStepSchema.parse({
 *   id: 'support-adoption', name: { en: 'Help organisations adopt advances' }, examples: [],
 *   sources: [{ document: '000_e716c835c95bc311.txt', section: 'Chuyển giao công nghệ' }],
 * });
 * ```
 */
export const TechnologyTransferStepSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    examples: z.array(LocalizedTextSchema),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'TechnologyTransferStep' });

/**
 * A part of technology transfer.
 *
 * @example
 * ```ts
 * const step: TechnologyTransferStep = { id: 's', name: { en: 'Raise awareness' }, examples: [], sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type TechnologyTransferStep = z.infer<typeof TechnologyTransferStepSchema>;

/**
 * What technology transfer means for a network: its aim and its parts.
 *
 * @example
 * ```ts
 * TechnologyTransferSchema.parse({
 *   aim: { id: 'tt-aim', text: { en: 'Close the gap between research and practice' }, sources: [{ document: 'd', section: 's' }] },
 *   steps: [],
 * });
 * ```
 */
export const TechnologyTransferSchema = z
  .object({ aim: StatementSchema, steps: z.array(TechnologyTransferStepSchema) })
  .strict()
  .meta({ id: 'TechnologyTransfer' });

/**
 * Technology transfer: aim and parts.
 *
 * @example
 * ```ts
 * const tt: TechnologyTransfer = ittcNetwork.technologyTransfer!;
 * ```
 */
export type TechnologyTransfer = z.infer<typeof TechnologyTransferSchema>;
