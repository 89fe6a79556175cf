import * as z from 'zod';
import { IdSchema } from './id';
import { SourcesSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * A statement of fact in several languages with its sources: objectives, impacts,
 * reasons, duties.
 *
 * @example
 * ```ts
 * StatementSchema.parse({
 *   id: 'network-mutual-support',
 *   text: { en: 'Members support one another.', vi: 'Các thành viên hỗ trợ lẫn nhau.' },
 *   sources: [{ document: '000_e716c835c95bc311.txt', section: 'Ý nghĩa của Mạng lưới là gì?' }],
 * });
 * ```
 */
export const StatementSchema = z
  .object({
    id: IdSchema,
    text: LocalizedTextSchema,
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Statement' });

/**
 * A sourced, localized statement.
 *
 * @example
 * ```ts
 * const s: Statement = { id: 'x', text: { en: 'A fact.' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Statement = z.infer<typeof StatementSchema>;

/**
 * A sourced thing with a name: a shared resource, an activity area, a working group.
 *
 * @example
 * ```ts
 * NamedItemSchema.parse({
 *   id: 'training',
 *   name: { en: 'Training', vi: 'Đào tạo' },
 *   sources: [{ document: '000_e716c835c95bc311.txt', section: 'Các hoạt động chung' }],
 * });
 * ```
 */
export const NamedItemSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    example: z.literal(true).optional(),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'NamedItem' });

/**
 * A sourced, named thing.
 *
 * @example
 * ```ts
 * const item: NamedItem = { id: 'research', name: { en: 'Research', vi: 'Nghiên cứu' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type NamedItem = z.infer<typeof NamedItemSchema>;
