import Papa from 'papaparse';
import { numberText } from '../numberText';
import { fill, type Template } from '../template';
import { localize } from '../text';
import { resultChartAlt, resultChartSvg } from './chart';
import { type Instrument, instrumentItems } from './instrument';
import { questionText } from './questionText';
import type { Recommendation } from './recommendations';
import type { AssessmentResult } from './results';
import { formatAnswer } from './review';

/**
 * The CSV columns, the same for every instrument and version so files can be appended and
 * compared over time.
 *
 * @example
 * ```ts
 * CSV_COLUMNS[0]; // 'record_type'
 * ```
 */
export const CSV_COLUMNS = [
  'record_type',
  'result_id',
  'instrument_id',
  'instrument_version',
  'centre_id',
  'respondent_id',
  'submitted_at',
  'item_id',
  'scale_id',
  'value',
  'status',
  'need_level',
  'gap',
  'centre_name',
  'label',
] as const;

/** What makes an export readable by people, beyond the stable columns. */
export interface CsvOptions {
  /** The results' instruments: answers in questionnaire order, labelled with their question. */
  instruments?: readonly Instrument[];
  /** The language of the labels. */
  locale?: string;
  /** A centre's name by id (the id column keeps only ids from a list of centres). */
  centreName?: (centreId: string) => string | undefined;
  /** Starts the file with a byte-order mark, so that spreadsheets read it as UTF-8. */
  bom?: boolean;
}

/** A result's answers, in the order its questionnaire asks them when it is known. */
function orderedAnswers(result: AssessmentResult, instrument: Instrument | undefined) {
  const entries = Object.entries(result.answers);
  if (!instrument) return entries.map(([itemId, value]) => ({ itemId, value, asked: undefined }));
  const rows = instrumentItems(instrument);
  const position = new Map(rows.map(({ item }, i) => [item.id, i]));
  const label = new Map(rows.map(({ item, section }) => [item.id, { item, section }]));
  return entries
    .sort(([a], [b]) => (position.get(a) ?? rows.length) - (position.get(b) ?? rows.length))
    .map(([itemId, value]) => ({ itemId, value, asked: label.get(itemId) }));
}

/**
 * Results as CSV (RFC 4180, CRLF line ends): one row per answer and one per scale score,
 * with {@link CSV_COLUMNS}. Several choices are joined with `|`. Cells that a spreadsheet
 * would run as a formula are escaped. With `options.instruments`, answers come in
 * questionnaire order and each row is labelled with its whole question or its scale's name
 * in `options.locale`; a centre typed by name rather than chosen from a list has no id,
 * only its `centre_name`.
 *
 * @example
 * ```ts
 * const csv = resultsToCsv([result], { instruments: [instrument], locale: 'vi', bom: true });
 * ```
 */
export function resultsToCsv(
  results: readonly AssessmentResult[],
  options: CsvOptions = {},
): string {
  const rows = results.flatMap((r) => resultRows(r, options));
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return options.bom ? `\uFEFF${csv}` : csv;
}

/** A centre typed by name rather than chosen from a list (`named:…`), as typed. */
const typedCentre = (centreId: string) =>
  centreId.startsWith('named:') ? centreId.slice('named:'.length) : undefined;

/** One result's CSV rows: its answers, then its scores. */
function resultRows(r: AssessmentResult, options: CsvOptions): string[][] {
  const locale = options.locale ?? 'en';
  const instrument =
    options.instruments?.find(
      (i) => i.id === r.instrumentId && i.version === r.instrumentVersion,
    ) ?? options.instruments?.find((i) => i.id === r.instrumentId);
  const typed = typedCentre(r.centreId);
  const centre = typed ?? options.centreName?.(r.centreId) ?? '';
  const base = [
    r.id,
    r.instrumentId,
    r.instrumentVersion,
    typed === undefined ? r.centreId : '',
    r.respondentId,
    r.submittedAt,
  ];
  const answers = orderedAnswers(r, instrument).map(({ itemId, value, asked }) => [
    'answer',
    ...base,
    itemId,
    '',
    Array.isArray(value) ? value.join('|') : String(value),
    '',
    '',
    '',
    centre,
    asked ? questionText(asked.section, asked.item, locale) : '',
  ]);
  const scores = r.scores.map((s) => {
    const scale = instrument?.scales.find((x) => x.id === s.scaleId);
    return [
      'score',
      ...base,
      '',
      s.scaleId,
      s.value === null ? '' : String(s.value),
      s.status,
      s.needLevel ?? '',
      s.gap === null ? '' : String(s.gap),
      centre,
      scale ? localize(scale.name, locale) : '',
    ];
  });
  return [...answers, ...scores];
}

const T = {
  scores: { en: 'Scores', vi: 'Điểm' },
  scale: { en: 'Scale', vi: 'Thang đo' },
  score: { en: 'Score', vi: 'Điểm' },
  need: { en: 'Need', vi: 'Mức nhu cầu' },
  gap: { en: 'Gap to target', vi: 'Khoảng cách tới mục tiêu' },
  insufficient: { en: 'insufficient data', vi: 'không đủ dữ liệu' },
  high: { en: 'high', vi: 'cao' },
  moderate: { en: 'moderate', vi: 'vừa' },
  low: { en: 'low', vi: 'thấp' },
  recommendations: { en: 'Recommendations', vi: 'Khuyến nghị' },
  none: { en: 'No recommendations.', vi: 'Không có khuyến nghị.' },
  answers: { en: 'Answers', vi: 'Câu trả lời' },
  question: { en: 'Question', vi: 'Câu hỏi' },
  answer: { en: 'Answer', vi: 'Trả lời' },
  meta: {
    en: 'Centre {centre} · submitted {date} · instrument version {version}',
    vi: 'Trung tâm {centre} · nộp ngày {date} · phiên bản công cụ {version}',
  },
} satisfies Record<string, Template>;

/** UTF-8 text as base64, in browsers and Node alike. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The "Scores" section: the chart as an SVG data URL, and the same figures as a table. */
function scoreLines(instrument: Instrument, result: AssessmentResult, locale: string): string[] {
  const lines = [
    `## ${fill(T.scores, locale)}`,
    '',
    // A Markdown viewer shows the picture, with the table below as its text.
    `![${cell(resultChartAlt(instrument, result, locale)).replace(/[[\]]/g, '')}](data:image/svg+xml;base64,${base64(resultChartSvg(instrument, result, locale))})`,
    '',
    `| ${fill(T.scale, locale)} | ${fill(T.score, locale)} | ${fill(T.need, locale)} | ${fill(T.gap, locale)} |`,
    '| --- | ---: | --- | ---: |',
  ];
  for (const score of result.scores) {
    const scale = instrument.scales.find((s) => s.id === score.scaleId);
    const name = scale ? localize(scale.name, locale) : score.scaleId;
    const value =
      score.value === null
        ? fill(T.insufficient, locale)
        : `${numberText(score.value, locale)} / ${numberText(score.max, locale)}`;
    const need = score.needLevel ? fill(T[score.needLevel], locale) : '—';
    const gap = score.gap === null ? '—' : numberText(score.gap, locale);
    lines.push(`| ${cell(name)} | ${value} | ${need} | ${gap} |`);
  }
  return lines;
}

/** The "Answers" section of a form that is not scored: each answered question and its answer. */
function answerLines(instrument: Instrument, result: AssessmentResult, locale: string): string[] {
  const lines = [
    `## ${fill(T.answers, locale)}`,
    '',
    `| ${fill(T.question, locale)} | ${fill(T.answer, locale)} |`,
    '| --- | --- |',
  ];
  for (const { item, section } of instrumentItems(instrument)) {
    const value = result.answers[item.id];
    if (value === undefined) continue;
    const question = questionText(section, item, locale);
    lines.push(`| ${cell(question)} | ${cell(formatAnswer(instrument, item, value, locale))} |`);
  }
  return lines;
}

/**
 * A Markdown summary of one result — scores with need levels and gaps (or, for a form
 * without scales, its answers), then the recommendations with each resource's name — in
 * English or Vietnamese.
 *
 * @example
 * ```ts
 * resultToMarkdown(instrument, result, recommend(instrument, result.answers), 'vi', (ref) => resolveResource(networks, ref)?.name);
 * ```
 */
export function resultToMarkdown(
  instrument: Instrument,
  result: AssessmentResult,
  recommendations: readonly Recommendation[],
  locale = 'en',
  nameOf: (ref: Recommendation['resources'][number]) => { en: string } | undefined = () =>
    undefined,
  centreName: (centreId: string) => string | undefined = () => undefined,
): string {
  const typed = typedCentre(result.centreId);
  const lines = [
    `# ${localize(instrument.title, locale)}`,
    '',
    fill(T.meta, locale, {
      centre: typed ?? centreName(result.centreId) ?? result.centreId,
      date: result.submittedAt,
      version: result.instrumentVersion,
    }),
    '',
  ];
  // A form without scales (a census, a check-in) is its answers; a scored one its scores.
  if (instrument.scales.length) lines.push(...scoreLines(instrument, result, locale));
  else lines.push(...answerLines(instrument, result, locale));
  // A form with no recommendation rules recommends nothing: no section that says so.
  if (instrument.recommendations.length) {
    lines.push('', `## ${fill(T.recommendations, locale)}`, '');
    if (recommendations.length === 0) lines.push(fill(T.none, locale));
    recommendations.forEach((r, i) => {
      const names = r.resources.map((ref) => {
        const name = nameOf(ref);
        return name ? localize(name, locale) : `${ref.kind}:${ref.id}`;
      });
      lines.push(`${i + 1}. **${cell(names.join('; '))}** — ${cell(localize(r.reason, locale))}`);
    });
  }
  // What the figures are worth goes with them.
  if (instrument.validation)
    lines.push('', `_${cell(localize(instrument.validation.note, locale))}_`);
  return `${lines.join('\n')}\n`;
}
