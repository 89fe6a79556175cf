import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { localize, resultsToCsv } from '@resonet/core';
import type { PageCursor, ResultQuery, ResultStore } from '../storage/results';
import { isOutcome, readCommandLine } from './commandLine';
import { say } from './messages';
import { dataError, type Outcome, ok, usageError } from './outcome';
import { importCommand } from './resultsImport';
import { servedContent, withStores } from './served';

type CsvOptions = NonNullable<Parameters<typeof resultsToCsv>[1]>;

/** Results read and written a page at a time: an export of any size holds one page. */
export const EXPORT_PAGE = 1000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Options {
  instrument?: string;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
  bom?: boolean;
  pack?: string;
}

/** Writes a chunk, waiting when the reader is slower than the database. */
async function write(out: Writable, chunk: string) {
  if (chunk && !out.write(chunk)) await once(out, 'drain');
}

/** Writes every matching result, a page at a time; returns how many. */
export async function streamResults(
  results: ResultStore,
  query: ResultQuery,
  out: Writable,
  format: 'csv' | 'jsonl',
  csv: CsvOptions,
  pageSize = EXPORT_PAGE,
): Promise<number> {
  let count = 0;
  let after: PageCursor | undefined;
  for (;;) {
    const page = await results.scan(query, pageSize, after);
    if (format === 'jsonl') await write(out, page.map((r) => `${JSON.stringify(r)}\n`).join(''));
    else if (page.length || count === 0) {
      const text = resultsToCsv(page, { ...csv, bom: count === 0 && csv.bom === true });
      // The header once, at the top; each page's rows after it.
      const rows = text.includes('\r\n') ? text.slice(text.indexOf('\r\n') + 2) : '';
      await write(out, count === 0 ? text : rows && `\r\n${rows}`);
    }
    count += page.length;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return count;
    after = { submittedAt: last.submittedAt, id: last.id };
  }
}

/**
 * `resonet results export [--instrument ID] [--from DATE] [--to DATE] --format csv|jsonl
 * [--out FILE] [--bom]`: every matching result, oldest first, streamed page by page (CSV in
 * the export columns, with the questions' wording; JSONL one result per line).
 */
export async function resultsCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  stdout: Writable,
): Promise<Outcome> {
  const line = readCommandLine<Options>(
    argv,
    env,
    {
      instrument: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      bom: { type: 'boolean' },
      pack: { type: 'string' },
    },
    'resultsUsage',
  );
  if (isOutcome(line)) return line;
  const { values, positionals, lang } = line;
  const format = values.format ?? 'csv';
  const [action, file, ...extra] = positionals;
  if (action === 'import' && file && !extra.length)
    return importCommand(file, env, lang, values.pack);
  if (action !== 'export' || file) return usageError(say('resultsUsage', lang));
  if (format !== 'csv' && format !== 'jsonl')
    return usageError(say('resultsBadFormat', lang, { value: format }));
  for (const day of [values.from, values.to])
    if (day !== undefined && (!DAY.test(day) || Number.isNaN(Date.parse(day))))
      return usageError(say('resultsBadDay', lang, { value: day }));
  if (values.out && existsSync(values.out))
    return dataError(say('instrumentExists', lang, { file: values.out }));
  const content = await servedContent(values.pack, env, lang);
  if ('code' in content) return content;
  const query: ResultQuery = {
    ...(values.instrument ? { instrumentId: values.instrument } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  };
  return withStores(lang, env, async (stores) => {
    const out = values.out ? createWriteStream(values.out, { flags: 'wx' }) : stdout;
    const centreName = (id: string) => {
      const centre = content.centres.find((c) => c.id === id);
      return centre ? localize(centre.name, lang) : '';
    };
    const count = await streamResults(stores.results, query, out, format, {
      instruments: content.instruments,
      locale: lang,
      centreName,
      bom: values.bom === true,
    });
    if (format === 'csv') await write(out, '\r\n');
    if (out !== stdout) {
      out.end();
      await once(out, 'finish');
    }
    return {
      ...ok(''),
      err: `${say('resultsExported', lang, { count, where: values.out ?? 'stdout' })}\n`,
    };
  });
}
