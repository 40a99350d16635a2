import type { EntityManager } from "typeorm";
import { Parameters } from "../../graphql/views/sql-condition";
import type { Access } from "../access/access";
import { scopeCondition } from "../access/site-scope";
import { type AnalysisPopulation, populationCondition } from "./analysis-filter";

/** One patient's value of a parameter at a visit, with the same patient's value at the baseline visit. */
export interface ImmunePair {
  patientId: number;
  subjectCode: string;
  cohortId: number;
  siteCode: string;
  /** Immune parameter code. */
  parameter: string;
  /** Planned visit code of the follow-up value. */
  visit: string;
  /** Null: no live measurement at the baseline visit. */
  hasBaseline: boolean;
  /** Null below the detection limit (or without a baseline measurement). */
  baseline: number | null;
  value: number | null;
}

export interface PairRequest {
  /** One immune parameter code, or several (a profile across parameters). */
  parameter: string | readonly string[];
  /** Follow-up visit code; null for every planned visit (kinetics). */
  visit: string | null;
  baselineVisit: string;
  population: AnalysisPopulation;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every patient with a live value of `parameter` (of each parameter, when several) at `visit` (at any
 * planned visit when null), paired with their live value at `baselineVisit`, in ONE statement: the
 * pairing, the caller's site scope (on both measurements) and the population filter all run in the
 * database, so the statement count does not depend on the number of patients, cohorts or parameters,
 * and another site's rows never reach the service.
 */
export async function loadImmunePairs(manager: EntityManager, access: Access, request: PairRequest): Promise<ImmunePair[]> {
  const params = new Parameters();
  const scope = access.scope();
  const followScope = scopeCondition("ImmuneMeasurement", "f", scope, params) ?? "1=1";
  const baselineScope = scopeCondition("ImmuneMeasurement", "bm", scope, params) ?? "1=1";
  const sql = `
    SELECT "p"."id" AS "patientId", "p"."subjectCode" AS "subjectCode", "p"."cohortId" AS "cohortId", "s"."code" AS "siteCode", "ip"."code" AS "parameter", "fpv"."code" AS "visit",
           "f"."value" AS "value", "b"."value" AS "baseline", CASE WHEN "b"."id" IS NULL THEN 0 ELSE 1 END AS "hasBaseline"
    FROM "immune_measurement" "f"
    INNER JOIN "immune_parameter" "ip" ON "ip"."id" = "f"."parameterId"
    INNER JOIN "visit" "fv" ON "fv"."id" = "f"."visitId" AND "fv"."removedAt" IS NULL
    INNER JOIN "planned_visit" "fpv" ON "fpv"."id" = "fv"."plannedVisitId"
    INNER JOIN "patient" "p" ON "p"."id" = "f"."patientId"
    INNER JOIN "cohort" "c" ON "c"."id" = "p"."cohortId"
    INNER JOIN "site" "s" ON "s"."id" = "p"."siteId"
    LEFT JOIN (
      SELECT "bm"."id" AS "id", "bm"."patientId" AS "patientId", "bm"."parameterId" AS "parameterId", "bm"."value" AS "value"
      FROM "immune_measurement" "bm"
      INNER JOIN "visit" "bv" ON "bv"."id" = "bm"."visitId" AND "bv"."removedAt" IS NULL
      INNER JOIN "planned_visit" "bpv" ON "bpv"."id" = "bv"."plannedVisitId"
      WHERE "bm"."removedAt" IS NULL AND "bpv"."code" = ${params.bind(request.baselineVisit)} AND ${baselineScope}
    ) "b" ON "b"."patientId" = "f"."patientId" AND "b"."parameterId" = "f"."parameterId"
    WHERE "f"."removedAt" IS NULL
      AND "ip"."code" IN ${params.bindList(typeof request.parameter === "string" ? [request.parameter] : [...request.parameter])}
      AND ${request.visit === null ? "1=1" : `"fpv"."code" = ${params.bind(request.visit)}`}
      AND ${followScope}
      AND ${populationCondition(request.population, params, { patient: "p", cohort: "c", site: "s", plannedVisitId: `"fpv"."id"` })}`;
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params.values, {});
  const rows: Array<Record<string, unknown>> = await manager.query(query, values);
  const number = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows
    .map((r) => ({
      patientId: Number(r.patientId),
      subjectCode: String(r.subjectCode),
      cohortId: Number(r.cohortId),
      siteCode: String(r.siteCode),
      parameter: String(r.parameter),
      visit: String(r.visit),
      hasBaseline: Number(r.hasBaseline) === 1,
      baseline: number(r.baseline),
      value: number(r.value),
    }))
    .sort((a, b) => a.cohortId - b.cohortId || compare(a.subjectCode, b.subjectCode) || compare(a.parameter, b.parameter));
}
