import { instruments } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import {
  evaluateCondition,
  instrumentFromXlsForm,
  instrumentToXlsForm,
  parseRelevant,
  relevantExpression,
  type XlsFormCell,
  type XlsFormRow,
} from '../../src/index';

const rows = (list: Record<string, XlsFormCell>[]): XlsFormRow[] =>
  list.map((cells, i) => ({ row: i + 2, cells }));

// In the shape of the examples in ODK's XLSForm documentation (docs.getodk.org/xlsform):
// a yes_no list, a group, a note, numbers with constraints, relevants, select_multiple.
const odkForm = () => ({
  survey: rows([
    { type: 'start', name: 'start' },
    { type: 'today', name: 'today' },
    {
      type: 'begin group',
      name: 'respondent',
      'label::English (en)': 'About you',
      'label::Vietnamese (vi)': 'Về Anh/Chị',
    },
    {
      type: 'note',
      name: 'intro',
      'label::English (en)': 'A few questions about your centre.',
      'label::Vietnamese (vi)': 'Một vài câu hỏi về trung tâm.',
    },
    {
      type: 'integer',
      name: 'staff_count',
      'label::English (en)': 'How many staff work at the centre?',
      'label::Vietnamese (vi)': 'Trung tâm có bao nhiêu cán bộ?',
      'hint::English (en)': 'Count part-time staff too.',
      'hint::Vietnamese (vi)': 'Tính cả cán bộ bán thời gian.',
      required: 'yes',
      constraint: '. >= 0 and . <= 500',
    },
    {
      type: 'select_one yes_no',
      name: 'trained',
      'label::English (en)': 'Was anyone trained this year?',
      'label::Vietnamese (vi)': 'Năm nay có ai được đào tạo không?',
      required: 'true',
      relevant: '${staff_count} > 0',
    },
    {
      type: 'select_multiple topics',
      name: 'training_topics',
      'label::English (en)': 'Which topics?',
      'label::Vietnamese (vi)': 'Những chủ đề nào?',
      relevant: "${trained} = 'yes'",
      constraint: 'count-selected(.) <= 2',
    },
    {
      type: 'text',
      name: 'other_topic',
      'label::English (en)': 'Which other topic?',
      'label::Vietnamese (vi)': 'Chủ đề nào khác?',
      relevant: "selected(${training_topics}, 'other')",
      constraint: 'string-length(.) <= 200',
    },
    { type: 'end group', name: 'respondent' },
    {
      type: 'date',
      name: 'last_visit',
      'label::English (en)': 'Date of the last supervision visit',
      'label::Vietnamese (vi)': 'Ngày giám sát gần nhất',
      relevant: "${staff_count} != ''",
    },
    {
      type: 'decimal',
      name: 'budget_share',
      'label::English (en)': 'Share of the budget for training (%)',
      'label::Vietnamese (vi)': 'Tỷ lệ ngân sách cho đào tạo (%)',
      relevant:
        "not(${trained} = 'no') and (${staff_count} >= 5 or count-selected(${training_topics}) >= 1)",
    },
  ]),
  choices: rows([
    {
      list_name: 'yes_no',
      name: 'yes',
      'label::English (en)': 'Yes',
      'label::Vietnamese (vi)': 'Có',
    },
    {
      list_name: 'yes_no',
      name: 'no',
      'label::English (en)': 'No',
      'label::Vietnamese (vi)': 'Không',
    },
    {
      list_name: 'topics',
      name: 'counselling',
      'label::English (en)': 'Counselling',
      'label::Vietnamese (vi)': 'Tư vấn',
    },
    {
      list_name: 'topics',
      name: 'case_management',
      'label::English (en)': 'Case management',
      'label::Vietnamese (vi)': 'Quản lý ca',
    },
    {
      list_name: 'topics',
      name: 'other',
      'label::English (en)': 'Other',
      'label::Vietnamese (vi)': 'Khác',
    },
  ]),
  settings: rows([
    {
      form_title: 'Example centre survey',
      'form_title::Vietnamese (vi)': 'Khảo sát trung tâm ví dụ',
      form_id: 'example_centre_survey',
      version: '2024011501',
      default_language: 'English (en)',
    },
  ]),
});

describe('XLSForm in', () => {
  it('reads a form in the shape ODK documents: groups, notes, constraints, relevants, languages', () => {
    const read = instrumentFromXlsForm(odkForm(), { source: 'centre-survey.xlsx' });
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const form = read.value;
    expect(form).toMatchObject({
      id: 'example-centre-survey',
      version: '2024011501.0.0',
      status: 'draft',
    });
    expect(form.title).toEqual({ en: 'Example centre survey', vi: 'Khảo sát trung tâm ví dụ' });
    expect(form.sections.map((s) => s.id)).toEqual(['respondent', 'questions']);
    const [about] = form.sections;
    expect(about?.intro?.vi).toBe('Một vài câu hỏi về trung tâm.');
    const items = form.sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.id, i.type])).toEqual([
      ['staff-count', 'number'],
      ['trained', 'yes-no'],
      ['training-topics', 'multiple'],
      ['other-topic', 'text'],
      ['last-visit', 'date'],
      ['budget-share', 'number'],
    ]);
    expect(items[0]).toMatchObject({
      integer: true,
      min: 0,
      max: 500,
      required: true,
      help: { vi: 'Tính cả cán bộ bán thời gian.' },
    });
    expect(items[2]).toMatchObject({
      maxSelected: 2,
      visibleWhen: { op: 'equals', item: 'trained', value: true },
    });
    expect(items[3]).toMatchObject({
      maxLength: 200,
      visibleWhen: { op: 'in', item: 'training-topics', values: ['other'] },
    });
    expect(items[4]?.visibleWhen).toEqual({ op: 'answered', item: 'staff-count' });
    // The conditions mean what the form says.
    const shown = items[5]?.visibleWhen;
    if (!shown) throw new Error('no condition');
    expect(evaluateCondition(shown, { trained: true, 'staff-count': 6 })).toBe(true);
    expect(evaluateCondition(shown, { trained: false, 'staff-count': 6 })).toBe(false);
    expect(
      evaluateCondition(shown, { trained: true, 'staff-count': 2, 'training-topics': [] }),
    ).toBe(false);
    expect(read.notes.join('\n')).toMatch(/"start" records metadata/);
    expect(form.basis).toEqual([{ document: 'centre-survey.xlsx', section: 'survey' }]);
  });

  it('names each row and column that uses what it does not support, and returns no instrument', () => {
    const form = odkForm();
    const survey = [
      ...form.survey,
      ...rows([
        { type: 'calculate', name: 'total', calculation: '${staff_count} * 2' },
        { type: 'geopoint', name: 'where', label: 'Where is the centre?' },
        { type: 'text', name: 'filtered', label: 'Filtered', choice_filter: 'region = ${r}' },
        { type: 'integer', name: 'late', label: 'Late', relevant: 'today() > ${last_visit}' },
        { type: 'text', name: 'code', label: 'Code', constraint: "regex(., '^[A-Z]{3}$')" },
        { type: 'begin repeat', name: 'visits', label: 'Visits' },
      ]).map((r, i) => ({ ...r, row: 20 + i })),
    ];
    const read = instrumentFromXlsForm({ ...form, survey }, { source: 'form.xlsx' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const found = read.error.map((p) => `${p.sheet}:${p.row}:${p.column} ${p.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^survey:20:type the question type "calculate" is not supported/),
        expect.stringMatching(/^survey:21:type the question type "geopoint" is not supported/),
        expect.stringMatching(
          /^survey:22:choice_filter the "choice_filter" column is not supported/,
        ),
        expect.stringMatching(
          /^survey:23:relevant the expression "today\(\) > \$\{last_visit\}" cannot be read/,
        ),
        expect.stringMatching(/^survey:24:constraint the constraint "regex/),
        expect.stringMatching(/^survey:25:type the question type "begin repeat" is not supported/),
      ]),
    );
  });

  it('says what a form lacks that an instrument needs', () => {
    const read = instrumentFromXlsForm({ ...odkForm(), settings: [] }, { source: 'form.xlsx' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.map((p) => p.column)).toEqual(['form_title', 'form_id']);
    const noChoices = instrumentFromXlsForm({ ...odkForm(), choices: [] }, { source: 'form.xlsx' });
    expect(noChoices.ok).toBe(false);
    if (!noChoices.ok)
      expect(noChoices.error[0]?.message).toContain('no choices are listed under "yes_no"');
  });
});

describe('XLSForm out and back', () => {
  it('round-trips every built-in instrument: import → export → import is equal', () => {
    for (const instrument of instruments) {
      const first = instrumentFromXlsForm(instrumentToXlsForm(instrument).sheets, {
        source: 'a.xlsx',
      });
      if (!first.ok) throw new Error(`${instrument.id}: ${JSON.stringify(first.error)}`);
      const second = instrumentFromXlsForm(instrumentToXlsForm(first.value).sheets, {
        source: 'a.xlsx',
      });
      if (!second.ok) throw new Error(`${instrument.id}: ${JSON.stringify(second.error)}`);
      expect(second.value).toEqual(first.value);
      // Everything but the recommendations (which XLSForm cannot hold) survives the first trip.
      const { basis: _b, recommendations: _r, ...kept } = instrument;
      const { basis: _b2, recommendations: _r2, ...back } = first.value;
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(kept)));
    }
  });

  it('round-trips a form read from an ODK-shaped workbook', () => {
    const first = instrumentFromXlsForm(odkForm(), { source: 'f.xlsx' });
    if (!first.ok) throw new Error('invalid');
    const second = instrumentFromXlsForm(instrumentToXlsForm(first.value).sheets, {
      source: 'f.xlsx',
    });
    expect(second.ok && second.value).toEqual(first.value);
  });

  it('says that recommendation rules are left out', () => {
    const withRules = instruments.find((i) => i.recommendations.length);
    if (!withRules) throw new Error('no instrument with rules');
    expect(instrumentToXlsForm(withRules).notes[0]).toMatch(
      /recommendation rules have no XLSForm form/,
    );
  });
});

describe('relevant expressions', () => {
  const items = new Map([
    ['a', { id: 'a', type: 'single' as const }],
    ['n', { id: 'n', type: 'number' as const }],
  ]);
  const context = { item: (name: string) => items.get(name) };

  it('writes back what it reads', () => {
    for (const text of [
      "${a} = 'x'",
      '${n} >= 3',
      "not(${a} = 'x') and (${n} < 2 or ${n} > 5)",
      "${a} != ''",
    ]) {
      const parsed = parseRelevant(text, context);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(relevantExpression(parsed.value, (id) => items.get(id)?.type)).toBe(text);
    }
  });

  it('refuses what it does not read, saying which part', () => {
    expect(parseRelevant('${missing} = 1', context)).toEqual({
      ok: false,
      error: 'no earlier question is named "missing"',
    });
    expect(parseRelevant('${n} + 1 > 2', context)).toMatchObject({ ok: false });
    expect(parseRelevant("${a} = 'x' and", context)).toMatchObject({ ok: false });
  });
});
