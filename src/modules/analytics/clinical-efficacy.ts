import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { EfficacyEndpoint, InstrumentDefinition, ResponseCriterion } from "../../plugin-api";
import { JSONObject } from "../../graphql/scalars";
import { ScoreDirection } from "../catalogue/catalogue-types";
import { ResponseStatus } from "../catalogue/score-types";
import type { Cohort } from "../study/cohort.entity";
import { AnalysisPopulation } from "./analysis-filter";
import type { EndpointPatient } from "./endpoint-assessments";
import { EndpointNotEvaluableReason, type EndpointOutcome, evaluateEndpoint } from "./endpoint-evaluation";
import { proportion, summarize } from "./statistics";
import { ProportionResult, SampleSummaryResult } from "./statistics-types";

export enum EndpointKind {
  CHANGE = "CHANGE",
  RESPONSE = "RESPONSE",
}
registerEnumType(EndpointKind, { name: "EndpointKind", description: "CHANGE: an instrument's change from baseline; RESPONSE: a response criterion met or not." });

export enum EndpointRole {
  PRIMARY = "PRIMARY",
  SECONDARY = "SECONDARY",
  DISEASE_SPECIFIC = "DISEASE_SPECIFIC",
}
registerEnumType(EndpointRole, { name: "EndpointRole" });

@ObjectType("EfficacyEndpoint", { description: "An efficacy endpoint as the disease plugin declares it." })
export class EfficacyEndpointType {
  @Field() code: string;
  @Field() label: string;
  @Field(() => EndpointKind) kind: EndpointKind;
  @Field(() => EndpointRole) role: EndpointRole;
  @Field({ description: "Disease plugin id." }) diseaseId: string;
  @Field({ description: "Instrument code: the score that changes (CHANGE) or the one the criterion is evaluated on (RESPONSE)." }) instrument: string;
  @Field(() => ScoreDirection, { description: "The instrument's direction: improvement is a fall when higher is worse." }) direction: ScoreDirection;
  @Field(() => String, { nullable: true, description: "RESPONSE: the response criterion code." }) criterion: string | null;
  @Field(() => JSONObject, { nullable: true, description: "RESPONSE: the criterion's fixed parameters." }) parameters: Record<string, unknown> | null;
  @Field({ description: "Planned visit code the endpoint is read at by default." }) defaultVisit: string;
  @Field(() => String, { nullable: true }) description: string | null;

  static of(endpoint: EfficacyEndpoint, diseaseId: string, instrument: InstrumentDefinition): EfficacyEndpointType {
    return Object.assign(new EfficacyEndpointType(), {
      code: endpoint.code,
      label: endpoint.label,
      kind: endpoint.kind as EndpointKind,
      role: endpoint.role as EndpointRole,
      diseaseId,
      instrument: endpoint.instrument,
      direction: instrument.direction as ScoreDirection,
      criterion: endpoint.criterion ?? null,
      parameters: endpoint.parameters ?? null,
      defaultVisit: endpoint.defaultVisit,
      description: endpoint.description ?? null,
    });
  }
}

@ObjectType({ description: "How many patients of the population are not evaluable for one reason." })
export class NotEvaluableCount {
  @Field(() => EndpointNotEvaluableReason) reason: EndpointNotEvaluableReason;
  @Field(() => Int) count: number;
}

@ObjectType({ description: "One patient's endpoint (pseudonymous subject code only)." })
export class EfficacyPatient {
  @Field() subjectCode: string;
  @Field() cohortCode: string;
  @Field() siteCode: string;
  @Field() evaluable: boolean;
  @Field(() => EndpointNotEvaluableReason, { nullable: true }) reason: EndpointNotEvaluableReason | null;
  @Field(() => String, { nullable: true, description: "Why not evaluable, the criterion's explanation, or why there is no percent change." }) note: string | null;
  @Field(() => Float, { nullable: true, description: "Baseline score of the endpoint's instrument." }) baseline: number | null;
  @Field(() => Float, { nullable: true, description: "Score at the visit." }) value: number | null;
  @Field(() => Float, { nullable: true, description: "value − baseline." }) change: number | null;
  @Field(() => Float, { nullable: true, description: "100 × change ÷ baseline; null unless the baseline is positive." }) percentChange: number | null;
  @Field(() => Float, { nullable: true, description: "percentChange signed so that improvement is positive (−percentChange when a higher score is worse)." }) percentImprovement: number | null;
  @Field(() => ResponseStatus, { nullable: true, description: "RESPONSE endpoints: RESPONDER or NON_RESPONDER (null when not evaluable)." }) status: ResponseStatus | null;
  @Field(() => String, { nullable: true, description: "RESPONSE endpoints: the criterion's category code." }) category: string | null;
}

@ObjectType({ description: "One efficacy endpoint of one cohort (disease) at one visit against baseline." })
export class ClinicalEfficacy {
  @Field() cohortCode: string;
  @Field() diseaseId: string;
  @Field() label: string;
  @Field(() => EfficacyEndpointType) endpoint: EfficacyEndpointType;
  @Field({ description: "Planned visit code the endpoint is read at (against the cohort's baseline visit)." }) visit: string;
  @Field(() => AnalysisPopulation) population: AnalysisPopulation;
  @Field(() => Int, { description: "Patients of the cohort in the population." }) patients: number;
  @Field(() => Int, { description: "Patients the endpoint could be evaluated for." }) evaluable: number;
  @Field(() => [NotEvaluableCount], { description: "The others, counted per reason (reasons with no patient left out)." }) notEvaluable: NotEvaluableCount[];
  @Field(() => Int, { nullable: true, description: "RESPONSE: evaluable patients who responded." }) responders: number | null;
  @Field(() => ProportionResult, { nullable: true, description: "RESPONSE: responders ÷ evaluable, with the Wilson 95 % CI (R prop.test, correct = FALSE)." }) responderRate: ProportionResult | null;
  @Field(() => SampleSummaryResult, { description: "Change of the instrument's score (visit − baseline) of the evaluable patients with a score at both visits; meanCi is the t-based 95 % CI of the mean change." }) change: SampleSummaryResult;
  @Field(() => SampleSummaryResult, { description: "Percent change from baseline (100 × change ÷ baseline) of the evaluable patients with a positive baseline; meanCi is its t-based 95 % CI." }) percentChange: SampleSummaryResult;
  @Field(() => SampleSummaryResult, { description: "The same percentages signed so that improvement is positive (direction-aware)." }) percentImprovement: SampleSummaryResult;
  @Field(() => [EfficacyPatient]) patientRows: EfficacyPatient[];
}

/** Everything needed to evaluate one declared endpoint. */
export interface ResolvedEndpoint {
  endpoint: EfficacyEndpoint;
  diseaseId: string;
  instrument: InstrumentDefinition;
  criterion: ResponseCriterion | undefined;
}

/** The outcomes of an endpoint for the patients of one cohort. */
export function evaluateCohort(resolved: ResolvedEndpoint, patients: readonly EndpointPatient[], visit: string): Array<{ patient: EndpointPatient; outcome: EndpointOutcome }> {
  return patients.map((patient) => ({ patient, outcome: evaluateEndpoint(resolved.endpoint, resolved.instrument, resolved.criterion, patient, visit) }));
}

const present = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null);

/** Summary of one endpoint over one cohort's patients: counts, responder rate (RESPONSE), change and percent change. */
export function clinicalEfficacy(
  resolved: ResolvedEndpoint,
  cohort: Cohort,
  visit: string,
  population: AnalysisPopulation,
  patients: readonly EndpointPatient[],
): ClinicalEfficacy {
  const evaluated = evaluateCohort(resolved, patients, visit);
  const outcomes = evaluated.map((e) => e.outcome);
  const evaluable = outcomes.filter((o) => o.evaluable);
  const counts = new Map<EndpointNotEvaluableReason, number>();
  for (const o of outcomes) if (o.reason) counts.set(o.reason, (counts.get(o.reason) ?? 0) + 1);
  const isResponse = resolved.endpoint.kind === "RESPONSE";
  const responders = evaluable.filter((o) => o.status === "RESPONDER").length;
  return Object.assign(new ClinicalEfficacy(), {
    cohortCode: cohort.code,
    diseaseId: cohort.diseaseId,
    label: cohort.name,
    endpoint: EfficacyEndpointType.of(resolved.endpoint, resolved.diseaseId, resolved.instrument),
    visit,
    population,
    patients: patients.length,
    evaluable: evaluable.length,
    notEvaluable: Object.values(EndpointNotEvaluableReason).flatMap((reason) => (counts.has(reason) ? [Object.assign(new NotEvaluableCount(), { reason, count: counts.get(reason)! })] : [])),
    responders: isResponse ? responders : null,
    responderRate: isResponse ? ProportionResult.of(responders, evaluable.length, proportion(responders, evaluable.length)) : null,
    change: SampleSummaryResult.of(summarize(present(evaluable.map((o) => o.change)))),
    percentChange: SampleSummaryResult.of(summarize(present(evaluable.map((o) => o.percentChange)))),
    percentImprovement: SampleSummaryResult.of(summarize(present(evaluable.map((o) => o.percentImprovement)))),
    patientRows: evaluated.map(({ patient, outcome }) =>
      Object.assign(new EfficacyPatient(), {
        subjectCode: patient.subjectCode,
        cohortCode: cohort.code,
        siteCode: patient.siteCode,
        evaluable: outcome.evaluable,
        reason: outcome.reason,
        note: outcome.note,
        baseline: outcome.baseline,
        value: outcome.value,
        change: outcome.change,
        percentChange: outcome.percentChange,
        percentImprovement: outcome.percentImprovement,
        status: (outcome.status as ResponseStatus | null) ?? null,
        category: outcome.category,
      }),
    ),
  });
}
