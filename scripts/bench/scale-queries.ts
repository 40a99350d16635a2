import { readFileSync } from "node:fs";
import { join } from "node:path";

/*
 * Figure 5: every documented view and the analytics queries, through GraphQL, at each trial size. Paged
 * views should cost about the same at 10,000 and 100,000 patients; whole-trial aggregates grow with the
 * rows they read (about 10×). None asks for a per-patient list of the whole trial.
 */

export interface ScaleQuery {
  name: string;
  /** "paged": a page of fixed size; "aggregate": reads every matching row of the trial. */
  kind: "paged" | "aggregate";
  query: string;
  /** Variables, given the patient the timeline shows. */
  variables?: (patientId: string) => Record<string, unknown>;
}

/** Completed patients whose Treg % exceeded 8 at D8: a page of 50 and the total (views 1 and 5). */
export const FILTERED_PATIENTS = `{ patients(first: 50, where: { status: { eq: COMPLETED }, immuneMeasurements: { some: { parameter: { eq: "TREG_PCT_CD4" }, visit: { plannedVisit: { code: { eq: "D8" } } }, value: { gt: 8 } } } }) {
  totalCount nodes { id subjectCode status } } }`;

/** A cross-disease group-by (views 1 and 5). */
export const ADVERSE_EVENT_GROUPS = `{ adverseEventGroups(by: [DISEASE, GRADE]) { key { disease grade } count } }`;

export function scaleQueries(queriesDir: string): ScaleQuery[] {
  const documented = (file: string) => readFileSync(join(queriesDir, file), "utf8");
  return [
    { name: "patient timeline", kind: "paged", query: documented("patient-timeline.graphql"), variables: (id) => ({ id }) },
    { name: "cohort overview", kind: "paged", query: documented("cohort-overview.graphql") },
    { name: "filtered patient list", kind: "paged", query: FILTERED_PATIENTS },
    { name: "patients by disease and status", kind: "aggregate", query: `{ patientGroups(by: [DISEASE, STATUS]) { key { disease status } count ageAtInclusion { mean } } }` },
    { name: "adverse events by disease and grade", kind: "aggregate", query: ADVERSE_EVENT_GROUPS },
    {
      name: "Treg % by disease and visit",
      kind: "aggregate",
      query: `{ immuneMeasurementGroups(by: [DISEASE, VISIT], where: { parameter: { eq: "TREG_PCT_CD4" } }) { key { disease visit } count value { mean min max } } }`,
    },
    { name: "assessments by instrument and category", kind: "aggregate", query: `{ assessmentGroups(by: [INSTRUMENT, CATEGORY]) { key { instrument category } count score { mean } } }` },
    {
      name: "immune response (Treg %, D8)",
      kind: "aggregate",
      query: `{ immuneResponse(parameter: "TREG_PCT_CD4", visit: "D8") { pooled { n change { mean median meanCi { lower upper } } test { p statistic } } cohorts { label n change { mean } } } }`,
    },
    {
      name: "immune kinetics (Treg %)",
      kind: "aggregate",
      query: `{ immuneKinetics(parameter: "TREG_PCT_CD4") { curves { label points { visit value { n median } geometricMeanFoldChange { value } } } } }`,
    },
  ];
}
