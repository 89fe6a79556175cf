import * as z from 'zod';
import { MESSAGES } from './messages';

/**
 * An amount of money as an exact decimal string and an ISO 4217 currency, so budgets never
 * pass through floating point.
 *
 * @example
 * ```ts
 * MoneySchema.parse({ amount: '1608000', currency: 'USD' });
 * ```
 */
export const MoneySchema = z
  .object({
    amount: z.string().regex(/^-?\d+(?:\.\d+)?$/, MESSAGES.decimalAmount.en),
    currency: z.string().regex(/^[A-Z]{3}$/, MESSAGES.currencyCode.en),
  })
  .strict()
  .meta({ id: 'Money' });

/**
 * An exact amount of money.
 *
 * @example
 * ```ts
 * const budget: Money = { amount: '1608000', currency: 'USD' };
 * ```
 */
export type Money = z.infer<typeof MoneySchema>;

/**
 * Formats money for people in a locale, exactly (no rounding through floats).
 *
 * @example
 * ```ts
 * formatMoney({ amount: '1608000', currency: 'USD' }, 'en'); // 'US$1,608,000' or '$1,608,000'
 * formatMoney({ amount: '1608000', currency: 'USD' }, 'vi'); // '1.608.000 US$'
 * ```
 */
export function formatMoney(money: Money, locale: string): string {
  const fraction = money.amount.split('.')[1]?.length ?? 0;
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: fraction,
    maximumFractionDigits: Math.max(fraction, 0),
  });
  // Intl formats decimal strings exactly; the cast covers lib typings that predate that.
  return format.format(money.amount as unknown as number);
}
