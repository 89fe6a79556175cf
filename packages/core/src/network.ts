import * as z from 'zod';
import { ActivitySchema } from './activity';
import { BeneficiaryGroupSchema } from './beneficiary';
import { CentreSchema, HostKindSchema } from './centre';
import { CountFactSchema } from './counts';
import { CentreTargetSchema } from './coverage';
import { IdSchema } from './id';
import { KeyPlayerSchema } from './keyPlayer';
import { OrganisationSchema } from './organisation';
import { EvidenceSchema, OutputSchema } from './output';
import { DatePrecisionSchema, IsoDateSchema } from './period';
import { PhaseSchema } from './phase';
import {
  GoodPracticeDocumentSchema,
  PriorityTopicSchema,
  ToolSchema,
  TrainingPackageSchema,
} from './products';
import { FunctionalRoleSchema } from './role';
import { SourceRefSchema, SourcesSchema } from './sources';
import { NamedItemSchema, StatementSchema } from './statement';
import { TechnologyTransferSchema } from './technologyTransfer';
import { LocalizedTextSchema, localize } from './text';
import { TimelineEventSchema } from './timeline';

/**
 * An objective of a network's project: the development objective ("increased and easy
 * access … to effective drug treatment") or an immediate objective tied to a phase.
 *
 * @example
 * ```ts
 * ObjectiveSchema.parse({
 *   id: 'immediate-phase-1', level: 'immediate', phaseId: 'phase-1',
 *   text: { en: 'An operating network of resource centres in all regions' },
 *   sources: [{ document: '002_d9aab02609379ddc.txt', section: 'Project objective' }],
 * });
 * ```
 */
export const ObjectiveSchema = z
  .object({
    id: IdSchema,
    level: z.enum(['development', 'immediate']),
    area: LocalizedTextSchema.optional(),
    phaseId: IdSchema.optional(),
    text: LocalizedTextSchema,
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Objective' });

/**
 * A project objective.
 *
 * @example
 * ```ts
 * const o: Objective = { id: 'dev', level: 'development', text: { en: 'Better access to treatment' }, sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Objective = z.infer<typeof ObjectiveSchema>;

/**
 * How to reach a network.
 *
 * @example
 * ```ts
 * ContactSchema.parse({ email: 'ITTC@ITTCnetwork.org', website: 'ITTCnetwork.org', sources: [{ document: 'd', section: 's' }] });
 * ```
 */
export const ContactSchema = z
  .object({
    email: z.email().optional(),
    website: z.string().trim().min(1).optional(),
    sources: SourcesSchema,
  })
  .strict()
  .meta({ id: 'Contact' });

/**
 * A network's contact details (organisational addresses only, never a person's).
 *
 * @example
 * ```ts
 * const c: Contact = { website: 'example.org', sources: [{ document: 'd', section: 's' }] };
 * ```
 */
export type Contact = z.infer<typeof ContactSchema>;

/**
 * A network of centres and everything the sources say about it: who coordinates it, what it
 * is for, whom it serves, its roles, key players, phases, outputs, activities, centres,
 * products and history. One schema fits Treatnet and the ITTC Network alike; collections a
 * network has nothing for are empty arrays.
 *
 * @example
 * ```ts
 * const result = parseNetwork(JSON.parse(text)); // in references.ts, beside its checks
 * if (result.ok) console.log(result.value.name.en);
 * ```
 */
export const NetworkSchema = z
  .object({
    id: IdSchema,
    /** The short name members use ("Treatnet"); none: the name is used. */
    acronym: z.string().trim().min(1).optional(),
    name: LocalizedTextSchema,
    kind: z
      .enum(['drug-treatment-resource-centres', 'technology-transfer-centres', 'other'])
      .default('other'),
    summary: LocalizedTextSchema.optional(),
    coordinatingBodies: z.array(OrganisationSchema).default([]),
    hostInstitutionKinds: z.array(HostKindSchema).default([]),
    started: z
      .object({ date: IsoDateSchema, precision: DatePrecisionSchema, sources: SourcesSchema })
      .strict()
      .optional(),
    aims: z.array(StatementSchema).default([]),
    problem: z
      .object({ statement: StatementSchema, impacts: z.array(StatementSchema) })
      .strict()
      .optional(),
    objectives: z.array(ObjectiveSchema).default([]),
    beneficiaries: z.array(BeneficiaryGroupSchema).default([]),
    partners: z.array(OrganisationSchema).default([]),
    funders: z.array(OrganisationSchema).default([]),
    contact: ContactSchema.optional(),
    commonActivityAreas: z.array(NamedItemSchema).default([]),
    sharedResources: z.array(NamedItemSchema).default([]),
    rationale: z.array(StatementSchema).default([]),
    roles: z.array(FunctionalRoleSchema).default([]),
    technologyTransfer: TechnologyTransferSchema.optional(),
    keyPlayers: z.array(KeyPlayerSchema).default([]),
    phases: z.array(PhaseSchema).default([]),
    outputs: z.array(OutputSchema).default([]),
    activities: z.array(ActivitySchema).default([]),
    centres: z.array(CentreSchema).default([]),
    centreTarget: CentreTargetSchema.optional(),
    counts: z.array(CountFactSchema).default([]),
    workingGroups: z.array(NamedItemSchema).default([]),
    priorityTopics: z.array(PriorityTopicSchema).default([]),
    goodPracticeDocuments: z.array(GoodPracticeDocumentSchema).default([]),
    trainingPackages: z.array(TrainingPackageSchema).default([]),
    tools: z.array(ToolSchema).default([]),
    events: z.array(TimelineEventSchema).default([]),
    evidence: z.array(EvidenceSchema).default([]),
    /** Where the facts come from; a partner's own network may cite its own documents, or none. */
    sources: z.array(SourceRefSchema).default([]),
    /** Made-up data for demos and tests, not a real network. */
    example: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'Network' });

/**
 * A network and everything known about it.
 *
 * @example
 * ```ts
 * import { treatnet } from '@resonet/fixtures';
 * const network: Network = treatnet;
 * ```
 */
export type Network = z.infer<typeof NetworkSchema>;

/**
 * The name members call a network by: its acronym ("Treatnet"), or its name in the language
 * asked when it has none.
 *
 * @example
 * ```ts
 * shortName({ acronym: 'Treatnet', name: { en: 'International Network…' } }, 'en'); // 'Treatnet'
 * shortName({ name: { en: 'Example Network', vi: 'Mạng lưới Ví dụ' } }, 'vi'); // 'Mạng lưới Ví dụ'
 * ```
 */
export function shortName(network: Pick<Network, 'acronym' | 'name'>, lang = 'en'): string {
  return network.acronym ?? localize(network.name, lang);
}
