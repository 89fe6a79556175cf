import { langOf } from './template';

const FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * A number as people of the locale write it: "27.5" in English, "27,5" in Vietnamese, with
 * at most one decimal (scores and means are read, not computed with).
 *
 * @example
 * ```ts
 * numberText(27.5, 'vi'); // '27,5'
 * numberText(1234, 'en'); // '1,234'
 * ```
 */
export function numberText(value: number, locale = 'en', fractionDigits = 1): string {
  const tag = langOf(locale) === 'vi' ? 'vi-VN' : 'en-GB';
  const key = `${tag}/${fractionDigits}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: fractionDigits });
    FORMATS.set(key, format);
  }
  return format.format(value);
}
