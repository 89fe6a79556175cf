import { fillText, type Lang, type Template } from '@resonet/core';

/**
 * One thing wrong in a content pack, said so that its author can find it: the file, the
 * line (of a YAML, JSON or Markdown file) or the CSV row's line, and the field.
 */
export interface PackProblem {
  /** The file, relative to the pack's folder ("knowledge/join.md"); "" for the folder itself. */
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** The field, as a path ("questions.vi", "sections[0].items[2].label"), or a CSV column. */
  field?: string;
  message: string;
}

// The pack checker's own words, in English and Vietnamese.
const MESSAGES = {
  notFolder: {
    en: 'There is no folder or installed package "{path}"',
    vi: 'Không có thư mục hay gói đã cài đặt "{path}"',
  },
  missingFile: {
    en: 'A pack needs this file ({what})',
    vi: 'Gói nội dung cần tệp này ({what})',
  },
  syntax: {
    en: 'This is not valid {format}: {detail}',
    vi: 'Đây không phải {format} hợp lệ: {detail}',
  },
  tooBig: {
    en: 'The file is larger than {limit} KB; a pack file this big is not read',
    vi: 'Tệp lớn hơn {limit} KB; tệp cỡ này không được đọc',
  },
  workbook: {
    en: 'This XLSForm workbook cannot be read: {detail}',
    vi: 'Không đọc được tệp XLSForm này: {detail}',
  },
  unknownFileKind: {
    en: 'Files here are {kinds}; this one is not read',
    vi: 'Các tệp ở đây phải là {kinds}; tệp này không được đọc',
  },
  noVietnamese: {
    en: 'The pack speaks Vietnamese (languages in pack.yaml), but this text has no "vi"',
    vi: 'Gói nội dung có tiếng Việt (languages trong pack.yaml), nhưng văn bản này thiếu "vi"',
  },
  noQuestionsVi: {
    en: 'The pack speaks Vietnamese, but this entry has no Vietnamese ways of asking (questions.vi)',
    vi: 'Gói nội dung có tiếng Việt, nhưng mục này chưa có cách hỏi bằng tiếng Việt (questions.vi)',
  },
  duplicate: {
    en: 'The id "{id}" is used more than once (also in {other})',
    vi: 'Mã "{id}" bị dùng nhiều lần (cả trong {other})',
  },
  unknownTopic: {
    en: 'No knowledge entry has the id "{id}"',
    vi: 'Không có mục kiến thức nào mang mã "{id}"',
  },
  unknownRelated: {
    en: 'No knowledge entry has the id "{id}"',
    vi: 'Không có mục kiến thức nào mang mã "{id}"',
  },
  noLogo: {
    en: 'The logo "{file}" is not in the pack (a .png or .svg file beside pack.yaml)',
    vi: 'Không có tệp logo "{file}" trong gói (tệp .png hoặc .svg cạnh pack.yaml)',
  },
  noKnowledge: {
    en: 'The pack has no knowledge entries: members would get no answers',
    vi: 'Gói nội dung chưa có mục kiến thức nào: thành viên sẽ không nhận được câu trả lời',
  },
  markdownHead: {
    en: 'A knowledge file in Markdown starts with front matter between two "---" lines (id, questions)',
    vi: 'Tệp kiến thức dạng Markdown phải bắt đầu bằng phần đầu nằm giữa hai dòng "---" (id, questions)',
  },
  markdownLanguage: {
    en: 'A "## {lang}" section names a language the pack does not speak ({languages})',
    vi: 'Mục "## {lang}" là một ngôn ngữ gói không dùng ({languages})',
  },
  emptyAnswer: {
    en: 'The answer is empty: write it below the front matter, under "## en" (and "## vi")',
    vi: 'Câu trả lời đang trống: hãy viết bên dưới phần đầu, dưới "## en" (và "## vi")',
  },
  csvHeader: {
    en: 'The first line names the columns: it needs {columns}',
    vi: 'Dòng đầu tiên là tên các cột: cần có {columns}',
  },
  csvColumn: {
    en: 'Unknown column "{column}" (known: {known})',
    vi: 'Cột không rõ "{column}" (các cột: {known})',
  },
  csvFlag: {
    en: '"{value}" is not yes or no (true/false, 1/0 also work)',
    vi: '"{value}" không phải yes hay no (true/false, 1/0 cũng được)',
  },
} satisfies Record<string, Template>;

export type ProblemCode = keyof typeof MESSAGES;

/** A problem's message in the language asked. */
export const problemText = (lang: Lang, code: ProblemCode, values: Record<string, string> = {}) =>
  fillText(MESSAGES[code][lang], values);

/** "knowledge/join.md:4 questions.vi: …", the way compilers and linters print a problem. */
export function formatProblem(problem: PackProblem): string {
  const where = `${problem.file || '.'}${problem.line ? `:${problem.line}` : ''}`;
  return `${where}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}`;
}

/** `{ line }` when there is one: problems carry no `line: undefined`. */
export const atLine = (line: number | undefined): { line?: number } => (line ? { line } : {});
