import * as z from 'zod';
import { ActivitySchema } from './activity';
import { InstrumentSchema } from './assessment/instrument';
import { AssessmentResultSchema } from './assessment/results';
import { SessionSchema } from './assessment/session';
import { CentreSchema } from './centre';
import { KeyPlayerSchema } from './keyPlayer';
import { NetworkSchema } from './network';
import { EvidenceSchema, OutputSchema } from './output';
import { PhaseSchema } from './phase';
import { GoodPracticeDocumentSchema, PriorityTopicSchema } from './products';
import { FunctionalRoleSchema } from './role';
import { SourceRefSchema } from './sources';
import { LocalizedTextSchema } from './text';

/**
 * The top-level schemas published as JSON Schema files (`@resonet/core/schemas/<name>.json`)
 * for partners who do not use TypeScript.
 *
 * @example
 * ```ts
 * Object.keys(PUBLISHED_SCHEMAS); // ['network', 'centre', 'key-player', …]
 * ```
 */
export const PUBLISHED_SCHEMAS = {
  network: NetworkSchema,
  centre: CentreSchema,
  'key-player': KeyPlayerSchema,
  'functional-role': FunctionalRoleSchema,
  phase: PhaseSchema,
  output: OutputSchema,
  activity: ActivitySchema,
  evidence: EvidenceSchema,
  'priority-topic': PriorityTopicSchema,
  'good-practice-document': GoodPracticeDocumentSchema,
  'localized-text': LocalizedTextSchema,
  'source-ref': SourceRefSchema,
  instrument: InstrumentSchema,
  session: SessionSchema,
  'assessment-result': AssessmentResultSchema,
} as const;

/**
 * JSON Schema (draft 2020-12) for one published schema, describing the data as it is
 * written in files (the input side).
 *
 * @example
 * ```ts
 * jsonSchema('centre').title; // 'Centre'
 * ```
 */
export function jsonSchema(name: keyof typeof PUBLISHED_SCHEMAS): Record<string, unknown> {
  const schema = z.toJSONSchema(PUBLISHED_SCHEMAS[name], {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const strictSchema = withoutTypeLists(schema) as Record<string, unknown>;
  const title = name.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
  return {
    $id: `https://resonet.dev/schemas/${name}.json`,
    title,
    ...strictSchema,
  };
}

/**
 * `type: ["string", "number"]` written as `anyOf` of single types: Ajv's strict mode (its
 * default) refuses type lists unless told `allowUnionTypes`, and partners should not need to.
 */
function withoutTypeLists(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutTypeLists);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, withoutTypeLists(value)]);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  const { type, ...rest } = object;
  if (!Array.isArray(type)) return object;
  return { ...rest, anyOf: type.map((t) => ({ type: t })) };
}
