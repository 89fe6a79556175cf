import * as z from 'zod';
import { IdSchema } from './id';
import { DatePrecisionSchema, IsoDateSchema } from './period';
import type { Phase } from './phase';
import { type SourceRef, SourcesSchema } from './sources';
import { type LocalizedText, LocalizedTextSchema } from './text';

/**
 * A dated event in a network's history, at the precision the source gives ("June 2006").
 *
 * @example
 * ```ts
 * TimelineEventSchema.parse({
 *   id: 'web-forum-online', date: '2006-06-01', precision: 'month',
 *   title: { en: 'Web page and electronic forum online', vi: 'Trang web và diễn đàn điện tử hoạt động' },
 *   sources: [{ document: '001_30f54731c3eb449f.txt', section: 'Abstract' }],
 * });
 * ```
 */
export const TimelineEventSchema = z
  .object({
    id: IdSchema,
    date: IsoDateSchema,
    precision: DatePrecisionSchema,
    title: LocalizedTextSchema,
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'TimelineEvent' });

/**
 * A dated event.
 *
 * @example
 * ```ts
 * const e: TimelineEvent = { id: 'initiated', date: '2005-12-01', precision: 'month', title: { en: 'Treatnet initiated' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/**
 * One entry of a network timeline: a recorded event, or the start or end of a phase under
 * one of its plans.
 *
 * @example
 * ```ts
 * const entry: TimelineEntry = { kind: 'event', id: 'x', date: '2006-06-01', precision: 'month', title: { en: 'Online' }, sources: [] };
 * ```
 */
export interface TimelineEntry {
  kind: 'event' | 'phase-start' | 'phase-end';
  id: string;
  date: string;
  precision: 'day' | 'month' | 'year';
  title: LocalizedText;
  phaseId?: string;
  sources: SourceRef[];
}

/**
 * A network's dated events together with each phase plan's start and end, in date order
 * (stable for equal dates: events before phase boundaries).
 *
 * @example
 * ```ts
 * timeline(treatnet).map((e) => `${e.date} ${e.title.en}`);
 * ```
 */
export function timeline(network: {
  events: readonly TimelineEvent[];
  phases: readonly Phase[];
}): TimelineEntry[] {
  const entries: TimelineEntry[] = network.events.map((event) => ({ kind: 'event', ...event }));
  for (const phase of network.phases) {
    phase.plans.forEach((plan, index) => {
      const label = plan.label ? ` (${plan.label.en})` : '';
      const labelVi = plan.label ? ` (${plan.label.vi ?? plan.label.en})` : '';
      const base = { phaseId: phase.id, precision: plan.precision, sources: plan.sources };
      entries.push({
        ...base,
        kind: 'phase-start',
        id: `${phase.id}-plan-${index + 1}-start`,
        date: plan.start,
        title: {
          en: `${phase.name.en} begins${label}`,
          vi: `${phase.name.vi ?? phase.name.en} bắt đầu${labelVi}`,
        },
      });
      entries.push({
        ...base,
        kind: 'phase-end',
        id: `${phase.id}-plan-${index + 1}-end`,
        date: plan.end,
        title: {
          en: `${phase.name.en} ends${label}`,
          vi: `${phase.name.vi ?? phase.name.en} kết thúc${labelVi}`,
        },
      });
    });
  }
  const order = { event: 0, 'phase-start': 1, 'phase-end': 2 };
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        a.entry.date.localeCompare(b.entry.date) ||
        order[a.entry.kind] - order[b.entry.kind] ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);
}
