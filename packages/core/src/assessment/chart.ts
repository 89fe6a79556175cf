import { numberText } from '../numberText';
import { fill, type Template } from '../template';
import { localize } from '../text';
import type { Instrument } from './instrument';
import type { AssessmentResult } from './results';

/**
 * The colours of need levels (and of a scale without levels), chosen to stay apart for
 * colour-blind readers and on print.
 *
 * @example
 * ```ts
 * NEED_COLOURS.high; // '#b3261e'
 * ```
 */
export const NEED_COLOURS = {
  high: '#b3261e',
  moderate: '#c77700',
  low: '#2e7d32',
  none: '#0b5394',
} as const;

const T = {
  high: { en: 'High need', vi: 'Nhu cầu cao' },
  moderate: { en: 'Moderate need', vi: 'Nhu cầu vừa' },
  low: { en: 'Low need', vi: 'Nhu cầu thấp' },
  target: { en: 'Target', vi: 'Mục tiêu' },
  insufficient: { en: 'not enough answers', vi: 'chưa đủ câu trả lời' },
  of: { en: '{value} of {max}', vi: '{value}/{max}' },
  alt: {
    en: 'Bar chart of the scores: {rows}.',
    vi: 'Biểu đồ cột của các điểm: {rows}.',
  },
} satisfies Record<string, Template>;

// Sized for a phone: a chat bubble there is about 340 px wide, so the picture is not much
// wider and its text stays readable.
const WIDTH = 400;
const PAD = 10;
const FONT = 15;
const LABEL_CHARS = 44;
const BAR = 18;
const VALUE_WIDTH = 78;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A label in lines of at most `width` characters, broken between words. */
function lines(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  // Two lines at most: a longer name keeps its start, which names it.
  return out.length > 2 ? [out[0] ?? '', `${out[1]}…`] : out;
}

/** Where a value falls on the bar, in pixels from its start. */
const along = (value: number, min: number, max: number, width: number) =>
  Math.round(((Math.min(max, Math.max(min, value)) - min) / (max - min || 1)) * width);

/**
 * A result's scores as a bar chart (SVG): one bar per scale in its need level's colour,
 * the target as a dark mark, the score written beside it in the locale's numbers, and a
 * legend. Text is real text (the fonts are the viewer's), so the SVG is also readable when
 * embedded; `resultChartAlt` says the same in words for screen readers.
 *
 * @example
 * ```ts
 * const svg = resultChartSvg(instrument, result, 'vi'); // '<svg xmlns=… role="img" …'
 * ```
 */
export function resultChartSvg(
  instrument: Instrument,
  result: AssessmentResult,
  locale = 'en',
): string {
  const track = WIDTH - 2 * PAD - VALUE_WIDTH;
  const parts: string[] = [];
  let y = PAD;
  for (const score of result.scores) {
    const scale = instrument.scales.find((s) => s.id === score.scaleId);
    const name = scale ? localize(scale.name, locale) : score.scaleId;
    for (const line of lines(name, LABEL_CHARS)) {
      y += FONT + 4;
      parts.push(`<text x="${PAD}" y="${y}" class="label">${escapeXml(line)}</text>`);
    }
    y += 6;
    parts.push(
      `<rect x="${PAD}" y="${y}" width="${track}" height="${BAR}" rx="3" fill="#e8edf3"/>`,
    );
    if (score.value === null) {
      parts.push(
        `<text x="${PAD + 8}" y="${y + BAR - 5}" class="note">${escapeXml(fill(T.insufficient, locale))}</text>`,
      );
    } else {
      const colour = NEED_COLOURS[score.needLevel ?? 'none'];
      const filled = Math.max(3, along(score.value, score.min, score.max, track));
      parts.push(
        `<rect x="${PAD}" y="${y}" width="${filled}" height="${BAR}" rx="3" fill="${colour}"/>`,
        `<text x="${PAD + track + 10}" y="${y + BAR - 4}" class="value">${escapeXml(
          fill(T.of, locale, {
            value: numberText(score.value, locale),
            max: numberText(score.max, locale),
          }),
        )}</text>`,
      );
    }
    if (score.target !== undefined) {
      const x = PAD + along(score.target, score.min, score.max, track);
      parts.push(
        `<rect x="${x - 1.5}" y="${y - 4}" width="3" height="${BAR + 8}" fill="#1b1b1b"/>`,
      );
    }
    y += BAR + 14;
  }
  const key = legend(y + 4, locale);
  parts.push(...key.parts);
  const height = key.bottom + PAD;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(resultChartAlt(instrument, result, locale))}">`,
    `<style>text{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;font-size:${FONT}px;fill:#1b1b1b}.value{font-weight:700}.note{fill:#555;font-size:12px}</style>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('');
}

/** The legend: a swatch per need level, then the target's mark, in rows that fit. */
function legend(top: number, locale: string): { parts: string[]; bottom: number } {
  const parts: string[] = [];
  let x = PAD;
  let y = top;
  const place = (width: number) => {
    if (x > PAD && x + width > WIDTH - PAD) {
      x = PAD;
      y += FONT + 10;
    }
    const at = x;
    x += width + 14;
    return at;
  };
  const textWidth = (label: string) => Math.round(label.length * FONT * 0.52);
  for (const level of ['high', 'moderate', 'low'] as const) {
    const label = fill(T[level], locale);
    const at = place(20 + textWidth(label));
    parts.push(
      `<rect x="${at}" y="${y}" width="14" height="14" rx="2" fill="${NEED_COLOURS[level]}"/>`,
      `<text x="${at + 20}" y="${y + 12}">${escapeXml(label)}</text>`,
    );
  }
  const target = fill(T.target, locale);
  const at = place(16 + textWidth(target));
  parts.push(
    `<rect x="${at + 5}" y="${y - 3}" width="3" height="20" fill="#1b1b1b"/>`,
    `<text x="${at + 16}" y="${y + 12}">${escapeXml(target)}</text>`,
  );
  return { parts, bottom: y + FONT };
}

/**
 * The chart in words, for screen readers and as the image's alternative text: each scale
 * with its score, need level and target.
 *
 * @example
 * ```ts
 * resultChartAlt(instrument, result, 'en'); // 'Bar chart of the scores: Barriers to training 36 of 50, High need, Target 25; …'
 * ```
 */
export function resultChartAlt(
  instrument: Instrument,
  result: AssessmentResult,
  locale = 'en',
): string {
  const rows = result.scores.map((score) => {
    const scale = instrument.scales.find((s) => s.id === score.scaleId);
    const name = scale ? localize(scale.name, locale) : score.scaleId;
    if (score.value === null) return `${name} ${fill(T.insufficient, locale)}`;
    const parts = [
      `${name} ${fill(T.of, locale, { value: numberText(score.value, locale), max: numberText(score.max, locale) })}`,
      ...(score.needLevel ? [fill(T[score.needLevel], locale)] : []),
      ...(score.target !== undefined
        ? [`${fill(T.target, locale)} ${numberText(score.target, locale)}`]
        : []),
    ];
    return parts.join(', ');
  });
  return fill(T.alt, locale, { rows: rows.join('; ') });
}
