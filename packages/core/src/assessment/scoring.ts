import type { AnswerValue } from './answerValue';
import { type Instrument, type Item, instrumentItems, type ScoringScale } from './instrument';
import { visibleAnswers } from './visibility';

/**
 * A need level from a scale's thresholds.
 *
 * @example
 * ```ts
 * const level: NeedLevel = 'high';
 * ```
 */
export type NeedLevel = 'high' | 'moderate' | 'low';

/**
 * The score of one scale. `value` is `null` with status `insufficient-data` when fewer than
 * the scale's minimum items were answered. `gap` is how far the score falls short of the
 * target in the scale's bad direction (positive = short; negative = beyond target).
 *
 * @example
 * ```ts
 * const s: ScaleScore = { scaleId: 'barriers', status: 'scored', value: 36, answered: 4, minAnswered: 2, min: 10, max: 50, direction: 'higher-is-more-need', needLevel: 'high', target: 20, gap: 16 };
 * ```
 */
export interface ScaleScore {
  scaleId: string;
  status: 'scored' | 'insufficient-data';
  value: number | null;
  answered: number;
  minAnswered: number;
  /** Lowest and highest possible value of the scale. */
  min: number;
  max: number;
  direction: ScoringScale['direction'];
  needLevel: NeedLevel | null;
  target?: number | undefined;
  gap: number | null;
}

interface ItemScore {
  score: number;
  lo: number;
  hi: number;
}

/** The score an answer contributes and the item's possible range; undefined if not scored. */
function itemBounds(instrument: Instrument, item: Item): { lo: number; hi: number } | undefined {
  switch (item.type) {
    case 'likert': {
      const values = instrument.likertScales
        .find((s) => s.id === item.likertScale)
        ?.points.map((p) => p.value);
      return values?.length ? { lo: Math.min(...values), hi: Math.max(...values) } : undefined;
    }
    case 'yes-no':
      return { lo: 0, hi: 1 };
    case 'single': {
      const scores = item.options.filter((o) => !o.notApplicable).map((o) => o.score ?? 0);
      return scores.length ? { lo: Math.min(...scores), hi: Math.max(...scores) } : undefined;
    }
    case 'multiple': {
      const scores = item.options.map((o) => o.score ?? 0);
      return {
        lo: scores.reduce((sum, s) => sum + Math.min(0, s), 0),
        hi: scores.reduce((sum, s) => sum + Math.max(0, s), 0),
      };
    }
    case 'number':
      return item.min !== undefined && item.max !== undefined
        ? { lo: item.min, hi: item.max }
        : undefined;
    default:
      return undefined;
  }
}

function itemScore(instrument: Instrument, item: Item, answer: AnswerValue): ItemScore | undefined {
  const bounds = itemBounds(instrument, item);
  switch (item.type) {
    case 'likert': {
      if (!bounds || typeof answer !== 'number') return undefined;
      const score = item.reverse ? bounds.lo + bounds.hi - answer : answer;
      return { score, ...bounds };
    }
    case 'yes-no':
      return typeof answer === 'boolean' ? { score: answer ? 1 : 0, lo: 0, hi: 1 } : undefined;
    case 'single': {
      const option = item.options.find((o) => o.value === answer);
      if (!bounds || !option || option.notApplicable) return undefined;
      return { score: option.score ?? 0, ...bounds };
    }
    case 'multiple': {
      if (!bounds || !Array.isArray(answer)) return undefined;
      const score = item.options
        .filter((o) => answer.includes(o.value))
        .reduce((sum, o) => sum + (o.score ?? 0), 0);
      return { score, ...bounds };
    }
    case 'number': {
      if (typeof answer !== 'number') return undefined;
      return { score: answer, lo: bounds?.lo ?? answer, hi: bounds?.hi ?? answer };
    }
    default:
      return undefined;
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The lowest and highest value a scale can take, from its items.
 *
 * @example
 * ```ts
 * scaleBounds(instrument, instrument.scales[0]!); // { min: 10, max: 50 } for a TCU-style scale
 * ```
 */
export function scaleBounds(
  instrument: Instrument,
  scale: ScoringScale,
): { min: number; max: number } {
  if (scale.method === 'percent') return { min: 0, max: 100 };
  const bounds = instrumentItems(instrument)
    .filter(({ item }) => item.scales?.includes(scale.id))
    .map(({ item }) => itemBounds(instrument, item))
    .filter((b): b is { lo: number; hi: number } => b !== undefined);
  if (bounds.length === 0) return { min: 0, max: 0 };
  if (scale.method === 'sum') {
    return {
      min: bounds.reduce((s, b) => s + Math.min(0, b.lo), 0),
      max: bounds.reduce((s, b) => s + Math.max(0, b.hi), 0),
    };
  }
  const factor = scale.method === 'mean-x10' ? 10 : 1;
  return {
    min: Math.min(...bounds.map((b) => b.lo)) * factor,
    max: Math.max(...bounds.map((b) => b.hi)) * factor,
  };
}

/**
 * The need level of a value on a scale, from its thresholds (none without thresholds).
 *
 * @example
 * ```ts
 * needLevelOf({ direction: 'higher-is-better', needThresholds: { high: 25, moderate: 35 } }, 30); // 'moderate'
 * ```
 */
export function needLevelOf(
  scale: Pick<ScoringScale, 'direction' | 'needThresholds'>,
  value: number,
): NeedLevel | null {
  const t = scale.needThresholds;
  if (!t) return null;
  if (scale.direction === 'higher-is-better') {
    return value < t.high ? 'high' : value < t.moderate ? 'moderate' : 'low';
  }
  return value >= t.high ? 'high' : value >= t.moderate ? 'moderate' : 'low';
}

/**
 * Scores every scale of an instrument from answers. Only answers to items currently shown
 * count; not-applicable choices are left out; reverse-scored Likert items count
 * `min + max − answer`.
 *
 * @example
 * ```ts
 * scoreAnswers(instrument, session.answers).map((s) => [s.scaleId, s.value, s.needLevel]);
 * ```
 */
export function scoreAnswers(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
): ScaleScore[] {
  const counted = visibleAnswers(instrument, answers);
  const byScale = new Map<string, ItemScore[]>();
  for (const { item } of instrumentItems(instrument)) {
    const answer = counted[item.id];
    if (answer === undefined || !item.scales) continue;
    const scored = itemScore(instrument, item, answer);
    if (!scored) continue;
    for (const scaleId of item.scales)
      byScale.set(scaleId, [...(byScale.get(scaleId) ?? []), scored]);
  }
  return instrument.scales.map((scale) => {
    const scores = byScale.get(scale.id) ?? [];
    const { min, max } = scaleBounds(instrument, scale);
    const base = {
      scaleId: scale.id,
      answered: scores.length,
      minAnswered: scale.minAnswered,
      min,
      max,
      direction: scale.direction,
      ...(scale.target !== undefined ? { target: scale.target } : {}),
    };
    if (scores.length < scale.minAnswered || scores.length === 0) {
      return { ...base, status: 'insufficient-data', value: null, needLevel: null, gap: null };
    }
    const total = scores.reduce((sum, s) => sum + s.score, 0);
    let value: number;
    if (scale.method === 'sum') value = total;
    else if (scale.method === 'percent') {
      const possible = scores.reduce((sum, s) => sum + (s.hi - s.lo), 0);
      const earned = scores.reduce((sum, s) => sum + (s.score - s.lo), 0);
      value = possible === 0 ? 100 : (earned / possible) * 100;
    } else value = (total / scores.length) * (scale.method === 'mean-x10' ? 10 : 1);
    value = Math.min(max, Math.max(min, round(value)));
    const gap =
      scale.target === undefined
        ? null
        : round(
            scale.direction === 'higher-is-better' ? scale.target - value : value - scale.target,
          );
    return { ...base, status: 'scored', value, needLevel: needLevelOf(scale, value), gap };
  });
}
