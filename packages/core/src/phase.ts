import * as z from 'zod';
import { IdSchema } from './id';
import { MoneySchema } from './money';
import {
  type DateInput,
  IsoDateSchema,
  type Period,
  type PeriodProgress,
  PeriodSchema,
  periodContains,
  periodProgress,
} from './period';
import { SourcesSchema } from './sources';
import { StatementSchema } from './statement';
import { LocalizedTextSchema } from './text';

/**
 * What a phase has to work with: budget (exact money), duration, staff, grants and other
 * resources, each with its sources.
 *
 * @example
 * ```ts
 * PhaseResourcesSchema.parse({
 *   budget: { amount: { amount: '1608000', currency: 'USD' }, sources: [{ document: 'd', section: 's' }] },
 *   staff: [], other: [],
 * });
 * ```
 */
export const PhaseResourcesSchema = z
  .object({
    budget: z.object({ amount: MoneySchema, sources: SourcesSchema }).strict().optional(),
    duration: z
      .object({
        months: z.number().int().positive(),
        start: IsoDateSchema,
        startPrecision: z.enum(['day', 'month', 'year']),
        sources: SourcesSchema,
      })
      .strict()
      .optional(),
    grants: z
      .object({
        count: z.number().int().nonnegative(),
        text: LocalizedTextSchema,
        sources: SourcesSchema,
      })
      .strict()
      .optional(),
    staff: z.array(StatementSchema),
    other: z.array(StatementSchema),
  })
  .strict()
  .meta({ id: 'PhaseResources' });

/**
 * A phase's resources.
 *
 * @example
 * ```ts
 * const r: PhaseResources = { staff: [], other: [] };
 * ```
 */
export type PhaseResources = z.infer<typeof PhaseResourcesSchema>;

/**
 * A phase of a network's project. `plans` keeps every planned period a source gives, side by
 * side with its source, listed in the order the sources were written (later revisions
 * last): Treatnet's Phase II is "2007-2008" in the project slides and "2007-2010" in the later
 * poster abstract.
 *
 * @example
 * ```ts
 * PhaseSchema.parse({
 *   id: 'phase-2', number: 2, name: { en: 'Phase II', vi: 'Giai đoạn II' },
 *   plans: [{ start: '2007-01-01', end: '2008-12-31', precision: 'year', label: { en: '2007-2008' }, sources: [{ document: 'd', section: 's' }] }],
 *   goals: [], outputIds: [], sources: [{ document: 'd', section: 's' }],
 * });
 * ```
 */
export const PhaseSchema = z
  .object({
    id: IdSchema,
    number: z.number().int().positive(),
    name: LocalizedTextSchema,
    plans: z.array(PeriodSchema).min(1),
    status: StatementSchema.optional(),
    goals: z.array(StatementSchema),
    resources: PhaseResourcesSchema.optional(),
    outputIds: z.array(IdSchema),
    completedOn: IsoDateSchema.optional(),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Phase' });

/**
 * A phase with its planned periods, goals, resources and outputs.
 *
 * @example
 * ```ts
 * const phase: Phase = treatnet.phases[0]!;
 * ```
 */
export type Phase = z.infer<typeof PhaseSchema>;

/**
 * A phase running on a date, with the plans that put the date inside the phase and the
 * plans that do not (so a reader sees where the sources disagree).
 *
 * @example
 * ```ts
 * const [match] = phaseAt(treatnet, '2008-06-01');
 * match?.phase.id; // 'phase-2'
 * ```
 */
export interface PhaseAtDate {
  phase: Phase;
  /** Plans whose period contains the date. */
  plans: Period[];
  /** Plans of the same phase whose period does not contain the date. */
  otherPlans: Period[];
  /** True when every plan of the phase agrees the date is inside it. */
  agreed: boolean;
}

/**
 * The phases running on a date according to any of their plans, in phase order. Where plans
 * overlap (Phase I "2005-2007" and Phase II "2007-2008" both cover 2007) every matching
 * phase is returned.
 *
 * @example
 * ```ts
 * phaseAt(treatnet, '2006-06-01').map((m) => m.phase.id); // ['phase-1']
 * phaseAt(treatnet, '2008-06-01')[0]?.plans.map((p) => p.label?.en); // ['2007-2008', '2007-2010']
 * ```
 */
export function phaseAt(network: { phases: readonly Phase[] }, asOf: DateInput): PhaseAtDate[] {
  return [...network.phases]
    .sort((a, b) => a.number - b.number)
    .flatMap((phase) => {
      const plans = phase.plans.filter((plan) => periodContains(plan, asOf));
      if (plans.length === 0) return [];
      const otherPlans = phase.plans.filter((plan) => !plans.includes(plan));
      return [{ phase, plans, otherPlans, agreed: otherPlans.length === 0 }];
    });
}

const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;

/**
 * The phase's working period: the most precise plan (ties go to the later revision). For
 * Treatnet's Phase I that is "two years from August 2005": 2005-08-01 to 2007-07-31.
 *
 * @example
 * ```ts
 * phasePeriod(treatnet.phases[0]!); // { start: '2005-08-01', end: '2007-07-31', … }
 * ```
 */
export function phasePeriod(phase: Pick<Phase, 'plans'>): Period {
  let best = phase.plans[0]!;
  for (const plan of phase.plans) {
    if (PRECISION_RANK[plan.precision] <= PRECISION_RANK[best.precision]) best = plan;
  }
  return best;
}

/**
 * Progress of a phase on a date under each of its plans (elapsed share, days left, overdue).
 *
 * @example
 * ```ts
 * phaseProgress(treatnet.phases[0]!, '2006-08-01')[0]?.progress.status; // 'running'
 * ```
 */
export function phaseProgress(
  phase: Phase,
  asOf: DateInput,
): { plan: Period; progress: PeriodProgress }[] {
  const options = phase.completedOn ? { completedOn: phase.completedOn } : {};
  return phase.plans.map((plan) => ({ plan, progress: periodProgress(plan, asOf, options) }));
}
