import {
  fillText,
  type Lang,
  type Template,
  type XlsFormCell,
  type XlsFormRow,
  type XlsFormSheets,
} from '@resonet/core';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';

// A form is a few hundred rows; these limits refuse what is not one (or is a zip bomb).
const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
const MAX_ROWS = 10_000;

const WHY = {
  rows: {
    en: 'the sheet "{sheet}" has more than {max} rows',
    vi: 'trang "{sheet}" có hơn {max} dòng',
  },
  notZip: {
    en: 'this is not an .xlsx workbook (it is not a zip file)',
    vi: 'đây không phải tệp .xlsx (không phải tệp zip)',
  },
  tooBig: {
    en: 'the workbook unpacks to more than 50 MB; a form is never that big',
    vi: 'tệp giải nén ra hơn 50 MB; một biểu mẫu không bao giờ lớn như vậy',
  },
  unreadable: { en: 'the workbook cannot be read ({detail})', vi: 'không đọc được tệp ({detail})' },
  noSurvey: { en: 'the workbook has no "survey" sheet', vi: 'tệp không có trang "survey"' },
} satisfies Record<string, Template>;

/** Why a workbook cannot be read, for the person who gave it, in their language. */
export class WorkbookError extends Error {
  override name = 'WorkbookError';
  constructor(
    readonly why: keyof typeof WHY,
    readonly values: Record<string, string> = {},
  ) {
    super(fillText(WHY[why].en, values));
  }
  /** The reason in the language asked. */
  say(lang: Lang): string {
    return fillText(WHY[this.why][lang], this.values);
  }
}

/** A cell's value as text, number or boolean: rich text joined, a formula's last result. */
function plain(value: ExcelJS.CellValue): XlsFormCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return undefined;
  }
  return String(value);
}

function rowsOf(sheet: ExcelJS.Worksheet | undefined): XlsFormRow[] {
  if (!sheet) return [];
  if (sheet.rowCount > MAX_ROWS)
    throw new WorkbookError('rows', { sheet: sheet.name, max: String(MAX_ROWS) });
  const headers: string[] = [];
  const rows: XlsFormRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    if (!headers.length) {
      values.forEach((v, i) => {
        headers[i] = String(plain(v) ?? '').trim();
      });
      return;
    }
    const cells: Record<string, XlsFormCell> = {};
    values.forEach((v, i) => {
      const header = headers[i];
      if (header) cells[header] = plain(v);
    });
    rows.push({ row: number, cells });
  });
  return rows;
}

/**
 * The sheets of an XLSForm workbook (.xlsx): survey, choices, settings and resonet_scales,
 * found by name in any case; each row with its number, its cells by the header row's names.
 */
export async function readWorkbook(data: Uint8Array): Promise<XlsFormSheets> {
  let unzipped = 0;
  try {
    unzipSync(data, {
      filter: (file) => {
        unzipped += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new WorkbookError('notZip');
  }
  if (unzipped > MAX_UNZIPPED_BYTES) throw new WorkbookError('tooBig');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookError('unreadable', {
      detail: (error as Error).message.split('\n')[0] ?? '',
    });
  }
  const sheet = (name: string) =>
    workbook.worksheets.find((w) => w.name.trim().toLowerCase() === name);
  if (!sheet('survey')) throw new WorkbookError('noSurvey');
  return {
    survey: rowsOf(sheet('survey')),
    choices: rowsOf(sheet('choices')),
    settings: rowsOf(sheet('settings')),
    resonet_scales: rowsOf(sheet('resonet_scales')),
  };
}

/** An .xlsx workbook of XLSForm sheets, each with a header row of its columns. */
export async function writeWorkbook(sheets: XlsFormSheets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets) as [string, readonly XlsFormRow[]][]) {
    if (name === 'resonet_scales' && !rows.length) continue;
    const sheet = workbook.addWorksheet(name);
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r.cells)))];
    sheet.addRow(headers);
    for (const row of rows)
      sheet.addRow(headers.map((h) => (row.cells[h] === '' ? null : (row.cells[h] ?? null))));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
