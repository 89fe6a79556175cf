import * as z from 'zod';
import { MESSAGES } from './messages';

/**
 * Text keyed by language tag: `en` required, `vi` and other BCP 47 tags optional.
 *
 * @example
 * ```ts
 * const title: LocalizedText = { en: 'Educational role', vi: 'Vai trò giáo dục' };
 * ```
 */
export interface LocalizedText {
  en: string;
  vi?: string | undefined;
  [tag: string]: string | undefined;
}

/**
 * Text shown to people, in several languages. English is required; Vietnamese and other
 * languages (keyed by BCP 47 tag such as `vi` or `vi-VN`) are optional in the type.
 * Shipped fixtures must carry `vi` too (checked by the fixtures' tests).
 *
 * @example
 * ```ts
 * LocalizedTextSchema.parse({ en: 'Training', vi: 'Đào tạo' });
 * ```
 */
// Annotated because zod's inferred type for a catch-all next to an optional key is an index
// signature TypeScript rejects in consumers' declaration files.
export const LocalizedTextSchema: z.ZodType<LocalizedText> = z
  .object({
    en: z.string().trim().min(1, MESSAGES.englishRequired.en),
    vi: z.string().trim().min(1).optional(),
  })
  .catchall(z.string().trim().min(1))
  .meta({ id: 'LocalizedText', description: 'Text keyed by BCP 47 language tag; `en` required.' });

/**
 * The languages resonet ships complete text for, in order of preference when nothing else
 * matches.
 *
 * @example
 * ```ts
 * SUPPORTED_LOCALES; // ['en', 'vi']
 * ```
 */
export const SUPPORTED_LOCALES = ['en', 'vi'] as const;

/**
 * A language resonet ships complete text for.
 *
 * @example
 * ```ts
 * const locale: SupportedLocale = 'vi';
 * ```
 */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * The fallback chain for a language tag: the tag itself, each shorter prefix, then `en`.
 *
 * @example
 * ```ts
 * localeChain('vi-VN'); // ['vi-vn', 'vi', 'en']
 * ```
 */
export function localeChain(locale: string): string[] {
  const chain: string[] = [];
  const parts = locale.trim().toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  for (let n = parts.length; n > 0; n--) chain.push(parts.slice(0, n).join('-'));
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/**
 * Picks the text for a locale, falling back along `vi-VN` → `vi` → `en`. Tags are matched
 * case-insensitively, so `vi-vn` and `vi-VN` are the same.
 *
 * @example
 * ```ts
 * localize({ en: 'Training', vi: 'Đào tạo' }, 'vi-VN'); // 'Đào tạo'
 * localize({ en: 'Training' }, 'vi'); // 'Training'
 * ```
 */
export function localize(text: LocalizedText, locale: string): string {
  return localizeWithLocale(text, locale).text;
}

/**
 * Like {@link localize}, but also says which language the text came from, so a caller can
 * note that an English fallback was used.
 *
 * @example
 * ```ts
 * localizeWithLocale({ en: 'Training' }, 'vi'); // { text: 'Training', locale: 'en' }
 * ```
 */
export function localizeWithLocale(
  text: LocalizedText,
  locale: string,
): { text: string; locale: string } {
  const byTag = new Map<string, [string, string]>();
  for (const [tag, value] of Object.entries(text)) {
    if (typeof value === 'string' && value.length > 0) byTag.set(tag.toLowerCase(), [tag, value]);
  }
  for (const tag of localeChain(locale)) {
    const hit = byTag.get(tag);
    if (hit) return { text: hit[1], locale: hit[0] };
  }
  return { text: text.en, locale: 'en' };
}

/**
 * Chooses the best supported locale for what a user or client asked for: a tag
 * (`vi-VN`), a list of tags, or an HTTP `Accept-Language` value
 * (`vi-VN,vi;q=0.9,en;q=0.8`). Returns `fallback` (default `en`) when nothing matches.
 *
 * @example
 * ```ts
 * negotiateLocale('fr-FR,vi;q=0.8'); // 'vi'
 * negotiateLocale(['de']); // 'en'
 * ```
 */
export function negotiateLocale<L extends string = SupportedLocale>(
  requested: string | readonly string[] | undefined,
  supported: readonly L[] = SUPPORTED_LOCALES as unknown as readonly L[],
  fallback?: L,
): L {
  const wanted = typeof requested === 'string' ? parseAcceptLanguage(requested) : (requested ?? []);
  const bySupported = new Map(supported.map((tag) => [tag.toLowerCase(), tag]));
  for (const tag of wanted) {
    const chain = localeChain(tag).slice(0, -1);
    for (const candidate of chain) {
      const hit = bySupported.get(candidate);
      if (hit) return hit;
    }
  }
  return fallback ?? supported[0] ?? ('en' as L);
}

function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * Lists the languages a text is missing from a required set; empty when complete.
 *
 * @example
 * ```ts
 * missingLocales({ en: 'Training' }); // ['vi']
 * ```
 */
export function missingLocales(
  text: LocalizedText,
  required: readonly string[] = SUPPORTED_LOCALES,
): string[] {
  return required.filter((tag) => !text[tag as keyof LocalizedText]?.trim());
}
