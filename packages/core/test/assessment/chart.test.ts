import { centreTrainingNeeds } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import { NEED_COLOURS, resultChartAlt, resultChartSvg } from '../../src/assessment/chart';
import { resultToMarkdown } from '../../src/assessment/exports';
import { instrumentItems } from '../../src/assessment/instrument';
import type { AssessmentResult } from '../../src/assessment/results';
import { scoreAnswers } from '../../src/assessment/scoring';
import { numberText } from '../../src/numberText';
import { fillText } from '../../src/template';

const instrument = centreTrainingNeeds;
/** Every likert item answered with the same point; a result of the real instrument. */
const resultOf = (point: number, skip: (id: string) => boolean = () => false): AssessmentResult => {
  const answers = Object.fromEntries(
    instrumentItems(instrument)
      .filter(({ item }) => item.type === 'likert' && !skip(item.id))
      .map(({ item }) => [item.id, point]),
  );
  return {
    id: 'example-result',
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    centreId: 'example-centre',
    respondentId: 'example-respondent',
    startedAt: '2026-12-01',
    submittedAt: '2026-12-01',
    answers,
    scores: scoreAnswers(instrument, answers),
  };
};

describe('numbers and plurals as people write them', () => {
  it('writes decimals with a comma in Vietnamese and a point in English', () => {
    expect(numberText(27.5, 'vi')).toBe('27,5');
    expect(numberText(27.5, 'en')).toBe('27.5');
    expect(numberText(27.25, 'en')).toBe('27.3');
    expect(numberText(1234, 'vi-VN')).toBe('1.234');
  });

  it('picks the word for one or for any other count', () => {
    const line = '{results} {results|result|results} from {centres} {centres|centre|centres}';
    expect(fillText(line, { results: 1, centres: 1 })).toBe('1 result from 1 centre');
    expect(fillText(line, { results: 3, centres: 2 })).toBe('3 results from 2 centres');
    expect(fillText(line, { results: 0, centres: 0 })).toBe('0 results from 0 centres');
  });
});

describe('the results chart', () => {
  it('draws one bar per scored scale in its need level’s colour, with the target and the score', () => {
    const result = resultOf(4);
    const svg = resultChartSvg(instrument, result, 'vi');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const scored = result.scores.filter((s) => s.value !== null);
    expect(scored.length).toBeGreaterThan(2);
    for (const score of scored) {
      const colour = NEED_COLOURS[score.needLevel ?? 'none'];
      expect(svg).toContain(`fill="${colour}"`);
    }
    // Vietnamese numbers and words; every scale is named.
    expect(svg).toMatch(/>\d+(,\d)?\/50</);
    expect(svg).not.toMatch(/>\d+\.\d\/50</);
    for (const scale of instrument.scales)
      expect(svg).toContain((scale.name.vi ?? '').split(' ')[0]);
    expect(svg).toContain('Mục tiêu');
    // A target mark per scale that has one.
    const targets = result.scores.filter((s) => s.target !== undefined).length;
    expect(svg.match(/fill="#1b1b1b"\/>/g)?.length).toBe(targets + 1); // + the legend's mark
  });

  it('says so on a scale without enough answers, and escapes text', () => {
    const empty = resultChartSvg(
      instrument,
      resultOf(3, () => true),
      'en',
    );
    expect(empty.match(/class="note">not enough answers/g)?.length).toBe(instrument.scales.length);
    const named = {
      ...instrument,
      scales: instrument.scales.map((s) => ({ ...s, name: { en: 'A <b> & "c"', vi: 'x' } })),
    };
    const svg = resultChartSvg(named, resultOf(4), 'en');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('A &#60;b&#62; &#38; &#34;c&#34;');
  });

  it('says the same in words, and the Markdown export carries the picture', () => {
    const result = resultOf(4);
    const alt = resultChartAlt(instrument, result, 'en');
    expect(alt).toMatch(/^Bar chart of the scores: /);
    expect(alt).toContain('Staff training needs');
    expect(alt).toMatch(/Target \d+/);
    const markdown = resultToMarkdown(instrument, result, [], 'vi');
    const image = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(markdown);
    expect(image).not.toBeNull();
    const svg = new TextDecoder().decode(
      Uint8Array.from(atob(image?.[1] ?? ''), (c) => c.charCodeAt(0)),
    );
    expect(svg).toBe(resultChartSvg(instrument, result, 'vi'));
    expect(markdown).toMatch(/\| \d+(,\d)? \/ 50 \|/);
  });
});
