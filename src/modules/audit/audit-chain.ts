import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { EntityManager } from "typeorm";
import { AuditEvent } from "./audit-event.entity";
import { auditKeyOf } from "./audit-key";

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

/** Prefix of a keyed hash; a hash without it is an unkeyed SHA-256 written before keys were introduced. */
export const KEYED_PREFIX = "hmac-sha256:";

/**
 * A record's hash: HMAC-SHA-256, under the audit key, of the previous record's hash and the record's
 * canonical content. Without the key nobody can compute it, so a rewritten or appended record does not
 * verify, whoever could write the database.
 */
export function chainHash(key: Uint8Array, previousHash: string, row: AuditContent): string {
  return KEYED_PREFIX + createHmac("sha256", key).update(previousHash).update("\n").update(canonicalContent(row)).digest("hex");
}

/** The hash of records written before keys were introduced: an unkeyed SHA-256 anyone can recompute. */
export function unkeyedChainHash(previousHash: string, row: AuditContent): string {
  return createHash("sha256").update(previousHash).update("\n").update(canonicalContent(row)).digest("hex");
}

/** Whether a stored record's hash matches its content and link, by the scheme its hash names. */
export function hashMatches(key: Uint8Array, row: AuditContent & { previousHash: string; hash: string }): boolean {
  const expected = row.hash.startsWith(KEYED_PREFIX) ? chainHash(key, row.previousHash, row) : unkeyedChainHash(row.previousHash, row);
  // Constant time for the keyed hash: a verifier must not tell a forger how much of a guess was right.
  return expected.length === row.hash.length && timingSafeEqual(Buffer.from(expected), Buffer.from(row.hash));
}

/** The newest record of the chain: what a new record links to. */
export interface ChainHead {
  /** 0 for an empty chain. */
  id: number;
  hash: string;
}

/**
 * Takes the chain for the rest of the transaction and returns its head to chain onto. On PostgreSQL a
 * transaction-scoped advisory lock keeps two transactions from reading the same last row; SQLite
 * allows one writer at a time.
 */
export async function lockChainHead(manager: EntityManager): Promise<ChainHead> {
  if (manager.connection.driver.options.type === "postgres") await manager.query(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await manager.getRepository(AuditEvent).createQueryBuilder("a").select("a.id", "id").addSelect("a.hash", "hash").orderBy("a.id", "DESC").limit(1).getRawOne<{ id: number | string; hash: string }>();
  return last ? { id: Number(last.id), hash: last.hash } : { id: 0, hash: GENESIS_HASH };
}

/** The head of the chain as recorded outside the database: rows, id of the newest row and its hash. */
export interface AuditCheckpoint {
  rows: number;
  headId: number;
  headHash: string;
}

const CHECKPOINT_FORMAT = /^audit-checkpoint\/1\/(\d+)\/(\d+)\/((?:hmac-sha256:)?[0-9a-f]{64})$/;

/** `audit-checkpoint/1/<rows>/<head id>/<head hash>`: one line to keep outside the database. */
export function formatCheckpoint(checkpoint: AuditCheckpoint): string {
  return `audit-checkpoint/1/${checkpoint.rows}/${checkpoint.headId}/${checkpoint.headHash}`;
}

/** The checkpoint a line names, or null when it is not one. */
export function parseCheckpoint(text: string): AuditCheckpoint | null {
  const match = CHECKPOINT_FORMAT.exec(text.trim());
  if (!match) return null;
  const [rows, headId] = [Number(match[1]), Number(match[2])];
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(headId) || (rows === 0) !== (headId === 0)) return null;
  return { rows, headId, headHash: match[3] };
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  /** The first record whose hash or link does not match (or that a checkpoint names but no longer matches). */
  firstBrokenId: number | null;
  /** What is wrong, in words; null when valid. */
  problem: string | null;
  /** Records hashed without a key (written before keys were introduced): verified only as a prefix of the chain. */
  unkeyedRows: number;
  /** The checkpoint of the verified head, to record outside the database; null when not valid. */
  checkpoint: string | null;
}

/**
 * Walks the whole chain in id order, recomputing every hash, and reports the first row that does not
 * match. Unkeyed records (from before keys were introduced) are accepted only before the first keyed
 * one, and a non-empty chain must end in a keyed record (the upgrade seals old chains with one), so
 * that unkeyed rewrites or additions do not verify. Given a checkpoint recorded earlier, the chain
 * must still hold that head at the same position: a chain cut short, or rewritten from that point,
 * is reported.
 */
export async function verifyAuditChain(manager: EntityManager, options: { checkpoint?: AuditCheckpoint; batchSize?: number } = {}): Promise<AuditVerification> {
  const key = auditKeyOf(manager.connection);
  const batchSize = options.batchSize ?? 1000;
  const expected = options.checkpoint;
  let previous = GENESIS_HASH;
  let previousId = 0;
  let checked = 0;
  let unkeyedRows = 0;
  let keyedSeen = false;
  let checkpointSeen = !expected || expected.rows === 0;
  let afterId = 0;
  const broken = (firstBrokenId: number | null, problem: string): AuditVerification => ({ valid: false, checked, firstBrokenId, problem, unkeyedRows, checkpoint: null });
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
      const keyed = row.hash.startsWith(KEYED_PREFIX);
      if (row.previousHash !== previous) return broken(row.id, `record ${row.id} does not link to the record before it`);
      if (!hashMatches(key, row)) return broken(row.id, `record ${row.id} does not match its hash`);
      if (keyed) keyedSeen = true;
      else if (keyedSeen) return broken(row.id, `record ${row.id} has an unkeyed hash after keyed records`);
      else unkeyedRows++;
      if (expected && row.id === expected.headId) {
        if (checked !== expected.rows || row.hash !== expected.headHash) return broken(row.id, `record ${row.id} is not the head the checkpoint recorded (${expected.rows} records ending with hash ${expected.headHash})`);
        checkpointSeen = true;
      }
      previous = row.hash;
      previousId = row.id;
    }
    if (rows.length === batchSize) {
      afterId = rows[rows.length - 1].id;
      continue;
    }
    if (checked > 0 && !keyedSeen) return broken(previousId, `the newest record, ${previousId}, is not keyed: the chain was rewritten or never sealed`);
    if (!checkpointSeen) return broken(null, `the checkpoint's head, record ${expected!.headId}, is no longer in the chain (${checked} records now, ${expected!.rows} at the checkpoint): records were removed`);
    return { valid: true, checked, firstBrokenId: null, problem: null, unkeyedRows, checkpoint: formatCheckpoint({ rows: checked, headId: previousId, headHash: previous }) };
  }
}
