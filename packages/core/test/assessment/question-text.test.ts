import { describe, expect, it } from 'vitest';
import type { Item, Section } from '../../src/assessment/instrument';
import { questionText } from '../../src/assessment/questionText';

const section: Section = {
  id: 'needs',
  title: { en: 'Needs', vi: 'Nhu cầu' },
  intro: { en: 'Our staff need more training in…', vi: 'Cán bộ cần được đào tạo thêm về…' },
  items: [],
};
const item = (en: string, vi?: string): Item =>
  ({ id: 'q', type: 'yes-no', required: true, text: { en, ...(vi ? { vi } : {}) } }) as Item;

describe('questionText', () => {
  it('joins a lead-in ending in … and an item starting with … into one sentence', () => {
    expect(questionText(section, item('…counselling.', '…tư vấn.'), 'en')).toBe(
      'Our staff need more training in counselling.',
    );
    expect(questionText(section, item('…counselling.', '…tư vấn.'), 'vi')).toBe(
      'Cán bộ cần được đào tạo thêm về tư vấn.',
    );
    expect(
      questionText({ ...section, intro: { en: 'Staff need help with...' } }, item('... HIV care.')),
    ).toBe('Staff need help with HIV care.');
  });

  it('leaves an item that is a question of its own as written', () => {
    expect(questionText(section, item('Did staff have training this year?'))).toBe(
      'Did staff have training this year?',
    );
    const { intro: _, ...noIntro } = section;
    expect(questionText(noIntro, item('…counselling.'))).toBe('…counselling.');
  });
});
