import {
  type AnswerValue,
  type AssessmentResult,
  type Instrument,
  type Item,
  instrumentItems,
  type Network,
  parseAnswer,
  recommend,
  resolveResource,
  resultsToCsv,
  resultToMarkdown,
  scoreAnswers,
  visibleAnswers,
  visibleItems,
} from '@resonet/core';
import { instruments as shippedInstruments, networks as shippedNetworks } from '@resonet/fixtures';
import Papa from 'papaparse';
import { say } from './messages';
import { dataError, type Outcome, ok, usageError } from './outcome';

const MAX_BYTES = 20 * 1024 * 1024;
const META_COLUMNS = new Set(['respondent_id', 'centre_id']);

interface Row {
  row: number;
  respondentId: string;
  centreId: string;
  raw: Record<string, unknown>;
}

export interface ScoreOptions {
  instrumentId: string;
  file: string;
  format: string;
  lang: string;
  date: string;
  /** Refuse rows that leave required questions unanswered, rather than warn. */
  strict?: boolean;
  /** Reads the answers file; injected so tests can feed text directly. */
  read: (file: string) => { size: number; text: () => string };
  /** A pack's instruments and networks (default: the shipped ones). */
  content?: { instruments: readonly Instrument[]; networks: readonly Network[] };
}

/**
 * The separator the header line uses most: spreadsheets set to Vietnamese or European
 * conventions save with ";" and write decimals with ",", which guessing from the data reads
 * as columns.
 */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** A CSV syntax error, by line, in the reader's language. */
function csvProblem(text: string, error: Papa.ParseError, lang: string): string {
  // A quote error knows where it is in the text; a row error only its data row (the header
  // is line 1).
  const line =
    error.index !== undefined
      ? text.slice(0, error.index).split('\n').length
      : (error.row ?? 0) + 2;
  const [, expected, parsed] = /expected (\d+) fields but parsed (\d+)/.exec(error.message) ?? [];
  const reason =
    error.code === 'MissingQuotes'
      ? say('csvMissingQuotes', lang)
      : error.code === 'InvalidQuotes'
        ? say('csvInvalidQuotes', lang)
        : (error.code === 'TooFewFields' || error.code === 'TooManyFields') && expected && parsed
          ? say(error.code === 'TooFewFields' ? 'csvTooFewFields' : 'csvTooManyFields', lang, {
              expected,
              parsed,
            })
          : error.message;
  return say('csvError', lang, { line, reason });
}

function rowsFromText(file: string, text: string, lang: string): Row[] | Outcome {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (file.toLowerCase().endsWith('.csv') || !/^[[{]/.test(trimmed)) {
    const parsed = Papa.parse<Record<string, string>>(trimmed, {
      header: true,
      skipEmptyLines: true,
      delimiter: delimiterOf(trimmed),
    });
    if (parsed.errors.length > 0) {
      const problems = parsed.errors.map((e) => csvProblem(trimmed, e, lang));
      return dataError(listed(problems, say('errorsFound', lang, { count: problems.length })));
    }
    return parsed.data.map((record, index) => ({
      row: index + 2, // row 1 is the header
      respondentId: record.respondent_id?.trim() || `row-${index + 2}`,
      centreId: record.centre_id?.trim() || 'unknown',
      raw: Object.fromEntries(
        Object.entries(record).filter(
          ([key, value]) => !META_COLUMNS.has(key) && value !== undefined && value.trim() !== '',
        ),
      ),
    }));
  }
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (error) {
    return dataError(say('badJson', lang, { value: file, reason: (error as Error).message }));
  }
  const list = Array.isArray(data) ? data : [data];
  if (!list.every((entry) => entry && typeof entry === 'object' && !Array.isArray(entry))) {
    return dataError(say('badShape', lang));
  }
  return (list as Record<string, unknown>[]).map((raw, index) => {
    const { respondent_id, centre_id, ...answers } = raw;
    return {
      row: index + 1,
      respondentId: typeof respondent_id === 'string' ? respondent_id : `row-${index + 1}`,
      centreId: typeof centre_id === 'string' ? centre_id : 'unknown',
      raw: answers,
    };
  });
}

function toResult(
  instrument: Instrument,
  row: Row,
  answers: Record<string, AnswerValue>,
  date: string,
): AssessmentResult {
  const counted = visibleAnswers(instrument, answers);
  return {
    id: `${row.respondentId}`,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    centreId: row.centreId,
    respondentId: row.respondentId,
    startedAt: date,
    submittedAt: date,
    answers: counted,
    scores: scoreAnswers(instrument, counted),
  };
}

/**
 * `resonet score <instrument-id> <answers-file>`: validates every answer (errors name the
 * row, the item and the value) and prints scores, need levels, gaps and recommendations.
 */
export function scoreFile(options: ScoreOptions): Outcome {
  const { lang } = options;
  const instruments = options.content?.instruments ?? shippedInstruments;
  const instrument = instruments.find((i) => i.id === options.instrumentId);
  if (!instrument) {
    return usageError(
      say('unknownInstrument', lang, {
        value: options.instrumentId,
        known: instruments.map((i) => i.id).join(', '),
      }),
    );
  }
  let source: { size: number; text: () => string };
  try {
    source = options.read(options.file);
  } catch (error) {
    return dataError(
      say('unreadable', lang, { value: options.file, reason: (error as Error).message }),
    );
  }
  if (source.size > MAX_BYTES) return dataError(say('tooLarge', lang, { value: options.file }));
  const rows = rowsFromText(options.file, source.text(), lang);
  if (!Array.isArray(rows)) return rows;
  if (rows.length === 0) return dataError(say('emptyFile', lang, { value: options.file }));

  const items = new Map(instrumentItems(instrument).map(({ item }) => [item.id, item]));
  const problems: string[] = [];
  const incomplete: string[] = [];
  const results: AssessmentResult[] = [];
  for (const row of rows) {
    const answers = rowAnswers(instrument, items, row, lang, problems);
    const missing = missingRequired(instrument, answers, row.row, lang);
    if (missing) (options.strict ? problems : incomplete).push(missing);
    results.push(toResult(instrument, row, answers, options.date));
  }
  if (problems.length > 0)
    return dataError(listed(problems, say('errorsFound', lang, { count: problems.length })));
  const out = render(
    instrument,
    results,
    options.format,
    lang,
    options.content?.networks ?? shippedNetworks,
  );
  if (incomplete.length === 0) return ok(out);
  return {
    code: 0,
    out,
    err: listed(incomplete, say('scoredIncomplete', lang, { count: incomplete.length })),
  };
}

/** A row's answers, parsed; what cannot be used is added to `problems`. */
function rowAnswers(
  instrument: Instrument,
  items: ReadonlyMap<string, Item>,
  row: Row,
  lang: string,
  problems: string[],
): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const [itemId, raw] of Object.entries(row.raw)) {
    const item = items.get(itemId);
    if (!item) {
      problems.push(
        say('unknownItem', lang, { row: row.row, item: itemId, instrument: instrument.id }),
      );
      continue;
    }
    const parsed = parseAnswer(instrument, item, raw, lang);
    if (parsed.ok) {
      answers[itemId] = parsed.value;
      continue;
    }
    const shown = JSON.stringify(raw) ?? String(raw);
    problems.push(
      say('badAnswer', lang, {
        row: row.row,
        item: itemId,
        value: shown.length > 60 ? `${shown.slice(0, 57)}…` : shown,
        reason: parsed.error.message,
      }),
    );
  }
  return answers;
}

/** Lines to read, fifty at most, then what they add up to. */
const listed = (lines: readonly string[], summary: string) =>
  `${[...lines.slice(0, 50), ...(lines.length > 50 ? ['…'] : []), summary].join('\n')}\n`;

/** The row's required questions left unanswered, said as a warning, if any. */
function missingRequired(
  instrument: Instrument,
  answers: Record<string, AnswerValue>,
  row: number,
  lang: string,
): string | undefined {
  const required = visibleItems(instrument, answers).filter(({ item }) => item.required);
  const missing = required.filter(({ item }) => answers[item.id] === undefined);
  if (missing.length === 0) return undefined;
  const ids = missing.slice(0, 5).map(({ item }) => item.id);
  return say('missingRequired', lang, {
    row,
    count: missing.length,
    total: required.length,
    items: `${ids.join(', ')}${missing.length > 5 ? ', …' : ''}`,
  });
}

/** Scores as JSON, Markdown or CSV. */
function render(
  instrument: Instrument,
  results: AssessmentResult[],
  format: string,
  lang: string,
  networks: readonly Network[],
): string {
  const centreName = (id: string) => (id === 'unknown' ? say('centreNotGiven', lang) : undefined);
  if (format === 'csv')
    return `${resultsToCsv(results, { instruments: [instrument], locale: lang, centreName, bom: true })}\r\n`;
  if (format === 'md') {
    return results
      .map((result) =>
        resultToMarkdown(
          instrument,
          result,
          recommend(instrument, result.answers, result.scores),
          lang,
          (ref) => resolveResource(networks, ref)?.name,
          centreName,
        ).replace(/^# (.*)$/m, `# $1 — ${say('respondent', lang, { value: result.respondentId })}`),
      )
      .join('\n');
  }
  const json = results.map((result) => ({
    respondentId: result.respondentId,
    centreId: result.centreId,
    instrument: { id: instrument.id, version: instrument.version },
    scores: result.scores.map((score) => ({
      scale: score.scaleId,
      value: score.value,
      status: score.status,
      min: score.min,
      max: score.max,
      needLevel: score.needLevel,
      gap: score.gap,
    })),
    recommendations: recommend(instrument, result.answers, result.scores).map((r) => ({
      rule: r.ruleId,
      priority: r.priority,
      gap: r.gap,
      reason: r.reason[lang] ?? r.reason.en,
      resources: r.resources.map((ref) => {
        const found = resolveResource(networks, ref);
        return { ...ref, name: found ? (found.name[lang] ?? found.name.en) : undefined };
      }),
    })),
  }));
  return `${JSON.stringify(json, null, 2)}\n`;
}
