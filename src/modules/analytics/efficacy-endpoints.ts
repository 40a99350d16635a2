import type { EntityManager } from "typeorm";
import { invalidInput } from "../../errors";
import type { EfficacyEndpoint } from "../../plugin-api";
import type { PluginRegistry } from "../../plugins/registry";
import type { Cohort } from "../study/cohort.entity";
import { PlannedVisit } from "../study/planned-visit.entity";
import type { ResolvedEndpoint } from "./clinical-efficacy";

/** The cohort with code `code` among those the caller may read, or BAD_USER_INPUT naming `field` with the codes that exist. */
export function requireCohort(cohorts: readonly Cohort[], code: string, field = "disease"): Cohort {
  const cohort = cohorts.find((c) => c.code === code);
  if (!cohort) throw invalidInput(field, `names no cohort (got ${JSON.stringify(code)})`, cohorts.map((c) => c.code).join(", "));
  return cohort;
}

/** Everything needed to evaluate a declared endpoint of `diseaseId` (the registry has checked that it all exists). */
export function resolveEndpoint(registry: PluginRegistry, diseaseId: string, endpoint: EfficacyEndpoint): ResolvedEndpoint {
  return {
    endpoint,
    diseaseId,
    instrument: registry.instrument(endpoint.instrument)!.definition,
    criterion: endpoint.criterion ? registry.criterion(endpoint.criterion)!.definition : undefined,
  };
}

/** The endpoint `code` of the cohort's disease, or its PRIMARY endpoint when `code` is null. */
export function cohortEndpoint(registry: PluginRegistry, cohort: Cohort, code: string | null): ResolvedEndpoint {
  const endpoints = registry.endpointsOf(cohort.diseaseId);
  if (endpoints.length === 0) throw invalidInput("disease", `the ${cohort.code} cohort's disease plugin (${cohort.diseaseId}) declares no efficacy endpoints`);
  const endpoint = code === null ? endpoints.find((e) => e.role === "PRIMARY") : endpoints.find((e) => e.code === code);
  if (!endpoint) throw invalidInput("endpoint", `is not an efficacy endpoint of ${cohort.code} (got ${JSON.stringify(code)})`, endpoints.map((e) => e.code).join(", "));
  return resolveEndpoint(registry, cohort.diseaseId, endpoint);
}

/**
 * The disease's endpoints the cross-disease table reads: the percent improvement of the PRIMARY
 * endpoint's instrument, and the responder rate of the PRIMARY endpoint when it is a RESPONSE, else of
 * the first RESPONSE endpoint declared (none for a disease without one).
 */
export function primaryEndpoints(registry: PluginRegistry, diseaseId: string): { score: ResolvedEndpoint; response: ResolvedEndpoint | null } | null {
  const endpoints = registry.endpointsOf(diseaseId);
  const primary = endpoints.find((e) => e.role === "PRIMARY");
  if (!primary) return null;
  const score: EfficacyEndpoint = { ...primary, kind: "CHANGE", criterion: undefined, parameters: undefined };
  const response = primary.kind === "RESPONSE" ? primary : endpoints.find((e) => e.kind === "RESPONSE");
  return { score: resolveEndpoint(registry, diseaseId, score), response: response ? resolveEndpoint(registry, diseaseId, response) : null };
}

/**
 * Refuses a visit code that is not, in its cohort's schedule, a follow-up visit where disease scores
 * are planned. One statement for any number of cohorts.
 */
export async function checkFollowUpVisits(manager: EntityManager, checks: ReadonlyArray<{ cohort: Cohort; visit: string }>, field = "visit"): Promise<void> {
  if (checks.length === 0) return;
  const schedule = await manager.find(PlannedVisit, { order: { studyDay: "ASC", id: "ASC" } });
  for (const { cohort, visit } of checks) {
    const scored = schedule.filter((p) => p.cohortId === cohort.id && p.clinicalEvaluation && !p.isBaseline);
    if (!scored.some((p) => p.code === visit)) {
      throw invalidInput(field, `is not a follow-up visit with disease scores in the ${cohort.code} cohort's schedule (got ${JSON.stringify(visit)})`, scored.map((p) => p.code).join(", "));
    }
  }
}
