import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { Access } from "../access/access";
import { AuditAction, AuditEvent } from "./audit-event.entity";
import type { AuditContent } from "./audit-chain";
import type { ChainHead } from "./audit-chain";
import { chainHash, hashMatches, lockChainHead } from "./audit-chain";
import { auditKeyOf } from "./audit-key";

/** Who acted, as recorded: id, username and roles with their study and site at that moment. */
export interface AuditActor {
  actorId: number | null;
  actorUsername: string;
  actorRoles: string;
}

/** The service itself (the demo load, and tests' setup), as `Access.system()` is recorded. */
export const SYSTEM_ACTOR: AuditActor = { actorId: 0, actorUsername: "system", actorRoles: "SYSTEM" };

export function actorOf(access: Access): AuditActor {
  if (!access.actor) return { actorId: null, actorUsername: "anonymous", actorRoles: "" };
  const roles = access.isSystem
    ? "SYSTEM"
    : access.assignments
        .map((a) => `${a.role}@study:${a.studyId}${a.siteId === null ? "" : `/site:${a.siteId}`}`)
        .sort()
        .join(",");
  return { actorId: access.actor.id, actorUsername: access.actor.username, actorRoles: roles };
}

/** One audit record before it is chained: everything but the server time and the actor. */
export type AuditEntry = Omit<AuditContent, "occurredAt" | keyof AuditActor>;

/** Text form of a stored value: null stays null, dates ISO-8601, objects (JSON columns) as JSON. */
export function auditValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Records per INSERT: 13 bound values each stays well under SQLite's limit of bound parameters. */
const ROWS_PER_INSERT = 500;

/**
 * Appends entries to the audit trail, chained, inside the caller's transaction (`manager` must be
 * the transaction's): the records commit or roll back with the change they describe. A write's
 * records go in one multi-row INSERT (per 500), so auditing a record of many fields costs one
 * statement, not one per field.
 */
export async function appendAudit(manager: EntityManager, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const key = auditKeyOf(manager.connection);
  const head = await lockChainHead(manager);
  const occurredAt = new Date().toISOString();
  let previousHash = head.hash;
  const rows = entries.map((entry) => {
    const content: AuditContent = { occurredAt, ...actor, ...entry };
    const hash = chainHash(key, previousHash, content);
    const row = { ...content, previousHash, hash };
    previousHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await manager.createQueryBuilder().insert().into(AuditEvent).values(rows.slice(i, i + ROWS_PER_INSERT)).updateEntity(false).execute();
  }
  await checkStoredAsHashed(manager, key, head, rows.length);
}

/**
 * Reads the new records back (every record after the head this transaction locked) and checks them
 * as a verifier would: as many as were written, each linked to the one before it in id order (the
 * chain's order is the id order, whatever order the database gave the ids of one INSERT), each
 * matching its hash as recomputed from what the database returns. Text it stored differently from
 * what was hashed (a character it cannot represent, a value it converted) would leave a record that
 * never verifies, so the whole transaction fails instead.
 */
async function checkStoredAsHashed(manager: EntityManager, key: Uint8Array, head: ChainHead, count: number): Promise<void> {
  const stored = await manager.getRepository(AuditEvent).createQueryBuilder("a").where("a.id > :headId", { headId: head.id }).orderBy("a.id", "ASC").getMany();
  let previousHash = head.hash;
  const linked = stored.every((row) => {
    const ok = row.previousHash === previousHash && hashMatches(key, row);
    previousHash = row.hash;
    return ok;
  });
  if (stored.length !== count || !linked) throw new Error("An audit record was stored differently from what was hashed; the change is not saved");
}

interface Located {
  entityType: string;
  entityId: string;
  patientId: number | null;
  visitId: number | null;
}

function locate(manager: EntityManager, target: EntityTarget<ObjectLiteral>, entity: ObjectLiteral): Located & { columns: ReturnType<typeof columnsOf> } {
  const metadata = manager.connection.getMetadata(target);
  const id = metadata.primaryColumns.map((c) => c.getEntityValue(entity)).join(",");
  const own = (name: string): number | null => {
    if (metadata.name === "Patient" && name === "patientId") return Number(id);
    if (metadata.name === "Visit" && name === "visitId") return Number(id);
    const column = metadata.findColumnWithPropertyName(name);
    const value = column?.getEntityValue(entity);
    return value === null || value === undefined ? null : Number(value);
  };
  return { entityType: metadata.name, entityId: id, patientId: own("patientId"), visitId: own("visitId"), columns: columnsOf(manager, target) };
}

function columnsOf(manager: EntityManager, target: EntityTarget<ObjectLiteral>) {
  return manager.connection.getMetadata(target).columns.filter((c) => !c.isPrimary);
}

/** The initial entry of a record: one CREATE row per column (but the key), old value null. */
export async function auditCreate(
  manager: EntityManager,
  access: Access,
  target: EntityTarget<ObjectLiteral>,
  entity: ObjectLiteral,
  reason: string | null = null,
  action: AuditAction = AuditAction.CREATE,
): Promise<void> {
  const { columns, ...where } = locate(manager, target, entity);
  const entries = columns.map((c) => ({ ...where, action, field: c.propertyName, oldValue: null, newValue: auditValue(c.getEntityValue(entity)), reason }));
  await appendAudit(manager, actorOf(access), entries);
}

/** A change: one UPDATE row per column whose value differs between `before` and `after`. */
export async function auditUpdate(
  manager: EntityManager,
  access: Access,
  target: EntityTarget<ObjectLiteral>,
  before: ObjectLiteral,
  after: ObjectLiteral,
  reason: string | null = null,
  action: AuditAction = AuditAction.UPDATE,
): Promise<void> {
  const { columns, ...where } = locate(manager, target, after);
  const entries = columns
    .map((c) => ({ field: c.propertyName, oldValue: auditValue(c.getEntityValue(before)), newValue: auditValue(c.getEntityValue(after)) }))
    // The version moves with every change; the fields that changed are what the trail reports.
    .filter((e) => e.oldValue !== e.newValue && e.field !== "version")
    .map((e) => ({ ...where, action, reason, ...e }));
  await appendAudit(manager, actorOf(access), entries);
}
