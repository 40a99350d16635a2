import type { GroupDimension, GroupJoin } from "../graphql/views/group-query";
import { Patient } from "./patients/patient.entity";
import { Cohort } from "./study/cohort.entity";
import { PlannedVisit } from "./study/planned-visit.entity";
import { Site } from "./study/site.entity";
import { Visit } from "./visits/visit.entity";

/*
 * Dimensions shared by the group-by queries of records that belong to a patient (and a visit):
 * cohort, disease, site and planned visit. Joined tables get fixed aliases prefixed with g_.
 */

const patientJoin = (alias: string): GroupJoin => ({ entity: Patient, alias: "g_patient", on: `"g_patient"."id" = "${alias}"."patientId"` });
const cohortJoin = (patientAlias: string): GroupJoin => ({ entity: Cohort, alias: "g_cohort", on: `"g_cohort"."id" = "${patientAlias}"."cohortId"` });
const siteJoin = (patientAlias: string): GroupJoin => ({ entity: Site, alias: "g_site", on: `"g_site"."id" = "${patientAlias}"."siteId"` });

/** Dimensions of a patient row itself. */
export function patientDimensions(alias: string): Record<string, GroupDimension> {
  return {
    COHORT: { joins: [cohortJoin(alias)], expression: `"g_cohort"."code"` },
    DISEASE: { joins: [cohortJoin(alias)], expression: `"g_cohort"."diseaseId"` },
    SITE: { joins: [siteJoin(alias)], expression: `"g_site"."code"` },
  };
}

/** Dimensions of a record that has a patientId. */
export function patientRecordDimensions(alias: string): Record<string, GroupDimension> {
  const patient = patientJoin(alias);
  return {
    COHORT: { joins: [patient, cohortJoin("g_patient")], expression: `"g_cohort"."code"` },
    DISEASE: { joins: [patient, cohortJoin("g_patient")], expression: `"g_cohort"."diseaseId"` },
    SITE: { joins: [patient, siteJoin("g_patient")], expression: `"g_site"."code"` },
  };
}

/** The planned visit code of a record that has a visitId (null for unscheduled visits). */
export function visitDimension(alias: string): GroupDimension {
  return {
    joins: [
      { entity: Visit, alias: "g_visit", on: `"g_visit"."id" = "${alias}"."visitId"` },
      { entity: PlannedVisit, alias: "g_planned", on: `"g_planned"."id" = "g_visit"."plannedVisitId"` },
    ],
    expression: `"g_planned"."code"`,
    order: `MIN("g_planned"."studyDay")`,
  };
}

export const SHARED_DIMENSION_DESCRIPTIONS = {
  COHORT: "Cohort code",
  DISEASE: "Disease plugin id of the cohort",
  SITE: "Site code",
};
