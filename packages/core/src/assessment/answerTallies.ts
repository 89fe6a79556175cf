import { type Instrument, type Item, instrumentItems } from './instrument';
import type { AssessmentResult } from './results';

/**
 * How one question was answered across results: for choices (single, multiple, yes/no,
 * Likert) how often each option was chosen, in the instrument's order; for numbers their
 * mean and range; for text and dates only how many answered, since those are read in the
 * export, not counted.
 *
 * @example
 * ```ts
 * const tally: AnswerTally = { itemId: 'trained', answered: 4, kind: 'choices', counts: [{ value: 'yes', count: 3 }, { value: 'no', count: 1 }] };
 * ```
 */
export type AnswerTally =
  | {
      itemId: string;
      answered: number;
      kind: 'choices';
      counts: { value: string; count: number }[];
    }
  | { itemId: string; answered: number; kind: 'numbers'; mean: number; min: number; max: number }
  | { itemId: string; answered: number; kind: 'answers' };

const round = (value: number) => Math.round(value * 100) / 100;

/** The values a question can take, in order, when they can be counted. */
function choicesOf(item: Item, instrument: Instrument): string[] | undefined {
  if (item.type === 'single' || item.type === 'multiple') return item.options.map((o) => o.value);
  if (item.type === 'yes-no') return ['yes', 'no'];
  if (item.type === 'likert')
    return instrument.likertScales
      .find((s) => s.id === item.likertScale)
      ?.points.map((p) => String(p.value));
  return undefined;
}

/** The choices one answer counts for: yes/no as "yes"/"no", Likert points as text. */
function chosen(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'boolean') return [value ? 'yes' : 'no'];
  return value === undefined || value === null ? [] : [String(value)];
}

/**
 * The answers of an instrument's results, question by question, so a form without scoring
 * scales (most forms a network writes itself) still has a summary: counts per option, the
 * mean and range of numbers, and how many answered the rest. Results of other instruments
 * are left out.
 *
 * @example
 * ```ts
 * const tallies = tallyAnswers(instrument, results);
 * tallies.find((t) => t.itemId === 'staff-count'); // { kind: 'numbers', mean: 12, min: 8, max: 15, answered: 3, … }
 * ```
 */
export function tallyAnswers(
  instrument: Instrument,
  results: readonly AssessmentResult[],
): AnswerTally[] {
  const own = results.filter((r) => r.instrumentId === instrument.id);
  return instrumentItems(instrument).map(({ item }): AnswerTally => {
    const given = own.map((r) => r.answers[item.id]).filter((v) => v !== undefined);
    const choices = choicesOf(item, instrument);
    if (choices) {
      const counts = new Map(choices.map((c) => [c, 0]));
      for (const value of given)
        for (const c of chosen(value)) if (counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
      return {
        itemId: item.id,
        answered: given.length,
        kind: 'choices',
        counts: [...counts].map(([value, count]) => ({ value, count })),
      };
    }
    const numbers = given.filter((v): v is number => typeof v === 'number');
    if (item.type === 'number' && numbers.length)
      return {
        itemId: item.id,
        answered: numbers.length,
        kind: 'numbers',
        mean: round(numbers.reduce((a, b) => a + b, 0) / numbers.length),
        min: Math.min(...numbers),
        max: Math.max(...numbers),
      };
    return { itemId: item.id, answered: given.length, kind: 'answers' };
  });
}
