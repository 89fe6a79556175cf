import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  type AnswerValue,
  type AssessmentResult,
  AssessmentResultSchema,
  type Instrument,
  type Item,
  instrumentItems,
  type Lang,
  parseAnswer,
  parseWith,
  scoreAnswers,
} from '@resonet/core';
import Papa from 'papaparse';
import type { ResultStore } from '../storage/results';
import { say } from './messages';
import { dataError, type Outcome, ok } from './outcome';
import { servedContent, withStores } from './served';

const IMPORT_BATCH = 1000;
const MAX_LINE = 1024 * 1024;
const SHOWN_PROBLEMS = 20;

/** One JSONL line as a result of an instrument the network has, or why not. */
function resultOfLine(
  text: string,
  line: number,
  instruments: ReadonlySet<string>,
  lang: Lang,
): { ok: true; value: AssessmentResult } | { ok: false; problem: string } {
  if (text.length > MAX_LINE)
    return { ok: false, problem: say('importLineTooLong', lang, { line }) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: say('importNotJson', lang, { line }) };
  }
  const parsed = parseWith(AssessmentResultSchema, data, { locale: lang });
  if (!parsed.ok)
    return {
      ok: false,
      problem: parsed.error
        .slice(0, 3)
        .map((i) => `${say('importLine', lang, { line })} ${i.path || '.'}: ${i.message}`)
        .join('\n  '),
    };
  if (!instruments.has(parsed.value.instrumentId))
    return {
      ok: false,
      problem: say('importUnknownInstrument', lang, { line, value: parsed.value.instrumentId }),
    };
  return { ok: true, value: parsed.value };
}

/** Each result of a JSONL or CSV file, or the problem with it, in the file's order. */
async function* readResults(
  file: string,
  instruments: ReadonlyMap<string, Instrument>,
  lang: Lang,
): AsyncGenerator<{ ok: true; value: AssessmentResult } | { ok: false; problem: string }> {
  if (file.toLowerCase().endsWith('.csv')) {
    for await (const group of csvGroups(file)) yield resultOfRows(group, instruments, lang);
    return;
  }
  const ids = new Set(instruments.keys());
  const lines = createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim()) yield resultOfLine(text, line, ids, lang);
  }
}

/** Reads a file of results and stores them in batches; counts and problems. */
async function importResults(
  file: string,
  store: ResultStore,
  instruments: ReadonlyMap<string, Instrument>,
  lang: Lang,
) {
  const counts = { stored: 0, duplicate: 0, refused: 0 };
  const problems: string[] = [];
  let batch: AssessmentResult[] = [];
  const flush = async () => {
    const saved = await store.saveMany(batch);
    counts.stored += saved.stored;
    counts.duplicate += saved.duplicate;
    batch = [];
  };
  for await (const read of readResults(file, instruments, lang)) {
    if (read.ok) batch.push(read.value);
    else {
      counts.refused += 1;
      problems.push(read.problem);
    }
    if (batch.length >= IMPORT_BATCH) await flush();
  }
  await flush();
  return { counts, problems };
}

/** A CSV export's rows of one result, as read (the header is line 1). */
interface CsvGroup {
  line: number;
  rows: Record<string, string>[];
}

/** One CSV cell as the answer its question stores ("a|b" is several choices). */
function csvAnswer(instrument: Instrument, item: Item, cell: string, lang: Lang) {
  const text =
    item.type === 'yes-no'
      ? ({ true: 'yes', false: 'no' }[cell] ?? cell)
      : item.type === 'multiple'
        ? cell.split('|').join(',')
        : cell;
  return parseAnswer(instrument, item, text, lang);
}

/**
 * One result from its rows in the CSV export format: its answers typed by its questions and
 * its scores computed again from them (the export's score rows are derived, so they are
 * not trusted from a file).
 */
function resultOfRows(
  group: CsvGroup,
  instruments: ReadonlyMap<string, Instrument>,
  lang: Lang,
): { ok: true; value: AssessmentResult } | { ok: false; problem: string } {
  const first = group.rows[0] ?? {};
  const at = say('importLine', lang, { line: group.line });
  const instrument = instruments.get(first.instrument_id ?? '');
  if (!instrument || instrument.version !== first.instrument_version)
    return {
      ok: false,
      problem: say('importUnknownInstrument', lang, {
        line: group.line,
        value: `${first.instrument_id ?? ''} ${first.instrument_version ?? ''}`.trim(),
      }),
    };
  const items = new Map(instrumentItems(instrument).map(({ item }) => [item.id, item]));
  const answers: Record<string, AnswerValue> = {};
  for (const [n, row] of group.rows.entries()) {
    if (row.record_type !== 'answer') continue;
    const item = items.get(row.item_id ?? '');
    const value = item ? csvAnswer(instrument, item, row.value ?? '', lang) : undefined;
    if (!value?.ok)
      return {
        ok: false,
        problem: `${say('importLine', lang, { line: group.line + n })} ${row.item_id || 'item_id'}: ${value ? value.error.message : say('importUnknownItem', lang)}`,
      };
    answers[row.item_id ?? ''] = value.value;
  }
  const centre = first.centre_id || (first.centre_name ? `named:${first.centre_name}` : '');
  const parsed = parseWith(
    AssessmentResultSchema,
    {
      id: first.result_id,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      centreId: centre,
      respondentId: first.respondent_id,
      startedAt: first.submitted_at,
      submittedAt: first.submitted_at,
      answers,
      scores: scoreAnswers(instrument, answers),
    },
    { locale: lang },
  );
  if (!parsed.ok)
    return {
      ok: false,
      problem: parsed.error
        .slice(0, 3)
        .map((i) => `${at} ${i.path || '.'}: ${i.message}`)
        .join('\n  '),
    };
  return { ok: true, value: parsed.value };
}

/** The CSV export's rows, grouped by result (a result's rows come together), as read. */
async function* csvGroups(file: string): AsyncGenerator<CsvGroup> {
  const rows = createReadStream(file).pipe(
    Papa.parse(Papa.NODE_STREAM_INPUT, { header: true, skipEmptyLines: true }),
  );
  let group: CsvGroup | undefined;
  let line = 1;
  for await (const row of rows as AsyncIterable<Record<string, string>>) {
    line += 1;
    if (group && group.rows[0]?.result_id === row.result_id) group.rows.push(row);
    else {
      if (group) yield group;
      group = { line, rows: [row] };
    }
  }
  if (group) yield group;
}

/** `resonet results import FILE.jsonl`: results in bulk, idempotent by id. */
export async function importCommand(
  file: string,
  env: NodeJS.ProcessEnv,
  lang: Lang,
  pack: string | undefined,
): Promise<Outcome> {
  if (!existsSync(file) || !statSync(file).isFile())
    return dataError(say('unreadable', lang, { value: file, reason: 'ENOENT' }));
  const content = await servedContent(pack, env, lang);
  if ('code' in content) return content;
  const instruments = new Map(content.instruments.map((i) => [i.id, i]));
  return withStores(lang, env, async (stores) => {
    const { counts, problems } = await importResults(file, stores.results, instruments, lang);
    const summary = say('importDone', lang, { file, ...counts });
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  ${p}`);
    if (problems.length > SHOWN_PROBLEMS)
      shown.push(`  ${say('importMore', lang, { count: problems.length - SHOWN_PROBLEMS })}`);
    return counts.refused
      ? { code: 1, out: `${summary}\n`, err: `${shown.join('\n')}\n` }
      : ok(`${summary}\n`);
  });
}
