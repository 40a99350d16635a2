import type DataLoader from "dataloader";
import type { Context } from "../../graphql/context";
import { Parameters } from "../../graphql/views/sql-condition";
import { scopeCondition } from "../access/site-scope";
import { ClinicalAssessment } from "../assessments/clinical-assessment.entity";

/**
 * Per patient, the latest assessment of each disease's primary instrument: the one at the latest visit
 * date, the highest id among assessments of the same date. Removed assessments and removed visits are
 * not part of the data (a visit is removed only once none of its records is left). One statement per
 * page of patients, which reads one row per patient and instrument instead of all their assessments.
 */
export function latestPrimaryAssessments({ dataSource, access, loaders, registry }: Context): DataLoader<number, ClinicalAssessment[]> {
  const primaries = [...new Set(registry.plugins.map((plugin) => plugin.primaryInstrument))];
  return loaders.keyed("ClinicalAssessment.latestPrimary", async (patientIds) => {
    if (primaries.length === 0) return patientIds.map(() => []);
    const params = new Parameters();
    const ranked = `SELECT "a"."id" AS "id",
        ROW_NUMBER() OVER (PARTITION BY "a"."patientId", "a"."instrumentCode" ORDER BY "v"."visitDate" DESC, "a"."id" DESC) AS "recency"
      FROM "clinical_assessment" "a" INNER JOIN "visit" "v" ON "v"."id" = "a"."visitId" AND "v"."removedAt" IS NULL
      WHERE "a"."patientId" IN ${params.bindList([...patientIds])} AND "a"."instrumentCode" IN ${params.bindList(primaries)} AND "a"."removedAt" IS NULL`;
    const query = dataSource.manager.createQueryBuilder(ClinicalAssessment, "row").where(`"row"."id" IN (SELECT "ranked"."id" FROM (${ranked}) "ranked" WHERE "ranked"."recency" = 1)`);
    const scoped = scopeCondition("ClinicalAssessment", "row", access.scope(), params);
    if (scoped) query.andWhere(scoped);
    const rows = await query.setParameters(params.values).getMany();
    const byPatient = new Map<number, ClinicalAssessment[]>(patientIds.map((id) => [id, []]));
    for (const row of rows) byPatient.get(row.patientId)?.push(row);
    return patientIds.map((id) => byPatient.get(id)!);
  });
}
