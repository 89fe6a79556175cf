import { describe, expect, it } from 'vitest';
import { formatMoney, MoneySchema, parseWith } from '../src/index';

describe('money', () => {
  it('formats exactly in English and Vietnamese', () => {
    expect(formatMoney({ amount: '1608000', currency: 'USD' }, 'en')).toBe('$1,608,000');
    expect(formatMoney({ amount: '1608000', currency: 'USD' }, 'vi')).toMatch(
      /^1\.608\.000\sUS\$$/,
    );
    expect(formatMoney({ amount: '9007199254740993.05', currency: 'USD' }, 'en')).toBe(
      '$9,007,199,254,740,993.05',
    );
  });
  it('rejects floats and bad currencies', () => {
    const r = parseWith(MoneySchema, { amount: 1608000.5, currency: 'usd' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((e) => e.path)).toEqual(['amount', 'currency']);
  });
});
