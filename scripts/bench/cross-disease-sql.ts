import type { DataSource } from "typeorm";
import { primaryEndpoints } from "../../src/modules/analytics/efficacy-endpoints";
import type { PluginRegistry } from "../../src/plugins/registry";

/*
 * The baseline of the cross-disease table: per cohort, the mean percent improvement of the primary
 * score at each disease's default visit and the geometric mean fold change of Treg % CD4 at D8, as two
 * hand-written SQL aggregates (AVG over the pairs, AVG of LN for the geometric mean). It computes only
 * those two point estimates and their n, where crossDiseaseEfficacy also evaluates every endpoint per
 * patient, the intervals, the paired tests and the adjustment: the ratio is the cost of all that.
 */

export const CROSS_DISEASE_QUERY = `{ crossDiseaseEfficacy { rows { cohortCode percentImprovement { n estimate } immuneResponse { n estimate } } } }`;

/** Both sides round to 10 significant digits: AVG in the database and a sum in JavaScript differ in the last bits. */
export const significant = (value: number | null) => (value === null ? null : Number(value.toPrecision(10)));

export function roundRows(data: { crossDiseaseEfficacy: { rows: Array<{ percentImprovement: { estimate: number | null }; immuneResponse: { estimate: number | null } }> } }) {
  for (const row of data.crossDiseaseEfficacy.rows) {
    row.percentImprovement.estimate = significant(row.percentImprovement.estimate);
    row.immuneResponse.estimate = significant(row.immuneResponse.estimate);
  }
  return data;
}

export async function crossDiseaseSql(dataSource: DataSource, registry: PluginRegistry) {
  const sqlite = dataSource.options.type === "sqlite";
  const cohorts: Array<{ id: number; code: string; diseaseId: string }> = await dataSource.query(`SELECT id, code, "diseaseId" FROM cohort ORDER BY code, id`);
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return sqlite ? `?${values.length}` : `$${values.length}`;
  };
  // The mapping a hand-written endpoint would hard-code: each cohort's primary instrument, its visit and direction.
  const plans = cohorts.flatMap((c) => {
    const primary = primaryEndpoints(registry, c.diseaseId);
    return primary ? [{ cohort: c, instrument: primary.score.endpoint.instrument, visit: primary.score.endpoint.defaultVisit, sign: primary.score.instrument.direction === "HIGHER_IS_WORSE" ? -1 : 1 }] : [];
  });
  const which = plans.map((p) => `(p."cohortId" = ${bind(p.cohort.id)} AND b."instrumentCode" = ${bind(p.instrument)} AND fpv.code = ${bind(p.visit)})`).join(" OR ");
  // Integers from the code, not user input: written inline so that PostgreSQL need not guess a parameter's type.
  const sign = `CASE p."cohortId" ${plans.map((p) => `WHEN ${Number(p.cohort.id)} THEN ${p.sign}`).join(" ")} END`;
  const [scores, immune] = await Promise.all([
    dataSource.query(
      `SELECT p."cohortId" AS "cohortId", COUNT(*) AS n, AVG(${sign} * 100.0 * (f.score - b.score) / b.score) AS estimate
       FROM patient p
       JOIN visit bv ON bv."patientId" = p.id AND bv."removedAt" IS NULL AND bv.performed
       JOIN planned_visit bpv ON bpv.id = bv."plannedVisitId" AND bpv."isBaseline"
       JOIN clinical_assessment b ON b."visitId" = bv.id AND b."removedAt" IS NULL
       JOIN visit fv ON fv."patientId" = p.id AND fv."removedAt" IS NULL AND fv.performed
       JOIN planned_visit fpv ON fpv.id = fv."plannedVisitId"
       JOIN clinical_assessment f ON f."visitId" = fv.id AND f."removedAt" IS NULL AND f."instrumentCode" = b."instrumentCode"
       WHERE (${which}) AND b.score > 0 AND f.score IS NOT NULL
       GROUP BY p."cohortId"`,
      values,
    ),
    dataSource.query(
      `SELECT p."cohortId" AS "cohortId", COUNT(*) AS n, EXP(AVG(LN(f.value / b.value))) AS estimate
       FROM immune_measurement f
       JOIN immune_parameter ip ON ip.id = f."parameterId" AND ip.code = 'TREG_PCT_CD4'
       JOIN visit fv ON fv.id = f."visitId" AND fv."removedAt" IS NULL
       JOIN planned_visit fpv ON fpv.id = fv."plannedVisitId" AND fpv.code = 'D8'
       JOIN patient p ON p.id = f."patientId"
       JOIN immune_measurement b ON b."patientId" = f."patientId" AND b."parameterId" = f."parameterId" AND b."removedAt" IS NULL
       JOIN visit bv ON bv.id = b."visitId" AND bv."removedAt" IS NULL
       JOIN planned_visit bpv ON bpv.id = bv."plannedVisitId" AND bpv.code = 'BASELINE'
       WHERE f."removedAt" IS NULL AND f.value > 0 AND b.value > 0
       GROUP BY p."cohortId"`,
    ),
  ]);
  const by = (rows: Array<{ cohortId: number; n: number | string; estimate: number | string | null }>) => new Map(rows.map((r) => [Number(r.cohortId), r]));
  const score = by(scores);
  const fold = by(immune);
  const estimate = (row: { n: number | string; estimate: number | string | null } | undefined) => ({ n: Number(row?.n ?? 0), estimate: significant(row?.estimate == null ? null : Number(row.estimate)) });
  return { crossDiseaseEfficacy: { rows: cohorts.map((c) => ({ cohortCode: c.code, percentImprovement: estimate(score.get(c.id)), immuneResponse: estimate(fold.get(c.id)) })) } };
}
