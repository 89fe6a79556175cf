import Papa from 'papaparse';
import { localize } from '../text';
import { type Instrument, instrumentItems } from './instrument';
import { questionText } from './questionText';

/**
 * The data dictionary's columns: what each `item_id` and `scale_id` of a results CSV means.
 *
 * @example
 * ```ts
 * DICTIONARY_COLUMNS[3]; // 'id'
 * ```
 */
export const DICTIONARY_COLUMNS = [
  'instrument_id',
  'instrument_version',
  'kind',
  'id',
  'section',
  'label',
  'type',
  'values',
  'scales',
  'required',
  'reverse_scored',
  'scale_method',
  'scale_direction',
  'need_thresholds',
  'target',
] as const;

/** An item's allowed values as "1 = Disagree strongly; 2 = …", or its bounds. */
function valuesOf(
  instrument: Instrument,
  item: ReturnType<typeof instrumentItems>[number]['item'],
  locale: string,
): string {
  switch (item.type) {
    case 'likert':
      return (instrument.likertScales.find((l) => l.id === item.likertScale)?.points ?? [])
        .map((p) => `${p.value} = ${localize(p.label, locale)}`)
        .join('; ');
    case 'single':
    case 'multiple':
      return item.options.map((o) => `${o.value} = ${localize(o.label, locale)}`).join('; ');
    case 'yes-no':
      return 'true; false';
    case 'number':
      return [item.min, item.max].map((b) => b ?? '').join(' – ');
    case 'date':
      return 'YYYY-MM-DD';
    case 'text':
      return `≤ ${item.maxLength}`;
  }
}

/**
 * The data dictionary of instruments as CSV (RFC 4180, CRLF): one row per item — its whole
 * question in `locale`, answer type, allowed values with their labels, scales, whether it
 * is required or reverse-scored — and one per scale, with its method, direction, need
 * thresholds and target. It goes beside a results CSV so that the file can be read
 * without resonet. Several choices in the results are joined with `|`.
 *
 * @example
 * ```ts
 * const dictionary = dataDictionaryCsv([centreTrainingNeeds], 'vi', { bom: true });
 * ```
 */
export function dataDictionaryCsv(
  instruments: readonly Instrument[],
  locale = 'en',
  options: { bom?: boolean } = {},
): string {
  const rows = instruments.flatMap((instrument) => {
    const base = [instrument.id, instrument.version];
    const items = instrumentItems(instrument).map(({ item, section }) => [
      ...base,
      'item',
      item.id,
      localize(section.title, locale),
      questionText(section, item, locale),
      item.type,
      valuesOf(instrument, item, locale),
      (('scales' in item && item.scales) || []).join('|'),
      String(item.required),
      String('reverse' in item && item.reverse === true),
      '',
      '',
      '',
      '',
    ]);
    const scales = instrument.scales.map((scale) => [
      ...base,
      'scale',
      scale.id,
      '',
      localize(scale.name, locale),
      'score',
      '',
      '',
      '',
      '',
      scale.method,
      scale.direction,
      scale.needThresholds
        ? `high ${scale.needThresholds.high}; moderate ${scale.needThresholds.moderate}`
        : '',
      scale.target === undefined ? '' : String(scale.target),
    ]);
    return [...items, ...scales];
  });
  const csv = Papa.unparse(
    { fields: [...DICTIONARY_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return options.bom ? `\uFEFF${csv}` : csv;
}
