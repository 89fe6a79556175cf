import { type Centre, CentreSchema, type Lang, parseWith } from '@resonet/core';
import Papa from 'papaparse';
import { type PackProblem, problemText } from './problems';

// Columns of centres.csv: the registry's own. "name" is the English name.
const COLUMNS = [
  'id',
  'name',
  'name_vi',
  'country',
  'host_kind',
  'participation',
  'joined',
  'example',
] as const;
const REQUIRED = ['id', 'name', 'country'] as const;
const FIELDS: Record<string, string> = {
  id: 'id',
  name: 'name.en',
  name_vi: 'name.vi',
  country: 'country',
  host_kind: 'hostKind',
  participation: 'participation',
  joined: 'joined',
  example: 'example',
};

const flag = (value: string) => {
  const v = value.trim().toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(v)) return true;
  if (['no', 'false', '0', 'n', ''].includes(v)) return false;
  return undefined;
};

/** A row's fields, as the centre schema reads them (blank cells left out). */
function candidateOf(row: Record<string, string>, file: string, line: number, example: boolean) {
  const text = (key: string) => row[key]?.trim() || undefined;
  const nameVi = text('name_vi');
  return {
    id: text('id'),
    name: { en: text('name'), ...(nameVi ? { vi: nameVi } : {}) },
    country: text('country')?.toUpperCase(),
    ...(text('host_kind') ? { hostKind: text('host_kind') } : {}),
    ...(text('participation') ? { participation: text('participation') } : {}),
    ...(text('joined') ? { joined: text('joined') } : {}),
    ...(example ? { example: true } : {}),
    sources: [{ document: file, section: `line ${line}` }],
  };
}

/**
 * A pack's centres, one per row of centres.csv (comma, semicolon or tab separated; a header
 * line first). A centre cites the row it comes from; problems name the row's line and column.
 */
export function readCentresCsv(
  file: string,
  text: string,
  lang: Lang,
): { centres: Centre[]; problems: PackProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const problems: PackProblem[] = [];
  const header = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length)
    return {
      centres: [],
      problems: [
        { file, line: 1, message: problemText(lang, 'csvHeader', { columns: missing.join(', ') }) },
      ],
    };
  for (const column of header)
    if (!(COLUMNS as readonly string[]).includes(column))
      problems.push({
        file,
        line: 1,
        field: column,
        message: problemText(lang, 'csvColumn', { column, known: COLUMNS.join(', ') }),
      });
  const centres: Centre[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((row, i) => {
    // The header is line 1, so the first row is line 2 (rows spanning lines are rare here).
    const line = i + 2;
    const example = flag(row.example ?? '');
    if (example === undefined) {
      problems.push({
        file,
        line,
        field: 'example',
        message: problemText(lang, 'csvFlag', { value: row.example ?? '' }),
      });
      return;
    }
    const candidate = candidateOf(row, file, line, example);
    const result = parseWith(CentreSchema, candidate, { locale: lang });
    const earlier = result.ok ? seen.get(result.value.id) : undefined;
    if (result.ok && earlier)
      problems.push({
        file,
        line,
        field: 'id',
        message: problemText(lang, 'duplicate', {
          id: result.value.id,
          other: lang === 'vi' ? `dòng ${earlier}` : `line ${earlier}`,
        }),
      });
    else if (result.ok) {
      seen.set(result.value.id, line);
      centres.push(result.value);
    } else
      for (const issue of result.error) {
        const column = Object.entries(FIELDS).find(([, field]) =>
          issue.path.startsWith(field),
        )?.[0];
        problems.push({ file, line, ...(column ? { field: column } : {}), message: issue.message });
      }
  });
  return { centres, problems };
}
