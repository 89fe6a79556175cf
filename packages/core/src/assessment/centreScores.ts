import { type Instrument, minRespondents } from './instrument';
import type { AssessmentResult } from './results';
import { type NeedLevel, needLevelOf } from './scoring';

/**
 * A centre's combined score on one scale: the mean of its respondents' scores with their
 * standard deviation and number. `shown` is false while fewer than the instrument's
 * minimum have answered; `mean`, `sd` and `needLevel` are then null, so that one staff
 * member's answers are never shown as the centre's.
 *
 * @example
 * ```ts
 * const s: CentreScaleScore = { centreId: 'c1', scaleId: 'barriers', n: 4, shown: true, mean: 31.5, sd: 4.2, needLevel: 'moderate' };
 * ```
 */
export interface CentreScaleScore {
  centreId: string;
  scaleId: string;
  /** Respondents with a score on this scale. */
  n: number;
  shown: boolean;
  mean: number | null;
  sd: number | null;
  needLevel: NeedLevel | null;
}

/**
 * One centre's respondents' scores on one scale, added up: what a database sums, so that a
 * network's figures come from totals per centre rather than from every result.
 *
 * @example
 * ```ts
 * const t: ScaleTotals = { centreId: 'c1', scaleId: 'barriers', n: 4, sum: 126, sumOfSquares: 4023 };
 * ```
 */
export interface ScaleTotals {
  centreId: string;
  scaleId: string;
  /** Respondents with a score on this scale (their latest result). */
  n: number;
  sum: number;
  sumOfSquares: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The results that count: each respondent's latest at each centre (on the same day, the one
 * with the greater id, so the choice never depends on the order results come in).
 *
 * @example
 * ```ts
 * latestResults(results).length; // one per respondent and centre
 * ```
 */
export function latestResults(results: readonly AssessmentResult[]): AssessmentResult[] {
  const latest = new Map<string, AssessmentResult>();
  for (const result of results) {
    const key = `${result.centreId}\u0000${result.respondentId}`;
    const earlier = latest.get(key);
    if (
      !earlier ||
      earlier.submittedAt < result.submittedAt ||
      (earlier.submittedAt === result.submittedAt && earlier.id < result.id)
    )
      latest.set(key, result);
  }
  return [...latest.values()];
}

/**
 * One instrument's results added up per centre and scale (latest result per respondent),
 * with the centres that have results, in id order: the input of `centreScoresFromTotals`.
 *
 * @example
 * ```ts
 * const { centres, totals } = scaleTotals(results.filter((r) => r.instrumentId === instrument.id));
 * ```
 */
export function scaleTotals(results: readonly AssessmentResult[]): {
  centres: string[];
  totals: ScaleTotals[];
} {
  const totals = new Map<string, ScaleTotals>();
  const centres = new Set<string>();
  for (const result of latestResults(results)) {
    centres.add(result.centreId);
    for (const score of result.scores) {
      if (typeof score.value !== 'number') continue;
      const key = `${result.centreId}\u0000${score.scaleId}`;
      const t = totals.get(key) ?? {
        centreId: result.centreId,
        scaleId: score.scaleId,
        n: 0,
        sum: 0,
        sumOfSquares: 0,
      };
      t.n += 1;
      t.sum += score.value;
      t.sumOfSquares += score.value * score.value;
      totals.set(key, t);
    }
  }
  return { centres: [...centres].sort(byId), totals: [...totals.values()] };
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every centre's combined scores, per scale, from its totals (see `ScaleTotals`). For a
 * staff-level instrument a centre needs `minRespondents` scores on a scale before it is
 * shown; a key-informant instrument shows a centre's one result. Centres come in id order.
 *
 * @example
 * ```ts
 * const { centres, totals } = scaleTotals(results);
 * centreScoresFromTotals(instrument, centres, totals).filter((s) => s.shown);
 * ```
 */
export function centreScoresFromTotals(
  instrument: Instrument,
  centres: readonly string[],
  totals: readonly ScaleTotals[],
): CentreScaleScore[] {
  const minimum = minRespondents(instrument);
  const byKey = new Map(totals.map((t) => [`${t.centreId}\u0000${t.scaleId}`, t]));
  const out: CentreScaleScore[] = [];
  for (const centreId of [...centres].sort(byId))
    for (const scale of instrument.scales) {
      const t = byKey.get(`${centreId}\u0000${scale.id}`);
      const n = t?.n ?? 0;
      const shown = n > 0 && n >= minimum;
      const mean = t && n ? t.sum / n : 0;
      // The sample standard deviation; one value varies by nothing.
      const variance =
        t && n > 1 ? Math.max(0, (t.sumOfSquares - (t.sum * t.sum) / n) / (n - 1)) : 0;
      out.push({
        centreId,
        scaleId: scale.id,
        n,
        shown,
        mean: shown ? round(mean) : null,
        sd: shown ? round(Math.sqrt(variance)) : null,
        needLevel: shown ? needLevelOf(scale, mean) : null,
      });
    }
  return out;
}

/**
 * Every centre's combined scores, per scale, from its respondents' results (the latest
 * result of each respondent counts, so answering twice does not weigh twice). For a
 * staff-level instrument a centre needs `minRespondents` scores on a scale before it is
 * shown; a key-informant instrument shows a centre's one result.
 *
 * @example
 * ```ts
 * centreScores(centreTrainingNeeds, results).filter((s) => s.shown && s.needLevel === 'high');
 * ```
 */
export function centreScores(
  instrument: Instrument,
  results: readonly AssessmentResult[],
): CentreScaleScore[] {
  const { centres, totals } = scaleTotals(results.filter((r) => r.instrumentId === instrument.id));
  return centreScoresFromTotals(instrument, centres, totals);
}
