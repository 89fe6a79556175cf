import * as z from 'zod';
import { IdSchema } from '../id';
import { SourcesSchema } from '../sources';
import { LocalizedTextSchema } from '../text';
import { ConditionSchema } from './conditions';

/**
 * A named answer scale for Likert items, e.g. 1 = strongly disagree … 5 = strongly agree.
 *
 * @example
 * ```ts
 * LikertScaleSchema.parse({ id: 'agree-5', points: [
 *   { value: 1, label: { en: 'Strongly disagree', vi: 'Hoàn toàn không đồng ý' } },
 *   { value: 5, label: { en: 'Strongly agree', vi: 'Hoàn toàn đồng ý' } },
 * ] });
 * ```
 */
export const LikertScaleSchema = z
  .object({
    id: IdSchema,
    points: z
      .array(z.object({ value: z.number().int(), label: LocalizedTextSchema }).strict())
      .min(2),
  })
  .strict()
  .meta({ id: 'LikertScale' });

/**
 * A Likert answer scale.
 *
 * @example
 * ```ts
 * const scale: LikertScale = { id: 'yes-3', points: [{ value: 1, label: { en: 'Low' } }, { value: 3, label: { en: 'High' } }] };
 * ```
 */
export type LikertScale = z.infer<typeof LikertScaleSchema>;

/**
 * One option of a choice item. `score` counts it in scales; `notApplicable` options are left
 * out of scoring altogether (compliance checklists' "not applicable").
 *
 * @example
 * ```ts
 * ChoiceOptionSchema.parse({ value: 'fully', label: { en: 'Fully met', vi: 'Đáp ứng đầy đủ' }, score: 2 });
 * ```
 */
export const ChoiceOptionSchema = z
  .object({
    value: IdSchema,
    label: LocalizedTextSchema,
    score: z.number().optional(),
    notApplicable: z.literal(true).optional(),
  })
  .strict()
  .meta({ id: 'ChoiceOption' });

/**
 * A choice option.
 *
 * @example
 * ```ts
 * const option: ChoiceOption = { value: 'online', label: { en: 'Online course' } };
 * ```
 */
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

const itemBase = {
  id: IdSchema,
  text: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  required: z.boolean(),
  visibleWhen: ConditionSchema.optional(),
  /** Reverse-scored items count `min + max − answer` (6 − answer on a 1–5 scale). */
  reverse: z.literal(true).optional(),
  /** Ids of the scoring scales this item belongs to. */
  scales: z.array(IdSchema).optional(),
};

/**
 * A question. Types: `likert`, `single`, `multiple` (with min/max selections), `yes-no`,
 * `number` (min, max, integer), `text` (max length) and `date`.
 *
 * @example
 * ```ts
 * ItemSchema.parse({ id: 'staff-count', type: 'number', integer: true, min: 0, required: true,
 *   text: { en: 'How many staff provide treatment?', vi: 'Có bao nhiêu cán bộ tham gia điều trị?' } });
 * ```
 */
export const ItemSchema = z
  .discriminatedUnion('type', [
    z.object({ ...itemBase, type: z.literal('likert'), likertScale: IdSchema }).strict(),
    z
      .object({
        ...itemBase,
        type: z.literal('single'),
        options: z.array(ChoiceOptionSchema).min(2),
      })
      .strict(),
    z
      .object({
        ...itemBase,
        type: z.literal('multiple'),
        options: z.array(ChoiceOptionSchema).min(2),
        minSelected: z.number().int().nonnegative().optional(),
        maxSelected: z.number().int().positive().optional(),
      })
      .strict(),
    z.object({ ...itemBase, type: z.literal('yes-no') }).strict(),
    z
      .object({
        ...itemBase,
        type: z.literal('number'),
        min: z.number().optional(),
        max: z.number().optional(),
        integer: z.boolean().optional(),
      })
      .strict(),
    z
      .object({ ...itemBase, type: z.literal('text'), maxLength: z.number().int().positive() })
      .strict(),
    z
      .object({
        ...itemBase,
        type: z.literal('date'),
        min: z.iso.date().optional(),
        max: z.iso.date().optional(),
      })
      .strict(),
  ])
  .meta({ id: 'Item' });

/**
 * A question of an instrument.
 *
 * @example
 * ```ts
 * const item: Item = { id: 'q1', type: 'yes-no', required: true, text: { en: 'Any training this year?' } };
 * ```
 */
export type Item = z.infer<typeof ItemSchema>;

/**
 * A section: a titled group of items asked together.
 *
 * @example
 * ```ts
 * SectionSchema.parse({ id: 'climate', title: { en: 'Facilities and climate' }, items: [] });
 * ```
 */
export const SectionSchema = z
  .object({
    id: IdSchema,
    title: LocalizedTextSchema,
    intro: LocalizedTextSchema.optional(),
    items: z.array(ItemSchema),
  })
  .strict()
  .meta({ id: 'Section' });

/**
 * A section of an instrument.
 *
 * @example
 * ```ts
 * const section: Section = { id: 's1', title: { en: 'Barriers' }, items: [] };
 * ```
 */
export type Section = z.infer<typeof SectionSchema>;

/**
 * How a scale is scored from its items:
 * - `mean` and `sum` of item scores;
 * - `mean-x10`, TCU style: mean of 1–5 items × 10, so 10–50;
 * - `percent`, for compliance checklists: points earned ÷ points possible × 100, with
 *   not-applicable answers out of the denominator.
 * `direction` says whether a high score is good (`higher-is-better`) or signals need
 * (`higher-is-more-need`); thresholds and the gap follow it.
 *
 * @example
 * ```ts
 * ScoringScaleSchema.parse({
 *   id: 'barriers', name: { en: 'Training barriers' }, method: 'mean-x10', minAnswered: 2,
 *   direction: 'higher-is-more-need', target: 20, needThresholds: { high: 35, moderate: 27 },
 * });
 * ```
 */
export const ScoringScaleSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    method: z.enum(['mean', 'sum', 'mean-x10', 'percent']),
    minAnswered: z.number().int().positive(),
    direction: z.enum(['higher-is-better', 'higher-is-more-need']),
    target: z.number().optional(),
    needThresholds: z.object({ high: z.number(), moderate: z.number() }).strict().optional(),
  })
  .strict()
  .meta({ id: 'ScoringScale' });

/**
 * A scoring scale.
 *
 * @example
 * ```ts
 * const scale: ScoringScale = { id: 'climate', name: { en: 'Climate' }, method: 'mean', minAnswered: 1, direction: 'higher-is-better' };
 * ```
 */
export type ScoringScale = z.infer<typeof ScoringScaleSchema>;

/**
 * A reference to something a network offers, recommended by an instrument: a training
 * package module, a good-practice document, an ITTC role or one of its activities, a key
 * player to contact, a shared resource or a tool.
 *
 * @example
 * ```ts
 * ResourceRefSchema.parse({ network: 'treatnet', kind: 'key-player', id: 'unodc-field-offices' });
 * ```
 */
export const ResourceRefSchema = z
  .object({
    network: IdSchema,
    kind: z.enum([
      'training-module',
      'good-practice-document',
      'functional-role',
      'role-activity',
      'key-player',
      'shared-resource',
      'tool',
      'technology-transfer-step',
    ]),
    id: IdSchema,
  })
  .strict()
  .meta({ id: 'ResourceRef' });

/**
 * A reference to a network resource.
 *
 * @example
 * ```ts
 * const ref: ResourceRef = { network: 'ittc-network', kind: 'functional-role', id: 'educational' };
 * ```
 */
export type ResourceRef = z.infer<typeof ResourceRefSchema>;

/**
 * When a recommendation applies:
 * - `scale-below` / `scale-above`: a scale's score crosses a value;
 * - `need-level`: a scale is at one of the given need levels;
 * - `answer-in`: an item's answer is one of the values (any of them, for multiple choice);
 * - `compliance-not-met`: some item of the scale got its lowest score ("not met").
 *
 * @example
 * ```ts
 * RuleTriggerSchema.parse({ kind: 'need-level', scale: 'content-screening', levels: ['high'] });
 * ```
 */
export const RuleTriggerSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('scale-below'), scale: IdSchema, value: z.number() }).strict(),
    z.object({ kind: z.literal('scale-above'), scale: IdSchema, value: z.number() }).strict(),
    z
      .object({
        kind: z.literal('need-level'),
        scale: IdSchema,
        levels: z.array(z.enum(['high', 'moderate', 'low'])).min(1),
      })
      .strict(),
    z
      .object({
        kind: z.literal('answer-in'),
        item: IdSchema,
        values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
      })
      .strict(),
    z.object({ kind: z.literal('compliance-not-met'), scale: IdSchema }).strict(),
  ])
  .meta({ id: 'RuleTrigger' });

/**
 * What triggers a recommendation rule.
 *
 * @example
 * ```ts
 * const when: RuleTrigger = { kind: 'scale-below', scale: 'climate', value: 30 };
 * ```
 */
export type RuleTrigger = z.infer<typeof RuleTriggerSchema>;

/**
 * A recommendation rule: when it triggers, recommend these resources, with a reason.
 * Priority 1 is the most urgent.
 *
 * @example
 * ```ts
 * RecommendationRuleSchema.parse({
 *   id: 'rule-asi', when: { kind: 'need-level', scale: 'content-assessment', levels: ['high'] }, priority: 1,
 *   resources: [{ network: 'treatnet', kind: 'training-module', id: 'volume-a-module-2-asi' }],
 *   reason: { en: 'Staff want training in assessment.', vi: 'Cán bộ cần được đào tạo về đánh giá.' },
 * });
 * ```
 */
export const RecommendationRuleSchema = z
  .object({
    id: IdSchema,
    when: RuleTriggerSchema,
    resources: z.array(ResourceRefSchema).min(1),
    priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    reason: LocalizedTextSchema,
  })
  .strict()
  .meta({ id: 'RecommendationRule' });

/**
 * A recommendation rule.
 *
 * @example
 * ```ts
 * const rule: RecommendationRule = { id: 'r', when: { kind: 'scale-below', scale: 's', value: 30 }, priority: 2, resources: [{ network: 'treatnet', kind: 'tool', id: 'treatnet-asi' }], reason: { en: 'Why' } };
 * ```
 */
export type RecommendationRule = z.infer<typeof RecommendationRuleSchema>;

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;

/**
 * Who answers an instrument, as its method intends:
 * - `staff`: each staff member answers; a centre's score combines theirs (mean, SD, n) and is
 *   shown only once `minPerCentre` of them have answered (default 3), so that one person's
 *   view is not read as the centre's and nobody's answers can be picked out;
 * - `key-informant`: one person answers for the centre (its manager or focal point).
 *
 * @example
 * ```ts
 * RespondentSchema.parse({ kind: 'staff', minPerCentre: 3 });
 * ```
 */
export const RespondentSchema = z
  .object({
    kind: z.enum(['staff', 'key-informant']),
    minPerCentre: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .meta({ id: 'Respondent' });

/**
 * Who answers an instrument.
 *
 * @example
 * ```ts
 * const who: Respondent = { kind: 'staff', minPerCentre: 3 };
 * ```
 */
export type Respondent = z.infer<typeof RespondentSchema>;

/**
 * How far an instrument's measurement has been checked, said wherever its results are:
 * `not-validated` (adapted, not yet tested in this form), `piloted`, or `validated`, with a
 * note naming what it was adapted from.
 *
 * @example
 * ```ts
 * ValidationSchema.parse({ status: 'not-validated', note: { en: 'Adapted from …; not validated.', vi: '…' } });
 * ```
 */
export const ValidationSchema = z
  .object({
    status: z.enum(['not-validated', 'piloted', 'validated']),
    note: LocalizedTextSchema,
  })
  .strict()
  .meta({ id: 'Validation' });

/**
 * How far an instrument's measurement has been checked.
 *
 * @example
 * ```ts
 * const v: Validation = { status: 'not-validated', note: { en: 'Adapted from …; not validated.' } };
 * ```
 */
export type Validation = z.infer<typeof ValidationSchema>;

/**
 * The fewest respondents a centre needs before its combined score is shown: the staff
 * minimum of a staff-level instrument (3 unless it says), else 1.
 *
 * @example
 * ```ts
 * minRespondents(centreTrainingNeeds); // 3
 * ```
 */
export const minRespondents = (instrument: Pick<Instrument, 'respondent'>): number =>
  instrument.respondent?.kind === 'staff' ? (instrument.respondent.minPerCentre ?? 3) : 1;

/**
 * An assessment instrument: a versioned questionnaire with sections and items, scoring
 * scales and recommendation rules, citing what it is based on. `draft` may change; a
 * `pilot` (answered for real while it is tried out) and a `published` version must never
 * change: revise it as a new version. `respondent` says who answers (one key informant per
 * centre when absent); `validation` how far its measurement has been checked.
 *
 * @example
 * ```ts
 * const result = parseInstrument(JSON.parse(text));
 * if (!result.ok) for (const issue of result.error) console.log(issue.path, issue.message);
 * ```
 */
export const InstrumentSchema = z
  .object({
    id: IdSchema,
    version: z.string().regex(SEMVER, 'Use a semantic version such as "1.0.0"'),
    status: z.enum(['draft', 'pilot', 'published']),
    respondent: RespondentSchema.optional(),
    validation: ValidationSchema.optional(),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema,
    intro: LocalizedTextSchema.optional(),
    audience: LocalizedTextSchema,
    estimatedMinutes: z.number().int().positive(),
    basis: SourcesSchema,
    likertScales: z.array(LikertScaleSchema),
    sections: z.array(SectionSchema).min(1),
    scales: z.array(ScoringScaleSchema),
    recommendations: z.array(RecommendationRuleSchema),
  })
  .strict()
  .meta({ id: 'Instrument' });

/**
 * An assessment instrument.
 *
 * @example
 * ```ts
 * import { centreTrainingNeeds } from '@resonet/fixtures';
 * const instrument: Instrument = centreTrainingNeeds;
 * ```
 */
export type Instrument = z.infer<typeof InstrumentSchema>;

/**
 * Every item of an instrument in order, with its section.
 *
 * @example
 * ```ts
 * instrumentItems(instrument).length;
 * ```
 */
export function instrumentItems(instrument: Pick<Instrument, 'sections'>): readonly {
  item: Item;
  section: Section;
}[] {
  // Instruments are treated as immutable data, so the flat list is computed once per object.
  let items = itemCache.get(instrument.sections);
  if (!items) {
    items = instrument.sections.flatMap((section) =>
      section.items.map((item) => ({ item, section })),
    );
    itemCache.set(instrument.sections, items);
  }
  return items;
}

const itemCache = new WeakMap<object, { item: Item; section: Section }[]>();

/**
 * Compares two semantic versions: negative when `a` is older, 0 when equal, positive when
 * newer. Pre-releases sort before their release.
 *
 * @example
 * ```ts
 * compareVersions('1.2.0', '1.10.0'); // < 0
 * ```
 */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { parts: core.split('.').map(Number), pre };
  };
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (left.parts[i] ?? 0) - (right.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === undefined) return 1;
  if (right.pre === undefined) return -1;
  return left.pre.localeCompare(right.pre);
}
