import * as z from 'zod';
import { IdSchema } from './id';
import { IssueList } from './issues';
import { MESSAGES } from './messages';
import { type ParseOptions, parseWith, type Result } from './result';
import { SourceRefSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * One entry of a network's knowledge base: ways members ask a question, per language, and
 * the answer with its sources. `related` lists follow-up entries; `generated` marks entries
 * written from the domain model, so they can never contradict it; `appHelp` marks help about
 * the app itself, which cites no document (every other entry cites at least one).
 *
 * @example
 * ```ts
 * KnowledgeEntrySchema.parse({
 *   id: 'ittc-educational-role',
 *   questions: { en: ['What is the educational role of an ITTC?'], vi: ['Vai trò giáo dục của ITTC là gì?'] },
 *   answer: { en: 'Teaching, training and professional development…', vi: 'Giảng dạy, đào tạo…' },
 *   sources: [{ document: '000_e716c835c95bc311.txt', section: 'Vai trò của Trung tâm Chuyển giao Công nghệ Quốc tế là gì?' }],
 *   related: [], tags: ['ittc', 'roles'],
 * });
 * ```
 */
export const KnowledgeEntrySchema = z
  .object({
    id: IdSchema,
    questions: z
      .object({ en: z.array(z.string().trim().min(1).max(300)).min(1) })
      .catchall(z.array(z.string().trim().min(1).max(300))),
    answer: LocalizedTextSchema,
    sources: z.array(SourceRefSchema),
    related: z.array(IdSchema),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/)),
    generated: z.literal(true).optional(),
    /** About using the app, not about the network: it cites no document. */
    appHelp: z.literal(true).optional(),
    /**
     * The sources do not give what is asked: the answer says so, then gives the nearest fact
     * they do give, labelled as such, with its sources.
     */
    gap: z.literal(true).optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    // A fact is cited; help about the app has nothing in the documents to cite.
    if (entry.appHelp && entry.sources.length)
      ctx.addIssue({ code: 'custom', path: ['sources'], message: MESSAGES.appHelpSources.en });
    if (!entry.appHelp && !entry.sources.length)
      ctx.addIssue({ code: 'custom', path: ['sources'], message: MESSAGES.citeSource.en });
  })
  .meta({ id: 'KnowledgeEntry' });

/**
 * A knowledge-base entry.
 *
 * @example
 * ```ts
 * const entry: KnowledgeEntry = knowledgeBase[0]!;
 * ```
 */
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;

const T = {
  duplicate: { en: 'The id "{id}" is used more than once', vi: 'Mã "{id}" bị dùng nhiều lần' },
  related: { en: 'No entry has the id "{id}"', vi: 'Không có mục nào mang mã "{id}"' },
};

/**
 * Validates an untrusted knowledge base: each entry's shape, unique ids, and follow-ups that
 * point at existing entries. Never throws.
 *
 * @example
 * ```ts
 * const result = parseKnowledgeBase(JSON.parse(text), { locale: 'vi' });
 * ```
 */
export function parseKnowledgeBase(
  input: unknown,
  options: ParseOptions = {},
): Result<KnowledgeEntry[]> {
  const parsed = parseWith(z.array(KnowledgeEntrySchema), input, options);
  if (!parsed.ok) return parsed;
  const found = new IssueList(T, options.locale ?? 'en');
  const ids = new Set<string>();
  parsed.value.forEach((entry, i) => {
    if (ids.has(entry.id)) found.report(`[${i}].id`, 'duplicate', { id: entry.id });
    ids.add(entry.id);
  });
  parsed.value.forEach((entry, i) => {
    entry.related.forEach((id, j) => {
      if (!ids.has(id)) found.report(`[${i}].related[${j}]`, 'related', { id });
    });
  });
  return found.issues.length === 0 ? parsed : { ok: false, error: found.issues };
}
