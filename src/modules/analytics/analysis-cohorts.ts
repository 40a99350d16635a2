import type { EntityManager } from "typeorm";
import { Parameters } from "../../graphql/views/sql-condition";
import type { Access } from "../access/access";
import { scopeCondition } from "../access/site-scope";
import { Cohort } from "../study/cohort.entity";

/**
 * The cohorts of the studies the caller may read (a site role reads its site's study), in code order:
 * an analysis lists each of them, including those with no patients in the population.
 */
export async function readableCohorts(manager: EntityManager, access: Access): Promise<Cohort[]> {
  const params = new Parameters();
  const qb = manager.createQueryBuilder(Cohort, "cohort").orderBy("cohort.code", "ASC").addOrderBy("cohort.id", "ASC");
  const sites = scopeCondition("Site", "st", access.scope(), params);
  if (sites) qb.where(`"cohort"."studyId" IN (SELECT "st"."studyId" FROM "site" "st" WHERE ${sites})`).setParameters(params.values);
  return qb.getMany();
}
