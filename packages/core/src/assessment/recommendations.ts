import type { Network } from '../network';
import type { LocalizedText } from '../text';
import type { AnswerValue } from './answerValue';
import {
  type Instrument,
  instrumentItems,
  type RecommendationRule,
  type ResourceRef,
} from './instrument';
import { type ScaleScore, scoreAnswers } from './scoring';
import { visibleAnswers } from './visibility';

/**
 * A recommendation: the rule that fired, the resources it points to, why, and how large the
 * gap behind it is (0–1 of the scale's range, 0 when the rule has no scale).
 *
 * @example
 * ```ts
 * const r: Recommendation = { ruleId: 'r1', priority: 1, resources: [], reason: { en: 'Why' }, gap: 12, normalizedGap: 0.3 };
 * ```
 */
export interface Recommendation {
  ruleId: string;
  priority: RecommendationRule['priority'];
  resources: ResourceRef[];
  reason: LocalizedText;
  scaleId?: string;
  gap: number | null;
  normalizedGap: number;
}

function fires(
  instrument: Instrument,
  rule: RecommendationRule,
  scores: Map<string, ScaleScore>,
  answers: Record<string, AnswerValue>,
): boolean {
  const when = rule.when;
  if (when.kind === 'answer-in') {
    const answer = answers[when.item];
    if (answer === undefined) return false;
    return Array.isArray(answer)
      ? answer.some((a) => when.values.includes(a))
      : when.values.includes(answer);
  }
  const score = scores.get(when.scale);
  if (when.kind === 'compliance-not-met') {
    return instrumentItems(instrument).some(({ item }) => {
      if (item.type !== 'single' || !item.scales?.includes(when.scale)) return false;
      const option = item.options.find((o) => o.value === answers[item.id]);
      if (!option || option.notApplicable) return false;
      const lowest = Math.min(
        ...item.options.filter((o) => !o.notApplicable).map((o) => o.score ?? 0),
      );
      return (option.score ?? 0) === lowest;
    });
  }
  if (!score || score.value === null) return false;
  if (when.kind === 'scale-below') return score.value < when.value;
  if (when.kind === 'scale-above') return score.value > when.value;
  return score.needLevel !== null && when.levels.includes(score.needLevel);
}

const refKey = (ref: ResourceRef) => `${ref.network}/${ref.kind}/${ref.id}`;

/**
 * Each resource once: a later recommendation keeps only the resources no earlier one
 * named, and goes when none are left (its resources already come with a reason).
 */
function onePerResource(ranked: readonly Recommendation[]): Recommendation[] {
  const named = new Set<string>();
  const out: Recommendation[] = [];
  for (const recommendation of ranked) {
    const fresh = recommendation.resources.filter((ref) => !named.has(refKey(ref)));
    for (const ref of fresh) named.add(refKey(ref));
    if (fresh.length) out.push({ ...recommendation, resources: fresh });
  }
  return out;
}

/**
 * The recommendations an instrument's rules make for a set of answers, most urgent first:
 * by priority (1 first), then by the size of the gap behind them, then in rule order.
 * Each resource is recommended once, by the most urgent rule that names it. Pass `scores`
 * when already computed.
 *
 * @example
 * ```ts
 * recommend(instrument, session.answers).slice(0, 3).map((r) => localize(r.reason, 'vi'));
 * ```
 */
export function recommend(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
  scores: readonly ScaleScore[] = scoreAnswers(instrument, answers),
): Recommendation[] {
  const byScale = new Map(scores.map((s) => [s.scaleId, s]));
  const counted = visibleAnswers(instrument, answers);
  const ranked = instrument.recommendations
    .map((rule, order) => ({ rule, order }))
    .filter(({ rule }) => fires(instrument, rule, byScale, counted))
    .map(({ rule, order }) => {
      const scaleId = rule.when.kind === 'answer-in' ? undefined : rule.when.scale;
      const score = scaleId ? byScale.get(scaleId) : undefined;
      const gap = score?.gap ?? null;
      const range = score ? score.max - score.min : 0;
      const normalizedGap = gap !== null && range > 0 ? Math.max(0, gap / range) : 0;
      return {
        order,
        recommendation: {
          ruleId: rule.id,
          priority: rule.priority,
          resources: rule.resources,
          reason: rule.reason,
          ...(scaleId ? { scaleId } : {}),
          gap,
          normalizedGap,
        },
      };
    })
    .sort(
      (a, b) =>
        a.recommendation.priority - b.recommendation.priority ||
        b.recommendation.normalizedGap - a.recommendation.normalizedGap ||
        a.order - b.order,
    )
    .map(({ recommendation }) => recommendation);
  return onePerResource(ranked);
}

/**
 * Finds what a resource reference points to in the networks given: its name and, where
 * there is one, a description. `undefined` when nothing matches.
 *
 * @example
 * ```ts
 * resolveResource([treatnet, ittcNetwork], { network: 'ittc-network', kind: 'functional-role', id: 'educational' })?.name.vi;
 * // 'Vai trò giáo dục'
 * ```
 */
export function resolveResource(
  networks: readonly Network[],
  ref: ResourceRef,
): { name: LocalizedText; description?: LocalizedText } | undefined {
  const network = networks.find((n) => n.id === ref.network);
  if (!network) return undefined;
  const named = (
    items: readonly { id: string; name: LocalizedText; description?: LocalizedText | undefined }[],
  ) => {
    const hit = items.find((i) => i.id === ref.id);
    return hit
      ? { name: hit.name, ...(hit.description ? { description: hit.description } : {}) }
      : undefined;
  };
  switch (ref.kind) {
    case 'training-module':
      return named(network.trainingPackages.flatMap((p) => p.modules));
    case 'good-practice-document': {
      const doc = network.goodPracticeDocuments.find((d) => d.id === ref.id);
      return doc ? { name: doc.title } : undefined;
    }
    case 'functional-role':
      return named(network.roles);
    case 'role-activity': {
      const activity = network.roles.flatMap((r) => r.activities).find((a) => a.id === ref.id);
      return activity ? { name: activity.text } : undefined;
    }
    case 'key-player':
      return named(network.keyPlayers);
    case 'shared-resource':
      return named(network.sharedResources);
    case 'tool':
      return named(network.tools);
    case 'technology-transfer-step':
      return named(network.technologyTransfer?.steps ?? []);
  }
}
