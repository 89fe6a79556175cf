import {
  addDays,
  differenceInCalendarDays,
  intervalToDuration,
  isValid,
  parseISO,
  startOfDay,
} from 'date-fns';
import * as z from 'zod';
import { MESSAGES } from './messages';
import { SourcesSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * A calendar date written `YYYY-MM-DD`, as dates are stored in resonet data.
 *
 * @example
 * ```ts
 * IsoDateSchema.safeParse('2005-08-01').success; // true
 * IsoDateSchema.safeParse('Aug 2005').success; // false
 * ```
 */
export const IsoDateSchema = z.iso.date({ error: MESSAGES.isoDate.en }).meta({ id: 'IsoDate' });

/**
 * How precisely a source states a date: `2007` is a year, `June 2006` a month.
 *
 * @example
 * ```ts
 * DatePrecisionSchema.parse('month');
 * ```
 */
export const DatePrecisionSchema = z.enum(['day', 'month', 'year']).meta({ id: 'DatePrecision' });

/**
 * How precisely a date is known.
 *
 * @example
 * ```ts
 * const p: DatePrecision = 'year';
 * ```
 */
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/**
 * A span of days, both ends included, as a source states it (a planned phase period, say),
 * with the wording of the source as `label` and the sources that give it.
 *
 * @example
 * ```ts
 * PeriodSchema.parse({
 *   start: '2007-01-01', end: '2008-12-31', precision: 'year', label: { en: '2007-2008' },
 *   sources: [{ document: '002_d9aab02609379ddc.txt', section: 'Organization - 2 Phases' }],
 * });
 * ```
 */
export const PeriodSchema = z
  .object({
    start: IsoDateSchema,
    end: IsoDateSchema,
    precision: DatePrecisionSchema,
    label: LocalizedTextSchema.optional(),
    sources: SourcesSchema,
  })
  .strict()
  .refine((p) => p.start <= p.end, { message: MESSAGES.periodOrder.en, path: ['end'] })
  .meta({ id: 'Period' });

/**
 * A sourced span of days.
 *
 * @example
 * ```ts
 * const p: Period = { start: '2005-08-01', end: '2007-07-31', precision: 'month', sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Period = z.infer<typeof PeriodSchema>;

/**
 * A date given as a `Date` or an ISO string (`2006-06-01`).
 *
 * @example
 * ```ts
 * const asOf: DateInput = '2006-06-01';
 * ```
 */
export type DateInput = Date | string;

/**
 * Turns a date input into the start of that local day. Throws a `RangeError` for an
 * invalid date: callers pass dates they already hold, so a bad one is a programmer error.
 *
 * @example
 * ```ts
 * toDay('2006-06-01').getDate(); // 1
 * ```
 */
export function toDay(date: DateInput): Date {
  const value = typeof date === 'string' ? parseISO(date) : date;
  if (!isValid(value)) throw new RangeError(`Invalid date: ${String(date)}`);
  return startOfDay(value);
}

/**
 * Whether a day falls within a period (both ends included).
 *
 * @example
 * ```ts
 * periodContains({ start: '2005-08-01', end: '2007-07-31', precision: 'month', sources: [] }, '2006-06-01'); // true
 * ```
 */
export function periodContains(period: Pick<Period, 'start' | 'end'>, asOf: DateInput): boolean {
  const day = toDay(asOf);
  return day >= toDay(period.start) && day <= toDay(period.end);
}

/**
 * Where a period stands on a given day.
 *
 * @example
 * ```ts
 * const p: PeriodProgress = { status: 'running', elapsed: 0.5, totalDays: 730, elapsedDays: 365, daysLeft: 365, overdue: false, daysOverdue: 0 };
 * ```
 */
export interface PeriodProgress {
  /** `upcoming` before the first day, `running` within, `ended` after the last day. */
  status: 'upcoming' | 'running' | 'ended';
  /** Share of the period's days that have passed, from 0 to 1. */
  elapsed: number;
  totalDays: number;
  elapsedDays: number;
  /** Days from `asOf` to the last day included; 0 once ended. */
  daysLeft: number;
  /** True when the period has ended and the work was not marked completed. */
  overdue: boolean;
  /** Days past the end while not completed; otherwise 0. */
  daysOverdue: number;
}

/**
 * Progress of a period on a day: elapsed share in [0, 1] (never decreasing as `asOf`
 * moves later), days left, and whether it is overdue. Pass `completedOn` when the work
 * finished so a past end is not reported as overdue from that day.
 *
 * @example
 * ```ts
 * periodProgress({ start: '2005-08-01', end: '2007-07-31' }, '2006-08-01').elapsed; // ≈ 0.5
 * ```
 */
export function periodProgress(
  period: Pick<Period, 'start' | 'end'>,
  asOf: DateInput,
  options: { completedOn?: DateInput } = {},
): PeriodProgress {
  const start = toDay(period.start);
  const endExclusive = addDays(toDay(period.end), 1);
  const day = toDay(asOf);
  const totalDays = differenceInCalendarDays(endExclusive, start);
  const elapsedDays = Math.min(totalDays, Math.max(0, differenceInCalendarDays(day, start)));
  const status = day < start ? 'upcoming' : day < endExclusive ? 'running' : 'ended';
  const completed = options.completedOn !== undefined && toDay(options.completedOn) <= day;
  const daysOverdue =
    status === 'ended' && !completed ? differenceInCalendarDays(day, endExclusive) + 1 : 0;
  return {
    status,
    elapsed: totalDays === 0 ? 1 : elapsedDays / totalDays,
    totalDays,
    elapsedDays,
    daysLeft: totalDays - elapsedDays,
    overdue: daysOverdue > 0,
    daysOverdue,
  };
}

/**
 * The length of a period (both ends included) in whole years, months and days, plus the
 * total number of days.
 *
 * @example
 * ```ts
 * periodLength({ start: '2005-08-01', end: '2007-07-31' }); // { years: 2, months: 0, days: 0, totalDays: 730 }
 * ```
 */
export function periodLength(period: Pick<Period, 'start' | 'end'>): {
  years: number;
  months: number;
  days: number;
  totalDays: number;
} {
  const start = toDay(period.start);
  const end = addDays(toDay(period.end), 1);
  const duration = intervalToDuration({ start, end });
  return {
    years: duration.years ?? 0,
    months: duration.months ?? 0,
    days: duration.days ?? 0,
    totalDays: differenceInCalendarDays(end, start),
  };
}
