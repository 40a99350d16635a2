import { registerEnumType } from "type-graphql";
import type { EfficacyEndpoint, InstrumentDefinition, ResponseCriterion, ResponseStatus } from "../../plugin-api";
import { incomparableScores } from "../../plugins/calculator-versions";
import { observation } from "../assessments/stored-response";
import type { EndpointPatient, EndpointVisit } from "./endpoint-assessments";

/** Why a patient of the population does not count towards an endpoint. */
export enum EndpointNotEvaluableReason {
  NO_BASELINE_VISIT = "NO_BASELINE_VISIT",
  NO_FOLLOW_UP_VISIT = "NO_FOLLOW_UP_VISIT",
  /** The visit is recorded as not performed. */
  VISIT_NOT_PERFORMED = "VISIT_NOT_PERFORMED",
  /** The endpoint's instrument (or a companion the criterion needs) was not recorded at baseline. */
  MISSING_BASELINE_ASSESSMENT = "MISSING_BASELINE_ASSESSMENT",
  MISSING_FOLLOW_UP_ASSESSMENT = "MISSING_FOLLOW_UP_ASSESSMENT",
  /** The instrument recorded measures without a score, where the endpoint needs one. */
  NO_SCORE = "NO_SCORE",
  /** The baseline and follow-up scores were computed by calculator versions of another MAJOR: not comparable. */
  INCOMPATIBLE_CALCULATORS = "INCOMPATIBLE_CALCULATORS",
  /** The response criterion itself answered NOT_EVALUABLE (its reason is in the patient's note). */
  CRITERION_NOT_EVALUABLE = "CRITERION_NOT_EVALUABLE",
}
registerEnumType(EndpointNotEvaluableReason, { name: "EndpointNotEvaluableReason", description: "Why a patient of the population does not count towards an efficacy endpoint." });

/** One patient's endpoint. `improvement` and `percentImprovement` are signed so that a better score is positive. */
export interface EndpointOutcome {
  evaluable: boolean;
  reason: EndpointNotEvaluableReason | null;
  /** The reason in words, or the criterion's own explanation, or why there is no percent change. */
  note: string | null;
  baseline: number | null;
  value: number | null;
  change: number | null;
  /** 100 × change ÷ baseline; null unless the baseline score is positive. */
  percentChange: number | null;
  percentImprovement: number | null;
  /** RESPONSE endpoints only. */
  status: ResponseStatus | null;
  category: string | null;
}

const blank = { baseline: null, value: null, change: null, percentChange: null, percentImprovement: null, status: null, category: null };

function notEvaluable(reason: EndpointNotEvaluableReason, note: string): EndpointOutcome {
  return { evaluable: false, reason, note, ...blank };
}

/** Score change of the instrument, direction-aware; null figures when a score is missing or the baseline is not positive. */
function scoreChange(instrument: InstrumentDefinition, baseline: number | null, value: number | null) {
  if (baseline === null || value === null) return { baseline, value, change: null, percentChange: null, percentImprovement: null, percentNote: null };
  const change = value - baseline;
  const sign = instrument.direction === "HIGHER_IS_WORSE" ? -1 : 1;
  // A percentage of a zero (or negative) baseline means nothing: the patient keeps their change but has no percent change.
  const percentChange = baseline > 0 ? (100 * change) / baseline : null;
  return {
    baseline,
    value,
    change,
    percentChange,
    percentImprovement: percentChange === null ? null : sign * percentChange || 0,
    percentNote: percentChange === null ? `baseline ${instrument.code} is ${baseline}: no percent change` : null,
  };
}

/**
 * Evaluates one declared endpoint for one patient on the stored assessments of the baseline visit and
 * the follow-up visit: a CHANGE endpoint needs the instrument's score at both; a RESPONSE endpoint runs
 * the plugin's criterion as `evaluateStoredResponse` does (same observations, study days from the
 * visits' dates, the endpoint's fixed parameters).
 */
export function evaluateEndpoint(
  endpoint: EfficacyEndpoint,
  instrument: InstrumentDefinition,
  criterion: ResponseCriterion | undefined,
  patient: EndpointPatient,
  visitCode: string,
): EndpointOutcome {
  const R = EndpointNotEvaluableReason;
  const { baseline, followUp } = patient;
  if (!baseline) return notEvaluable(R.NO_BASELINE_VISIT, "no baseline visit recorded");
  if (!baseline.performed) return notEvaluable(R.VISIT_NOT_PERFORMED, "baseline visit not performed");
  if (!followUp) return notEvaluable(R.NO_FOLLOW_UP_VISIT, `no ${visitCode} visit recorded`);
  if (!followUp.performed) return notEvaluable(R.VISIT_NOT_PERFORMED, `${visitCode} visit not performed`);
  const needed = [endpoint.instrument, ...(criterion?.companions ?? [])];
  const missing = (visit: EndpointVisit) => needed.find((code) => !visit.assessments.has(code));
  const missingAtBaseline = missing(baseline);
  if (missingAtBaseline) return notEvaluable(R.MISSING_BASELINE_ASSESSMENT, `no ${missingAtBaseline} recorded at baseline`);
  const missingAtFollowUp = missing(followUp);
  if (missingAtFollowUp) return notEvaluable(R.MISSING_FOLLOW_UP_ASSESSMENT, `no ${missingAtFollowUp} recorded at ${visitCode}`);
  const incomparable = incomparableScores(needed, [...baseline.assessments.values()], [...followUp.assessments.values()], visitCode);
  if (incomparable) return notEvaluable(R.INCOMPATIBLE_CALCULATORS, incomparable);
  const before = baseline.assessments.get(endpoint.instrument)!;
  const after = followUp.assessments.get(endpoint.instrument)!;
  const scores = scoreChange(instrument, before.score, after.score);
  const needsScore = endpoint.kind === "CHANGE" || criterion?.basis === "SCORE";
  if (needsScore && (before.score === null || after.score === null)) return notEvaluable(R.NO_SCORE, `${endpoint.instrument} has no score at ${before.score === null ? "baseline" : visitCode}`);
  const { percentNote, ...figures } = scores;
  if (endpoint.kind === "CHANGE" || !criterion) return { evaluable: true, reason: null, note: percentNote, ...figures, status: null, category: null };

  const companions = criterion.companions ?? [];
  const result = criterion.evaluate({
    baseline: observation(before, [...baseline.assessments.values()], companions, baseline.studyDay),
    followUp: observation(after, [...followUp.assessments.values()], companions, followUp.studyDay),
    parameters: endpoint.parameters ?? {},
  });
  if (result.status === "NOT_EVALUABLE") return { ...notEvaluable(R.CRITERION_NOT_EVALUABLE, result.reason ?? `${criterion.code} not evaluable`), baseline: figures.baseline, value: figures.value };
  return { evaluable: true, reason: null, note: result.reason ?? null, ...figures, status: result.status, category: result.category ?? null };
}
