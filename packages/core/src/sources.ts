import * as z from 'zod';
import { MESSAGES } from './messages';
import { LocalizedTextSchema } from './text';

/**
 * Where a fact comes from: the source document (its file name, or the name of a public
 * framework) and the section in it. Every fact in the shipped fixtures carries at least one.
 *
 * @example
 * ```ts
 * SourceRefSchema.parse({ document: '002_d9aab02609379ddc.txt', section: 'Phase I - Resources' });
 * ```
 */
export const SourceRefSchema = z
  .object({
    document: z.string().trim().min(1, MESSAGES.nameDocument.en),
    section: z.string().trim().min(1, MESSAGES.nameSection.en),
    note: LocalizedTextSchema.optional(),
  })
  .strict()
  .meta({ id: 'SourceRef', description: 'A document and section that a fact comes from.' });

/**
 * A citation of a source document and section.
 *
 * @example
 * ```ts
 * const ref: SourceRef = { document: '001_30f54731c3eb449f.txt', section: 'Abstract' };
 * ```
 */
export type SourceRef = z.infer<typeof SourceRefSchema>;

/**
 * The list of sources a fact cites; at least one.
 *
 * @example
 * ```ts
 * SourcesSchema.safeParse([]).success; // false
 * ```
 */
export const SourcesSchema = z.array(SourceRefSchema).min(1, MESSAGES.citeSource.en);

/**
 * Formats a source reference for people: `document § section`.
 *
 * @example
 * ```ts
 * formatSourceRef({ document: '002_d9aab02609379ddc.txt', section: 'Phase I - Resources' });
 * // '002_d9aab02609379ddc.txt § Phase I - Resources'
 * ```
 */
export function formatSourceRef(ref: SourceRef): string {
  return `${ref.document} § ${ref.section}`;
}
