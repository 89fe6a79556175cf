import Papa from 'papaparse';
import { fill, type Template } from '../template';
import { localize } from '../text';
import type { Instrument } from './instrument';
import type { Recommendation } from './recommendations';
import type { AssessmentResult } from './results';

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
] as const;

/**
 * Results as CSV (RFC 4180, CRLF line ends): one row per answer and one per scale score,
 * with {@link CSV_COLUMNS}. Several choices are joined with `|`. Cells that a spreadsheet
 * would run as a formula are escaped.
 *
 * @example
 * ```ts
 * const csv = resultsToCsv([result]);
 * ```
 */
export function resultsToCsv(results: readonly AssessmentResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    const base = [
      r.id,
      r.instrumentId,
      r.instrumentVersion,
      r.centreId,
      r.respondentId,
      r.submittedAt,
    ];
    for (const [itemId, value] of Object.entries(r.answers)) {
      rows.push([
        'answer',
        ...base,
        itemId,
        '',
        Array.isArray(value) ? value.join('|') : String(value),
        '',
        '',
        '',
      ]);
    }
    for (const s of r.scores) {
      rows.push([
        'score',
        ...base,
        '',
        s.scaleId,
        s.value === null ? '' : String(s.value),
        s.status,
        s.needLevel ?? '',
        s.gap === null ? '' : String(s.gap),
      ]);
    }
  }
  return Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
}

const T = {
  scores: { en: 'Scores', vi: 'Điểm' },
  scale: { en: 'Scale', vi: 'Thang đo' },
  score: { en: 'Score', vi: 'Điểm' },
  need: { en: 'Need', vi: 'Mức nhu cầu' },
  gap: { en: 'Gap to target', vi: 'Khoảng cách tới mục tiêu' },
  insufficient: { en: 'insufficient data', vi: 'không đủ dữ liệu' },
  high: { en: 'high', vi: 'cao' },
  moderate: { en: 'moderate', vi: 'trung bình' },
  low: { en: 'low', vi: 'thấp' },
  recommendations: { en: 'Recommendations', vi: 'Khuyến nghị' },
  none: { en: 'No recommendations.', vi: 'Không có khuyến nghị.' },
  meta: {
    en: 'Centre {centre} · submitted {date} · instrument version {version}',
    vi: 'Trung tâm {centre} · nộp ngày {date} · phiên bản công cụ {version}',
  },
} satisfies Record<string, Template>;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * A Markdown summary of one result — scores with need levels and gaps, then the
 * recommendations with each resource's name — in English or Vietnamese.
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
): string {
  const lines = [
    `# ${localize(instrument.title, locale)}`,
    '',
    fill(T.meta, locale, {
      centre: result.centreId,
      date: result.submittedAt,
      version: result.instrumentVersion,
    }),
    '',
    `## ${fill(T.scores, locale)}`,
    '',
    `| ${fill(T.scale, locale)} | ${fill(T.score, locale)} | ${fill(T.need, locale)} | ${fill(T.gap, locale)} |`,
    '| --- | ---: | --- | ---: |',
  ];
  for (const score of result.scores) {
    const scale = instrument.scales.find((s) => s.id === score.scaleId);
    const name = scale ? localize(scale.name, locale) : score.scaleId;
    const value =
      score.value === null ? fill(T.insufficient, locale) : `${score.value} / ${score.max}`;
    const need = score.needLevel ? fill(T[score.needLevel], locale) : '—';
    const gap = score.gap === null ? '—' : String(score.gap);
    lines.push(`| ${cell(name)} | ${value} | ${need} | ${gap} |`);
  }
  lines.push('', `## ${fill(T.recommendations, locale)}`, '');
  if (recommendations.length === 0) lines.push(fill(T.none, locale));
  recommendations.forEach((r, i) => {
    const names = r.resources.map((ref) => {
      const name = nameOf(ref);
      return name ? localize(name, locale) : `${ref.kind}:${ref.id}`;
    });
    lines.push(`${i + 1}. **${cell(names.join('; '))}** — ${cell(localize(r.reason, locale))}`);
  });
  return `${lines.join('\n')}\n`;
}
