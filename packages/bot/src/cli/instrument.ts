import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  type Instrument,
  instrumentFromXlsForm,
  instrumentToXlsForm,
  type Lang,
  type XlsFormProblem,
} from '@resonet/core';
import { instruments as shipped } from '@resonet/fixtures';
import { stringify } from 'yaml';
import { readWorkbook, WorkbookError, writeWorkbook } from '../pack/workbook';
import { say } from './messages';
import { dataError, type Outcome, usageError } from './outcome';

const MAX_BYTES = 5 * 1024 * 1024;

const where = (file: string, p: XlsFormProblem) =>
  `${file}: ${p.sheet}${p.row ? ` row ${p.row}` : ''}${p.column ? ` ${p.column}` : ''}: ${p.message}`;

/** Writes a file that does not exist yet: nothing of the user's is overwritten. */
function writeNew(file: string, data: string | Buffer, lang: Lang): Outcome | undefined {
  if (existsSync(file)) return dataError(say('instrumentExists', lang, { file }));
  try {
    writeFileSync(file, data, { flag: 'wx' });
    return undefined;
  } catch (error) {
    return dataError(
      say('unreadable', lang, {
        value: file,
        reason: (error as NodeJS.ErrnoException).code ?? 'error',
      }),
    );
  }
}

/**
 * `resonet instrument import FORM.xlsx [--out FILE.yaml]`: an XLSForm as a resonet instrument
 * (YAML, or JSON for a .json file), with every row that uses what resonet does not support.
 */
export async function importInstrument(
  file: string,
  options: { out?: string; lang: Lang },
): Promise<Outcome> {
  const { lang } = options;
  let data: Buffer;
  try {
    if (statSync(file).size > MAX_BYTES) return dataError(say('instrumentTooBig', lang, { file }));
    data = readFileSync(file);
  } catch (error) {
    return dataError(
      say('unreadable', lang, {
        value: file,
        reason: (error as NodeJS.ErrnoException).code ?? 'error',
      }),
    );
  }
  let sheets: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    sheets = await readWorkbook(data);
  } catch (error) {
    const reason = error instanceof WorkbookError ? error.say(lang) : (error as Error).name;
    return dataError(say('instrumentUnreadable', lang, { file, reason }));
  }
  const read = instrumentFromXlsForm(sheets, { source: basename(file) });
  const notes = read.notes.map((n) => `  note: ${n}`).join('\n');
  if (!read.ok)
    return {
      code: 1,
      out: '',
      err: `${say('instrumentProblems', lang, { file, count: read.error.length })}\n${read.error.map((p) => `  ${where(file, p)}`).join('\n')}${notes ? `\n${notes}` : ''}\n`,
    };
  const text = options.out?.endsWith('.json')
    ? `${JSON.stringify(read.value, null, 2)}\n`
    : stringify(read.value, { lineWidth: 0 });
  if (!options.out) return { code: 0, out: text, err: notes ? `${notes}\n` : '' };
  const failed = writeNew(options.out, text, lang);
  if (failed) return failed;
  return {
    code: 0,
    out: `${say('instrumentImported', lang, { file, out: options.out, id: read.value.id, items: read.value.sections.reduce((n, s) => n + s.items.length, 0) })}\n`,
    err: notes ? `${notes}\n` : '',
  };
}

/**
 * `resonet instrument export ID --format xlsx [--out FILE]`: an instrument as an XLSForm
 * workbook, to edit in a spreadsheet and import again.
 */
export async function exportInstrument(
  id: string,
  options: { format: string; out?: string; lang: Lang; instruments?: readonly Instrument[] },
): Promise<Outcome> {
  const { lang } = options;
  const list = options.instruments ?? shipped;
  const instrument = list.find((i) => i.id === id);
  if (!instrument)
    return usageError(
      say('unknownInstrument', lang, { value: id, known: list.map((i) => i.id).join(', ') }),
    );
  if (options.format !== 'xlsx')
    return usageError(say('instrumentFormat', lang, { value: options.format }));
  const out = options.out ?? `${instrument.id}.xlsx`;
  const { sheets, notes } = instrumentToXlsForm(instrument);
  const failed = writeNew(out, await writeWorkbook(sheets), lang);
  if (failed) return failed;
  return {
    code: 0,
    out: `${say('instrumentExported', lang, { id, out })}\n`,
    err: notes.length ? `${notes.map((n) => `  note: ${n}`).join('\n')}\n` : '',
  };
}
