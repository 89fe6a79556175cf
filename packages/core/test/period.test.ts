import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodContains, periodLength, periodProgress, toDay } from '../src/index';

const phase1 = { start: '2005-08-01', end: '2007-07-31' };

describe('periodProgress', () => {
  it('is upcoming, running, then ended', () => {
    expect(periodProgress(phase1, '2005-07-31')).toMatchObject({ status: 'upcoming', elapsed: 0 });
    expect(periodProgress(phase1, '2005-08-01')).toMatchObject({ status: 'running', elapsed: 0 });
    const last = periodProgress(phase1, '2007-07-31');
    expect(last.status).toBe('running');
    expect(last.daysLeft).toBe(1);
    expect(periodProgress(phase1, '2007-08-01')).toMatchObject({
      status: 'ended',
      elapsed: 1,
      daysLeft: 0,
      overdue: true,
      daysOverdue: 1,
    });
  });

  it('is not overdue once completed', () => {
    const p = periodProgress(phase1, '2008-01-01', { completedOn: '2007-07-31' });
    expect(p).toMatchObject({ status: 'ended', overdue: false, daysOverdue: 0 });
  });

  it('counts days exactly', () => {
    const p = periodProgress(phase1, '2006-08-01');
    expect(p.totalDays).toBe(730);
    expect(p.elapsedDays).toBe(365);
    expect(p.elapsed).toBeCloseTo(0.5, 2);
  });

  it('throws on a date that is not a date', () => {
    expect(() => toDay('not a date')).toThrow(RangeError);
  });
});

const day = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const period = fc
  .tuple(day, day)
  .map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));

describe('period properties', () => {
  it('keeps progress within [0, 1] and days consistent', () => {
    fc.assert(
      fc.property(period, day, (p, asOf) => {
        const r = periodProgress(p, asOf);
        expect(r.elapsed).toBeGreaterThanOrEqual(0);
        expect(r.elapsed).toBeLessThanOrEqual(1);
        expect(r.elapsedDays + r.daysLeft).toBe(r.totalDays);
        expect(r.status === 'running').toBe(periodContains(p, asOf));
      }),
    );
  });

  it('never decreases as asOf moves later', () => {
    fc.assert(
      fc.property(period, day, day, (p, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(periodProgress(p, late).elapsed).toBeGreaterThanOrEqual(
          periodProgress(p, early).elapsed,
        );
        expect(periodProgress(p, late).daysLeft).toBeLessThanOrEqual(
          periodProgress(p, early).daysLeft,
        );
      }),
    );
  });
});

describe('periodLength', () => {
  it('measures Phase I as two years', () => {
    expect(periodLength(phase1)).toEqual({ years: 2, months: 0, days: 0, totalDays: 730 });
    expect(periodLength({ start: '2007-01-01', end: '2010-12-31' }).years).toBe(4);
  });
});
