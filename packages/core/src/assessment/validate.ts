import { IssueList } from '../issues';
import { type Issue, type ParseOptions, parseWith, type Result } from '../result';
import { fill, type Template } from '../template';
import type { Condition } from './conditions';
import {
  compareVersions,
  type Instrument,
  InstrumentSchema,
  type Item,
  type ScoringScale,
} from './instrument';

const T = {
  duplicate: { en: 'The id "{id}" is used more than once', vi: 'Mã "{id}" bị dùng nhiều lần' },
  unknownLikert: {
    en: 'No Likert scale has the id "{id}"',
    vi: 'Không có thang Likert nào mang mã "{id}"',
  },
  unknownScale: {
    en: 'No scoring scale has the id "{id}"',
    vi: 'Không có thang điểm nào mang mã "{id}"',
  },
  unknownItem: { en: 'No item has the id "{id}"', vi: 'Không có câu hỏi nào mang mã "{id}"' },
  laterItem: {
    en: 'The condition refers to "{id}", which is not asked before this item; conditions may only look at earlier items',
    vi: 'Điều kiện tham chiếu "{id}", câu hỏi không đứng trước câu này; điều kiện chỉ được dựa vào các câu hỏi trước đó',
  },
  selfItem: {
    en: "The item's condition refers to the item itself",
    vi: 'Điều kiện của câu hỏi tham chiếu chính câu hỏi đó',
  },
  opType: {
    en: '"{op}" cannot be used on a {type} item',
    vi: 'Không thể dùng "{op}" cho câu hỏi loại {type}',
  },
  valueType: {
    en: '{value} is not a possible answer to "{id}" ({allowed})',
    vi: '{value} không phải câu trả lời hợp lệ cho "{id}" ({allowed})',
  },
  notScorable: {
    en: 'A {type} item cannot count in a scale; use Likert, yes/no, number, or choices with scores',
    vi: 'Câu hỏi loại {type} không thể tính điểm; hãy dùng Likert, có/không, số, hoặc lựa chọn có điểm',
  },
  percentItems: {
    en: 'Scale "{id}" is scored as a percentage, so its items must be choices with scores',
    vi: 'Thang "{id}" tính theo phần trăm nên các câu hỏi phải là lựa chọn có điểm',
  },
  emptyScale: {
    en: 'Scale "{id}" has {count} items but needs at least {min} answered',
    vi: 'Thang "{id}" có {count} câu hỏi nhưng cần ít nhất {min} câu được trả lời',
  },
  thresholds: {
    en: 'For a "{direction}" scale the high-need threshold must be {side} the moderate one',
    vi: 'Với thang "{direction}", ngưỡng nhu cầu cao phải {side} ngưỡng trung bình',
  },
  reverse: {
    en: 'Only Likert items can be reverse-scored',
    vi: 'Chỉ câu hỏi Likert mới có thể tính điểm đảo ngược',
  },
  minMax: { en: 'The minimum is larger than the maximum', vi: 'Giá trị tối thiểu lớn hơn tối đa' },
  notPercentScale: {
    en: '"compliance-not-met" needs a scale scored as a percentage',
    vi: '"compliance-not-met" cần một thang tính theo phần trăm',
  },
  published: {
    en: 'Version {version} of "{id}" is published and cannot change; publish the change as a new version',
    vi: 'Phiên bản {version} của "{id}" đã công bố nên không thể thay đổi; hãy công bố thay đổi dưới một phiên bản mới',
  },
  older: {
    en: 'Version {next} is older than the current version {previous}',
    vi: 'Phiên bản {next} cũ hơn phiên bản hiện tại {previous}',
  },
} satisfies Record<string, Template>;

const BELOW = { en: 'below', vi: 'thấp hơn' };
const ABOVE = { en: 'above', vi: 'cao hơn' };

type Code = keyof typeof T;

/** What the checks of one instrument share: the instrument, what they found, what is known. */
interface Checker {
  instrument: Instrument;
  found: IssueList<Code>;
  scales: ReadonlyMap<string, ScoringScale>;
  /** Items already walked past, by id: the only ones a condition may look at. */
  earlier: Map<string, Item>;
  /** The items counting in each scale. */
  members: Map<string, Item[]>;
}

function allowedValues(
  instrument: Instrument,
  item: Item,
): (string | number | boolean)[] | undefined {
  if (item.type === 'likert') {
    return instrument.likertScales
      .find((s) => s.id === item.likertScale)
      ?.points.map((p) => p.value);
  }
  if (item.type === 'single' || item.type === 'multiple') return item.options.map((o) => o.value);
  if (item.type === 'yes-no') return [true, false];
  return undefined;
}

/** A value a condition or rule tests must be one the item can take. */
function checkValue(c: Checker, item: Item, value: unknown, path: string): void {
  const allowed = allowedValues(c.instrument, item);
  const ok = allowed
    ? allowed.includes(value as string | number | boolean)
    : item.type === 'number'
      ? typeof value === 'number'
      : typeof value === 'string';
  if (ok) return;
  c.found.report(path, 'valueType', {
    value: JSON.stringify(value),
    id: item.id,
    allowed: allowed ? allowed.map((v) => JSON.stringify(v)).join(', ') : item.type,
  });
}

/** Which item types each comparison can be used on. */
const OPERAND_TYPES: Readonly<Record<string, readonly Item['type'][]>> = {
  equals: ['likert', 'single', 'yes-no', 'number', 'text', 'date'],
  in: ['likert', 'single', 'multiple'],
  'count-selected': ['multiple'],
};

function checkCondition(c: Checker, condition: Condition, path: string, self: string): void {
  if (condition.op === 'all' || condition.op === 'any') {
    condition.conditions.forEach((inner, i) => {
      checkCondition(c, inner, `${path}.conditions[${i}]`, self);
    });
    return;
  }
  if (condition.op === 'not') {
    checkCondition(c, condition.condition, `${path}.condition`, self);
    return;
  }
  const item = c.earlier.get(condition.item);
  if (!item) {
    c.found.report(`${path}.item`, condition.item === self ? 'selfItem' : 'laterItem', {
      id: condition.item,
    });
    return;
  }
  if (condition.op === 'answered') return;
  const types = OPERAND_TYPES[condition.op] ?? ['likert', 'number'];
  if (!types.includes(item.type)) {
    c.found.report(`${path}.op`, 'opType', { op: condition.op, type: item.type });
    return;
  }
  if (condition.op === 'equals') checkValue(c, item, condition.value, `${path}.value`);
  if (condition.op === 'in')
    condition.values.forEach((value, i) => {
      checkValue(c, item, value, `${path}.values[${i}]`);
    });
}

function duplicates(found: IssueList<Code>, ids: string[], path: (index: number) => string) {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) found.report(path(index), 'duplicate', { id });
    seen.add(id);
  });
}

function checkIds({ instrument, found }: Checker) {
  duplicates(
    found,
    instrument.likertScales.map((s) => s.id),
    (i) => `likertScales[${i}].id`,
  );
  duplicates(
    found,
    instrument.scales.map((s) => s.id),
    (i) => `scales[${i}].id`,
  );
  duplicates(
    found,
    instrument.sections.map((s) => s.id),
    (i) => `sections[${i}].id`,
  );
  duplicates(
    found,
    instrument.recommendations.map((r) => r.id),
    (i) => `recommendations[${i}].id`,
  );
}

/** An item can count in a scale when each answer has a number. */
const isScored = (item: Item) =>
  item.type === 'likert' ||
  item.type === 'yes-no' ||
  item.type === 'number' ||
  ((item.type === 'single' || item.type === 'multiple') &&
    item.options.every((o) => o.score !== undefined || o.notApplicable));

function checkItemScales(c: Checker, item: Item, path: string) {
  (item.scales ?? []).forEach((scaleId, j) => {
    const scale = c.scales.get(scaleId);
    const at = `${path}.scales[${j}]`;
    if (!scale) {
      c.found.report(at, 'unknownScale', { id: scaleId });
      return;
    }
    if (!isScored(item)) c.found.report(at, 'notScorable', { type: item.type });
    else if (scale.method === 'percent' && item.type !== 'single')
      c.found.report(at, 'percentItems', { id: scaleId });
    c.members.set(scaleId, [...(c.members.get(scaleId) ?? []), item]);
  });
}

/** The item's lower and upper bounds, for values or for how many choices. */
function boundsOf(item: Item): [number | string | undefined, number | string | undefined] {
  if ('min' in item || 'max' in item)
    return ['min' in item ? item.min : undefined, 'max' in item ? item.max : undefined];
  return item.type === 'multiple' ? [item.minSelected, item.maxSelected] : [undefined, undefined];
}

function checkItem(c: Checker, item: Item, path: string) {
  const { found } = c;
  if (c.earlier.has(item.id)) found.report(`${path}.id`, 'duplicate', { id: item.id });
  const likert = c.instrument.likertScales;
  if (item.type === 'likert' && !likert.some((s) => s.id === item.likertScale))
    found.report(`${path}.likertScale`, 'unknownLikert', { id: item.likertScale });
  if (item.reverse && item.type !== 'likert') found.report(`${path}.reverse`, 'reverse');
  if (item.type === 'single' || item.type === 'multiple')
    duplicates(
      found,
      item.options.map((o) => o.value),
      (j) => `${path}.options[${j}].value`,
    );
  const [min, max] = boundsOf(item);
  if (min !== undefined && max !== undefined && min > max) found.report(path, 'minMax');
  if (item.visibleWhen) checkCondition(c, item.visibleWhen, `${path}.visibleWhen`, item.id);
  checkItemScales(c, item, path);
}

function checkScales({ instrument, found, members }: Checker) {
  instrument.scales.forEach((scale, i) => {
    const count = members.get(scale.id)?.length ?? 0;
    if (count < scale.minAnswered)
      found.report(`scales[${i}].minAnswered`, 'emptyScale', {
        id: scale.id,
        count,
        min: scale.minAnswered,
      });
    const t = scale.needThresholds;
    if (!t) return;
    const better = scale.direction === 'higher-is-better';
    if (better ? t.high >= t.moderate : t.high <= t.moderate)
      found.report(`scales[${i}].needThresholds`, 'thresholds', {
        direction: scale.direction,
        side: fill(better ? BELOW : ABOVE, found.locale),
      });
  });
}

function checkRecommendations(c: Checker) {
  c.instrument.recommendations.forEach((rule, i) => {
    const path = `recommendations[${i}].when`;
    const when = rule.when;
    if (when.kind === 'answer-in') {
      const item = c.earlier.get(when.item);
      if (!item) {
        c.found.report(`${path}.item`, 'unknownItem', { id: when.item });
        return;
      }
      when.values.forEach((v, j) => {
        checkValue(c, item, v, `${path}.values[${j}]`);
      });
      return;
    }
    const scale = c.scales.get(when.scale);
    if (!scale) c.found.report(`${path}.scale`, 'unknownScale', { id: when.scale });
    else if (when.kind === 'compliance-not-met' && scale.method !== 'percent')
      c.found.report(`${path}.kind`, 'notPercentScale');
  });
}

/**
 * Problems in an instrument whose shape is valid: duplicate ids, unknown Likert or scoring
 * scales, conditions that look at later items (so there can be no cycles) or test values an
 * item cannot take, items that cannot be scored, inconsistent thresholds, rules pointing
 * nowhere. `parseInstrument` runs it; empty when all is well. Each issue's `code` names the
 * problem (`duplicate`, `unknownScale`, `laterItem`…).
 *
 * @example
 * ```ts
 * checkInstrument(instrument, 'vi').map((issue) => `${issue.path}: ${issue.message}`);
 * ```
 */
export function checkInstrument(instrument: Instrument, locale = 'en'): Issue[] {
  const c: Checker = {
    instrument,
    found: new IssueList(T, locale),
    scales: new Map(instrument.scales.map((s) => [s.id, s])),
    earlier: new Map(),
    members: new Map(),
  };
  checkIds(c);
  instrument.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      checkItem(c, item, `sections[${s}].items[${i}]`);
      c.earlier.set(item.id, item);
    });
  });
  checkScales(c);
  checkRecommendations(c);
  return c.found.issues;
}

/**
 * Validates an untrusted instrument: shape first, then {@link checkInstrument}. Never
 * throws; errors carry a path and a message for the author, in English or Vietnamese.
 *
 * @example
 * ```ts
 * const result = parseInstrument(JSON.parse(text), { locale: 'vi' });
 * if (result.ok) startSession(result.value, { respondentId: 'r1', centreId: 'c1', asOf: '2026-11-23' });
 * ```
 */
export function parseInstrument(input: unknown, options: ParseOptions = {}): Result<Instrument> {
  const parsed = parseWith(InstrumentSchema, input, options);
  if (!parsed.ok) return parsed;
  const issues = checkInstrument(parsed.value, options.locale ?? 'en');
  return issues.length === 0 ? parsed : { ok: false, error: issues };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Checks that replacing an instrument by a new definition respects versioning: a pilot or
 * published version never changes (a change needs a new version), and versions never go backwards.
 *
 * @example
 * ```ts
 * checkInstrumentRevision(published, { ...published, title: { en: 'New' } });
 * // [{ path: 'version', code: 'published', message: 'Version 1.0.0 of "…" is published and cannot change; …' }]
 * ```
 */
export function checkInstrumentRevision(
  previous: Instrument,
  next: Instrument,
  locale = 'en',
): Issue[] {
  const order = compareVersions(next.version, previous.version);
  if (order < 0) {
    const found = new IssueList(T, locale);
    found.report('version', 'older', { next: next.version, previous: previous.version });
    return found.issues;
  }
  // A pilot is answered for real too: its results must keep meaning what they meant.
  if (order === 0 && previous.status !== 'draft' && canonical(previous) !== canonical(next)) {
    const found = new IssueList(T, locale);
    found.report('version', 'published', { version: previous.version, id: previous.id });
    return found.issues;
  }
  return [];
}
