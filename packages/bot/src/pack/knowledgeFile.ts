import { type KnowledgeEntry, KnowledgeEntrySchema, type Lang, parseWith } from '@resonet/core';
import { WHOLE_DOCUMENT } from '../answers/citation';
import { type DataFile, problemsOf, readDataFile } from './dataFile';
import { type PackProblem, problemText } from './problems';

/** An entry as read, with the file and line it came from (for problems found later). */
export interface ReadEntry {
  entry: KnowledgeEntry;
  file: string;
  lineOf: DataFile['lineOf'];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * A Markdown answer split by its "## en" / "## vi" headings; text before any heading is in
 * the pack's first language.
 */
function answerSections(
  body: string,
  first: Lang,
): { sections: Record<string, string>; unknown: string[] } {
  const sections: Record<string, string> = {};
  const unknown: string[] = [];
  let current: string = first;
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##\s+([a-z]{2}(?:-[A-Za-z]{2})?)\s*$/.exec(line)?.[1];
    if (heading) {
      current = heading;
      if (heading !== 'en' && heading !== 'vi') unknown.push(heading);
      continue;
    }
    sections[current] = `${sections[current] ?? ''}${line}\n`;
  }
  for (const [key, text] of Object.entries(sections)) {
    const trimmed = text.trim();
    if (trimmed) sections[key] = trimmed;
    else delete sections[key];
  }
  return { sections, unknown };
}

/** A pack author's entry, with what they may leave out filled in: its sources, related, tags. */
function withDefaults(raw: unknown, file: string): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const entry = raw as Record<string, unknown>;
  return {
    related: [],
    tags: [],
    // An entry cites the pack's own file unless it names its documents.
    sources: entry.appHelp ? [] : [{ document: file, section: WHOLE_DOCUMENT }],
    ...entry,
  };
}

function validate(file: string, data: DataFile, raw: unknown, path: string, lang: Lang) {
  const result = parseWith(KnowledgeEntrySchema, withDefaults(raw, file), { locale: lang });
  if (result.ok) return { entry: result.value, problems: [] };
  return { problems: problemsOf(file, data, result.error, path) };
}

/**
 * The knowledge entries of one file: YAML (one entry, or a list of them) or Markdown (front
 * matter with the id and the ways of asking; the answer below, under "## en" and "## vi").
 */
export function readKnowledgeFile(
  file: string,
  text: string,
  languages: readonly Lang[],
  lang: Lang,
): { entries: ReadEntry[]; problems: PackProblem[] } {
  const entries: ReadEntry[] = [];
  const problems: PackProblem[] = [];
  if (file.endsWith('.md')) {
    const match = FRONT_MATTER.exec(text);
    if (!match)
      return { entries, problems: [{ file, line: 1, message: problemText(lang, 'markdownHead') }] };
    const read = readDataFile(file, match[1] ?? '', lang, 1);
    if (!read.ok) return { entries, problems: [read.error] };
    const { sections, unknown } = answerSections(match[2] ?? '', languages[0] ?? 'en');
    const bodyLine = (match[1] ?? '').split('\n').length + 3;
    for (const other of unknown)
      problems.push({
        file,
        line: bodyLine,
        message: problemText(lang, 'markdownLanguage', {
          lang: other,
          languages: languages.join(', '),
        }),
      });
    if (!sections.en && !sections.vi) {
      problems.push({
        file,
        line: bodyLine,
        field: 'answer',
        message: problemText(lang, 'emptyAnswer'),
      });
      return { entries, problems };
    }
    const front = read.value.value;
    const raw = front && typeof front === 'object' ? { ...front, answer: sections } : front;
    const checked = validate(file, read.value, raw, '', lang);
    if (checked.entry) entries.push({ entry: checked.entry, file, lineOf: read.value.lineOf });
    problems.push(...checked.problems);
    return { entries, problems };
  }
  const read = readDataFile(file, text, lang);
  if (!read.ok) return { entries, problems: [read.error] };
  const value = read.value.value;
  const list = Array.isArray(value) ? value : [value];
  list.forEach((raw, i) => {
    const path = Array.isArray(value) ? `[${i}]` : '';
    const checked = validate(file, read.value, raw, path, lang);
    if (checked.entry) {
      const lineOf = (field: string) =>
        read.value.lineOf(`${path}${path && field ? '.' : ''}${field}`);
      entries.push({ entry: checked.entry, file, lineOf });
    }
    problems.push(...checked.problems);
  });
  return { entries, problems };
}
