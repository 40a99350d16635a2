import { getNamedType } from "graphql";
import type { GraphQLOutputType } from "graphql";
import { forbidden } from "../../errors";
import { StringFilter } from "../../graphql/views/scalar-filters";

/**
 * What analysts (who see de-identified data) get of one field: `null` — they receive null and cannot
 * filter, sort, group by or take statistics of it — or `kept`, with the reason it may be kept.
 */
export interface AnalystDecision {
  analysts: "null" | "kept";
  why: string;
}

const hidden = (why: string): AnalystDecision => ({ analysts: "null", why });
const kept = (why: string): AnalystDecision => ({ analysts: "kept", why });
/** A site: an institution named in the protocol, not a person. */
const SITE = kept("the site is an institution named in the protocol, not a person");
const all = (fields: string[], decision: AnalystDecision) => Object.fromEntries(fields.map((field) => [field, decision]));

const FREE_TEXT = hidden("free text: whatever was typed, names and places included");
const REASON = hidden("a reason typed by a person: free text");
const STAFF = kept("names the member of staff who signed or changed data, not a participant; a signature shows its signer (21 CFR 11.50)");
const CHANGED_VALUE = hidden("any field's value before or after a change, free text included");
const CODE = kept("a code from a controlled list or the study's catalogue, not free text");
const CATALOGUE = kept("catalogue or protocol text, the same for every participant");
const CURSOR = kept("an opaque cursor: it encodes only sort keys the analyst may use, and ids");
const PSEUDONYM = kept("the study's pseudonym for the participant, assigned by the study (HIPAA 164.514(c) re-identification code)");
const UNIT = kept("a unit or route (at most 20–40 characters) that gives the dose its meaning");
const COMPUTED = kept("computed by the service, not typed by a person");
const TIMESTAMP = kept("a date or time: the limited data set keeps dates (see the README, Access)");
const GROUP_KEY = kept("a group key of codes, enum values or site and cohort codes");
/**
 * Dates, ages and year of birth follow HIPAA's limited data set (45 CFR 164.514(e)): analysts work
 * under the study's data use agreement and the analyses are built on dates and ages (study days, visit
 * windows, age as a covariate). Year of birth is kept too: inclusion date and age at inclusion give it
 * to within a year, so hiding it would only pretend to protect it.
 */
const LIMITED_DATA_SET = kept("limited data set: dates, ages and year of birth are kept (README, Access)");

/**
 * THE declaration of what analysts see, field by field, per GraphQL output type. Every String field
 * of every output type must be listed (tests/api/deidentification.test.ts walks the schema); a String
 * field missing here is treated as free text — null for analysts — until it is declared. Output
 * nulling (src/graphql/guards.ts) and the refusal of filters, sort orders, groupings and statistics
 * (below) both read this one table.
 */

export const DEIDENTIFICATION: Record<string, Record<string, AnalystDecision>> = {
  Patient: { subjectCode: PSEUDONYM, statusReason: REASON, yearOfBirth: LIMITED_DATA_SET, ageAtInclusion: LIMITED_DATA_SET, inclusionDate: LIMITED_DATA_SET },
  PatientAggregates: { yearOfBirth: LIMITED_DATA_SET, ageAtInclusion: LIMITED_DATA_SET },
  PatientEdge: { cursor: CURSOR },
  PatientGroupKey: all(["cohort", "disease", "sex", "site", "status"], GROUP_KEY),
  Visit: { removalReason: REASON, visitDate: LIMITED_DATA_SET },
  VisitEdge: { cursor: CURSOR },
  VisitSignature: { contentHash: COMPUTED, signedAt: TIMESTAMP, voidedAt: TIMESTAMP, signerName: STAFF, signerUsername: STAFF, voidReason: REASON },
  ResponseEvaluation: { instrument: CODE, reason: COMPUTED },
  Score: { calculatorVersion: COMPUTED, display: COMPUTED },
  PageInfo: { startCursor: CURSOR, endCursor: CURSOR },
  AuditTrailPage: { endCursor: CURSOR },
  AuditEvent: {
    ...all(["actorRoles", "entityType", "field", "hash", "previousHash"], COMPUTED),
    occurredAt: TIMESTAMP,
    actorUsername: STAFF,
    oldValue: CHANGED_VALUE,
    newValue: CHANGED_VALUE,
    reason: REASON,
  },
  Study: { ...all(["code", "title", "description", "phase", "registryId", "sponsor"], CATALOGUE), lockedAt: TIMESTAMP, lockReason: REASON },
  Site: all(["code", "name", "city"], SITE),
  Cohort: all(["code", "diseaseId", "name"], CATALOGUE),
  PlannedVisit: all(["code", "label"], CATALOGUE),
  DosingRegimen: all(["drug", "doseUnit", "route"], CATALOGUE),
  Disease: all(["name", "shortName", "description", "primaryInstrument"], CATALOGUE),
  Instrument: all(["code", "name", "description", "diseaseId", "references", "version"], CATALOGUE),
  InstrumentInput: all(["name", "label", "description", "unit", "allowed"], CATALOGUE),
  InputOption: { label: CATALOGUE },
  ActivityBand: all(["code", "label"], CATALOGUE),
  Category: all(["code", "label"], CATALOGUE),
  ResponseCriterion: all(["code", "name", "description", "diseaseId", "instruments", "companions", "references"], CATALOGUE),
  ScoreComponent: { name: CATALOGUE },
  ImmuneParameter: all(["code", "label", "marker", "population", "parentPopulation", "gatingDefinition", "unit"], CATALOGUE),
  LabTest: all(["code", "label", "unit"], CATALOGUE),
  User: all(["username", "displayName"], kept("the signed-in caller's own account (Me, SignInResult)")),
  SignInResult: { token: kept("the caller's own bearer token") },
  InputLabSource: all(["test", "as"], CATALOGUE),
  AssessmentLabSource: { input: CATALOGUE },
  AuditVerification: all(["problem", "checkpoint"], COMPUTED),
  ImmuneResponse: { ...all(["parameter", "unit", "visit", "baselineVisit"], CATALOGUE) },
  ImmuneKinetics: all(["parameter", "unit", "baselineVisit"], CATALOGUE),
  AnalysisPopulation: { ...all(["diseases", "sites"], GROUP_KEY), description: COMPUTED },
  ImmuneResponseGroup: { ...all(["cohortCode", "diseaseId", "label"], CATALOGUE) },
  KineticsCurve: all(["cohortCode", "diseaseId", "label"], CATALOGUE),
  KineticsPoint: { visit: CATALOGUE },
  SafetySummary: { exposureDefinition: COMPUTED },
  SafetyGroup: all(["cohortCode", "diseaseId", "label"], CATALOGUE),
  SafetyPatient: { subjectCode: PSEUDONYM, cohortCode: CATALOGUE, siteCode: SITE },
  ExposureAdjustedRate: { method: COMPUTED },
  ImmuneResponsePatient: { subjectCode: PSEUDONYM, cohortCode: CATALOGUE, siteCode: SITE, note: COMPUTED },
  NotEstimableStatistic: all(["statistic", "message"], COMPUTED),
  PairedTestResult: { method: COMPUTED },
  ImmuneProfileMap: { ...all(["visit", "baselineVisit", "parameters"], CATALOGUE), method: COMPUTED },
  ImmuneProfileDroppedParameter: { parameter: CATALOGUE, reason: COMPUTED },
  ImmuneProfileLoading: { parameter: CATALOGUE },
  ImmuneProfilePatient: { subjectCode: PSEUDONYM, cohortCode: CATALOGUE, siteCode: SITE, note: COMPUTED },
  EfficacyEndpoint: all(["code", "label", "diseaseId", "instrument", "criterion", "defaultVisit", "description"], CATALOGUE),
  ClinicalEfficacy: all(["cohortCode", "diseaseId", "label", "visit"], CATALOGUE),
  CrossDiseaseEfficacy: { ...all(["visit", "immuneParameter", "immuneVisit", "baselineVisit"], CATALOGUE), adjustmentNote: COMPUTED },
  CrossDiseaseRow: all(["cohortCode", "diseaseId", "label", "visit", "scoreInstrument", "responseEndpoint"], CATALOGUE),
  ImmuneClinicalCorrelation: all(["immuneParameter", "immuneVisit", "baselineVisit", "visit"], CATALOGUE),
  CorrelationGroup: all(["cohortCode", "diseaseId", "label", "scoreInstrument"], CATALOGUE),
  CorrelationPoint: { subjectCode: PSEUDONYM, cohortCode: CATALOGUE },
  EfficacyPatient: { subjectCode: PSEUDONYM, cohortCode: CATALOGUE, siteCode: SITE, category: CODE, note: COMPUTED },
};

/** `PatientAggregates`, `PatientGroup`, `PatientGroupKey` → `Patient`: the record type they summarise. */
const summarised = (type: string) => /^(.+?)(Aggregates|GroupKey|Group)$/.exec(type)?.[1];

/**
 * The decision for `type.field`, or undefined when the declaration does not list it. A field of an
 * aggregate or group type not listed itself takes the decision of the record's field it summarises,
 * so hiding a record's field hides its statistics and its group key too.
 */
export function analystDecision(type: string, field: string): AnalystDecision | undefined {
  const base = summarised(type);
  return DEIDENTIFICATION[type]?.[field] ?? (base === undefined ? undefined : DEIDENTIFICATION[base]?.[field]);
}

/**
 * Whether analysts can ever be denied `type.field` (a field of that output type, of GraphQL type
 * `returns`): declared hidden, or a String field nobody declared — free text until declared (fails closed).
 */
export function hiddenFromAnalysts(type: string, field: string, returns: GraphQLOutputType): boolean {
  return (analystDecision(type, field)?.analysts ?? (getNamedType(returns).name === "String" ? "null" : "kept")) === "null";
}

/** The decisions every declared kind of clinical record takes for its shared fields (src/modules/records/record-kind.ts). */
export const RECORD_DECISIONS = { reason: REASON, cursor: CURSOR, groupKey: GROUP_KEY };
/** The decisions a kind declaration may give its own String fields. */
export const ANALYSTS = { freeText: FREE_TEXT, reason: REASON, code: CODE, catalogue: CATALOGUE, unit: UNIT, computed: COMPUTED, hidden, kept };

/**
 * Adds the decisions of a type declared elsewhere (a kind of clinical record declares its own). A type
 * declared twice is a mistake that could loosen a decision, so it stops the service.
 */
export function declareAnalystView(type: string, decisions: Record<string, AnalystDecision>): void {
  if (Object.hasOwn(DEIDENTIFICATION, type)) throw new Error(`What analysts see of ${type} is declared twice`);
  DEIDENTIFICATION[type] = decisions;
  names = undefined;
}

let names: { hidden: Set<string>; kept: Set<string> } | undefined;
const named = (decision: AnalystDecision["analysts"]) =>
  new Set(Object.values(DEIDENTIFICATION).flatMap((fields) => Object.entries(fields).filter(([, d]) => d.analysts === decision).map(([field]) => field)));

/**
 * Field names hidden on some type (`hidden`). A filter, sort key or grouping is refused by name when the
 * name is hidden on any type: filters nest across types (a visit's patient, a patient's adverse events),
 * and refusing one name too many is the safe side. `kept`: field names declared kept; a text filter on
 * any other name is refused (fails closed for new filters).
 */
function declaredNames() {
  return (names ??= { hidden: named("null"), kept: named("kept") });
}

/** `YEAR_OF_BIRTH` (an order or group enum value) → `yearOfBirth`. */
const fieldOf = (enumValue: string) => enumValue.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function refuse(path: string, name: string): never {
  throw forbidden(`${path}: analysts see de-identified data and cannot filter, sort or group by ${name}`);
}

/**
 * Refuses a list request (on the list of GraphQL type `type`) of a de-identified caller that would
 * reveal a hidden field through a filter (at any depth, relation filters included), the sort order or
 * the grouping (`by`, on `<type>GroupKey`, whose fields must each be declared kept).
 */
export function refuseIdentifyingUse(type: string, request: { where?: unknown; orderBy?: Array<{ field: string }> | null }, by: string[] = []): void {
  const { hidden: HIDDEN_NAMES, kept: KEPT_NAMES } = declaredNames();
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (HIDDEN_NAMES.has(key) || (item instanceof StringFilter && !KEPT_NAMES.has(key))) refuse(`${path}.${key}`, key);
        walk(item, `${path}.${key}`);
      }
    }
  };
  walk(request.where, "where");
  for (const { field } of request.orderBy ?? []) if (HIDDEN_NAMES.has(fieldOf(field)) || analystDecision(type, fieldOf(field))?.analysts === "null") refuse("orderBy", fieldOf(field));
  for (const dimension of by) if (analystDecision(`${type}GroupKey`, fieldOf(dimension))?.analysts !== "kept") refuse("by", fieldOf(dimension));
}
