import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import { AuditEvent } from "./audit-event.entity";

/** previousHash of the first audit record. */
export const GENESIS_HASH = "0".repeat(64);

/** Key of the PostgreSQL advisory lock that serialises appends to the chain. */
export const AUDIT_CHAIN_LOCK = 7_264_200_000;

/** The fields a record's hash covers, in a fixed order. Everything but id, previousHash and hash. */
export type AuditContent = Pick<
  AuditEvent,
  "occurredAt" | "actorId" | "actorUsername" | "actorRoles" | "action" | "entityType" | "entityId" | "patientId" | "visitId" | "field" | "oldValue" | "newValue" | "reason"
>;

const CONTENT_FIELDS = [
  "occurredAt", "actorId", "actorUsername", "actorRoles", "action", "entityType", "entityId", "patientId", "visitId", "field", "oldValue", "newValue", "reason",
] as const satisfies ReadonlyArray<keyof AuditContent>;

/** Canonical text of a record's content: a JSON array of its fields in fixed order, every value as text or null. */
export function canonicalContent(row: AuditContent): string {
  return JSON.stringify(CONTENT_FIELDS.map((f) => (row[f] === null || row[f] === undefined ? null : String(row[f]))));
}

export function chainHash(previousHash: string, row: AuditContent): string {
  return createHash("sha256").update(previousHash).update("\n").update(canonicalContent(row)).digest("hex");
}

/**
 * Takes the chain for the rest of the transaction and returns the hash to chain onto. On PostgreSQL a
 * transaction-scoped advisory lock keeps two transactions from reading the same last row; SQLite
 * allows one writer at a time.
 */
export async function lockChainHead(manager: EntityManager): Promise<string> {
  if (manager.connection.driver.options.type === "postgres") await manager.query(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await manager.getRepository(AuditEvent).createQueryBuilder("a").select("a.hash", "hash").orderBy("a.id", "DESC").limit(1).getRawOne<{ hash: string }>();
  return last?.hash ?? GENESIS_HASH;
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** Walks the whole chain in id order, recomputing every hash; reports the first row that does not match. */
export async function verifyAuditChain(manager: EntityManager, batchSize = 1000): Promise<AuditVerification> {
  let previous = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const rows = await manager
      .getRepository(AuditEvent)
      .createQueryBuilder("a")
      .where("a.id > :afterId", { afterId })
      .orderBy("a.id", "ASC")
      .limit(batchSize)
      .getMany();
    for (const row of rows) {
      checked++;
      if (row.previousHash !== previous || row.hash !== chainHash(previous, row)) return { valid: false, checked, firstBrokenId: row.id };
      previous = row.hash;
    }
    if (rows.length < batchSize) return { valid: true, checked, firstBrokenId: null };
    afterId = rows[rows.length - 1].id;
  }
}
