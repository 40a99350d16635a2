import { InvalidInputError } from "../../errors";
import type { Context } from "../../graphql/context";
import { STUDY_DAY_PARAMETER_NAMES, validateInputs } from "../../plugin-api";
import type { Inputs, Observation } from "../../plugin-api";
import { ResponseCriterionType } from "../catalogue/catalogue-types";
import { ResponseEvaluation, ResponseStatus } from "../catalogue/score-types";
import type { Patient } from "../patients/patient.entity";
import { PlannedVisit } from "../study/planned-visit.entity";
import { incomparableScores } from "../../plugins/calculator-versions";
import { studyDayOf } from "../visits/study-day";
import { Visit } from "../visits/visit.entity";
import { ClinicalAssessment } from "./clinical-assessment.entity";

/** What a criterion reads of a stored assessment. */
export type StoredScore = Pick<ClinicalAssessment, "instrumentCode" | "score" | "inputs" | "components" | "calculatorVersion">;

/** A stored assessment as a criterion's observation, with the companion instruments stored at the same visit. */
export function observation(assessment: StoredScore, sameVisit: readonly StoredScore[], companions: readonly string[], studyDay: number | undefined): Observation {
  const byCode = new Map(sameVisit.map((a) => [a.instrumentCode, a]));
  const companionObservations: Record<string, Observation> = {};
  for (const code of companions) {
    const companion = byCode.get(code);
    if (companion) companionObservations[code] = { instrument: code, value: companion.score, inputs: companion.inputs, components: companion.components };
  }
  return { instrument: assessment.instrumentCode, value: assessment.score, inputs: assessment.inputs, components: assessment.components, companions: companionObservations, studyDay };
}

/**
 * Evaluates a response criterion for one patient from stored assessments: the baseline visit
 * against the visit with planned code `visitCode`. Missing data gives NOT_EVALUABLE with the reason.
 */
export async function evaluateStoredResponse(
  { registry, loaders }: Context,
  patient: Patient,
  criterionCode: string,
  visitCode: string,
  instrument: string | null,
  parameters: Inputs | null,
): Promise<ResponseEvaluation> {
  const { definition, plugin } = registry.requireCriterion(criterionCode);
  const type = new ResponseCriterionType(definition, plugin);
  const problems = validateInputs(definition.parameters ?? [], parameters ?? {}, "parameters.");
  if (definition.timeBased) {
    // The visits' dates decide the study days here; a client-given day could contradict them.
    for (const name of STUDY_DAY_PARAMETER_NAMES) {
      if (parameters?.[name] != null) problems.push({ field: `parameters.${name}`, message: `parameters.${name} is taken from the visit's date for stored assessments: omit it` });
    }
  }
  if (instrument && !definition.instruments.includes(instrument)) {
    problems.push({ field: "instrument", message: `instrument must be one of ${definition.instruments.join(", ")} for ${definition.code}`, allowed: definition.instruments.join(", ") });
  }
  const schedule = await loaders.manyBy(PlannedVisit, "cohortId", "studyDay").load(patient.cohortId);
  const target = schedule.find((p) => p.code === visitCode);
  if (!target) problems.push({ field: "visit", message: `visit ${JSON.stringify(visitCode)} is not in the cohort's schedule`, allowed: schedule.map((p) => p.code).join(", ") });
  if (problems.length > 0) throw new InvalidInputError(problems);

  const notEvaluable = (reason: string, instrumentCode = instrument ?? definition.instruments[0]) =>
    ResponseEvaluation.of(type, instrumentCode, { status: ResponseStatus.NOT_EVALUABLE, reason }, null, null);
  const baselinePlan = schedule.find((p) => p.isBaseline);
  const visits = await loaders.manyBy(Visit, "patientId", "visitDate").load(patient.id);
  const baselineVisit = visits.find((v) => v.plannedVisitId === baselinePlan?.id);
  const followUpVisit = visits.find((v) => v.plannedVisitId === target!.id);
  if (!baselineVisit) return notEvaluable("no baseline visit recorded");
  if (!followUpVisit) return notEvaluable(`no ${visitCode} visit recorded`);

  const assessments = await loaders.manyBy(ClinicalAssessment, "patientId").load(patient.id);
  const atBaseline = assessments.filter((a) => a.visitId === baselineVisit.id);
  const atFollowUp = assessments.filter((a) => a.visitId === followUpVisit.id);
  const candidates = instrument ? [instrument] : definition.instruments;
  const code = candidates.find((c) => atBaseline.some((a) => a.instrumentCode === c) && atFollowUp.some((a) => a.instrumentCode === c));
  if (!code) return notEvaluable(`no ${candidates.join(" or ")} recorded at both baseline and ${visitCode}`);
  const companions = definition.companions ?? [];
  const missingCompanion = companions.find((c) => !atBaseline.some((a) => a.instrumentCode === c) || !atFollowUp.some((a) => a.instrumentCode === c));
  if (missingCompanion) return notEvaluable(`no ${missingCompanion} recorded at both baseline and ${visitCode}`, code);
  const incomparable = incomparableScores([code, ...companions], atBaseline, atFollowUp, visitCode);
  if (incomparable) return notEvaluable(incomparable, code);

  // Study days from the visits' dates (undefined before the treatment start is recorded).
  const dayOf = (visit: Visit) => (patient.treatmentStartDate ? studyDayOf(patient.treatmentStartDate, visit.visitDate) : undefined);
  const baseline = observation(atBaseline.find((a) => a.instrumentCode === code)!, atBaseline, companions, dayOf(baselineVisit));
  const followUp = observation(atFollowUp.find((a) => a.instrumentCode === code)!, atFollowUp, companions, dayOf(followUpVisit));
  const result = definition.evaluate({ baseline, followUp, parameters: parameters ?? {} });
  return ResponseEvaluation.of(type, code, result, baseline.value, followUp.value);
}
