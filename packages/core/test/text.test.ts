import { describe, expect, it } from 'vitest';
import {
  localeChain,
  localize,
  localizeWithLocale,
  missingLocales,
  negotiateLocale,
} from '../src/index';

const text = { en: 'Educational role', vi: 'Vai trò giáo dục' };

describe('localize', () => {
  it('follows vi-VN → vi → en', () => {
    expect(localize(text, 'vi-VN')).toBe('Vai trò giáo dục');
    expect(localize(text, 'VI')).toBe('Vai trò giáo dục');
    expect(localize(text, 'en-GB')).toBe('Educational role');
    expect(localize({ en: 'Only English' }, 'vi-VN')).toBe('Only English');
    expect(localize(text, 'fr')).toBe('Educational role');
  });

  it('prefers a regional text when one exists', () => {
    expect(localize({ en: 'Colour', 'en-US': 'Color' }, 'en-us')).toBe('Color');
    expect(localize({ en: 'Colour', 'en-US': 'Color' }, 'en')).toBe('Colour');
  });

  it('reports the language actually used', () => {
    expect(localizeWithLocale({ en: 'Training' }, 'vi')).toEqual({
      text: 'Training',
      locale: 'en',
    });
    expect(localizeWithLocale(text, 'vi_VN')).toEqual({ text: 'Vai trò giáo dục', locale: 'vi' });
  });

  it('builds the fallback chain', () => {
    expect(localeChain('vi-VN')).toEqual(['vi-vn', 'vi', 'en']);
    expect(localeChain('en')).toEqual(['en']);
  });
});

describe('negotiateLocale', () => {
  it('reads Accept-Language with weights', () => {
    expect(negotiateLocale('fr-FR,vi;q=0.8,en;q=0.5')).toBe('vi');
    expect(negotiateLocale('en;q=0.4,vi-VN;q=0.9')).toBe('vi');
    expect(negotiateLocale('de, *;q=0.1')).toBe('en');
  });
  it('takes tags and lists, and falls back', () => {
    expect(negotiateLocale('vi-VN')).toBe('vi');
    expect(negotiateLocale(['de', 'vi'])).toBe('vi');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('', ['en', 'vi'], 'vi')).toBe('vi');
  });
});

describe('missingLocales', () => {
  it('lists missing required languages', () => {
    expect(missingLocales({ en: 'Training' })).toEqual(['vi']);
    expect(missingLocales(text)).toEqual([]);
  });
});
