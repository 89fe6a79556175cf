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
import { SourcesSchema } from './sources';
import { NamedItemSchema, StatementSchema } from './statement';
import { TechnologyTransferSchema } from './technologyTransfer';
import { LocalizedTextSchema } from './text';
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
    acronym: z.string().trim().min(1),
    name: LocalizedTextSchema,
    kind: z.enum(['drug-treatment-resource-centres', 'technology-transfer-centres', 'other']),
    summary: LocalizedTextSchema.optional(),
    coordinatingBodies: z.array(OrganisationSchema),
    hostInstitutionKinds: z.array(HostKindSchema),
    started: z
      .object({ date: IsoDateSchema, precision: DatePrecisionSchema, sources: SourcesSchema })
      .strict()
      .optional(),
    aims: z.array(StatementSchema),
    problem: z
      .object({ statement: StatementSchema, impacts: z.array(StatementSchema) })
      .strict()
      .optional(),
    objectives: z.array(ObjectiveSchema),
    beneficiaries: z.array(BeneficiaryGroupSchema),
    partners: z.array(OrganisationSchema),
    funders: z.array(OrganisationSchema),
    contact: ContactSchema.optional(),
    commonActivityAreas: z.array(NamedItemSchema),
    sharedResources: z.array(NamedItemSchema),
    rationale: z.array(StatementSchema),
    roles: z.array(FunctionalRoleSchema),
    technologyTransfer: TechnologyTransferSchema.optional(),
    keyPlayers: z.array(KeyPlayerSchema),
    phases: z.array(PhaseSchema),
    outputs: z.array(OutputSchema),
    activities: z.array(ActivitySchema),
    centres: z.array(CentreSchema),
    centreTarget: CentreTargetSchema.optional(),
    counts: z.array(CountFactSchema),
    workingGroups: z.array(NamedItemSchema),
    priorityTopics: z.array(PriorityTopicSchema),
    goodPracticeDocuments: z.array(GoodPracticeDocumentSchema),
    trainingPackages: z.array(TrainingPackageSchema),
    tools: z.array(ToolSchema),
    events: z.array(TimelineEventSchema),
    evidence: z.array(EvidenceSchema),
    sources: SourcesSchema,
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
