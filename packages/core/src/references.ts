import { centreRegion } from './centre';
import { IssueList } from './issues';
import { type Network, NetworkSchema } from './network';
import { type Issue, type ParseOptions, parseWith, type Result } from './result';
import type { Template } from './template';

const TEMPLATES = {
  duplicate: {
    en: 'The id "{id}" is used more than once in {collection}',
    vi: 'Mã "{id}" bị dùng nhiều lần trong {collection}',
  },
  unknown: {
    en: 'No {collection} entry has the id "{id}"',
    vi: 'Không có mục nào trong {collection} mang mã "{id}"',
  },
  region: {
    en: 'Region "{id}" does not match the country {country}, which is in region {expected}',
    vi: 'Khu vực "{id}" không khớp với quốc gia {country}, vốn thuộc khu vực {expected}',
  },
  outputPhase: {
    en: 'Output "{id}" belongs to phase "{phase}" but that phase does not list it',
    vi: 'Đầu ra "{id}" thuộc giai đoạn "{phase}" nhưng giai đoạn đó không liệt kê nó',
  },
} satisfies Record<string, Template>;

/**
 * Cross-reference problems in a network whose shape is already valid: duplicate ids,
 * references to entries that do not exist, regions that do not match countries. Empty when
 * all is well. `parseNetwork` calls it; call it yourself after editing a parsed network.
 *
 * @example
 * ```ts
 * checkReferences({ ...treatnet, activities: [{ ...treatnet.activities[0]!, outputId: 'nope' }] }, 'en');
 * // [{ path: 'activities[0].outputId', code: 'unknown', message: 'No outputs entry has the id "nope"' }]
 * ```
 */
export function checkReferences(network: Network, locale = 'en'): Issue[] {
  const found = new IssueList(TEMPLATES, locale);
  const ids = (collection: string, items: readonly { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id))
        found.report(`${collection}[${index}].id`, 'duplicate', { id: item.id, collection });
      seen.add(item.id);
    });
    return seen;
  };
  const refer = (known: Set<string>, collection: string, id: string | undefined, path: string) => {
    if (id !== undefined && !known.has(id)) found.report(path, 'unknown', { id, collection });
  };

  const phases = ids('phases', network.phases);
  const outputs = ids('outputs', network.outputs);
  const activities = ids('activities', network.activities);
  const roles = ids('roles', network.roles);
  const workingGroups = ids('workingGroups', network.workingGroups);
  const topics = ids('priorityTopics', network.priorityTopics);
  for (const [collection, items] of Object.entries({
    keyPlayers: network.keyPlayers,
    centres: network.centres,
    objectives: network.objectives,
    beneficiaries: network.beneficiaries,
    partners: network.partners,
    funders: network.funders,
    coordinatingBodies: network.coordinatingBodies,
    counts: network.counts,
    goodPracticeDocuments: network.goodPracticeDocuments,
    trainingPackages: network.trainingPackages,
    tools: network.tools,
    events: network.events,
    evidence: network.evidence,
    commonActivityAreas: network.commonActivityAreas,
    sharedResources: network.sharedResources,
  })) {
    ids(collection, items);
  }

  network.counts.forEach((fact, i) => {
    refer(phases, 'phases', fact.phaseId, `counts[${i}].phaseId`);
  });
  network.phases.forEach((phase, i) => {
    phase.outputIds.forEach((id, j) => {
      refer(outputs, 'outputs', id, `phases[${i}].outputIds[${j}]`);
    });
  });
  network.outputs.forEach((output, i) => {
    refer(phases, 'phases', output.phaseId, `outputs[${i}].phaseId`);
    const phase = network.phases.find((p) => p.id === output.phaseId);
    if (phase && !phase.outputIds.includes(output.id)) {
      found.report(`outputs[${i}].phaseId`, 'outputPhase', { id: output.id, phase: phase.id });
    }
  });
  network.activities.forEach((activity, i) => {
    refer(outputs, 'outputs', activity.outputId, `activities[${i}].outputId`);
  });
  network.objectives.forEach((objective, i) => {
    refer(phases, 'phases', objective.phaseId, `objectives[${i}].phaseId`);
  });
  network.keyPlayers.forEach((player, i) => {
    player.responsibilities.forEach((duty, j) => {
      duty.activityIds.forEach((id, k) => {
        refer(
          activities,
          'activities',
          id,
          `keyPlayers[${i}].responsibilities[${j}].activityIds[${k}]`,
        );
      });
    });
  });
  network.goodPracticeDocuments.forEach((doc, i) => {
    refer(topics, 'priorityTopics', doc.topicId, `goodPracticeDocuments[${i}].topicId`);
  });
  network.evidence.forEach((item, i) => {
    refer(outputs, 'outputs', item.outputId, `evidence[${i}].outputId`);
    const output = network.outputs.find((o) => o.id === item.outputId);
    if (output) {
      const indicators = new Set(output.indicators.map((indicator) => indicator.id));
      refer(
        indicators,
        `outputs.${output.id}.indicators`,
        item.indicatorId,
        `evidence[${i}].indicatorId`,
      );
    }
  });
  network.centres.forEach((centre, i) => {
    centre.roleIds.forEach((id, j) => {
      refer(roles, 'roles', id, `centres[${i}].roleIds[${j}]`);
    });
    centre.workingGroupIds.forEach((id, j) => {
      refer(workingGroups, 'workingGroups', id, `centres[${i}].workingGroupIds[${j}]`);
    });
    const expected = centreRegion(centre)?.code;
    if (centre.region !== undefined && centre.region !== expected) {
      found.report(`centres[${i}].region`, 'region', {
        id: centre.region,
        country: centre.country,
        expected: expected ?? '—',
      });
    }
  });
  return found.issues;
}

/**
 * Validates an untrusted network: its shape (the schema), then its cross-references (every
 * id points to an entry that exists, a phase lists its outputs, a centre's region matches
 * its country). Never throws; errors carry a path, a code and a message in the requested
 * language.
 *
 * @example
 * ```ts
 * const result = parseNetwork({ id: 'x' }, { locale: 'vi' });
 * if (!result.ok) for (const { path, message } of result.error) console.log(path, message);
 * ```
 */
export function parseNetwork(input: unknown, options: ParseOptions = {}): Result<Network> {
  const parsed = parseWith(NetworkSchema, input, options);
  if (!parsed.ok) return parsed;
  const problems = checkReferences(parsed.value, options.locale ?? 'en');
  return problems.length === 0 ? parsed : { ok: false, error: problems };
}
