import type { EntityManager } from "typeorm";
import { IsNull } from "typeorm";
import { conflict, invalidInput, unknownReference } from "../../errors";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id";
import { decodeId } from "../../validation/checks";
import type { Access } from "../access/access";
import { findReadable } from "../access/site-scope";
import type { Visit } from "../visits/visit.entity";
import type { ClinicalRow, LifecycleKind } from "./record-kinds";
import { lifecycleKind, lifecycleKinds } from "./record-kinds";
import type { GuardedRows, WriteTarget } from "./write-guard";
import { openForWrite } from "./write-guard";

export interface Change<T extends ClinicalRow = ClinicalRow> {
  kind: LifecycleKind;
  record: T;
  /** The visit whose lifecycle governs the change: the record itself for a visit, its visit for visit content. */
  visit: Visit | null;
  /** The visit whose content the change alters, if any (not the visit itself: its own fields are written directly). */
  contentOf: number | null;
  /** The rows the write guard read for it. */
  guarded: GuardedRows;
}

/** The kind of record a global id names, or a BAD_USER_INPUT error listing the kinds that can be changed. */
export function kindOf(id: string): LifecycleKind {
  const kind = lifecycleKind(fromGlobalId(id)?.type ?? "");
  if (!kind) throw invalidInput("id", `does not name a clinical record (got ${JSON.stringify(id)})`, lifecycleKinds().map((k) => k.name).join(", "));
  return kind;
}

/**
 * Loads the record a correction, removal or restore names (removed or not) and runs the write
 * checks on whatever governs it: its visit for visit content, otherwise its patient. The version
 * the caller read must still be current.
 *
 * The record is looked up within the caller's scope (findReadable), in one statement: a record of
 * another site gets exactly the answer of an id that does not exist, before anything about it (its
 * visit, its patient, its version) is looked at or revealed.
 */
export async function beginChange<T extends ClinicalRow>(manager: EntityManager, access: Access, kind: LifecycleKind, id: string, expectedVersion: number): Promise<Change<T>> {
  const record = (await findReadable(manager, access, kind.entity, decodeId("id", id, kind.name), { withDeleted: true })) as T | null;
  if (!record) throw unknownReference("id", kind.name, id);
  const contentOf = kind.visitContent ? (record.visitId ?? null) : null;
  const target: WriteTarget =
    kind.name === "Visit" ? { visitId: id } : contentOf !== null ? { visitId: toGlobalId("Visit", contentOf) } : { patientId: toGlobalId("Patient", record.patientId) };
  const { visit, guarded } = await openForWrite(manager, access, target, { removedVisit: kind.name === "Visit" });
  if (record.version !== expectedVersion) throw conflict(kind.name, id, expectedVersion, record.version);
  return { kind, record, visit, contentOf, guarded };
}

/** Whether restoring `record` would give its visit a second live record of the same kind (or the patient a second planned visit). */
export async function duplicatesLiveRecord(manager: EntityManager, change: Change): Promise<boolean> {
  const columns = change.kind.uniqueWithin;
  if (!columns) return false;
  const values = Object.fromEntries(columns.map((c) => [c, (change.record as unknown as Record<string, unknown>)[c]]));
  if (Object.values(values).some((v) => v === null)) return false;
  return manager.exists(change.kind.entity, { where: { ...values, removedAt: IsNull() } });
}
