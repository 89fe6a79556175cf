/**
 * The languages resonet speaks. Every text a person reads exists in both.
 *
 * @example
 * ```ts
 * const lang: Lang = 'vi';
 * ```
 */
export type Lang = 'en' | 'vi';

/**
 * A message in English and Vietnamese with `{name}` placeholders.
 *
 * @example
 * ```ts
 * const tooLong: Template = { en: 'At most {max} characters', vi: 'Tối đa {max} ký tự' };
 * ```
 */
export type Template = Readonly<Record<Lang, string>>;

/**
 * The language of a locale tag: Vietnamese for `vi…` (any case, surrounding spaces
 * ignored), English for anything else or nothing.
 *
 * @example
 * ```ts
 * langOf('vi-VN'); // 'vi'
 * langOf('fr'); // 'en'
 * ```
 */
export const langOf = (locale: string | undefined): Lang =>
  locale?.trim().toLowerCase().startsWith('vi') ? 'vi' : 'en';

/**
 * Fills `{name}` placeholders; a missing value leaves nothing. `{name|one|other}` is the
 * word for a count: `one` when the value is 1, else `other` (English plurals; Vietnamese
 * nouns do not change).
 *
 * @example
 * ```ts
 * fillText('Question {number} of {total}', { number: 2, total: 9 }); // 'Question 2 of 9'
 * fillText('{n} {n|centre|centres}', { n: 1 }); // '1 centre'
 * ```
 */
export function fillText(text: string, values: Readonly<Record<string, string | number>> = {}) {
  return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (_, key: string, one, other) => {
    // "{count|centre|centres}": the word for one, else the word for any other count.
    if (one !== undefined) return Number(values[key]) === 1 ? one : other;
    return String(values[key] ?? '');
  });
}

/**
 * A template in the locale's language, placeholders filled.
 *
 * @example
 * ```ts
 * fill({ en: 'At most {max}', vi: 'Tối đa {max}' }, 'vi', { max: 3 }); // 'Tối đa 3'
 * ```
 */
export function fill(
  template: Template,
  locale: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillText(template[langOf(locale)], values);
}
