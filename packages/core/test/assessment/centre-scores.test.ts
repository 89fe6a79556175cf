import { describe, expect, it } from 'vitest';
import { summarizeResults } from '../../src/assessment/aggregation';
import { centreScores } from '../../src/assessment/centreScores';
import type { Instrument } from '../../src/assessment/instrument';
import type { AssessmentResult } from '../../src/assessment/results';
import { scoreAnswers } from '../../src/assessment/scoring';
import { example } from './example-instrument';

const staffLevel: Instrument = { ...example, respondent: { kind: 'staff', minPerCentre: 3 } };

/** One staff member's result: both climate items answered with `point`. */
const staff = (centreId: string, respondentId: string, point: number, date = '2026-12-01') => {
  const answers = { 'offices-adequate': point, 'staff-overloaded': 6 - point };
  return {
    id: `${centreId}-${respondentId}-${date}`,
    instrumentId: example.id,
    instrumentVersion: example.version,
    centreId,
    respondentId,
    startedAt: date,
    submittedAt: date,
    answers,
    scores: scoreAnswers(example, answers),
  } satisfies AssessmentResult;
};

const climate = (scores: ReturnType<typeof centreScores>, centreId: string) =>
  scores.find((s) => s.centreId === centreId && s.scaleId === 'climate');

describe('staff-level instruments: a centre combines its staff, shown from a minimum n', () => {
  const results = [
    staff('example-a', 'r1', 2),
    staff('example-a', 'r2', 4),
    staff('example-a', 'r3', 3),
    staff('example-b', 'r4', 5),
    staff('example-b', 'r5', 1),
  ];

  it('gives mean, SD and n per centre, and withholds a centre below the minimum', () => {
    const scores = centreScores(staffLevel, results);
    expect(climate(scores, 'example-a')).toMatchObject({ n: 3, shown: true, mean: 30, sd: 10 });
    expect(climate(scores, 'example-b')).toEqual({
      centreId: 'example-b',
      scaleId: 'climate',
      n: 2,
      shown: false,
      mean: null,
      sd: null,
      needLevel: null,
    });
  });

  it('counts each respondent once, with their latest result', () => {
    const again = [...results, staff('example-a', 'r1', 5, '2026-12-02')];
    const scores = centreScores(staffLevel, again);
    expect(climate(scores, 'example-a')?.n).toBe(3);
    expect(climate(scores, 'example-a')?.mean).toBe(40); // (50 + 40 + 30) / 3
  });

  it('shows a key-informant centre from its one result', () => {
    const scores = centreScores(example, [staff('example-b', 'r4', 5)]);
    expect(climate(scores, 'example-b')).toMatchObject({ n: 1, shown: true, mean: 50, sd: 0 });
  });

  it('leaves withheld centres out of the network summary, as insufficient data', () => {
    const summary = summarizeResults(staffLevel, results);
    const scale = summary.scales.find((s) => s.scaleId === 'climate');
    expect(summary.centres).toBe(2);
    expect(scale).toMatchObject({ centres: 1, mean: 30 });
    expect(scale?.distribution['insufficient-data']).toBe(1);
  });
});
