/**
 * The domain model of resonet: zod schemas, inferred types and pure functions for networks of
 * drug-treatment and technology-transfer resource centres.
 *
 * @packageDocumentation
 * @module @resonet/core
 */
export { type Activity, ActivitySchema, activitiesOfOutput } from './activity';
export {
  baselineChange,
  type NetworkSummary,
  type ScaleChange,
  type ScaleSummary,
  summarizeResults,
  summaryFromCentreScores,
} from './assessment/aggregation';
export { type AnswerError, parseAnswer, YES_NO_WORDS } from './assessment/answers';
export { type AnswerTally, tallyAnswers } from './assessment/answerTallies';
export { type AnswerValue, AnswerValueSchema } from './assessment/answerValue';
export {
  type CentreScaleScore,
  centreScores,
  centreScoresFromTotals,
  latestResults,
  type ScaleTotals,
  scaleTotals,
} from './assessment/centreScores';
export { NEED_COLOURS, resultChartAlt, resultChartSvg } from './assessment/chart';
export {
  type Condition,
  ConditionSchema,
  conditionItems,
  evaluateCondition,
} from './assessment/conditions';
export { DICTIONARY_COLUMNS, dataDictionaryCsv } from './assessment/dataDictionary';
export { CSV_COLUMNS, resultsToCsv, resultToMarkdown } from './assessment/exports';
export {
  type ChoiceOption,
  ChoiceOptionSchema,
  compareVersions,
  type Instrument,
  InstrumentSchema,
  type Item,
  ItemSchema,
  instrumentItems,
  type LikertScale,
  LikertScaleSchema,
  minRespondents,
  type RecommendationRule,
  RecommendationRuleSchema,
  type ResourceRef,
  ResourceRefSchema,
  type Respondent,
  RespondentSchema,
  type RuleTrigger,
  RuleTriggerSchema,
  type ScoringScale,
  ScoringScaleSchema,
  type Section,
  SectionSchema,
  type Validation,
  ValidationSchema,
} from './assessment/instrument';
export { migrateSession } from './assessment/migration';
export { questionText } from './assessment/questionText';
export { type Recommendation, recommend, resolveResource } from './assessment/recommendations';
export {
  type AssessmentResult,
  AssessmentResultSchema,
  resultFromSession,
} from './assessment/results';
export { completeSession, formatAnswer, reviewList } from './assessment/review';
export {
  type NeedLevel,
  needLevelOf,
  type ScaleScore,
  scaleBounds,
  scoreAnswers,
} from './assessment/scoring';
export { type Session, type SessionError, SessionSchema } from './assessment/session';
export {
  answerCurrent,
  changeAnswer,
  currentQuestion,
  goBack,
  progress,
  skipCurrent,
  startSession,
} from './assessment/steps';
export { checkInstrument, checkInstrumentRevision, parseInstrument } from './assessment/validate';
export { possibleItemCount, visibleAnswers, visibleItems } from './assessment/visibility';
export {
  instrumentFromXlsForm,
  instrumentToXlsForm,
  type XlsFormCell,
  type XlsFormProblem,
  type XlsFormRow,
  type XlsFormSheets,
} from './assessment/xlsform';
export { parseRelevant, relevantExpression } from './assessment/xlsformExpressions';
export { type BeneficiaryGroup, BeneficiaryGroupSchema } from './beneficiary';
export {
  type Centre,
  CentreSchema,
  centreRegion,
  type FocalPoint,
  FocalPointSchema,
  type HostKind,
  HostKindSchema,
  type Participation,
  ParticipationSchema,
} from './centre';
export {
  CountryCodeSchema,
  countryName,
  isCountryCode,
  localizeCountry,
  M49_REGIONS,
  type Region,
  regionOfCountry,
} from './countries';
export { type CountFact, CountFactSchema, countOf } from './counts';
export { type CentreTarget, CentreTargetSchema, type Coverage, coverage } from './coverage';
export { type Id, IdSchema } from './id';
export { IssueList } from './issues';
export {
  type KeyPlayer,
  KeyPlayerSchema,
  type Responsibility,
  type ResponsibilityMatch,
  ResponsibilitySchema,
  responsibilitiesOf,
  whoIsResponsibleFor,
} from './keyPlayer';
export { type KnowledgeEntry, KnowledgeEntrySchema, parseKnowledgeBase } from './knowledge';
export { foldedWords, foldText, keywordScore, keywords } from './matching';
export { formatMoney, type Money, MoneySchema } from './money';
export {
  type Contact,
  ContactSchema,
  type Network,
  NetworkSchema,
  type Objective,
  ObjectiveSchema,
  shortName,
} from './network';
export { numberText } from './numberText';
export {
  type Organisation,
  type OrganisationKind,
  OrganisationKindSchema,
  OrganisationSchema,
} from './organisation';
export {
  type Evidence,
  EvidenceSchema,
  type Indicator,
  type IndicatorProgress,
  IndicatorSchema,
  type IndicatorTarget,
  IndicatorTargetSchema,
  type Output,
  type OutputProgress,
  OutputSchema,
  outputProgress,
} from './output';
export {
  type DateInput,
  type DatePrecision,
  DatePrecisionSchema,
  IsoDateSchema,
  type Period,
  type PeriodProgress,
  PeriodSchema,
  periodContains,
  periodLength,
  periodProgress,
  toDay,
} from './period';
export {
  type Phase,
  type PhaseAtDate,
  type PhaseResources,
  PhaseResourcesSchema,
  PhaseSchema,
  phaseAt,
  phasePeriod,
  phaseProgress,
} from './phase';
export {
  type GoodPracticeDocument,
  GoodPracticeDocumentSchema,
  type PriorityTopic,
  PriorityTopicSchema,
  type Tool,
  ToolSchema,
  type TrainingPackage,
  TrainingPackageSchema,
} from './products';
export { checkReferences, parseNetwork } from './references';
export { formatPath, type Issue, type ParseOptions, parseWith, type Result } from './result';
export { type FunctionalRole, FunctionalRoleSchema, rolesOfCentre } from './role';
export { jsonSchema, PUBLISHED_SCHEMAS } from './schemas';
export { formatSourceRef, type SourceRef, SourceRefSchema, SourcesSchema } from './sources';
export { type NamedItem, NamedItemSchema, type Statement, StatementSchema } from './statement';
export {
  type TechnologyTransfer,
  TechnologyTransferSchema,
  type TechnologyTransferStep,
  TechnologyTransferStepSchema,
} from './technologyTransfer';
export { fill, fillText, type Lang, langOf, type Template } from './template';
export {
  type LocalizedText,
  LocalizedTextSchema,
  localeChain,
  localize,
  localizeWithLocale,
  missingLocales,
  negotiateLocale,
  SUPPORTED_LOCALES,
  type SupportedLocale,
} from './text';
export { type TimelineEntry, type TimelineEvent, TimelineEventSchema, timeline } from './timeline';
