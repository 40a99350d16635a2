import type { EntityManager } from "typeorm";
import { invalidInput } from "../../errors";
import type { Access } from "../access/access";
import { AuditAction } from "../audit/audit-event.entity";
import { auditUpdate } from "../audit/audit-writer";
import { AdverseEvent } from "../safety/adverse-event.entity";
import { countVisitRecords } from "../visits/lifecycle/signed-content";
import { leaveSigned, visitContentChanged } from "../visits/lifecycle/visit-changes";
import { beginChange, duplicatesLiveRecord, kindOf } from "./change-record";
import type { ClinicalRow } from "./record-kinds";
import { writeVersioned } from "./versioned-write";
import { statedReason } from "./write-guard";

/**
 * Takes a record out of the data without deleting it: it keeps its row, stamped with the time and
 * the reason, and disappears from lists, counts and aggregates. A visit is removed only once none of
 * its records is left.
 */
export async function removeRecord(manager: EntityManager, access: Access, id: string, expectedVersion: number, reason: string): Promise<ClinicalRow> {
  const why = statedReason(reason, "remove a record");
  const change = await beginChange(manager, access, kindOf(id), id, expectedVersion);
  if (change.record.removedAt) throw invalidInput("id", "is already removed");
  let lifecycle = {};
  if (change.kind.name === "Visit") {
    const left = (await countVisitRecords(manager, change.record.id)) + (await manager.countBy(AdverseEvent, { visitId: change.record.id }));
    if (left > 0) throw invalidInput("id", `is a visit with ${left} record(s) still part of the data: remove them first`);
    lifecycle = await leaveSigned(manager, access, change.visit!, why);
  }
  const after = await writeVersioned(manager, change.kind.entity, change.record, expectedVersion, { removedAt: new Date(), removalReason: why, ...lifecycle });
  await auditUpdate(manager, access, change.kind.entity, change.record, after, why, AuditAction.REMOVE);
  if (change.contentOf !== null && change.visit) await visitContentChanged(manager, access, change.visit, why);
  return after;
}

/** Brings a removed record back into the data, unless an equivalent record has been entered since. */
export async function restoreRecord(manager: EntityManager, access: Access, id: string, expectedVersion: number, reason: string): Promise<ClinicalRow> {
  const why = statedReason(reason, "restore a record");
  const change = await beginChange(manager, access, kindOf(id), id, expectedVersion);
  if (!change.record.removedAt) throw invalidInput("id", "is not removed");
  if (await duplicatesLiveRecord(manager, change)) throw invalidInput("id", `cannot be restored: an equivalent ${change.kind.name} has been entered since; remove that one first`);
  const lifecycle = change.kind.name === "Visit" ? await leaveSigned(manager, access, change.visit!, why) : {};
  const after = await writeVersioned(manager, change.kind.entity, change.record, expectedVersion, { removedAt: null, removalReason: null, ...lifecycle });
  await auditUpdate(manager, access, change.kind.entity, change.record, after, why, AuditAction.RESTORE);
  if (change.contentOf !== null && change.visit) await visitContentChanged(manager, access, change.visit, why);
  return after;
}
