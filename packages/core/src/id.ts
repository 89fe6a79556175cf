import * as z from 'zod';
import { MESSAGES } from './messages';

/**
 * A stable kebab-case identifier (`phase-1`, `capacity-building-contractor`).
 *
 * @example
 * ```ts
 * IdSchema.safeParse('Phase 1').success; // false
 * ```
 */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, MESSAGES.kebabId.en)
  .max(120)
  .meta({ id: 'Id' });

/**
 * A stable kebab-case identifier.
 *
 * @example
 * ```ts
 * const id: Id = 'phase-1';
 * ```
 */
export type Id = z.infer<typeof IdSchema>;
