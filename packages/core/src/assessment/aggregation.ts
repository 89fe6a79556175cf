import { differenceInCalendarDays } from 'date-fns';
import { type Centre, centreRegion } from '../centre';
import { toDay } from '../period';
import { type CentreScaleScore, centreScores } from './centreScores';
import type { Instrument, ScoringScale } from './instrument';
import type { AssessmentResult } from './results';
import { type NeedLevel, needLevelOf } from './scoring';

/**
 * One scale across centres: the mean of centre scores, their range, how many centres fall at
 * each need level, the share at high need and the mean gap.
 *
 * @example
 * ```ts
 * const s: ScaleSummary = summarizeResults(instrument, results).scales[0]!;
 * ```
 */
export interface ScaleSummary {
  scaleId: string;
  /** Centres with a score on this scale. */
  centres: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  distribution: Record<NeedLevel | 'insufficient-data', number>;
  /** Share (0–1) of centres with a score that are at high need. */
  highNeedShare: number;
  meanGap: number | null;
}

/**
 * A network summary for one instrument, optionally per group.
 *
 * @example
 * ```ts
 * const summary: NetworkSummary = summarizeResults(instrument, results, { groupBy: 'region', centres });
 * ```
 */
export interface NetworkSummary {
  instrumentId: string;
  results: number;
  centres: number;
  scales: ScaleSummary[];
  /** Scale ids, most pressing first: highest share at high need, then largest mean gap. */
  ranking: string[];
  groups?: {
    key: string;
    results: number;
    centres: number;
    scales: ScaleSummary[];
    ranking: string[];
  }[];
}

const round = (value: number) => Math.round(value * 100) / 100;

function summarize(
  instrument: Instrument,
  results: readonly AssessmentResult[],
): Omit<NetworkSummary, 'instrumentId' | 'groups'> {
  // Centre scores first (each centre's respondents combined), so a centre with many
  // respondents weighs the same as one with a single respondent; a staff-level centre with
  // too few respondents counts as insufficient data, as one without answers does.
  return summaryFromCentreScores(instrument, centreScores(instrument, results), {
    results: results.length,
    centres: new Set(results.map((r) => r.centreId)).size,
  });
}

/**
 * The network picture from centres' combined scores (as `centreScores` or a database's
 * totals give them) and the number of results and centres they come from: what
 * `summarizeResults` computes, without reading every result again.
 *
 * @example
 * ```ts
 * const { centres, totals } = scaleTotals(results);
 * summaryFromCentreScores(instrument, centreScoresFromTotals(instrument, centres, totals), { results: results.length, centres: centres.length });
 * ```
 */
export function summaryFromCentreScores(
  instrument: Instrument,
  combined: readonly CentreScaleScore[],
  counts: { results: number; centres: number },
): Omit<NetworkSummary, 'instrumentId' | 'groups'> {
  const scales = instrument.scales.map((scale: ScoringScale): ScaleSummary => {
    const values = combined
      .filter((c) => c.scaleId === scale.id && c.mean !== null)
      .map((c) => c.mean as number);
    const gaps =
      scale.target === undefined
        ? []
        : values.map((v) =>
            scale.direction === 'higher-is-better'
              ? (scale.target as number) - v
              : v - (scale.target as number),
          );
    const distribution = {
      high: 0,
      moderate: 0,
      low: 0,
      'insufficient-data': counts.centres - values.length,
    };
    for (const value of values) {
      const level = needLevelOf(scale, value);
      if (level) distribution[level] += 1;
    }
    return {
      scaleId: scale.id,
      centres: values.length,
      mean: values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null,
      min: values.length ? round(Math.min(...values)) : null,
      max: values.length ? round(Math.max(...values)) : null,
      distribution,
      highNeedShare: values.length ? round(distribution.high / values.length) : 0,
      meanGap: gaps.length ? round(gaps.reduce((a, b) => a + b, 0) / gaps.length) : null,
    };
  });
  const ranking = [...scales]
    .sort(
      (a, b) =>
        b.highNeedShare - a.highNeedShare || (b.meanGap ?? -Infinity) - (a.meanGap ?? -Infinity),
    )
    .map((s) => s.scaleId);
  return { results: counts.results, centres: counts.centres, scales, ranking };
}

/**
 * The network picture for one instrument: per scale the mean over centres, the distribution
 * of need levels, the share of centres at high need and a ranking of topics; optionally
 * grouped by region, country or participation (which needs the `centres`).
 *
 * @example
 * ```ts
 * const summary = summarizeResults(instrument, results, { groupBy: 'region', centres: network.centres });
 * summary.ranking[0]; // the most pressing scale across the network
 * ```
 */
export function summarizeResults(
  instrument: Instrument,
  results: readonly AssessmentResult[],
  options: { groupBy?: 'region' | 'country' | 'participation'; centres?: readonly Centre[] } = {},
): NetworkSummary {
  const own = results.filter((r) => r.instrumentId === instrument.id);
  const summary: NetworkSummary = { instrumentId: instrument.id, ...summarize(instrument, own) };
  if (!options.groupBy) return summary;
  const centres = new Map((options.centres ?? []).map((c) => [c.id, c]));
  const keyOf = (centreId: string): string => {
    const centre = centres.get(centreId);
    if (!centre) return 'unknown';
    if (options.groupBy === 'country') return centre.country;
    if (options.groupBy === 'participation') return centre.participation ?? 'unknown';
    return centreRegion(centre)?.code ?? 'unknown';
  };
  const groups = new Map<string, AssessmentResult[]>();
  for (const result of own) {
    const key = keyOf(result.centreId);
    const list = groups.get(key);
    if (list) list.push(result);
    else groups.set(key, [result]);
  }
  summary.groups = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => ({ key, ...summarize(instrument, list) }));
  return summary;
}

/**
 * Change between a centre's first (baseline) and latest (follow-up) result on each scale.
 *
 * @example
 * ```ts
 * const c: ScaleChange = { centreId: 'c1', scaleId: 's1', baseline: 28, followUp: 36, change: 8, improved: true, baselineDate: '2025-01-10', followUpDate: '2025-07-10', days: 181 };
 * ```
 */
export interface ScaleChange {
  centreId: string;
  scaleId: string;
  baseline: number;
  followUp: number;
  change: number;
  /** True when the change goes in the scale's good direction. */
  improved: boolean;
  baselineDate: string;
  followUpDate: string;
  days: number;
}

/**
 * Baseline versus follow-up per centre and scale: for each centre with results on two or
 * more dates, the earliest and the latest (results on the same date are averaged).
 *
 * @example
 * ```ts
 * baselineChange(instrument, results).filter((c) => !c.improved);
 * ```
 */
export function baselineChange(
  instrument: Instrument,
  results: readonly AssessmentResult[],
): ScaleChange[] {
  const byCentre = new Map<string, AssessmentResult[]>();
  for (const result of results) {
    if (result.instrumentId !== instrument.id) continue;
    const list = byCentre.get(result.centreId);
    if (list) list.push(result);
    else byCentre.set(result.centreId, [result]);
  }
  const changes: ScaleChange[] = [];
  for (const [centreId, list] of [...byCentre.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const dates = [...new Set(list.map((r) => r.submittedAt))].sort();
    if (dates.length < 2) continue;
    const first = dates[0]!;
    const last = dates.at(-1)!;
    const mean = (date: string, scaleId: string) => {
      const values = list
        .filter((r) => r.submittedAt === date)
        .map((r) => r.scores.find((s) => s.scaleId === scaleId)?.value)
        .filter((v): v is number => typeof v === 'number');
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
    };
    for (const scale of instrument.scales) {
      const baseline = mean(first, scale.id);
      const followUp = mean(last, scale.id);
      if (baseline === undefined || followUp === undefined) continue;
      const change = round(followUp - baseline);
      changes.push({
        centreId,
        scaleId: scale.id,
        baseline: round(baseline),
        followUp: round(followUp),
        change,
        improved: scale.direction === 'higher-is-better' ? change > 0 : change < 0,
        baselineDate: first,
        followUpDate: last,
        days: differenceInCalendarDays(toDay(last), toDay(first)),
      });
    }
  }
  return changes;
}
