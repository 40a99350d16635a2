import type { EntityManager } from "typeorm";
import { Parameters } from "../../graphql/views/sql-condition";
import type { Access } from "../access/access";
import { scopeCondition } from "../access/site-scope";
import { PatientStatus } from "../patients/patient-enums";
import type { Relatedness } from "../safety/adverse-event-enums";
import { type AnalysisPopulation, populationCondition } from "./analysis-filter";

/** One treated patient of the population: doses, exposure window and treatment-emergent event counts. */
export interface SafetyPatientRow {
  patientId: number;
  subjectCode: string;
  cohortId: number;
  siteCode: string;
  status: PatientStatus;
  /** Date the status took effect (the withdrawal date for a withdrawn patient). */
  statusDate: string | null;
  /** Study day 1; the first dose date when not recorded. */
  treatmentStartDate: string;
  firstDose: string;
  givenDoses: number;
  /** Exclusive end of the exposure window (see safetySummary's exposureDefinition). */
  exposureEnd: string;
  events: number;
  severeEvents: number;
  eventsInExposure: number;
}

/** Treatment-emergent events of one cohort at one grade (and relatedness; null: all of them). */
export interface SafetyEventCell {
  cohortId: number;
  grade: number;
  relatedness: Relatedness | null;
  events: number;
  patients: number;
}

export interface SafetyRequest {
  population: AnalysisPopulation;
  /** The cohorts' dosing interval, in days, added after the last dose. */
  intervals: ReadonlyArray<{ cohortId: number; days: number }>;
  /** The day after the data cut (the exposure window ends by then at the latest), YYYY-MM-DD. */
  exposureCap: string;
}

const given = (params: Parameters, alias: string) => `"${alias}"."given" = ${params.bind(true)} AND "${alias}"."removedAt" IS NULL`;

/** The patients of the population, their cohort and site joined as `p`, `c`, `s`, in the caller's scope. */
function patientsWhere(manager: EntityManager, access: Access, request: SafetyRequest, params: Parameters): string {
  const scope = scopeCondition("Patient", "p", access.scope(), params) ?? "1=1";
  return `${scope} AND ${populationCondition(request.population, params, { patient: "p", cohort: "c", site: "s" })}`;
}

const JOINS = `INNER JOIN "cohort" "c" ON "c"."id" = "p"."cohortId" INNER JOIN "site" "s" ON "s"."id" = "p"."siteId"`;

/**
 * Per treated patient of the population, in ONE statement: dose counts and dates, the exposure window
 * (computed in the database: first dose to last dose + the cohort's dosing interval, cut at withdrawal
 * and at the data cut) and counts of treatment-emergent adverse events (onset on or after the first dose).
 */
export async function loadSafetyPatients(manager: EntityManager, access: Access, request: SafetyRequest): Promise<SafetyPatientRow[]> {
  const postgres = manager.connection.options.type === "postgres";
  const params = new Parameters();
  const int = (n: number) => `CAST(${params.bind(n)} AS INTEGER)`;
  const date = (value: string) => (postgres ? `CAST(${params.bind(value)} AS DATE)` : params.bind(value));
  const addDays = (d: string, days: string) => (postgres ? `(${d} + ${days})` : `date(${d}, '+' || ${days} || ' days')`);
  const text = (d: string) => `CAST(${d} AS VARCHAR)`;
  const interval = request.intervals.length ? `CASE "p"."cohortId" ${request.intervals.map((i) => `WHEN ${int(i.cohortId)} THEN ${int(i.days)}`).join(" ")} ELSE 0 END` : "0";
  const doseScope = scopeCondition("DoseAdministration", "d", access.scope(), params) ?? "1=1";
  const eventScope = scopeCondition("AdverseEvent", "ae", access.scope(), params) ?? "1=1";
  const withdrawn = params.bind(PatientStatus.WITHDRAWN);
  const cap = date(request.exposureCap);
  const events = (extra: string) =>
    `(SELECT COUNT(*) FROM "adverse_event" "ae" WHERE "ae"."patientId" = "x"."patientId" AND "ae"."removedAt" IS NULL AND ${eventScope} AND "ae"."onsetDate" >= "x"."firstDose"${extra})`;
  const sql = `
    SELECT "x"."patientId", "x"."subjectCode", "x"."cohortId", "x"."siteCode", "x"."status", ${text(`"x"."statusDate"`)} AS "statusDate",
           ${text(`"x"."treatmentStartDate"`)} AS "treatmentStartDate", ${text(`"x"."firstDose"`)} AS "firstDose", "x"."givenDoses",
           ${text(`"x"."exposureEnd"`)} AS "exposureEnd",
           ${events("")} AS "events",
           ${events(` AND "ae"."grade" >= ${params.bind(3)}`)} AS "severeEvents",
           ${events(` AND "ae"."onsetDate" < "x"."exposureEnd"`)} AS "eventsInExposure"
    FROM (
      SELECT "y".*, CASE WHEN "y"."candidateEnd" < "y"."minimumEnd" THEN "y"."minimumEnd" ELSE "y"."candidateEnd" END AS "exposureEnd"
      FROM (
        SELECT "b".*,
               CASE WHEN "b"."withdrawnOn" IS NOT NULL AND "b"."withdrawnOn" < "b"."intervalEnd" AND "b"."withdrawnOn" < ${cap} THEN "b"."withdrawnOn"
                    WHEN ${cap} < "b"."intervalEnd" THEN ${cap}
                    ELSE "b"."intervalEnd" END AS "candidateEnd"
        FROM (
          SELECT "p"."id" AS "patientId", "p"."subjectCode" AS "subjectCode", "p"."cohortId" AS "cohortId", "s"."code" AS "siteCode",
                 "p"."status" AS "status", "p"."statusDate" AS "statusDate", COALESCE("p"."treatmentStartDate", "g"."firstDose") AS "treatmentStartDate",
                 "g"."firstDose" AS "firstDose", "g"."givenDoses" AS "givenDoses",
                 CASE WHEN "p"."status" = ${withdrawn} THEN "p"."statusDate" END AS "withdrawnOn",
                 ${addDays(`"g"."lastDose"`, interval)} AS "intervalEnd",
                 ${addDays(`"g"."lastDose"`, int(1))} AS "minimumEnd"
          FROM "patient" "p" ${JOINS}
          INNER JOIN (
            SELECT "d"."patientId" AS "patientId", MIN("d"."administeredOn") AS "firstDose", MAX("d"."administeredOn") AS "lastDose", COUNT(*) AS "givenDoses"
            FROM "dose_administration" "d" WHERE ${given(params, "d")} AND ${doseScope} GROUP BY "d"."patientId"
          ) "g" ON "g"."patientId" = "p"."id"
          WHERE ${patientsWhere(manager, access, request, params)}
        ) "b"
      ) "y"
    ) "x"`;
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params.values, {});
  const rows: Array<Record<string, unknown>> = await manager.query(query, values);
  return rows
    .map((r) => ({
      patientId: Number(r.patientId),
      subjectCode: String(r.subjectCode),
      cohortId: Number(r.cohortId),
      siteCode: String(r.siteCode),
      status: r.status as PatientStatus,
      statusDate: r.statusDate === null ? null : String(r.statusDate),
      treatmentStartDate: String(r.treatmentStartDate),
      firstDose: String(r.firstDose),
      givenDoses: Number(r.givenDoses),
      exposureEnd: String(r.exposureEnd),
      events: Number(r.events),
      severeEvents: Number(r.severeEvents),
      eventsInExposure: Number(r.eventsInExposure),
    }))
    .sort((a, b) => a.cohortId - b.cohortId || (a.subjectCode < b.subjectCode ? -1 : a.subjectCode > b.subjectCode ? 1 : 0));
}

/**
 * Treatment-emergent adverse events of the population by cohort × CTCAE grade × relatedness, and by
 * cohort × grade (relatedness null), with the events and the distinct patients of each cell: ONE
 * statement of two GROUP BYs.
 */
export async function loadSafetyEventCells(manager: EntityManager, access: Access, request: SafetyRequest): Promise<SafetyEventCell[]> {
  const params = new Parameters();
  const branch = (relatedness: string, groupBy: string) => {
    const eventScope = scopeCondition("AdverseEvent", "ae", access.scope(), params) ?? "1=1";
    return `
      SELECT "p"."cohortId" AS "cohortId", "ae"."grade" AS "grade", ${relatedness} AS "relatedness", COUNT(*) AS "events", COUNT(DISTINCT "ae"."patientId") AS "patients"
      FROM "adverse_event" "ae" INNER JOIN "patient" "p" ON "p"."id" = "ae"."patientId" ${JOINS}
      WHERE "ae"."removedAt" IS NULL AND ${eventScope}
        AND "ae"."onsetDate" >= (SELECT MIN("d"."administeredOn") FROM "dose_administration" "d" WHERE "d"."patientId" = "p"."id" AND ${given(params, "d")})
        AND ${patientsWhere(manager, access, request, params)}
      GROUP BY ${groupBy}`;
  };
  const sql = `${branch(`"ae"."relatedness"`, `"p"."cohortId", "ae"."grade", "ae"."relatedness"`)} UNION ALL ${branch("CAST(NULL AS VARCHAR)", `"p"."cohortId", "ae"."grade"`)}`;
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params.values, {});
  const rows: Array<Record<string, unknown>> = await manager.query(query, values);
  return rows.map((r) => ({
    cohortId: Number(r.cohortId),
    grade: Number(r.grade),
    relatedness: r.relatedness === null ? null : (r.relatedness as Relatedness),
    events: Number(r.events),
    patients: Number(r.patients),
  }));
}
