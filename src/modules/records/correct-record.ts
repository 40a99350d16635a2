import type { EntityManager } from "typeorm";
import { invalidInput } from "../../errors";
import { fromGlobalId } from "../../graphql/global-id";
import type { Access } from "../access/access";
import { auditUpdate } from "../audit/audit-writer";
import { leaveSigned, visitContentChanged } from "../visits/lifecycle/visit-changes";
import { beginChange } from "./change-record";
import { LIFECYCLE_COLUMNS } from "./record-base";
import type { ClinicalRow, LifecycleKind } from "./record-kinds";
import { writeVersioned } from "./versioned-write";
import { requireReason } from "./write-guard";
import type { GuardedRows } from "./write-guard";

export interface CorrectionArgs {
  id: string;
  expectedVersion: number;
  reason?: string | null;
}

/** Columns a correction never writes: the key, the parents (checked separately) and the lifecycle. */
const FIXED = new Set(["id", "patientId", "visitId", ...LIFECYCLE_COLUMNS]);

/**
 * Replaces a record's content with a newly entered, fully validated version of it (the same input as
 * entering it, checked by the same function). The record stays where it is: a correction cannot move
 * it to another patient or visit. A reason is required once the visit is complete, and a change to a
 * signed visit voids its signature.
 */
export async function correctRecord<T extends ClinicalRow>(
  manager: EntityManager,
  access: Access,
  kind: LifecycleKind,
  args: CorrectionArgs,
  input: { patientId?: string | null; visitId?: string | null },
  build: (replacing: number, guarded: GuardedRows) => Promise<T>,
): Promise<T> {
  if (fromGlobalId(args.id)?.type !== kind.name) throw invalidInput("id", `is not the id of a ${kind.name} (got ${JSON.stringify(args.id)})`);
  const change = await beginChange<T>(manager, access, kind, args.id, args.expectedVersion);
  if (change.record.removedAt) throw invalidInput("id", "is removed: restore it before correcting it");
  for (const [parent, type] of [["patientId", "Patient"], ["visitId", "Visit"]] as const) {
    if (!(parent in input) || (kind.name === "Visit" && parent === "visitId")) continue;
    const decoded = input[parent] == null ? null : fromGlobalId(input[parent]!);
    const given = decoded === null ? null : decoded?.type === type ? decoded.key : -1;
    if (given !== (change.record[parent] ?? null)) {
      throw invalidInput(parent, "cannot change in a correction: remove the record and enter it again where it belongs", "the record's current one");
    }
  }
  const reason = requireReason(change.visit, args.reason, "correct this record");
  const next = (await build(change.record.id, change.guarded)) as unknown as Record<string, unknown>;
  const columns = manager.connection.getMetadata(kind.entity).columns.map((c) => c.propertyName).filter((name) => !FIXED.has(name));
  const changes = Object.fromEntries(columns.filter((name) => next[name] !== undefined).map((name) => [name, next[name]])) as Partial<T>;
  const lifecycle = kind.name === "Visit" ? await leaveSigned(manager, access, change.visit!, reason) : {};
  const after = await writeVersioned(manager, kind.entity, change.record, args.expectedVersion, { ...changes, ...lifecycle });
  await auditUpdate(manager, access, kind.entity, change.record, after, reason);
  if (change.contentOf !== null && change.visit) await visitContentChanged(manager, access, change.visit, reason);
  return after as T;
}
