import { createHash } from "node:crypto";
import { stringify } from "safe-stable-stringify";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { In } from "typeorm";
import { LIFECYCLE_COLUMNS } from "../../records/record-base";
import type { ClinicalRow } from "../../records/record-kinds";
import { lifecycleKinds } from "../../records/record-kinds";
import type { Visit } from "../visit.entity";

/**
 * The records that make up a visit's data, and so its signed content: the kinds declared as visit
 * content (src/modules/clinical-records.ts; every open database has them registered, since its entities
 * come from that list). Adverse events and concomitant medications are patient-level logs: they may
 * name the visit they were reported at, but are not part of it.
 */
function visitContent(): Array<EntityTarget<ClinicalRow & { visitId: number }>> {
  return lifecycleKinds()
    .filter((kind) => kind.visitContent)
    .map((kind) => kind.entity as EntityTarget<ClinicalRow & { visitId: number }>);
}

/**
 * The kinds whose list, empty or not, has been part of every content hash since visits were first
 * signed. A kind declared later (vital signs) enters a visit's hash only when the visit has records of
 * it: declaring a kind must not change the hash of a visit signed before, which would report its
 * signature as no longer matching content nobody changed.
 */
export const HASHED_SINCE_FIRST_SIGNATURES = new Set(["DoseAdministration", "ImmuneMeasurement", "LabResult", "ClinicalAssessment"]);

function clinicalColumns(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, row: ObjectLiteral): Record<string, unknown> {
  const columns = manager.connection.getMetadata(entity).columns.filter((c) => !LIFECYCLE_COLUMNS.has(c.propertyName));
  return Object.fromEntries(columns.map((c) => [c.propertyName, c.getEntityValue(row) ?? null]));
}

/**
 * SHA-256 of each visit's data as it is now: the visit and every record of it still part of the data,
 * each with its clinical fields, in a canonical JSON form (sorted keys, records by table and id).
 * Signing stores it; recomputing it later shows whether the signed content is unchanged. One query
 * per content table, whatever the number of visits.
 */
export async function visitContentHashes(manager: EntityManager, visits: Visit[]): Promise<Map<number, string>> {
  const ids = visits.map((v) => v.id);
  const records = new Map(ids.map((id) => [id, {} as Record<string, unknown[]>]));
  for (const entity of visitContent()) {
    const name = manager.connection.getMetadata(entity).name;
    if (HASHED_SINCE_FIRST_SIGNATURES.has(name)) for (const content of records.values()) content[name] = [];
    const rows = ids.length === 0 ? [] : await manager.find(entity, { where: { visitId: In(ids) }, order: { id: "ASC" } });
    for (const row of rows) (records.get(row.visitId)![name] ??= []).push(clinicalColumns(manager, entity, row));
  }
  const visitTarget = manager.connection.getMetadata("Visit").target;
  return new Map(
    visits.map((visit) => {
      const content = { visit: clinicalColumns(manager, visitTarget, visit), records: records.get(visit.id) };
      return [visit.id, createHash("sha256").update(stringify(content)!).digest("hex")];
    }),
  );
}

export async function visitContentHash(manager: EntityManager, visit: Visit): Promise<string> {
  return (await visitContentHashes(manager, [visit])).get(visit.id)!;
}

/** How many records of the visit are still part of the data (a visit is removed only when empty). */
export async function countVisitRecords(manager: EntityManager, visitId: number): Promise<number> {
  let count = 0;
  for (const entity of visitContent()) count += await manager.countBy(entity, { visitId });
  return count;
}
