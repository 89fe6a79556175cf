import {
  type AnswerValue,
  type AssessmentResult,
  type Instrument,
  instrumentItems,
  parseAnswer,
  recommend,
  resolveResource,
  resultsToCsv,
  resultToMarkdown,
  scoreAnswers,
  visibleAnswers,
} from '@resonet/core';
import { instruments, ittcNetwork, treatnet } from '@resonet/fixtures';
import Papa from 'papaparse';
import { say } from './messages';
import { dataError, type Outcome, ok, usageError } from './outcome';

const MAX_BYTES = 20 * 1024 * 1024;
const networks = [treatnet, ittcNetwork];
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
  /** Reads the answers file; injected so tests can feed text directly. */
  read: (file: string) => { size: number; text: () => string };
}

function rowsFromText(file: string, text: string, lang: string): Row[] | Outcome {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (file.toLowerCase().endsWith('.csv') || !/^[[{]/.test(trimmed)) {
    const parsed = Papa.parse<Record<string, string>>(trimmed, {
      header: true,
      skipEmptyLines: true,
    });
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
  const results: AssessmentResult[] = [];
  for (const row of rows) {
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
      if (parsed.ok) answers[itemId] = parsed.value;
      else {
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
    }
    results.push(toResult(instrument, row, answers, options.date));
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 50);
    return dataError(
      `${[...shown, ...(problems.length > 50 ? ['…'] : []), say('errorsFound', lang, { count: problems.length })].join('\n')}\n`,
    );
  }

  if (options.format === 'csv') return ok(`${resultsToCsv(results)}\r\n`);
  if (options.format === 'md') {
    return ok(
      results
        .map((result) =>
          resultToMarkdown(
            instrument,
            result,
            recommend(instrument, result.answers, result.scores),
            lang,
            (ref) => resolveResource(networks, ref)?.name,
          ).replace(
            /^# (.*)$/m,
            `# $1 — ${say('respondent', lang, { value: result.respondentId })}`,
          ),
        )
        .join('\n'),
    );
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
  return ok(`${JSON.stringify(json, null, 2)}\n`);
}
