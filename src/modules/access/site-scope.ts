import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { Parameters } from "../../graphql/views/sql-condition";
import type { Access, SiteScope } from "./access";
import { scopeRuleOf } from "./scope-rule";

/** The rows (patients or sites) of the scope's studies, or of its sites by `siteColumn`; none when the scope is empty. */
function studyOrSite(scope: SiteScope, params: Parameters, alias: string, siteColumn: string): string {
  const parts = [];
  if (scope.studyIds.length) parts.push(`"${alias}"."studyId" IN ${params.bindList(scope.studyIds)}`);
  if (scope.siteIds.length) parts.push(`"${alias}"."${siteColumn}" IN ${params.bindList(scope.siteIds)}`);
  return parts.length ? `(${parts.join(" OR ")})` : "1=0";
}

/** The ids of the patients of the scope, as a subquery. */
function readablePatients(scope: SiteScope, params: Parameters): string {
  const patient = params.alias();
  return `SELECT "${patient}"."id" FROM "patient" "${patient}" WHERE ${studyOrSite(scope, params, patient, "siteId")}`;
}

/**
 * The SQL condition that keeps the rows of `entity` (under `alias`) a caller with `scope` may read, or
 * undefined when the scope is unrestricted or the entity is declared shared (not site data: see
 * scope-rule.ts). Every list, loader, count and aggregate applies it, so another site's rows are never
 * read, counted or aggregated. An entity without a declared rule throws rather than being served.
 */
export function scopeCondition(entity: string, alias: string, scope: SiteScope | null, params: Parameters): string | undefined {
  const rule = scopeRuleOf(entity);
  if (scope === null) return undefined;
  switch (rule.kind) {
    case "shared":
      return undefined;
    case "patient":
      return studyOrSite(scope, params, alias, "siteId");
    case "site":
      return studyOrSite(scope, params, alias, "id");
    case "patient record":
      return `"${alias}"."patientId" IN (${readablePatients(scope, params)})`;
    case "visit record": {
      const visit = params.alias();
      return `"${alias}"."visitId" IN (SELECT "${visit}"."id" FROM "visit" "${visit}" WHERE "${visit}"."patientId" IN (${readablePatients(scope, params)}))`;
    }
  }
}

export interface ReadableLookup {
  /** Removed rows too (restoring one names it). */
  withDeleted?: boolean;
  /** On PostgreSQL, lock the row for the rest of the transaction (FOR UPDATE). */
  lock?: boolean;
}

/**
 * The row of `entity` with primary key `id`, or null when it does not exist OR the caller may not read
 * it: one statement whose WHERE carries the caller's scope, so that another site's id and an id that
 * does not exist take the same path, cost the same single query and give the same answer. Every write
 * names its target and the parents it refers to through this lookup. Fails closed: an entity that is
 * not known as site data (so has no scope condition) cannot be looked up for a restricted caller.
 */
export async function findReadable<T extends ObjectLiteral>(
  manager: EntityManager,
  access: Access,
  entity: EntityTarget<T>,
  id: number,
  options: ReadableLookup = {},
): Promise<T | null> {
  const params = new Parameters();
  const qb = manager.createQueryBuilder(entity, "row").where(`"row"."id" = ${params.bind(id)}`);
  const scope = access.scope();
  const name = manager.connection.getMetadata(entity).name;
  const readable = scopeCondition(name, "row", scope, params);
  if (scope !== null && readable === undefined) throw new Error(`findReadable: ${name} is not site data; declare it site data with @ScopeRule (scope-rule.ts) before writes look it up`);
  if (readable) qb.andWhere(readable);
  if (options.withDeleted) qb.withDeleted();
  if (options.lock && manager.connection.options.type === "postgres") qb.setLock("pessimistic_write");
  return qb.setParameters(params.values).getOne();
}
