import type { EntityManager } from "typeorm";
import { Parameters } from "../../graphql/views/sql-condition";
import type { Inputs } from "../../plugin-api";
import type { Access } from "../access/access";
import { scopeCondition } from "../access/site-scope";
import type { StoredScore } from "../assessments/stored-response";
import { studyDayOf } from "../visits/study-day";
import { type AnalysisPopulation, populationCondition } from "./analysis-filter";


/** One of the patient's two visits (baseline or the follow-up), with the assessments asked for. */
export interface EndpointVisit {
  visitId: number;
  performed: boolean;
  /** CDISC study day from the visit's date and the patient's first dose; undefined before the first dose is recorded. */
  studyDay: number | undefined;
  assessments: Map<string, StoredScore>;
}

/** A patient of the population with what an endpoint needs from the baseline visit and the follow-up visit. */
export interface EndpointPatient {
  patientId: number;
  subjectCode: string;
  cohortId: number;
  siteCode: string;
  baseline: EndpointVisit | null;
  followUp: EndpointVisit | null;
}

export interface EndpointAssessmentRequest {
  /** Cohorts to read, each with the planned visit code of its follow-up. */
  cohorts: Array<{ cohortId: number; visit: string }>;
  /** Instrument codes to read, companions included. */
  instruments: string[];
  population: AnalysisPopulation;
}

const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/**
 * Every patient of the population in the given cohorts, with their baseline visit (the cohort
 * schedule's baseline) and their cohort's follow-up visit, and the stored assessments of `instruments` at those two
 * visits, in ONE statement whatever the number of patients, cohorts or endpoints: the pairing, the
 * population filter and the caller's site scope (on the patient, the visits and the assessments) run in
 * the database. A patient without either visit comes back with it null, so that the reason they are not
 * evaluable can be counted.
 */
export async function loadEndpointAssessments(manager: EntityManager, access: Access, request: EndpointAssessmentRequest): Promise<EndpointPatient[]> {
  if (request.cohorts.length === 0) return [];
  const params = new Parameters();
  const scope = access.scope();
  const patientScope = scopeCondition("Patient", "p", scope, params) ?? "1=1";
  const visitScope = scopeCondition("Visit", "v", scope, params) ?? "1=1";
  const assessmentScope = scopeCondition("ClinicalAssessment", "a", scope, params) ?? "1=1";
  const instruments = request.instruments.length ? params.bindList(request.instruments) : "(NULL)";
  // One condition per cohort (each may read its endpoint at its own visit): the statement stays one.
  const followUpsOf = (alias: string) => request.cohorts.map((c) => `("${alias}"."cohortId" = ${params.bind(c.cohortId)} AND "${alias}"."code" = ${params.bind(c.visit)})`).join(" OR ");
  const followUps = followUpsOf("pv");
  // The per-protocol population is decided at the analysed visit: the patient's cohort's follow-up visit.
  const analysedVisit = `(SELECT "fpv"."id" FROM "planned_visit" "fpv" WHERE "fpv"."cohortId" = "p"."cohortId" AND (${followUpsOf("fpv")}))`;
  const sql = `
    SELECT "p"."id" AS "patientId", "p"."subjectCode" AS "subjectCode", "p"."cohortId" AS "cohortId", "s"."code" AS "siteCode",
           CAST("p"."treatmentStartDate" AS VARCHAR(10)) AS "day1",
           "vv"."visitId" AS "visitId", "vv"."isBaseline" AS "isBaseline", "vv"."performed" AS "performed", "vv"."visitDate" AS "visitDate",
           "a"."instrumentCode" AS "instrumentCode", "a"."score" AS "score", "a"."inputs" AS "inputs", "a"."components" AS "components",
           "a"."calculatorVersion" AS "calculatorVersion"
    FROM "patient" "p"
    INNER JOIN "cohort" "c" ON "c"."id" = "p"."cohortId"
    INNER JOIN "site" "s" ON "s"."id" = "p"."siteId"
    LEFT JOIN (
      SELECT "v"."id" AS "visitId", "v"."patientId" AS "patientId", CAST("v"."visitDate" AS VARCHAR(10)) AS "visitDate",
             CASE WHEN "v"."performed" THEN 1 ELSE 0 END AS "performed", CASE WHEN "pv"."isBaseline" THEN 1 ELSE 0 END AS "isBaseline"
      FROM "visit" "v"
      INNER JOIN "planned_visit" "pv" ON "pv"."id" = "v"."plannedVisitId"
      WHERE "v"."removedAt" IS NULL AND ("pv"."isBaseline" OR ${followUps}) AND ${visitScope}
    ) "vv" ON "vv"."patientId" = "p"."id"
    LEFT JOIN "clinical_assessment" "a" ON "a"."visitId" = "vv"."visitId" AND "a"."removedAt" IS NULL
      AND "a"."instrumentCode" IN ${instruments} AND ${assessmentScope}
    WHERE "p"."cohortId" IN ${params.bindList(request.cohorts.map((c) => c.cohortId))}
      AND ${patientScope}
      AND ${populationCondition(request.population, params, { patient: "p", cohort: "c", site: "s", plannedVisitId: analysedVisit })}
    ORDER BY "p"."cohortId", "p"."subjectCode", "vv"."visitId"`;
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params.values, {});
  const rows: Array<Record<string, unknown>> = await manager.query(query, values);

  const patients = new Map<number, EndpointPatient>();
  for (const r of rows) {
    const id = Number(r.patientId);
    let patient = patients.get(id);
    if (!patient) {
      patient = { patientId: id, subjectCode: String(r.subjectCode), cohortId: Number(r.cohortId), siteCode: String(r.siteCode), baseline: null, followUp: null };
      patients.set(id, patient);
    }
    if (r.visitId === null || r.visitId === undefined) continue;
    const which = Number(r.isBaseline) === 1 ? "baseline" : "followUp";
    // A patient has one visit per planned visit; should a second one exist, the first (lowest id) is used, as stored responses do.
    const visit = (patient[which] ??= {
      visitId: Number(r.visitId),
      performed: Number(r.performed) === 1,
      studyDay: r.day1 ? studyDayOf(String(r.day1), String(r.visitDate)) : undefined,
      assessments: new Map(),
    });
    if (visit.visitId !== Number(r.visitId) || r.instrumentCode === null || r.instrumentCode === undefined) continue;
    visit.assessments.set(String(r.instrumentCode), {
      instrumentCode: String(r.instrumentCode),
      score: r.score === null || r.score === undefined ? null : Number(r.score),
      inputs: json<Inputs>(r.inputs),
      components: json<Record<string, number>>(r.components) ?? {},
      calculatorVersion: String(r.calculatorVersion),
    });
  }
  return [...patients.values()];
}
