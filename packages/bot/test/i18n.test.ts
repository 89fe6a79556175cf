import { describe, expect, it } from 'vitest';
import { CATALOGS, langOf, t } from '../src/i18n/catalog';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in English and Vietnamese, none empty', () => {
    expect(Object.keys(CATALOGS.vi).sort()).toEqual(Object.keys(CATALOGS.en).sort());
    for (const catalog of Object.values(CATALOGS))
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(CATALOGS.en))
      expect(placeholders(CATALOGS.vi[key as keyof typeof CATALOGS.en]), key).toEqual(
        placeholders(text),
      );
  });

  it('write Vietnamese in Vietnamese (diacritics present)', () => {
    const withoutDiacritics = Object.entries(CATALOGS.vi).filter(
      ([key, text]) =>
        text.length > 12 && key !== 'language' && !/[\u0300-\u036f]|đ/i.test(text.normalize('NFD')),
    );
    expect(withoutDiacritics).toEqual([]);
  });

  it('fills placeholders and picks the language of a locale', () => {
    expect(t('vi', 'questionOf', { number: 7, total: 24 })).toBe('Câu hỏi 7/24');
    expect(t('en', 'questionOf', { number: 7, total: 24 })).toBe('Question 7 of 24');
    expect(langOf('vi-VN')).toBe('vi');
    expect(langOf('en-GB')).toBe('en');
    expect(langOf(undefined)).toBe('en');
  });
});
