import {
  type Centre,
  type Instrument,
  instrumentFromXlsForm,
  type Lang,
  type Network,
  parseInstrument,
  parseNetwork,
  parseWith,
  type XlsFormSheets,
} from '@resonet/core';
import { WHOLE_DOCUMENT } from '../answers/citation';
import { type Branding, BrandingSchema, brandingMessage } from './branding';
import { readCentresCsv } from './centresCsv';
import { type DataFile, problemsOf, readDataFile } from './dataFile';
import { type ReadEntry, readKnowledgeFile } from './knowledgeFile';
import { atLine, type PackProblem, problemText } from './problems';

/** A pack's files as read from its folder: text files by path, and the binary ones' bytes. */
export interface PackFiles {
  /** Text files by path relative to the pack's folder, with "/" separators. */
  texts: ReadonlyMap<string, string>;
  /** Other files (the logo) by path. */
  binaries: ReadonlyMap<string, Uint8Array>;
  /** Files left unread, and why (too big): problems already. */
  refused: readonly PackProblem[];
  /** XLSForm workbooks (instruments/*.xlsx) read into their sheets, or why they could not be. */
  workbooks?: ReadonlyMap<string, XlsFormSheets | { error: string }>;
}

/** Everything a pack holds, validated. */
export interface Pack {
  branding: Branding;
  network: Network;
  centres: Centre[];
  instruments: Instrument[];
  knowledge: ReadEntry['entry'][];
  logo?: { file: string; data: Uint8Array; type: 'image/png' | 'image/svg+xml' };
}

const DATA = /\.(ya?ml|json)$/;
const KNOWLEDGE = /\.(ya?ml|md)$/;

/** The first of the given names that the pack has. */
const findFile = (files: PackFiles, names: string[]) => names.find((n) => files.texts.has(n));

function readData(files: PackFiles, file: string, lang: Lang, problems: PackProblem[]) {
  const read = readDataFile(file, files.texts.get(file) ?? '', lang);
  if (read.ok) return read.value;
  problems.push(read.error);
  return undefined;
}

/** Objects that are texts in several languages ({ en, vi }), by path. */
function localizedTexts(
  value: unknown,
  path = '',
): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (typeof object.en === 'string' && keys.every((k) => /^[a-z]{2}(-[A-Za-z]{2})?$/.test(k)))
    return [{ path, text: object }];
  return keys.flatMap((k) => localizedTexts(object[k], path ? `${path}.${k}` : k));
}

/** Every text of a file's data that lacks Vietnamese, as problems with their lines. */
function missingVietnamese(file: string, data: unknown, lineOf: DataFile['lineOf'], lang: Lang) {
  return localizedTexts(data)
    .filter(({ text }) => typeof text.vi !== 'string' || !text.vi.trim())
    .map(({ path }) => {
      const line = lineOf(path);
      return {
        file,
        ...atLine(line),
        field: path,
        message: problemText(lang, 'noVietnamese'),
      };
    });
}

function readBranding(files: PackFiles, lang: Lang, problems: PackProblem[]) {
  const file = findFile(files, ['pack.yaml', 'pack.yml', 'pack.json']);
  if (!file) {
    problems.push({
      file: 'pack.yaml',
      message: problemText(lang, 'missingFile', { what: 'name, welcome, languages' }),
    });
    return undefined;
  }
  const data = readData(files, file, lang, problems);
  if (!data) return undefined;
  const parsed = parseWith(BrandingSchema, data.value, { locale: lang });
  if (!parsed.ok) {
    const issues = parsed.error.map((i) => ({ ...i, message: brandingMessage(i.message, lang) }));
    problems.push(...problemsOf(file, data, issues));
    return undefined;
  }
  return { file, data, branding: parsed.value };
}

function readNetwork(files: PackFiles, lang: Lang, problems: PackProblem[]) {
  const file = findFile(files, ['network.yaml', 'network.yml', 'network.json']);
  if (!file) {
    problems.push({
      file: 'network.yaml',
      message: problemText(lang, 'missingFile', { what: 'id, name' }),
    });
    return undefined;
  }
  const data = readData(files, file, lang, problems);
  if (!data) return undefined;
  const parsed = parseNetwork(data.value, { locale: lang });
  if (!parsed.ok) {
    problems.push(...problemsOf(file, data, parsed.error));
    return undefined;
  }
  return { file, data, network: parsed.value };
}

function filesUnder(files: PackFiles, folder: string) {
  return [...files.texts.keys(), ...files.binaries.keys()]
    .filter((f) => f.startsWith(`${folder}/`))
    .sort();
}

/**
 * A pack author's instrument with what a short form may leave out: no Likert scales, no
 * scoring, no recommendations, and its basis the pack's own file.
 */
function instrumentDefaults(raw: unknown, file: string): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return {
    likertScales: [],
    scales: [],
    recommendations: [],
    basis: [{ document: file, section: WHOLE_DOCUMENT }],
    ...raw,
  };
}

/** The survey row a path into a workbook's instrument is about ("sections[0].items[2].text"). */
const surveyRowOf =
  (instrument: Instrument, rows: Record<string, number>) =>
  (path: string): number | undefined => {
    const at = /^sections\[(\d+)\]\.items\[(\d+)\]/.exec(path);
    const item = at ? instrument.sections[Number(at[1])]?.items[Number(at[2])] : undefined;
    return item ? rows[item.id] : undefined;
  };

/** An instrument from an XLSForm workbook; its problems by row ("line") and sheet.column. */
function workbookInstrument(files: PackFiles, file: string, lang: Lang, problems: PackProblem[]) {
  const sheets = files.workbooks?.get(file);
  if (!sheets || 'error' in sheets) {
    const detail = sheets && 'error' in sheets ? sheets.error : 'not read';
    problems.push({ file, message: problemText(lang, 'workbook', { detail }) });
    return undefined;
  }
  const read = instrumentFromXlsForm(sheets, { source: file });
  if (read.ok) return read;
  for (const p of read.error)
    problems.push({
      file,
      ...atLine(p.row),
      field: p.column ? `${p.sheet}.${p.column}` : p.sheet,
      message: p.message,
    });
  return undefined;
}

function readInstruments(files: PackFiles, lang: Lang, problems: PackProblem[]) {
  const found: { file: string; data: DataFile; instrument: Instrument }[] = [];
  for (const file of filesUnder(files, 'instruments')) {
    if (file.endsWith('.xlsx')) {
      const read = workbookInstrument(files, file, lang, problems);
      if (read)
        found.push({
          file,
          data: { value: read.value, lineOf: surveyRowOf(read.value, read.rows) },
          instrument: read.value,
        });
      continue;
    }
    if (!DATA.test(file)) {
      problems.push({
        file,
        message: problemText(lang, 'unknownFileKind', { kinds: '.yaml, .yml, .json, .xlsx' }),
      });
      continue;
    }
    const data = readData(files, file, lang, problems);
    if (!data) continue;
    const parsed = parseInstrument(instrumentDefaults(data.value, file), { locale: lang });
    if (!parsed.ok) {
      problems.push(...problemsOf(file, data, parsed.error));
      continue;
    }
    const twin = found.find((f) => f.instrument.id === parsed.value.id);
    if (twin) {
      problems.push({
        file,
        ...atLine(data.lineOf('id')),
        field: 'id',
        message: problemText(lang, 'duplicate', { id: parsed.value.id, other: twin.file }),
      });
      continue;
    }
    found.push({ file, data, instrument: parsed.value });
  }
  return found;
}

function readKnowledge(
  files: PackFiles,
  languages: readonly Lang[],
  lang: Lang,
  problems: PackProblem[],
) {
  const read: ReadEntry[] = [];
  for (const file of filesUnder(files, 'knowledge')) {
    if (!KNOWLEDGE.test(file)) {
      problems.push({
        file,
        message: problemText(lang, 'unknownFileKind', { kinds: '.yaml, .yml, .md' }),
      });
      continue;
    }
    const result = readKnowledgeFile(file, files.texts.get(file) ?? '', languages, lang);
    problems.push(...result.problems);
    for (const entry of result.entries) {
      const twin = read.find((r) => r.entry.id === entry.entry.id);
      if (twin) {
        const line = entry.lineOf('id');
        problems.push({
          file,
          ...atLine(line),
          field: 'id',
          message: problemText(lang, 'duplicate', { id: entry.entry.id, other: twin.file }),
        });
      } else read.push(entry);
    }
  }
  const ids = new Set(read.map((r) => r.entry.id));
  for (const { entry, file, lineOf } of read)
    entry.related.forEach((id, i) => {
      if (ids.has(id)) return;
      const line = lineOf(`related[${i}]`);
      problems.push({
        file,
        ...atLine(line),
        field: `related[${i}]`,
        message: problemText(lang, 'unknownRelated', { id }),
      });
    });
  return read;
}

/** What a pack that speaks Vietnamese must say in Vietnamese, and does not. */
function vietnameseProblems(
  parts: {
    branding?: { file: string; data: DataFile };
    network?: { file: string; data: DataFile };
    instruments: { file: string; data: DataFile }[];
    knowledge: ReadEntry[];
  },
  lang: Lang,
): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const part of [parts.branding, parts.network, ...parts.instruments])
    if (part)
      problems.push(...missingVietnamese(part.file, part.data.value, part.data.lineOf, lang));
  for (const { entry, file, lineOf } of parts.knowledge) {
    problems.push(...missingVietnamese(file, { answer: entry.answer }, lineOf, lang));
    if (!entry.questions.vi?.length) {
      const line = lineOf('questions');
      problems.push({
        file,
        ...atLine(line),
        field: 'questions.vi',
        message: problemText(lang, 'noQuestionsVi'),
      });
    }
  }
  return problems;
}

/**
 * A pack from its files: pack.yaml (branding), network.yaml, centres.csv, instruments/ and
 * knowledge/. Every problem is reported, each with its file, line and field, in `lang`.
 */
export function parsePack(
  files: PackFiles,
  lang: Lang = 'en',
): { ok: true; value: Pack } | { ok: false; error: PackProblem[] } {
  const problems: PackProblem[] = [...files.refused];
  const branding = readBranding(files, lang, problems);
  const network = readNetwork(files, lang, problems);
  const languages = branding?.branding.languages ?? ['en', 'vi'];
  const centresFile = findFile(files, ['centres.csv']);
  const centres = centresFile
    ? readCentresCsv(centresFile, files.texts.get(centresFile) ?? '', lang)
    : undefined;
  problems.push(...(centres?.problems ?? []));
  const instruments = readInstruments(files, lang, problems);
  const knowledge = readKnowledge(files, languages, lang, problems);
  if (!knowledge.length && !filesUnder(files, 'knowledge').length)
    problems.push({ file: 'knowledge', message: problemText(lang, 'noKnowledge') });
  if (languages.includes('vi'))
    problems.push(
      ...vietnameseProblems(
        {
          ...(branding ? { branding } : {}),
          ...(network ? { network } : {}),
          instruments,
          knowledge,
        },
        lang,
      ),
    );
  const ids = new Set(knowledge.map((k) => k.entry.id));
  // An entry that failed is already reported: its topic is not reported again.
  const failed = problems.some((p) => p.file.startsWith('knowledge/'));
  branding?.branding.topics.forEach((id, i) => {
    if (ids.has(id) || failed) return;
    const line = branding.data.lineOf(`topics[${i}]`);
    problems.push({
      file: branding.file,
      ...atLine(line),
      field: `topics[${i}]`,
      message: problemText(lang, 'unknownTopic', { id }),
    });
  });
  const logoFile = branding?.branding.logo;
  const logoData = logoFile
    ? (files.binaries.get(logoFile) ?? textBytes(files.texts.get(logoFile)))
    : undefined;
  if (branding && logoFile && !logoData) {
    const line = branding.data.lineOf('logo');
    problems.push({
      file: branding.file,
      ...atLine(line),
      field: 'logo',
      message: problemText(lang, 'noLogo', { file: logoFile }),
    });
  }
  if (problems.length || !branding || !network) return { ok: false, error: problems };
  return {
    ok: true,
    value: {
      branding: branding.branding,
      network: network.network,
      centres: centres?.centres ?? [],
      instruments: instruments.map((i) => i.instrument),
      knowledge: knowledge.map((k) => k.entry),
      ...(logoFile && logoData
        ? {
            logo: {
              file: logoFile,
              data: logoData,
              type: logoFile.endsWith('.svg') ? 'image/svg+xml' : 'image/png',
            },
          }
        : {}),
    },
  };
}

const textBytes = (text: string | undefined) =>
  text === undefined ? undefined : new TextEncoder().encode(text);
