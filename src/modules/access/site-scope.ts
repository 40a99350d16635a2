import type { Parameters } from "../../graphql/views/sql-condition";
import type { SiteScope } from "./access";

/** Entities whose rows belong to a patient, and so to the patient's site. */
const PATIENT_RECORDS = new Set(["Visit", "DoseAdministration", "ConcomitantMedication", "ImmuneMeasurement", "LabResult", "ClinicalAssessment", "AdverseEvent"]);

function patientCondition(scope: SiteScope, params: Parameters, alias: string): string {
  const parts = [];
  if (scope.studyIds.length) parts.push(`"${alias}"."studyId" IN ${params.bindList(scope.studyIds)}`);
  if (scope.siteIds.length) parts.push(`"${alias}"."siteId" IN ${params.bindList(scope.siteIds)}`);
  return parts.length ? `(${parts.join(" OR ")})` : "1=0";
}

/**
 * The SQL condition that keeps the rows of `entity` (under `alias`) a caller with `scope` may read, or
 * undefined when the entity is not site data (study, cohorts, schedules, catalogues) or the scope is
 * unrestricted. Every list, loader, count and aggregate applies it, so another site's rows are never
 * read, counted or aggregated.
 */
export function scopeCondition(entity: string, alias: string, scope: SiteScope | null, params: Parameters): string | undefined {
  if (scope === null) return undefined;
  if (entity === "Patient") return patientCondition(scope, params, alias);
  if (entity === "Site") {
    const parts = [];
    if (scope.studyIds.length) parts.push(`"${alias}"."studyId" IN ${params.bindList(scope.studyIds)}`);
    if (scope.siteIds.length) parts.push(`"${alias}"."id" IN ${params.bindList(scope.siteIds)}`);
    return parts.length ? `(${parts.join(" OR ")})` : "1=0";
  }
  if (PATIENT_RECORDS.has(entity)) {
    const patient = params.alias();
    return `"${alias}"."patientId" IN (SELECT "${patient}"."id" FROM "patient" "${patient}" WHERE ${patientCondition(scope, params, patient)})`;
  }
  return undefined;
}
