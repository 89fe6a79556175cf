import type { LocalizedText } from '../text';
import type { Instrument, Item, ScoringScale, Section } from './instrument';
import { instrumentItems } from './instrument';
import { parseInstrument } from './validate';
import { choiceId, parseRelevant, relevantExpression } from './xlsformExpressions';

/**
 * A cell of a worksheet, as a spreadsheet library reads it.
 *
 * @example
 * ```ts
 * const cell: XlsFormCell = 'select_one yes_no';
 * ```
 */
export type XlsFormCell = string | number | boolean | null | undefined;

/**
 * A worksheet row: its 1-based row number and its cells by column header.
 *
 * @example
 * ```ts
 * const row: XlsFormRow = { row: 2, cells: { type: 'integer', name: 'staff_count', 'label::English (en)': 'How many staff?' } };
 * ```
 */
export interface XlsFormRow {
  row: number;
  cells: Readonly<Record<string, XlsFormCell>>;
}

/**
 * The sheets of an XLSForm workbook that resonet reads and writes.
 *
 * @example
 * ```ts
 * const sheets: XlsFormSheets = { survey: [row], choices: [], settings: [{ row: 2, cells: { form_id: 'check_in', form_title: 'Check-in' } }] };
 * ```
 */
export interface XlsFormSheets {
  survey: readonly XlsFormRow[];
  choices: readonly XlsFormRow[];
  settings: readonly XlsFormRow[];
  /** resonet's own: the scoring scales (id, label, method, direction, target…). */
  resonet_scales?: readonly XlsFormRow[];
}

/**
 * Something in a workbook that cannot be read as it is: the sheet, row and column.
 *
 * @example
 * ```ts
 * const p: XlsFormProblem = { sheet: 'survey', row: 12, column: 'type', message: 'the question type "calculate" is not supported' };
 * ```
 */
export interface XlsFormProblem {
  sheet: string;
  row?: number;
  column?: string;
  message: string;
}

const LANGUAGES: Readonly<Record<string, string>> = {
  english: 'en',
  vietnamese: 'vi',
  'tiếng việt': 'vi',
  'tieng viet': 'vi',
};

/** "label::English (en)" → { base: "label", lang: "en" }; "label" → the default language. */
function column(header: string, defaultLang: string): { base: string; lang: string } {
  const [base = '', language] = header.split('::');
  if (language === undefined) return { base: base.trim().toLowerCase(), lang: defaultLang };
  const code = /\(([a-zA-Z-]+)\)\s*$/.exec(language)?.[1];
  const named = LANGUAGES[language.trim().toLowerCase()];
  return {
    base: base.trim().toLowerCase(),
    lang: (code ?? named ?? language.trim()).toLowerCase(),
  };
}

const text = (cell: XlsFormCell) =>
  cell === null || cell === undefined ? '' : String(cell).trim();

/** A localized text from a row's columns named `base` (label, hint…), if it has any. */
function localized(row: XlsFormRow, base: string, defaultLang: string): LocalizedText | undefined {
  const out: Record<string, string> = {};
  for (const [header, cell] of Object.entries(row.cells)) {
    const c = column(header, defaultLang);
    if (c.base === base && text(cell)) out[c.lang.split('-')[0] ?? c.lang] = text(cell);
  }
  return out.en || Object.keys(out).length ? (out as LocalizedText) : undefined;
}

/** The cell of a row whose column's base name is `base` (any language suffix ignored). */
function cell(row: XlsFormRow, base: string): string {
  for (const [header, value] of Object.entries(row.cells))
    if (column(header, 'en').base === base && text(value)) return text(value);
  return '';
}

const YES = /^(yes|true|true\(\)|1|y)$/i;

/** A form's name as an id: "staff_count" → "staff-count". */
const idOf = (name: string) => choiceId(name);

// Columns of the survey sheet whose meaning resonet does not carry: their use is refused.
const UNSUPPORTED_COLUMNS = [
  'choice_filter',
  'calculation',
  'repeat_count',
  'default',
  'read_only',
  'trigger',
];
const IGNORED_COLUMNS = ['appearance', 'constraint_message', 'required_message', 'media::image'];

interface Context {
  defaultLang: string;
  problems: XlsFormProblem[];
  notes: string[];
  lists: Map<string, XlsFormRow[]>;
  /** Items by the form's own name, for expressions. */
  byName: Map<string, Item>;
  /** Each item's row, for problems found later. */
  rows: Map<string, number>;
}

const problem = (
  c: Context,
  sheet: string,
  row: number | undefined,
  col: string | undefined,
  message: string,
) => c.problems.push({ sheet, ...(row ? { row } : {}), ...(col ? { column: col } : {}), message });

function options(c: Context, list: string, row: XlsFormRow) {
  const choices = c.lists.get(list);
  if (!choices?.length) {
    problem(
      c,
      'survey',
      row.row,
      'type',
      `no choices are listed under "${list}" in the choices sheet`,
    );
    return [];
  }
  return choices.map((choice) => {
    const label = localized(choice, 'label', c.defaultLang);
    const score = cell(choice, 'resonet_score');
    return {
      value: idOf(cell(choice, 'name')),
      label: label ?? { en: cell(choice, 'name') },
      ...(score !== '' ? { score: Number(score) } : {}),
      ...(YES.test(cell(choice, 'resonet_na')) ? { notApplicable: true as const } : {}),
    };
  });
}

/** The limits a `constraint` sets, for the item's type; or the part not understood. */
function constraintLimits(
  expression: string,
  type: Item['type'],
): Record<string, number | string> | string {
  const limits: Record<string, number | string> = {};
  for (const part of expression.split(/\s+and\s+/i)) {
    const p = part.trim().replace(/^\((.*)\)$/, '$1');
    const number = /^\.\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)$/.exec(p);
    const date = /^\.\s*(>=|<=)\s*date\('(\d{4}-\d{2}-\d{2})'\)$/.exec(p);
    const length = /^string-length\(\.\)\s*(<=|<)\s*(\d+)$/.exec(p);
    const count = /^count-selected\(\.\)\s*(>=|<=)\s*(\d+)$/.exec(p);
    if (number && type === 'number') {
      const value = Number(number[2]);
      if (number[1] === '>=') limits.min = value;
      else if (number[1] === '<=') limits.max = value;
      else return `${p} (use >= or <=)`;
    } else if (date && type === 'date') limits[date[1] === '>=' ? 'min' : 'max'] = date[2] ?? '';
    else if (length && type === 'text')
      limits.maxLength = Number(length[2]) - (length[1] === '<' ? 1 : 0);
    else if (count && type === 'multiple')
      limits[count[1] === '>=' ? 'minSelected' : 'maxSelected'] = Number(count[2]);
    else return p;
  }
  return limits;
}

// Fields a form records by itself (when it was filled, on which device): nothing is asked.
const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
]);

type Kind =
  | { metadata: true }
  | { type: Item['type']; list?: string; integer?: boolean }
  | { group: 'begin' | 'end' }
  | { note: true };

function kindOf(type: string, resonetType: string): Kind | string {
  const [head = '', list] = type.trim().split(/\s+/);
  // "begin group" and "begin_group" (and "end …") are both written.
  const words = type.trim().toLowerCase().replace('_', ' ');
  if (words === 'begin group') return { group: 'begin' };
  if (words === 'end group') return { group: 'end' };
  if (METADATA.has(head.toLowerCase())) return { metadata: true };
  switch (head.toLowerCase()) {
    case 'note':
      return { note: true };
    case 'integer':
      return { type: 'number', integer: true };
    case 'decimal':
      return { type: 'number' };
    case 'text':
      return { type: 'text' };
    case 'date':
      return { type: 'date' };
    case 'select_one':
      if (!list) return 'select_one needs a list name';
      if (resonetType === 'likert') return { type: 'likert', list };
      return { type: resonetType === 'yes-no' ? 'yes-no' : 'single', list };
    case 'select_multiple':
      return list ? { type: 'multiple', list } : 'select_multiple needs a list name';
    default:
      return `the question type "${type.trim()}"`;
  }
}

/** A select_one list of exactly "yes" and "no", unscored: a yes/no question. */
const isYesNo = (choices: XlsFormRow[] | undefined) =>
  choices?.length === 2 &&
  choices
    .map((c) => cell(c, 'name').toLowerCase())
    .sort()
    .join() === 'no,yes' &&
  choices.every((c) => cell(c, 'resonet_score') === '');

function itemOf(
  c: Context,
  row: XlsFormRow,
  kind: { type: Item['type']; list?: string; integer?: boolean },
  likerts: Map<string, XlsFormRow[]>,
): Item | undefined {
  const name = cell(row, 'name');
  const label = localized(row, 'label', c.defaultLang);
  if (!name || !label) {
    if (!name) problem(c, 'survey', row.row, 'name', 'every question needs a name');
    else problem(c, 'survey', row.row, 'label', 'every question needs a label');
    return undefined;
  }
  const help = localized(row, 'hint', c.defaultLang);
  const scales = cell(row, 'resonet_scale')
    .split(/[\s,]+/)
    .filter(Boolean);
  const base = {
    id: idOf(name),
    text: label,
    ...(help ? { help } : {}),
    required: YES.test(cell(row, 'required')),
    ...(YES.test(cell(row, 'resonet_reverse')) ? { reverse: true as const } : {}),
    ...(scales.length ? { scales } : {}),
  };
  const type =
    kind.type === 'single' && isYesNo(c.lists.get(kind.list ?? '')) ? 'yes-no' : kind.type;
  switch (type) {
    case 'yes-no':
      return { ...base, type };
    case 'likert':
      likerts.set(kind.list ?? '', c.lists.get(kind.list ?? '') ?? []);
      return { ...base, type, likertScale: idOf(kind.list ?? '') };
    case 'single':
    case 'multiple':
      return { ...base, type, options: options(c, kind.list ?? '', row) } as Item;
    case 'number':
      return { ...base, type, ...(kind.integer ? { integer: true } : {}) };
    case 'text':
      return { ...base, type, maxLength: 1000 };
    default:
      return { ...base, type: 'date' };
  }
}

function applyColumns(c: Context, row: XlsFormRow, item: Item): Item {
  for (const col of UNSUPPORTED_COLUMNS)
    if (cell(row, col)) problem(c, 'survey', row.row, col, `the "${col}" column is not supported`);
  for (const col of IGNORED_COLUMNS)
    if (cell(row, col)) c.notes.push(`survey row ${row.row}: the "${col}" column is left out`);
  let out = item;
  const constraint = cell(row, 'constraint');
  if (constraint) {
    const limits = constraintLimits(constraint, item.type);
    if (typeof limits === 'string')
      problem(
        c,
        'survey',
        row.row,
        'constraint',
        `the constraint "${limits}" is not one resonet reads (. >= n, . <= n, string-length(.) <= n, count-selected(.) <= n, . >= date('YYYY-MM-DD'))`,
      );
    else out = { ...out, ...limits } as Item;
  }
  const relevant = cell(row, 'relevant');
  if (relevant) {
    const parsed = parseRelevant(relevant, { item: (name) => c.byName.get(name) });
    if (parsed.ok) out = { ...out, visibleWhen: parsed.value };
    else
      problem(
        c,
        'survey',
        row.row,
        'relevant',
        `the expression "${relevant}" cannot be read: ${parsed.error}`,
      );
  }
  return out;
}

/** Two texts as one, a line apart, language by language. */
function joinTexts(a: LocalizedText, b: LocalizedText): LocalizedText {
  const langs = new Set([...Object.keys(a), ...Object.keys(b)]);
  const joined: Record<string, string> = {};
  for (const lang of langs) joined[lang] = [a[lang], b[lang]].filter(Boolean).join('\n');
  return joined as LocalizedText;
}

interface Building {
  sections: Section[];
  current?: Section | undefined;
  likerts: Map<string, XlsFormRow[]>;
}

function surveyRow(c: Context, b: Building, row: XlsFormRow, formTitle: LocalizedText) {
  const type = cell(row, 'type');
  if (!type) return;
  const kind = kindOf(type, cell(row, 'resonet_type'));
  if (typeof kind === 'string')
    return problem(c, 'survey', row.row, 'type', `${kind} is not supported`);
  if ('metadata' in kind) {
    c.notes.push(
      `survey row ${row.row}: "${type}" records metadata, asks nothing, and is left out`,
    );
    return;
  }
  if ('group' in kind) {
    if (kind.group === 'end') {
      b.current = undefined;
      return;
    }
    if (b.current && b.current.id !== 'questions' && b.sections.includes(b.current))
      return problem(c, 'survey', row.row, 'type', 'a group inside a group is not supported');
    const name = cell(row, 'name') || `section-${b.sections.length + 1}`;
    b.current = {
      id: idOf(name),
      title: localized(row, 'label', c.defaultLang) ?? { en: name },
      items: [],
    };
    b.sections.push(b.current);
    return;
  }
  if (!b.current) {
    // Questions outside any group make a section of their own, titled by the form.
    b.current = { id: 'questions', title: formTitle, items: [] };
    b.sections.push(b.current);
  }
  if ('note' in kind) {
    const note = localized(row, 'label', c.defaultLang);
    if (!note) return;
    // Notes become the section's introduction, in order.
    b.current.intro = b.current.intro ? joinTexts(b.current.intro, note) : note;
    return;
  }
  const item = itemOf(c, row, kind, b.likerts);
  if (!item) return;
  const done = applyColumns(c, row, item);
  c.byName.set(cell(row, 'name'), done);
  c.rows.set(done.id, row.row);
  b.current.items.push(done);
}

function scalesOf(c: Context, rows: readonly XlsFormRow[]): ScoringScale[] {
  return rows
    .filter((row) => cell(row, 'id'))
    .map((row) => {
      const high = cell(row, 'high');
      const moderate = cell(row, 'moderate');
      const target = cell(row, 'target');
      const description = localized(row, 'description', c.defaultLang);
      return {
        id: idOf(cell(row, 'id')),
        name: localized(row, 'label', c.defaultLang) ?? { en: cell(row, 'id') },
        ...(description ? { description } : {}),
        method: (cell(row, 'method') || 'mean') as ScoringScale['method'],
        minAnswered: Number(cell(row, 'min_answered') || 1),
        direction: (cell(row, 'direction') || 'higher-is-better') as ScoringScale['direction'],
        ...(target ? { target: Number(target) } : {}),
        ...(high && moderate
          ? { needThresholds: { high: Number(high), moderate: Number(moderate) } }
          : {}),
      };
    });
}

/** The instrument's own fields from the settings sheet (and resonet's columns there). */
function settingsOf(c: Context, row: XlsFormRow | undefined, itemCount: number) {
  const empty: XlsFormRow = { row: 0, cells: {} };
  const r = row ?? empty;
  const title = localized(r, 'form_title', c.defaultLang);
  const id = cell(r, 'form_id');
  if (!title)
    problem(c, 'settings', r.row || undefined, 'form_title', 'the form needs a form_title');
  if (!id) problem(c, 'settings', r.row || undefined, 'form_id', 'the form needs a form_id');
  const raw = cell(r, 'version');
  // ODK's usual versions are numbers (2024011501): kept as the major of a semantic version.
  const version = /^\d+$/.test(raw) ? `${Number(raw)}.0.0` : raw || '1.0.0';
  const description = localized(r, 'resonet_description', c.defaultLang);
  const audience = localized(r, 'resonet_audience', c.defaultLang);
  const intro = localized(r, 'resonet_intro', c.defaultLang);
  if (!description)
    c.notes.push('settings: no resonet_description; the title is used as the description');
  if (!audience) c.notes.push('settings: no resonet_audience; "Centre staff" is used');
  const minutes = Number(cell(r, 'resonet_minutes'));
  const respondent = cell(r, 'resonet_respondent');
  const perCentre = cell(r, 'resonet_min_per_centre');
  const validation = cell(r, 'resonet_validation');
  const validationNote = localized(r, 'resonet_validation_note', c.defaultLang);
  return {
    id: idOf(id || 'form'),
    version,
    status: (cell(r, 'resonet_status') || 'draft') as Instrument['status'],
    ...(respondent
      ? {
          respondent: {
            kind: respondent as 'staff',
            ...(perCentre ? { minPerCentre: Number(perCentre) } : {}),
          },
        }
      : {}),
    ...(validation && validationNote
      ? { validation: { status: validation as 'not-validated', note: validationNote } }
      : {}),
    title: title ?? { en: id || 'Form' },
    description: description ?? title ?? { en: id || 'Form' },
    ...(intro ? { intro } : {}),
    audience: audience ?? { en: 'Centre staff', vi: 'Cán bộ trung tâm' },
    // About half a minute a question when the form does not say.
    estimatedMinutes: minutes > 0 ? Math.round(minutes) : Math.max(1, Math.round(itemCount / 2)),
  };
}

/**
 * Reads an XLSForm (the survey, choices and settings sheets, as ODK and KoboToolbox write
 * them) into an instrument: select_one, select_multiple, integer, decimal, text, date and
 * note; required; hints; the common `relevant` and `constraint` expressions; groups as
 * sections; labels per language (`label::English (en)`, `label::Vietnamese (vi)`); scoring
 * in resonet's own columns (`resonet_scale`, `resonet_reverse`, `resonet_score`, and a
 * `resonet_scales` sheet). What it does not support is named by sheet, row and column, and
 * nothing is returned then: an instrument that silently dropped a condition would ask the
 * wrong questions. `source` is the workbook's name, cited as the instrument's basis. A form
 * read gives `rows` too: the survey row of each question, by its id, so later checks can
 * point back at the row.
 *
 * @example
 * ```ts
 * const read = instrumentFromXlsForm(sheets, { source: 'centre-survey.xlsx' });
 * if (read.ok) console.log(read.value.id, read.notes);
 * else for (const p of read.error) console.log(`${p.sheet} row ${p.row} ${p.column}: ${p.message}`);
 * ```
 */
export function instrumentFromXlsForm(
  sheets: XlsFormSheets,
  options: { source: string },
):
  | { ok: true; value: Instrument; notes: string[]; rows: Record<string, number> }
  | { ok: false; error: XlsFormProblem[]; notes: string[] } {
  const settingsRow = sheets.settings.find((r) => Object.values(r.cells).some((v) => text(v)));
  const defaultLang = column(
    `x::${cell(settingsRow ?? { row: 0, cells: {} }, 'default_language') || 'English (en)'}`,
    'en',
  ).lang;
  const c: Context = {
    defaultLang,
    problems: [],
    notes: [],
    lists: new Map(),
    byName: new Map(),
    rows: new Map(),
  };
  for (const row of sheets.choices) {
    const list = cell(row, 'list_name') || cell(row, 'list name');
    if (!list) continue;
    c.lists.set(list, [...(c.lists.get(list) ?? []), row]);
  }
  const formTitle = (settingsRow && localized(settingsRow, 'form_title', defaultLang)) ?? {
    en: 'Questions',
  };
  const b: Building = { sections: [], likerts: new Map() };
  for (const row of sheets.survey) surveyRow(c, b, row, formTitle);
  const itemCount = b.sections.reduce((n, s) => n + s.items.length, 0);
  const own = settingsOf(c, settingsRow, itemCount);
  const likertScales = [...b.likerts].map(([list, choices]) => ({
    id: idOf(list),
    points: choices.map((choice) => ({
      value: Number(cell(choice, 'name')),
      label: localized(choice, 'label', defaultLang) ?? { en: cell(choice, 'name') },
    })),
  }));
  if (c.problems.length) return { ok: false, error: c.problems, notes: c.notes };
  const instrument = {
    ...own,
    basis: [{ document: options.source, section: 'survey' }],
    likertScales,
    sections: b.sections.filter((s) => s.items.length),
    scales: scalesOf(c, sheets.resonet_scales ?? []),
    recommendations: [],
  };
  const checked = parseInstrument(instrument);
  if (checked.ok)
    return { ok: true, value: checked.value, notes: c.notes, rows: Object.fromEntries(c.rows) };
  // Core's own checks, pointed back at the row of the question they are about.
  const error = checked.error.map((issue) => {
    const at = /^sections\[(\d+)\]\.items\[(\d+)\]/.exec(issue.path);
    const item = at ? instrument.sections[Number(at[1])]?.items[Number(at[2])] : undefined;
    const row = item ? c.rows.get(item.id) : undefined;
    return {
      sheet: item ? 'survey' : 'settings',
      ...(row ? { row } : {}),
      column: issue.path,
      message: issue.message,
    };
  });
  return { ok: false, error, notes: c.notes };
}

const LABELS = (text: LocalizedText | undefined, base: string, langs: readonly string[]) =>
  Object.fromEntries(
    langs.map((lang) => [
      `${base}::${lang === 'vi' ? 'Vietnamese (vi)' : 'English (en)'}`,
      text?.[lang] ?? '',
    ]),
  );

/** The languages an instrument writes in: English, and Vietnamese when any text has it. */
function languagesOf(instrument: Instrument): string[] {
  return JSON.stringify(instrument).includes('"vi":') ? ['en', 'vi'] : ['en'];
}

function constraintOf(item: Item): string {
  const parts: string[] = [];
  if (item.type === 'number') {
    if (item.min !== undefined) parts.push(`. >= ${item.min}`);
    if (item.max !== undefined) parts.push(`. <= ${item.max}`);
  }
  if (item.type === 'date') {
    if (item.min) parts.push(`. >= date('${item.min}')`);
    if (item.max) parts.push(`. <= date('${item.max}')`);
  }
  if (item.type === 'text') parts.push(`string-length(.) <= ${item.maxLength}`);
  if (item.type === 'multiple') {
    if (item.minSelected !== undefined) parts.push(`count-selected(.) >= ${item.minSelected}`);
    if (item.maxSelected !== undefined) parts.push(`count-selected(.) <= ${item.maxSelected}`);
  }
  return parts.join(' and ');
}

function typeCell(item: Item): { type: string; resonet_type?: string } {
  switch (item.type) {
    case 'likert':
      return { type: `select_one ${item.likertScale}`, resonet_type: 'likert' };
    case 'yes-no':
      return { type: 'select_one yes-no', resonet_type: 'yes-no' };
    case 'single':
      return { type: `select_one ${item.id}` };
    case 'multiple':
      return { type: `select_multiple ${item.id}` };
    case 'number':
      return { type: item.integer ? 'integer' : 'decimal' };
    default:
      return { type: item.type };
  }
}

/**
 * An instrument as XLSForm sheets (survey, choices, settings, and resonet's scales), so a
 * network can edit it in a spreadsheet and read it back with {@link instrumentFromXlsForm}.
 * Recommendation rules have no XLSForm form: they are left out, and `notes` says so.
 *
 * @example
 * ```ts
 * const { sheets, notes } = instrumentToXlsForm(centreTrainingNeeds);
 * sheets.survey[0]?.cells.type; // 'begin group'
 * ```
 */
export function instrumentToXlsForm(instrument: Instrument): {
  sheets: XlsFormSheets;
  notes: string[];
} {
  const langs = languagesOf(instrument);
  const { survey, choices } = questionRows(instrument, langs);
  const rows = (list: Record<string, XlsFormCell>[]) =>
    list.map((cells, i) => ({ row: i + 2, cells }));
  const notes = instrument.recommendations.length
    ? [
        `${instrument.recommendations.length} recommendation rules have no XLSForm form and are left out`,
      ]
    : [];
  return {
    sheets: {
      survey: rows(survey),
      choices: rows(choices),
      settings: rows([settingsCells(instrument, langs)]),
      resonet_scales: rows(scaleRows(instrument, langs)),
    },
    notes,
  };
}

/** The survey sheet (groups, notes, questions) and the choices it refers to. */
function questionRows(instrument: Instrument, langs: readonly string[]) {
  const typeOf = (id: string) =>
    instrumentItems(instrument).find((e) => e.item.id === id)?.item.type;
  const survey: Record<string, XlsFormCell>[] = [];
  const choices: Record<string, XlsFormCell>[] = [];
  for (const section of instrument.sections) {
    survey.push({
      type: 'begin group',
      name: section.id,
      ...LABELS(section.title, 'label', langs),
    });
    if (section.intro)
      survey.push({
        type: 'note',
        name: `${section.id}-intro`,
        ...LABELS(section.intro, 'label', langs),
      });
    for (const item of section.items) {
      survey.push(questionCells(item, langs, typeOf));
      if (item.type === 'single' || item.type === 'multiple')
        for (const option of item.options)
          choices.push({
            list_name: item.id,
            name: option.value,
            ...LABELS(option.label, 'label', langs),
            resonet_score: option.score ?? '',
            resonet_na: option.notApplicable ? 'yes' : '',
          });
    }
    survey.push({ type: 'end group', name: section.id });
  }
  if (instrumentItems(instrument).some(({ item }) => item.type === 'yes-no'))
    for (const [name, label] of [
      ['yes', { en: 'Yes', vi: 'Có' }],
      ['no', { en: 'No', vi: 'Không' }],
    ] as const)
      choices.push({ list_name: 'yes-no', name, ...LABELS(label, 'label', langs) });
  for (const scale of instrument.likertScales)
    for (const point of scale.points)
      choices.push({
        list_name: scale.id,
        name: point.value,
        ...LABELS(point.label, 'label', langs),
      });
  return { survey, choices };
}

function questionCells(
  item: Item,
  langs: readonly string[],
  typeOf: (id: string) => Item['type'] | undefined,
): Record<string, XlsFormCell> {
  return {
    ...typeCell(item),
    name: item.id,
    ...LABELS(item.text, 'label', langs),
    ...(item.help ? LABELS(item.help, 'hint', langs) : {}),
    required: item.required ? 'yes' : '',
    relevant: item.visibleWhen ? relevantExpression(item.visibleWhen, typeOf) : '',
    constraint: constraintOf(item),
    resonet_scale: item.scales?.join(' ') ?? '',
    resonet_reverse: item.reverse ? 'yes' : '',
  };
}

function settingsCells(
  instrument: Instrument,
  langs: readonly string[],
): Record<string, XlsFormCell> {
  return {
    form_id: instrument.id,
    version: instrument.version,
    default_language: 'English (en)',
    ...LABELS(instrument.title, 'form_title', langs),
    ...LABELS(instrument.description, 'resonet_description', langs),
    ...LABELS(instrument.audience, 'resonet_audience', langs),
    ...(instrument.intro ? LABELS(instrument.intro, 'resonet_intro', langs) : {}),
    resonet_minutes: instrument.estimatedMinutes,
    resonet_status: instrument.status,
    resonet_respondent: instrument.respondent?.kind ?? '',
    resonet_min_per_centre: instrument.respondent?.minPerCentre ?? '',
    resonet_validation: instrument.validation?.status ?? '',
    ...(instrument.validation
      ? LABELS(instrument.validation.note, 'resonet_validation_note', langs)
      : {}),
  };
}

function scaleRows(instrument: Instrument, langs: readonly string[]) {
  return instrument.scales.map((s) => ({
    id: s.id,
    ...LABELS(s.name, 'label', langs),
    ...(s.description ? LABELS(s.description, 'description', langs) : {}),
    method: s.method,
    min_answered: s.minAnswered,
    direction: s.direction,
    target: s.target ?? '',
    high: s.needThresholds?.high ?? '',
    moderate: s.needThresholds?.moderate ?? '',
  }));
}
