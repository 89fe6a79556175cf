import * as z from 'zod';
import { IdSchema } from './id';
import { type DateInput, IsoDateSchema, toDay } from './period';
import { SourcesSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * What an indicator aims for: a count (`20` centres), coverage of all regions, or a
 * deliverable being done.
 *
 * @example
 * ```ts
 * IndicatorTargetSchema.parse({ kind: 'count', value: 20 });
 * ```
 */
export const IndicatorTargetSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('count'), value: z.number().int().nonnegative() }).strict(),
    z.object({ kind: z.literal('all-regions') }).strict(),
    z.object({ kind: z.literal('done') }).strict(),
  ])
  .meta({ id: 'IndicatorTarget' });

/**
 * An indicator's target.
 *
 * @example
 * ```ts
 * const t: IndicatorTarget = { kind: 'done' };
 * ```
 */
export type IndicatorTarget = z.infer<typeof IndicatorTargetSchema>;

/**
 * A way to tell whether an output was achieved, with a target where the source gives one.
 *
 * @example
 * ```ts
 * IndicatorSchema.parse({
 *   id: 'centres-participating', text: { en: '20 centres take part' }, target: { kind: 'count', value: 20 },
 *   sources: [{ document: '002_d9aab02609379ddc.txt', section: 'Phase I - Outputs' }],
 * });
 * ```
 */
export const IndicatorSchema = z
  .object({
    id: IdSchema,
    text: LocalizedTextSchema,
    target: IndicatorTargetSchema.optional(),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Indicator' });

/**
 * An output indicator.
 *
 * @example
 * ```ts
 * const i: Indicator = { id: 'package-developed', text: { en: 'Training package developed' }, target: { kind: 'done' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Indicator = z.infer<typeof IndicatorSchema>;

/**
 * An output a phase is to deliver (Treatnet Phase I: operating network, training package …).
 *
 * @example
 * ```ts
 * OutputSchema.parse({
 *   id: 'training-package', phaseId: 'phase-1', title: { en: 'Training package', vi: 'Bộ tài liệu đào tạo' },
 *   indicators: [], sources: [{ document: '002_d9aab02609379ddc.txt', section: 'Phase I - Outputs' }],
 * });
 * ```
 */
export const OutputSchema = z
  .object({
    id: IdSchema,
    phaseId: IdSchema,
    title: LocalizedTextSchema,
    indicators: z.array(IndicatorSchema),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Output' });

/**
 * A phase output with its indicators.
 *
 * @example
 * ```ts
 * const o: Output = treatnet.outputs[0]!;
 * ```
 */
export type Output = z.infer<typeof OutputSchema>;

/**
 * A reported value for an indicator: a number (`20` centres) or whether it was achieved.
 * `asOf` is the date the value held, when the source gives one.
 *
 * @example
 * ```ts
 * EvidenceSchema.parse({
 *   id: 'poster-centres', outputId: 'operating-network', indicatorId: 'centres-participating', value: 20,
 *   sources: [{ document: '001_30f54731c3eb449f.txt', section: 'Abstract' }],
 * });
 * ```
 */
export const EvidenceSchema = z
  .object({
    id: IdSchema,
    outputId: IdSchema,
    indicatorId: IdSchema,
    value: z.union([z.number().nonnegative(), z.boolean()]),
    asOf: IsoDateSchema.optional(),
    text: LocalizedTextSchema.optional(),
    example: z.literal(true).optional(),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Evidence' });

/**
 * A reported indicator value.
 *
 * @example
 * ```ts
 * const e: Evidence = { id: 'e1', outputId: 'o', indicatorId: 'i', value: true, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * How far one indicator has come.
 *
 * @example
 * ```ts
 * const p: IndicatorProgress = { indicator: treatnet.outputs[0]!.indicators[0]!, evidence: undefined, progress: 0, met: false };
 * ```
 */
export interface IndicatorProgress {
  indicator: Indicator;
  /** The evidence used: the latest on or before `asOf` (undated evidence counts as current). */
  evidence: Evidence | undefined;
  /** From 0 to 1; 0 without evidence. */
  progress: number;
  met: boolean;
}

/**
 * How far an output has come, from its indicators and the evidence reported.
 *
 * @example
 * ```ts
 * const p: OutputProgress = outputProgress(treatnet.outputs[0]!, treatnet.evidence);
 * ```
 */
export interface OutputProgress {
  output: Output;
  indicators: IndicatorProgress[];
  /** Mean indicator progress, from 0 to 1. */
  progress: number;
  status: 'no-evidence' | 'in-progress' | 'met';
}

function indicatorProgress(indicator: Indicator, value: number | boolean | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (indicator.target?.kind === 'count') {
    return indicator.target.value === 0 ? 1 : Math.min(1, value / indicator.target.value);
  }
  return value > 0 ? 1 : 0;
}

/**
 * Progress of an output from evidence: for each indicator the latest evidence on or before
 * `asOf` (all evidence when `asOf` is left out), its progress towards the target, and the
 * output's mean progress and status.
 *
 * @example
 * ```ts
 * const output = treatnet.outputs.find((o) => o.id === 'operating-network')!;
 * outputProgress(output, treatnet.evidence).status; // 'met' (as the poster abstract reports)
 * ```
 */
export function outputProgress(
  output: Output,
  evidence: readonly Evidence[],
  options: { asOf?: DateInput } = {},
): OutputProgress {
  const cutoff = options.asOf === undefined ? undefined : toDay(options.asOf);
  const indicators = output.indicators.map((indicator) => {
    const candidates = evidence.filter(
      (item) =>
        item.outputId === output.id &&
        item.indicatorId === indicator.id &&
        (cutoff === undefined || item.asOf === undefined || toDay(item.asOf) <= cutoff),
    );
    // Dated evidence in date order, undated after it in listed order: the last one is current.
    const latest = [...candidates]
      .sort((a, b) => (a.asOf ?? '9999-12-31').localeCompare(b.asOf ?? '9999-12-31'))
      .at(-1);
    const progress = indicatorProgress(indicator, latest?.value);
    return { indicator, evidence: latest, progress, met: progress >= 1 };
  });
  const progress =
    indicators.length === 0
      ? 0
      : indicators.reduce((sum, i) => sum + i.progress, 0) / indicators.length;
  const anyEvidence = indicators.some((i) => i.evidence !== undefined);
  const status = !anyEvidence
    ? 'no-evidence'
    : indicators.every((i) => i.met)
      ? 'met'
      : 'in-progress';
  return { output, indicators, progress, status };
}
