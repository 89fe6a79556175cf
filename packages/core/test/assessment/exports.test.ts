import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dataDictionaryCsv } from '../../src/assessment/dataDictionary';
import { CSV_COLUMNS, resultsToCsv, resultToMarkdown } from '../../src/assessment/exports';
import type { AssessmentResult } from '../../src/assessment/results';
import { scoreAnswers } from '../../src/assessment/scoring';
import { example as exampleInstrument } from './example-instrument';

const instrument = exampleInstrument;
const [first, second] = instrument.sections.flatMap((s) => s.items);
const result = (centreId: string): AssessmentResult => {
  // Stored in the reverse of the questionnaire's order.
  const answers = Object.fromEntries(
    [second, first]
      .filter((i) => i !== undefined)
      .map((i) => [i.id, i.type === 'yes-no' ? true : 3]),
  );
  return {
    id: 'example-result',
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    centreId,
    respondentId: 'example-respondent',
    startedAt: '2026-12-01',
    submittedAt: '2026-12-01',
    answers,
    scores: scoreAnswers(instrument, answers),
  };
};
const rowsOf = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true }).data;

describe('CSV export for people', () => {
  it('keeps the stable columns first, then the centre name and a label', () => {
    expect(CSV_COLUMNS.slice(-2)).toEqual(['centre_name', 'label']);
    const plain = resultsToCsv([result('example-centre')]);
    expect(plain.startsWith('record_type,')).toBe(true);
    expect(rowsOf(plain).every((row) => row.label === '')).toBe(true);
  });

  it('starts with a byte-order mark when asked, lists answers in questionnaire order, labelled', () => {
    const csv = resultsToCsv([result('example-centre')], {
      instruments: [instrument],
      locale: 'en',
      centreName: (id) => (id === 'example-centre' ? 'Example centre' : undefined),
      bom: true,
    });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = rowsOf(csv);
    const answers = rows.filter((row) => row.record_type === 'answer');
    expect(answers.map((row) => row.item_id)).toEqual([first?.id, second?.id]);
    expect(answers[0]?.label).toBe(first?.text.en);
    expect(rows.every((row) => row.centre_name === 'Example centre')).toBe(true);
    const scores = rows.filter((row) => row.record_type === 'score');
    expect(scores[0]?.label).toBe(instrument.scales[0]?.name.en);
  });

  it('gives a centre typed by name as its name, never the internal prefix', () => {
    const csv = resultsToCsv([result('named:Trung tâm ví dụ')]);
    expect(csv).not.toContain('named:');
    expect(rowsOf(csv)[0]).toMatchObject({ centre_id: '', centre_name: 'Trung tâm ví dụ' });
    const md = resultToMarkdown(instrument, result('named:Trung tâm ví dụ'), [], 'vi');
    expect(md).toContain('Trung tâm Trung tâm ví dụ');
    expect(md).not.toContain('named:');
  });
});

describe('the data dictionary beside a results CSV', () => {
  it('has one row per item and per scale, in questionnaire order, labelled in the language asked', () => {
    const csv = dataDictionaryCsv([instrument], 'vi', { bom: true });
    expect(csv.startsWith('\uFEFFinstrument_id,')).toBe(true);
    const rows = rowsOf(csv).filter((r) => r.instrument_id);
    const items = instrument.sections.flatMap((s) => s.items);
    expect(rows.filter((r) => r.kind === 'item').map((r) => r.id)).toEqual(items.map((i) => i.id));
    expect(rows.filter((r) => r.kind === 'scale').map((r) => r.id)).toEqual(
      instrument.scales.map((s) => s.id),
    );
    const overloaded = rows.find((r) => r.id === 'staff-overloaded');
    expect(overloaded).toMatchObject({
      label: 'Cán bộ quá tải.',
      reverse_scored: 'true',
      type: 'likert',
    });
    expect(overloaded?.values).toContain('1 = ');
    expect(rows.find((r) => r.id === 'climate')?.scale_method).toBe(instrument.scales[0]?.method);
  });

  it('escapes a label that a spreadsheet would run as a formula', () => {
    const hostile = {
      ...instrument,
      scales: instrument.scales.map((s) => ({ ...s, name: { en: '=HYPERLINK("x")', vi: '=x' } })),
    };
    expect(dataDictionaryCsv([hostile])).not.toMatch(/,=HYPERLINK/);
  });
});

describe('a form without scales', () => {
  const form = {
    ...instrument,
    id: 'example-check-in',
    scales: [],
    recommendations: [],
    sections: [
      {
        id: 'staff',
        title: { en: 'Staff', vi: 'Cán bộ' },
        items: [
          {
            id: 'staff-count',
            type: 'number' as const,
            integer: true,
            required: true,
            text: { en: 'How many staff?', vi: 'Có bao nhiêu cán bộ?' },
          },
          {
            id: 'trained',
            type: 'yes-no' as const,
            required: true,
            text: { en: 'Trained this year?', vi: 'Năm nay được đào tạo?' },
          },
        ],
      },
    ],
  };
  const answers = { 'staff-count': 12, trained: true };
  const checkIn: AssessmentResult = {
    ...result('example-centre'),
    instrumentId: form.id,
    answers,
    scores: scoreAnswers(form, answers),
  };

  it('is shown by its answers, with no empty chart, table or recommendations', () => {
    const en = resultToMarkdown(form, checkIn, [], 'en');
    expect(en).toContain('## Answers');
    expect(en).toContain('| How many staff? | 12 |');
    expect(en).toContain('| Trained this year? | Yes |');
    expect(en).not.toMatch(/## Scores|data:image|## Recommendations/);
    const vi = resultToMarkdown(form, checkIn, [], 'vi');
    expect(vi).toContain('## Câu trả lời');
    expect(vi).toContain('| Năm nay được đào tạo? | Có |');
  });
});
