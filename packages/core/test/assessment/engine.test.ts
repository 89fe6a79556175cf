import { ittcNetwork, treatnet } from '@resonet/fixtures';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  answerCurrent,
  baselineChange,
  changeAnswer,
  checkInstrumentRevision,
  completeSession,
  currentQuestion,
  goBack,
  type Item,
  instrumentItems,
  migrateSession,
  parseAnswer,
  parseInstrument,
  possibleItemCount,
  progress,
  recommend,
  resolveResource,
  resultFromSession,
  resultsToCsv,
  resultToMarkdown,
  reviewList,
  type Session,
  scoreAnswers,
  skipCurrent,
  startSession,
  summarizeResults,
} from '../../src/index';
import { example } from './example-instrument';

const item = (id: string): Item => instrumentItems(example).find((e) => e.item.id === id)!.item;
const start = () =>
  startSession(example, {
    respondentId: 'r1',
    centreId: 'example-resource-centre-vn',
    asOf: '2026-11-23',
  });

function answerAll(session: Session, answers: unknown[], locale = 'en'): Session {
  let s = session;
  for (const raw of answers) {
    const step =
      raw === 'SKIP' ? skipCurrent(example, s, locale) : answerCurrent(example, s, raw, locale);
    if (!step.ok) throw new Error(step.error.message);
    s = step.value;
  }
  return s;
}

describe('parseAnswer', () => {
  it('accepts Likert numbers and labels in English and Vietnamese, with or without diacritics', () => {
    const likert = item('offices-adequate');
    expect(parseAnswer(example, likert, '3')).toEqual({ ok: true, value: 3 });
    expect(parseAnswer(example, likert, 4)).toEqual({ ok: true, value: 4 });
    expect(parseAnswer(example, likert, 'strongly agree')).toEqual({ ok: true, value: 5 });
    expect(parseAnswer(example, likert, 'Đồng ý', 'vi')).toEqual({ ok: true, value: 4 });
    expect(parseAnswer(example, likert, 'hoan toan khong dong y', 'vi')).toEqual({
      ok: true,
      value: 1,
    });
  });

  it('says which values are allowed, in the respondent language', () => {
    const likert = item('offices-adequate');
    const en = parseAnswer(example, likert, '7');
    expect(en).toEqual({
      ok: false,
      error: {
        code: 'not-an-option',
        message:
          'Choose one of: 1 = Strongly disagree, 2 = Disagree, 3 = Uncertain, 4 = Agree, 5 = Strongly agree.',
      },
    });
    const vi = parseAnswer(example, likert, 'maybe', 'vi');
    expect(vi.ok || vi.error.message).toMatch(/^Hãy chọn một trong: 1 = Hoàn toàn không đồng ý/);
  });

  it('takes choices by number, value or label, and several separated by commas', () => {
    expect(parseAnswer(example, item('consent-procedure'), '2')).toEqual({
      ok: true,
      value: 'partly',
    });
    expect(parseAnswer(example, item('consent-procedure'), 'khong ap dung')).toEqual({
      ok: true,
      value: 'na',
    });
    expect(parseAnswer(example, item('formats'), '3, online')).toEqual({
      ok: true,
      value: ['online', 'coaching'],
    });
    expect(parseAnswer(example, item('formats'), 'Hội thảo và khóa học trực tuyến', 'vi')).toEqual({
      ok: true,
      value: ['online', 'workshop'],
    });
    expect(parseAnswer(example, item('formats'), '1,2,3')).toMatchObject({
      ok: false,
      error: { code: 'too-many' },
    });
    expect(parseAnswer(example, item('formats'), [])).toMatchObject({
      ok: false,
      error: { code: 'too-few' },
    });
  });

  it('reads yes/no in both languages', () => {
    const yn = item('had-training');
    for (const yes of ['yes', 'Có', 'co', 'Y', 'Đồng ý', 'vâng', true])
      expect(parseAnswer(example, yn, yes)).toEqual({ ok: true, value: true });
    for (const no of ['no', 'Không', 'khong', false])
      expect(parseAnswer(example, yn, no)).toEqual({ ok: true, value: false });
    expect(parseAnswer(example, yn, 'perhaps', 'vi')).toMatchObject({
      ok: false,
      error: { code: 'not-yes-no', message: 'Hãy trả lời có hoặc không.' },
    });
  });

  it('checks numbers, dates and text', () => {
    const n = item('staff-count');
    expect(parseAnswer(example, n, ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseAnswer(example, n, '3,5')).toMatchObject({
      ok: false,
      error: { code: 'not-an-integer' },
    });
    expect(parseAnswer(example, n, '900')).toEqual({
      ok: false,
      error: { code: 'out-of-range', message: 'Enter a whole number from 0 to 500.' },
    });
    expect(parseAnswer(example, n, 'twelve', 'vi')).toMatchObject({
      error: { message: 'Hãy nhập một số nguyên từ 0 đến 500.' },
    });
    expect(parseAnswer(example, item('last-training'), '2024-02-30')).toMatchObject({
      ok: false,
      error: { code: 'not-a-date' },
    });
    expect(parseAnswer(example, item('last-training'), '1999-12-31')).toMatchObject({
      ok: false,
      error: { code: 'out-of-range' },
    });
    expect(parseAnswer(example, item('comments'), 'x'.repeat(201))).toMatchObject({
      ok: false,
      error: { code: 'too-long' },
    });
    expect(parseAnswer(example, item('comments'), 'x'.repeat(10 * 1024 * 1024))).toMatchObject({
      ok: false,
      error: { code: 'too-long' },
    });
    expect(
      parseAnswer(example, item('offices-adequate'), 'x'.repeat(10 * 1024 * 1024)),
    ).toMatchObject({ ok: false });
    expect(parseAnswer(example, item('offices-adequate'), { evil: true })).toMatchObject({
      ok: false,
    });
  });
});

describe('parseInstrument', () => {
  it('accepts a valid instrument', () => {
    expect(parseInstrument(example)).toEqual({ ok: true, value: example });
  });

  it('refuses conditions that look forward or at themselves, and wrong value types', () => {
    const bad = structuredClone(example);
    const items = bad.sections[0]!.items;
    items[0]!.visibleWhen = { op: 'answered', item: 'had-training' };
    items[1]!.visibleWhen = { op: 'answered', item: 'staff-overloaded' };
    items[3]!.visibleWhen = { op: 'equals', item: 'had-training', value: 'maybe' };
    bad.sections[1]!.items[0]!.visibleWhen = { op: 'gt', item: 'had-training', value: 1 };
    const result = parseInstrument(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      {
        path: 'sections[0].items[0].visibleWhen.item',
        code: 'laterItem',
        message:
          'The condition refers to "had-training", which is not asked before this item; conditions may only look at earlier items',
      },
      {
        path: 'sections[0].items[1].visibleWhen.item',
        code: 'selfItem',
        message: "The item's condition refers to the item itself",
      },
      {
        path: 'sections[0].items[3].visibleWhen.value',
        code: 'valueType',
        message: '"maybe" is not a possible answer to "had-training" (true, false)',
      },
      {
        path: 'sections[1].items[0].visibleWhen.op',
        code: 'opType',
        message: '"gt" cannot be used on a yes-no item',
      },
    ]);
  });

  it('refuses unknown scales, unscorable members, bad thresholds and duplicate ids, in Vietnamese too', () => {
    const bad = structuredClone(example);
    bad.sections[1]!.items[4]!.scales = ['climate'];
    bad.sections[0]!.items[0]!.scales = ['nope'];
    bad.scales[0]!.needThresholds = { high: 40, moderate: 30 };
    bad.sections[1]!.items[5]!.id = 'comments';
    const result = parseInstrument(bad, { locale: 'vi' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => e.path)).toEqual([
      'sections[0].items[0].scales[0]',
      'sections[1].items[4].scales[0]',
      'sections[1].items[5].id',
      'scales[0].needThresholds',
    ]);
    expect(result.error[0]!.message).toBe('Không có thang điểm nào mang mã "nope"');
  });

  it('never lets a published version change', () => {
    expect(checkInstrumentRevision(example, structuredClone(example))).toEqual([]);
    const changed = { ...example, title: { en: 'New title', vi: 'Tiêu đề mới' } };
    expect(checkInstrumentRevision(example, changed)[0]?.message).toMatch(
      /is published and cannot change/,
    );
    expect(checkInstrumentRevision(example, { ...changed, version: '1.1.0' })).toEqual([]);
    expect(checkInstrumentRevision(example, { ...changed, version: '0.9.0' })[0]?.message).toMatch(
      /older/,
    );
    expect(
      checkInstrumentRevision({ ...example, status: 'draft' }, { ...changed, status: 'draft' }),
    ).toEqual([]);
  });
});

describe('session', () => {
  it('walks through, numbering questions among those shown', () => {
    let s = start();
    expect(currentQuestion(example, s)).toMatchObject({
      item: { id: 'offices-adequate' },
      number: 1,
      // "training-useful" may still be asked until "had-training" is answered.
      total: 10,
    });
    s = answerAll(s, ['4', '2', 'no']);
    // "training-useful" stays hidden after "no": 9 questions shown; "yes" shows it.
    expect(currentQuestion(example, s)).toMatchObject({
      item: { id: 'staff-count' },
      number: 4,
      total: 9,
    });
    expect(progress(example, s)).toEqual({ answered: 3, visible: 9, percent: 33 });
    const yes = changeAnswer(example, s, 'had-training', 'yes');
    expect(yes.ok && currentQuestion(example, yes.value)).toMatchObject({
      item: { id: 'staff-count' },
      number: 5,
      total: 10,
    });
  });

  it('goes back, re-asks, and moves on to the next open question', () => {
    let s = answerAll(start(), ['4', '2']);
    s = goBack(example, s);
    expect(currentQuestion(example, s)?.item.id).toBe('staff-overloaded');
    expect(currentQuestion(example, s)?.answer).toBe(2);
    s = answerAll(s, ['5']);
    expect(currentQuestion(example, s)?.item.id).toBe('had-training');
    expect(goBack(example, goBack(example, goBack(example, s))).current).toBe('offices-adequate');
  });

  it('skips optional questions only', () => {
    let s = answerAll(start(), ['4', '2', 'no']);
    s = answerAll(s, ['SKIP', 'SKIP']);
    const refused = skipCurrent(example, s, 'vi');
    expect(refused).toEqual({
      ok: false,
      error: { code: 'required', message: 'Câu hỏi này bắt buộc trả lời, không thể bỏ qua.' },
    });
    expect(
      reviewList(example, s)
        .filter((r) => r.skipped)
        .map((r) => r.item.id),
    ).toEqual(['staff-count', 'formats']);
  });

  it('keeps answers of items hidden by a change but never scores them', () => {
    let s = answerAll(start(), ['4', '2', 'yes', '1']);
    expect(scoreAnswers(example, s.answers).find((x) => x.scaleId === 'satisfaction')?.value).toBe(
      10,
    );
    const changed = changeAnswer(example, s, 'had-training', 'no');
    expect(changed.ok).toBe(true);
    if (!changed.ok) return;
    s = changed.value;
    expect(s.answers['training-useful']).toBe(1);
    expect(
      scoreAnswers(example, s.answers).find((x) => x.scaleId === 'satisfaction'),
    ).toMatchObject({
      status: 'insufficient-data',
      value: null,
    });
    expect(changeAnswer(example, s, 'training-useful', '5')).toMatchObject({
      ok: false,
      error: { code: 'hidden' },
    });
  });

  it('reviews, refuses to submit with required answers missing, then submits', () => {
    let s = answerAll(start(), ['4', '2', 'no', '12', 'online', 'fully']);
    const early = completeSession(example, s, '2026-11-24', 'vi');
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'missing-required', itemIds: ['complaints'] },
    });
    s = answerAll(s, ['not met', 'SKIP', 'SKIP']);
    expect(s.status).toBe('review');
    const rows = reviewList(example, s, 'vi');
    expect(rows.find((r) => r.item.id === 'had-training')?.display).toBe('Không');
    expect(rows.find((r) => r.item.id === 'offices-adequate')?.display).toBe('4 – Đồng ý');
    const done = completeSession(example, s, '2026-11-24');
    expect(done).toMatchObject({
      ok: true,
      value: { status: 'completed', completedAt: '2026-11-24' },
    });
    if (!done.ok) return;
    expect(answerCurrent(example, done.value, '3')).toMatchObject({
      ok: false,
      error: { code: 'completed' },
    });
  });

  it('survives a JSON round trip at every step', () => {
    let s = start();
    for (const raw of ['4', '2', 'yes', '5', '12', 'online, workshop', 'fully', 'partly']) {
      s = JSON.parse(JSON.stringify(s)) as Session;
      const step = answerCurrent(example, s, raw);
      expect(step.ok).toBe(true);
      if (step.ok) s = step.value;
    }
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('migrates to a newer version, reporting what was dropped', () => {
    const s = answerAll(start(), ['4', '2', 'yes', '5', '12']);
    const next = structuredClone(example);
    next.version = '1.1.0';
    next.sections[0]!.items = next.sections[0]!.items.filter((i) => i.id !== 'staff-overloaded');
    const count = next.sections[1]!.items[0]!;
    if (count.type === 'number') count.max = 10;
    const { session, dropped } = migrateSession(s, next);
    expect(dropped).toEqual([
      { itemId: 'staff-overloaded', reason: 'removed' },
      { itemId: 'staff-count', reason: 'invalid' },
    ]);
    expect(session).toMatchObject({
      instrumentVersion: '1.1.0',
      answers: { 'offices-adequate': 4, 'had-training': true },
    });
    // The respondent continues where they were; the dropped answer is asked again later.
    expect(currentQuestion(next, session)?.item.id).toBe('formats');
    expect(progress(next, session)).toMatchObject({ answered: 3 });
    expect(() => currentQuestion(example, session)).toThrow(/migrateSession/);
  });
});

describe('scoring and recommendations', () => {
  const answers = {
    'offices-adequate': 4,
    'staff-overloaded': 4, // reverse-scored: 6 − 4 = 2
    'had-training': true,
    'training-useful': 2,
    formats: ['online'],
    'consent-procedure': 'not-met',
    complaints: 'na',
  };

  it('scores TCU-style, percent with N/A left out, need levels and gaps', () => {
    const scores = scoreAnswers(example, answers);
    expect(scores).toEqual([
      {
        scaleId: 'climate',
        status: 'scored',
        value: 30,
        answered: 2,
        minAnswered: 2,
        min: 10,
        max: 50,
        direction: 'higher-is-better',
        target: 40,
        needLevel: 'moderate',
        gap: 10,
      },
      {
        scaleId: 'satisfaction',
        status: 'scored',
        value: 20,
        answered: 1,
        minAnswered: 1,
        min: 10,
        max: 50,
        direction: 'higher-is-better',
        target: 40,
        needLevel: 'high',
        gap: 20,
      },
      {
        scaleId: 'compliance',
        status: 'scored',
        value: 0,
        answered: 1,
        minAnswered: 1,
        min: 0,
        max: 100,
        direction: 'higher-is-better',
        target: 100,
        needLevel: 'high',
        gap: 100,
      },
    ]);
    expect(
      scoreAnswers(example, { ...answers, 'consent-procedure': 'partly', complaints: 'fully' })[2]
        ?.value,
    ).toBe(75);
    expect(scoreAnswers(example, { 'offices-adequate': 4 })[0]).toMatchObject({
      status: 'insufficient-data',
      value: null,
      needLevel: null,
    });
  });

  it('ranks recommendations by priority then gap, and resolves their resources', () => {
    const recs = recommend(example, answers);
    expect(recs.map((r) => r.ruleId)).toEqual([
      'fix-compliance',
      'improve-climate',
      'online-wanted',
    ]);
    expect(recs[1]).toMatchObject({ scaleId: 'climate', gap: 10, normalizedGap: 0.25 });
    const names = recs
      .flatMap((r) => r.resources)
      .map((ref) => resolveResource([treatnet, ittcNetwork], ref)?.name.vi);
    expect(names).toEqual([
      'Các văn phòng khu vực và quốc gia liên quan của UNODC',
      'Vai trò xây dựng năng lực',
      'Khóa học trực tuyến',
    ]);
    expect(recommend(example, {})).toEqual([]);
  });
});

describe('results, aggregation and exports', () => {
  const make = (id: string, centreId: string, date: string, climate: [number, number]) => {
    let s = startSession(example, { respondentId: id, centreId, asOf: date });
    s = answerAll(s, [
      climate[0],
      climate[1],
      'no',
      'SKIP',
      'SKIP',
      'fully',
      'partly',
      'SKIP',
      'SKIP',
    ]);
    const done = completeSession(example, s, date);
    if (!done.ok) throw new Error(done.error.message);
    return resultFromSession(example, done.value, `result-${id}`);
  };
  const results = [
    make('a', 'example-resource-centre-vn', '2025-01-10', [2, 4]), // climate 20: high
    make('b', 'example-resource-centre-vn', '2025-07-10', [4, 2]), // 40: low
    make('c', 'example-resource-centre-ke', '2025-02-01', [3, 3]), // 30: moderate
    make('d', 'example-resource-centre-ke', '2025-02-01', [1, 5]), // 10: high → centre mean 20
  ];

  it('summarizes per scale over centres, grouped by region', () => {
    const summary = summarizeResults(example, results, {
      groupBy: 'region',
      centres: [
        {
          id: 'example-resource-centre-vn',
          name: { en: 'VN' },
          country: 'VN',
          hostKind: 'university',
          participation: 'grant-resource-centre',
          roleIds: [],
          workingGroupIds: [],
          example: true,
        },
        {
          id: 'example-resource-centre-ke',
          name: { en: 'KE' },
          country: 'KE',
          hostKind: 'ngo-cbo',
          participation: 'grant-resource-centre',
          roleIds: [],
          workingGroupIds: [],
          example: true,
        },
      ],
    });
    const climate = summary.scales.find((s) => s.scaleId === 'climate')!;
    expect(climate).toEqual({
      scaleId: 'climate',
      centres: 2,
      mean: 25,
      min: 20,
      max: 30,
      distribution: { high: 1, moderate: 1, low: 0, 'insufficient-data': 0 },
      highNeedShare: 0.5,
      meanGap: 15,
    });
    expect(
      summary.scales.find((s) => s.scaleId === 'satisfaction')?.distribution['insufficient-data'],
    ).toBe(2);
    expect(summary.ranking[0]).toBe('climate');
    expect(summary.groups?.map((g) => [g.key, g.results, g.centres])).toEqual([
      ['002', 2, 1],
      ['142', 2, 1],
    ]);
  });

  it('reports baseline versus follow-up change', () => {
    expect(baselineChange(example, results).filter((c) => c.scaleId === 'climate')).toEqual([
      {
        centreId: 'example-resource-centre-vn',
        scaleId: 'climate',
        baseline: 20,
        followUp: 40,
        change: 20,
        improved: true,
        baselineDate: '2025-01-10',
        followUpDate: '2025-07-10',
        days: 181,
      },
    ]);
  });

  it('exports RFC 4180 CSV with stable columns and escaped formulas', () => {
    const hostile = {
      ...results[0]!,
      answers: { ...results[0]!.answers, comments: '=HYPERLINK("x")' },
    };
    const csv = resultsToCsv([hostile]);
    expect(csv.split('\r\n')[0]).toBe(
      'record_type,result_id,instrument_id,instrument_version,centre_id,respondent_id,submitted_at,item_id,scale_id,value,status,need_level,gap,centre_name,label',
    );
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(
      rows.filter((r) => r.record_type === 'score').map((r) => [r.scale_id, r.value, r.need_level]),
    ).toEqual([
      ['climate', '20', 'high'],
      ['satisfaction', '', ''],
      ['compliance', '75', 'moderate'],
    ]);
    expect(rows.find((r) => r.item_id === 'comments')?.value).toBe('\'=HYPERLINK("x")');
  });

  it('writes a Markdown summary in Vietnamese', () => {
    const md = resultToMarkdown(
      example,
      results[0]!,
      recommend(example, results[0]!.answers),
      'vi',
      (ref) => resolveResource([treatnet, ittcNetwork], ref)?.name,
    );
    expect(md).toContain('# Kiểm tra nhu cầu mẫu');
    expect(md).toContain('| Môi trường | 20 / 50 | cao | 20 |');
    expect(md).toContain('| Mức hài lòng | không đủ dữ liệu | — | — |');
    expect(md).toContain('1. **Vai trò xây dựng năng lực** — Môi trường làm việc cần được hỗ trợ.');
  });
});

describe('the question total', () => {
  it('counts the questions that may still be asked, so it never grows as answers come in', () => {
    let session = startSession(example, { respondentId: 'r', centreId: 'c', asOf: '2026-01-01' });
    const totals: number[] = [];
    for (let guard = 0; guard < 50; guard++) {
      const q = currentQuestion(example, session);
      if (!q) break;
      totals.push(q.total);
      expect(q.number).toBeLessThanOrEqual(q.total);
      // "No" to the training question drops its follow-up.
      const value = q.item.type === 'yes-no' ? 'no' : q.item.type === 'likert' ? '3' : undefined;
      const step = value ? answerCurrent(example, session, value) : skipCurrent(example, session);
      if (!step.ok) break;
      session = step.value;
    }
    expect(totals[0]).toBe(instrumentItems(example).length);
    expect(totals.every((total, i) => i === 0 || total <= totals[i - 1]!)).toBe(true);
    expect(totals.at(-1)).toBeLessThan(totals[0]!);
    expect(possibleItemCount(example, {})).toBe(instrumentItems(example).length);
  });
});
