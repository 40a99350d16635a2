import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { Parameters } from "../../graphql/views/sql-condition";
import type { Access, SiteScope } from "./access";

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
  if (scope !== null && readable === undefined) throw new Error(`findReadable: ${name} is not site data; add it to the site scope (site-scope.ts) before writes look it up`);
  if (readable) qb.andWhere(readable);
  if (options.withDeleted) qb.withDeleted();
  if (options.lock && manager.connection.options.type === "postgres") qb.setLock("pessimistic_write");
  return qb.setParameters(params.values).getOne();
}
