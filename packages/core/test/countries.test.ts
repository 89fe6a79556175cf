import { describe, expect, it } from 'vitest';
import {
  CountryCodeSchema,
  countryName,
  isCountryCode,
  localizeCountry,
  M49_REGIONS,
  parseWith,
  regionOfCountry,
} from '../src/index';

describe('countries and M49 regions', () => {
  it('has the five M49 regions in English and Vietnamese', () => {
    expect(M49_REGIONS.map((r) => r.name.en)).toEqual([
      'Africa',
      'Americas',
      'Asia',
      'Europe',
      'Oceania',
    ]);
    expect(M49_REGIONS.every((r) => r.name.vi)).toBe(true);
  });

  it('derives regions from countries', () => {
    expect(regionOfCountry('VN')?.code).toBe('142');
    expect(regionOfCountry('KE')?.name.en).toBe('Africa');
    expect(regionOfCountry('BR')?.name.en).toBe('Americas');
    expect(regionOfCountry('US')?.name.en).toBe('Americas');
    expect(regionOfCountry('AT')?.name.en).toBe('Europe');
    expect(regionOfCountry('AU')?.name.en).toBe('Oceania');
    expect(regionOfCountry('AQ')).toBeUndefined();
    expect(regionOfCountry('XX')).toBeUndefined();
  });

  it('names countries in both languages', () => {
    expect(countryName('VN')).toEqual({ en: 'Vietnam', vi: 'Việt Nam' });
    expect(localizeCountry('DE', 'vi')).toBe('Đức');
    expect(localizeCountry('XX', 'vi')).toBe('XX');
    expect(isCountryCode('vn')).toBe(false);
  });

  it('rejects unknown codes with a clear message in both languages', () => {
    expect(parseWith(CountryCodeSchema, 'XX')).toEqual({
      ok: false,
      error: [
        {
          path: '',
          code: 'countryCode',
          message: 'Use a known ISO 3166-1 alpha-2 country code such as "VN"',
        },
      ],
    });
    const vi = parseWith(CountryCodeSchema, 'XX', { locale: 'vi' });
    expect(vi.ok || vi.error[0]?.message).toContain('mã quốc gia');
  });
});
