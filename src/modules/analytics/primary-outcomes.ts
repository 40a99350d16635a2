import type { EntityManager } from "typeorm";
import type { PluginRegistry } from "../../plugins/registry";
import type { Access } from "../access/access";
import type { Cohort } from "../study/cohort.entity";
import type { AnalysisPopulation } from "./analysis-filter";
import { type ResolvedEndpoint, evaluateCohort } from "./clinical-efficacy";
import { checkFollowUpVisits, primaryEndpoints } from "./efficacy-endpoints";
import { type EndpointPatient, loadEndpointAssessments } from "./endpoint-assessments";
import type { EndpointOutcome } from "./endpoint-evaluation";

export type Evaluated = Array<{ patient: EndpointPatient; outcome: EndpointOutcome }>;

/** One cohort's primary score change and primary response, evaluated per patient. */
export interface CohortPrimaryOutcomes {
  cohort: Cohort;
  /** Null when the disease plugin declares no efficacy endpoints (written before plugin API 1.2). */
  score: ResolvedEndpoint | null;
  response: ResolvedEndpoint | null;
  /** The visit read: the one asked for, or the primary endpoint's default visit. */
  visit: string | null;
  patients: number;
  scoreOutcomes: Evaluated;
  responseOutcomes: Evaluated;
}

/**
 * The primary clinical outcomes of every cohort, per patient, from ONE statement whatever the number of
 * cohorts and patients (each cohort read at the visit asked for, else at its primary endpoint's default visit).
 */
export async function loadPrimaryOutcomes(
  manager: EntityManager,
  access: Access,
  registry: PluginRegistry,
  cohorts: readonly Cohort[],
  visit: string | null,
  population: AnalysisPopulation,
): Promise<CohortPrimaryOutcomes[]> {
  const plans = cohorts.map((cohort) => {
    const primary = primaryEndpoints(registry, cohort.diseaseId);
    return { cohort, primary, visit: primary ? visit ?? primary.score.endpoint.defaultVisit : null };
  });
  const declared = plans.filter((p) => p.primary !== null);
  await checkFollowUpVisits(manager, declared.map((p) => ({ cohort: p.cohort, visit: p.visit! })), visit === null ? "visit (the primary endpoint's default)" : "visit");
  const instruments = new Set<string>();
  for (const { primary } of declared) {
    for (const resolved of [primary!.score, primary!.response]) {
      if (resolved) [resolved.endpoint.instrument, ...(resolved.criterion?.companions ?? [])].forEach((code) => instruments.add(code));
    }
  }
  const patients = await loadEndpointAssessments(manager, access, {
    cohorts: declared.map((p) => ({ cohortId: p.cohort.id, visit: p.visit! })),
    instruments: [...instruments],
    population,
  });
  return plans.map(({ cohort, primary, visit: at }) => {
    const own = patients.filter((p) => p.cohortId === cohort.id);
    return {
      cohort,
      score: primary?.score ?? null,
      response: primary?.response ?? null,
      visit: at,
      patients: own.length,
      scoreOutcomes: primary ? evaluateCohort(primary.score, own, at!) : [],
      responseOutcomes: primary?.response ? evaluateCohort(primary.response, own, at!) : [],
    };
  });
}
