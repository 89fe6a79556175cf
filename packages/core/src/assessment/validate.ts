import { type Issue, type ParseOptions, parseWith, type Result } from '../result';
import { fill, type Template } from '../template';
import type { Condition } from './conditions';
import { compareVersions, type Instrument, InstrumentSchema, type Item } from './instrument';

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

function checkValue(
  instrument: Instrument,
  item: Item,
  value: unknown,
  path: string,
  locale: string,
  issues: Issue[],
): void {
  const allowed = allowedValues(instrument, item);
  const ok = allowed
    ? allowed.includes(value as string | number | boolean)
    : item.type === 'number'
      ? typeof value === 'number'
      : typeof value === 'string';
  if (!ok) {
    issues.push({
      path,
      message: fill(T.valueType, locale, {
        value: JSON.stringify(value),
        id: item.id,
        allowed: allowed ? allowed.map((v) => JSON.stringify(v)).join(', ') : item.type,
      }),
    });
  }
}

function checkCondition(
  instrument: Instrument,
  condition: Condition,
  path: string,
  earlier: Map<string, Item>,
  self: string,
  locale: string,
  issues: Issue[],
): void {
  if (condition.op === 'all' || condition.op === 'any') {
    condition.conditions.forEach((c, i) => {
      checkCondition(instrument, c, `${path}.conditions[${i}]`, earlier, self, locale, issues);
    });
    return;
  }
  if (condition.op === 'not') {
    checkCondition(
      instrument,
      condition.condition,
      `${path}.condition`,
      earlier,
      self,
      locale,
      issues,
    );
    return;
  }
  const item = earlier.get(condition.item);
  if (!item) {
    const template = condition.item === self ? T.selfItem : T.laterItem;
    issues.push({ path: `${path}.item`, message: fill(template, locale, { id: condition.item }) });
    return;
  }
  const typeError = () =>
    issues.push({
      path: `${path}.op`,
      message: fill(T.opType, locale, { op: condition.op, type: item.type }),
    });
  switch (condition.op) {
    case 'answered':
      return;
    case 'equals':
      if (item.type === 'multiple') return void typeError();
      checkValue(instrument, item, condition.value, `${path}.value`, locale, issues);
      return;
    case 'in':
      if (!['likert', 'single', 'multiple'].includes(item.type)) return void typeError();
      condition.values.forEach((value, i) => {
        checkValue(instrument, item, value, `${path}.values[${i}]`, locale, issues);
      });
      return;
    case 'count-selected':
      if (item.type !== 'multiple') typeError();
      return;
    default:
      if (item.type !== 'likert' && item.type !== 'number') typeError();
  }
}

function duplicates(
  ids: string[],
  path: (index: number) => string,
  locale: string,
  issues: Issue[],
) {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id))
      issues.push({ path: path(index), message: fill(T.duplicate, locale, { id }) });
    seen.add(id);
  });
}

/**
 * Problems in an instrument whose shape is valid: duplicate ids, unknown Likert or scoring
 * scales, conditions that look at later items (so there can be no cycles) or test values an
 * item cannot take, items that cannot be scored, inconsistent thresholds, rules pointing
 * nowhere. `parseInstrument` runs it; empty when all is well.
 *
 * @example
 * ```ts
 * checkInstrument(instrument, 'vi').map((issue) => `${issue.path}: ${issue.message}`);
 * ```
 */
export function checkInstrument(instrument: Instrument, locale = 'en'): Issue[] {
  const issues: Issue[] = [];
  const likert = new Set(instrument.likertScales.map((s) => s.id));
  const scales = new Map(instrument.scales.map((s) => [s.id, s]));
  const items = new Map<string, Item>();
  const members = new Map<string, Item[]>();

  duplicates(
    instrument.likertScales.map((s) => s.id),
    (i) => `likertScales[${i}].id`,
    locale,
    issues,
  );
  duplicates(
    instrument.scales.map((s) => s.id),
    (i) => `scales[${i}].id`,
    locale,
    issues,
  );
  duplicates(
    instrument.sections.map((s) => s.id),
    (i) => `sections[${i}].id`,
    locale,
    issues,
  );
  duplicates(
    instrument.recommendations.map((r) => r.id),
    (i) => `recommendations[${i}].id`,
    locale,
    issues,
  );

  instrument.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      const path = `sections[${s}].items[${i}]`;
      if (items.has(item.id)) {
        issues.push({ path: `${path}.id`, message: fill(T.duplicate, locale, { id: item.id }) });
      }
      if (item.type === 'likert' && !likert.has(item.likertScale)) {
        issues.push({
          path: `${path}.likertScale`,
          message: fill(T.unknownLikert, locale, { id: item.likertScale }),
        });
      }
      if (item.reverse && item.type !== 'likert')
        issues.push({ path: `${path}.reverse`, message: fill(T.reverse, locale) });
      if (item.type === 'single' || item.type === 'multiple') {
        duplicates(
          item.options.map((o) => o.value),
          (j) => `${path}.options[${j}].value`,
          locale,
          issues,
        );
      }
      const min =
        'min' in item ? item.min : item.type === 'multiple' ? item.minSelected : undefined;
      const max =
        'max' in item ? item.max : item.type === 'multiple' ? item.maxSelected : undefined;
      if (min !== undefined && max !== undefined && min > max) {
        issues.push({ path, message: fill(T.minMax, locale) });
      }
      if (item.visibleWhen) {
        checkCondition(
          instrument,
          item.visibleWhen,
          `${path}.visibleWhen`,
          items,
          item.id,
          locale,
          issues,
        );
      }
      (item.scales ?? []).forEach((scaleId, j) => {
        const scale = scales.get(scaleId);
        if (!scale) {
          issues.push({
            path: `${path}.scales[${j}]`,
            message: fill(T.unknownScale, locale, { id: scaleId }),
          });
          return;
        }
        const scored =
          item.type === 'likert' ||
          item.type === 'yes-no' ||
          item.type === 'number' ||
          ((item.type === 'single' || item.type === 'multiple') &&
            item.options.every((o) => o.score !== undefined || o.notApplicable));
        if (!scored) {
          issues.push({
            path: `${path}.scales[${j}]`,
            message: fill(T.notScorable, locale, { type: item.type }),
          });
        } else if (scale.method === 'percent' && item.type !== 'single') {
          issues.push({
            path: `${path}.scales[${j}]`,
            message: fill(T.percentItems, locale, { id: scaleId }),
          });
        }
        members.set(scaleId, [...(members.get(scaleId) ?? []), item]);
      });
      items.set(item.id, item);
    });
  });

  instrument.scales.forEach((scale, i) => {
    const count = members.get(scale.id)?.length ?? 0;
    if (count < scale.minAnswered) {
      issues.push({
        path: `scales[${i}].minAnswered`,
        message: fill(T.emptyScale, locale, { id: scale.id, count, min: scale.minAnswered }),
      });
    }
    const t = scale.needThresholds;
    if (t) {
      const better = scale.direction === 'higher-is-better';
      if (better ? t.high >= t.moderate : t.high <= t.moderate) {
        issues.push({
          path: `scales[${i}].needThresholds`,
          message: fill(T.thresholds, locale, {
            direction: scale.direction,
            side: fill(better ? BELOW : ABOVE, locale),
          }),
        });
      }
    }
  });

  instrument.recommendations.forEach((rule, i) => {
    const path = `recommendations[${i}].when`;
    const when = rule.when;
    if (when.kind === 'answer-in') {
      const item = items.get(when.item);
      if (!item)
        issues.push({
          path: `${path}.item`,
          message: fill(T.unknownItem, locale, { id: when.item }),
        });
      else
        when.values.forEach((v, j) => {
          checkValue(instrument, item, v, `${path}.values[${j}]`, locale, issues);
        });
      return;
    }
    const scale = scales.get(when.scale);
    if (!scale)
      issues.push({
        path: `${path}.scale`,
        message: fill(T.unknownScale, locale, { id: when.scale }),
      });
    else if (when.kind === 'compliance-not-met' && scale.method !== 'percent') {
      issues.push({ path: `${path}.kind`, message: fill(T.notPercentScale, locale) });
    }
  });
  return issues;
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
 * Checks that replacing an instrument by a new definition respects versioning: a published
 * version never changes (a change needs a new version), and versions never go backwards.
 *
 * @example
 * ```ts
 * checkInstrumentRevision(published, { ...published, title: { en: 'New' } });
 * // [{ path: 'version', message: 'Version 1.0.0 of "…" is published and cannot change; …' }]
 * ```
 */
export function checkInstrumentRevision(
  previous: Instrument,
  next: Instrument,
  locale = 'en',
): Issue[] {
  const order = compareVersions(next.version, previous.version);
  if (order < 0) {
    return [
      {
        path: 'version',
        message: fill(T.older, locale, { next: next.version, previous: previous.version }),
      },
    ];
  }
  if (order === 0 && previous.status === 'published' && canonical(previous) !== canonical(next)) {
    return [
      {
        path: 'version',
        message: fill(T.published, locale, { version: previous.version, id: previous.id }),
      },
    ];
  }
  return [];
}
