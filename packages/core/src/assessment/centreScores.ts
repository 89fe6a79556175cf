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

const round = (value: number) => Math.round(value * 100) / 100;

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
  const minimum = minRespondents(instrument);
  const out: CentreScaleScore[] = [];
  for (const [centreId, list] of latestByCentre(instrument, results))
    for (const scale of instrument.scales) {
      const values = list
        .map((r) => r.scores.find((s) => s.scaleId === scale.id)?.value)
        .filter((v): v is number => typeof v === 'number');
      const n = values.length;
      const shown = n > 0 && n >= minimum;
      const mean = n ? values.reduce((a, b) => a + b, 0) / n : 0;
      out.push({
        centreId,
        scaleId: scale.id,
        n,
        shown,
        mean: shown ? round(mean) : null,
        sd: shown ? round(deviation(values, mean)) : null,
        needLevel: shown ? needLevelOf(scale, mean) : null,
      });
    }
  return out;
}

/** The sample standard deviation; one value varies by nothing. */
const deviation = (values: readonly number[], mean: number) =>
  values.length > 1
    ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1))
    : 0;

/** Each centre's results, one per respondent (the latest), centres in id order. */
function latestByCentre(
  instrument: Instrument,
  results: readonly AssessmentResult[],
): [string, AssessmentResult[]][] {
  const latest = new Map<string, AssessmentResult>();
  for (const result of results) {
    if (result.instrumentId !== instrument.id) continue;
    const key = `${result.centreId}\u0000${result.respondentId}`;
    const earlier = latest.get(key);
    if (!earlier || earlier.submittedAt <= result.submittedAt) latest.set(key, result);
  }
  const byCentre = new Map<string, AssessmentResult[]>();
  for (const result of latest.values()) {
    const list = byCentre.get(result.centreId);
    if (list) list.push(result);
    else byCentre.set(result.centreId, [result]);
  }
  return [...byCentre.entries()].sort(([a], [b]) => a.localeCompare(b));
}
