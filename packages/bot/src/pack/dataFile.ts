import type { Issue, Lang } from '@resonet/core';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { atLine, type PackProblem, problemText } from './problems';

/** A YAML or JSON file read into plain data, able to say on which line a field is. */
export interface DataFile {
  value: unknown;
  /** The 1-based line of the field at `path` ("sections[0].items[2]"), or of its nearest parent. */
  lineOf(path: string): number | undefined;
}

/** "sections[0].items[2].label" → ["sections", 0, "items", 2, "label"]. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    segments.push(index !== undefined ? Number(index) : (key ?? ''));
  return segments;
}

// The YAML reader's commonest complaints, in Vietnamese; others keep its English words.
const YAML_ERRORS_VI: Readonly<Record<string, string>> = {
  BAD_INDENT: 'thụt lề không đúng: các khóa cùng cấp phải thẳng cột với nhau',
  TAB_AS_INDENT: 'dùng phím Tab để thụt lề; YAML chỉ nhận dấu cách',
  MISSING_CHAR: 'thiếu một ký tự đóng (dấu ngoặc, dấu nháy hoặc dấu hai chấm)',
  DUPLICATE_KEY: 'một khóa xuất hiện hai lần trong cùng một đối tượng',
  BLOCK_AS_IMPLICIT_KEY: 'một dòng được hiểu là khóa nhưng thiếu dấu hai chấm, hoặc thụt lề sai',
  MULTILINE_IMPLICIT_KEY: 'một khóa kéo dài nhiều dòng: hãy đặt khóa và dấu hai chấm trên một dòng',
  UNEXPECTED_TOKEN: 'có ký tự không mong đợi ở đây',
  BAD_DQ_ESCAPE: 'một ký tự thoát (\\) trong chuỗi có dấu nháy kép không hợp lệ',
  BAD_SCALAR_START: 'giá trị bắt đầu bằng một ký tự đặc biệt: hãy đặt giá trị trong dấu nháy',
  MULTIPLE_DOCS: 'tệp có nhiều tài liệu YAML (dòng ---): mỗi tệp chỉ một',
};

/** A YAML problem as the reader of the pack can follow it. */
const yamlDetail = (error: { code: string; message: string }, lang: Lang) =>
  (lang === 'vi' ? YAML_ERRORS_VI[error.code] : undefined) ?? error.message.split('\n')[0] ?? '';

/**
 * Reads YAML (JSON is YAML too, so one reader gives both their line numbers). `offset`: lines
 * before the text in its file (a Markdown file's front matter starts on line 2).
 */
export function readDataFile(
  file: string,
  text: string,
  lang: Lang,
  offset = 0,
): { ok: true; value: DataFile } | { ok: false; error: PackProblem } {
  const counter = new LineCounter();
  // Aliases are refused: "billion laughs" files expand into gigabytes.
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    const line = counter.linePos(error.pos[0]).line;
    const format = file.endsWith('.json') ? 'JSON' : 'YAML';
    return {
      ok: false,
      error: {
        file,
        ...(line ? { line: line + offset } : {}),
        message: problemText(lang, 'syntax', { format, detail: yamlDetail(error, lang) }),
      },
    };
  }
  const lineOf = (path: string) => {
    const segments = pathSegments(path);
    // The field itself, else the nearest parent that exists (a missing field's object).
    for (let n = segments.length; n >= 0; n--) {
      const node = n === 0 ? document.contents : document.getIn(segments.slice(0, n), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + offset;
    }
    return undefined;
  };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 0 });
  } catch (thrown) {
    const format = file.endsWith('.json') ? 'JSON' : 'YAML';
    const detail = (thrown as Error).message.split('\n')[0] ?? '';
    return { ok: false, error: { file, message: problemText(lang, 'syntax', { format, detail }) } };
  }
  return { ok: true, value: { value, lineOf } };
}

/** Core's issues (paths into the file's data) as the pack's problems, each with its line. */
export function problemsOf(
  file: string,
  data: DataFile,
  issues: readonly Issue[],
  prefix = '',
): PackProblem[] {
  return issues.map((issue) => {
    const base = `${prefix}${prefix && issue.path && !issue.path.startsWith('[') ? '.' : ''}${issue.path}`;
    // A field the schema does not have is shown where it is, by its own name.
    const unknown =
      issue.code === 'unrecognized_keys' ? /"([^"]+)"/.exec(issue.message)?.[1] : undefined;
    const path = unknown ? (base ? `${base}.${unknown}` : unknown) : base;
    const line = data.lineOf(path);
    return {
      file,
      ...atLine(line),
      ...(path ? { field: path } : {}),
      message: issue.message,
    };
  });
}
