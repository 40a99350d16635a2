import type { MigrationInterface, QueryRunner } from "typeorm";
import { chainHash, KEYED_PREFIX } from "../../modules/audit/audit-chain";
import type { AuditContent } from "../../modules/audit/audit-chain";
import { auditKeyOf } from "../../modules/audit/audit-key";

const COLUMNS = ["occurredAt", "actorId", "actorUsername", "actorRoles", "action", "entityType", "entityId", "patientId", "visitId", "field", "oldValue", "newValue", "reason", "previousHash", "hash"];

/**
 * The audit trail becomes an HMAC chain under a key held outside the database (modules/audit/audit-key.ts).
 *
 * - SQLite: `INSERT OR REPLACE` removes the row it replaces without firing the DELETE trigger, so a
 *   BEFORE INSERT trigger refuses an insert naming an existing id. (An upsert's DO UPDATE fires the
 *   UPDATE trigger, on both databases.)
 * - Records written before carry unkeyed SHA-256 hashes: they stay as they are (the table is
 *   append-only) and are verified by that hash, but only as a prefix of the chain. A non-empty chain
 *   is sealed now by one keyed record, so that from here on every record is keyed and a chain whose
 *   newest record is unkeyed is reported as rewritten.
 */
export class KeyedAuditChain1765100000000 implements MigrationInterface {
  name = "KeyedAuditChain1765100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === "postgres";
    if (!postgres) {
      await queryRunner.query(
        `CREATE TRIGGER audit_event_no_replace BEFORE INSERT ON audit_event WHEN EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END`,
      );
    }
    const [head] = await queryRunner.query(`SELECT "hash" FROM audit_event ORDER BY id DESC LIMIT 1`);
    if (!head || String(head.hash).startsWith(KEYED_PREFIX)) return;
    const content: AuditContent = {
      occurredAt: new Date().toISOString(),
      actorId: 0,
      actorUsername: "system",
      actorRoles: "SYSTEM",
      action: "UPDATE" as AuditContent["action"],
      entityType: "AuditTrail",
      entityId: "chain",
      patientId: null,
      visitId: null,
      field: "hashScheme",
      oldValue: "sha256",
      newValue: "hmac-sha256",
      reason: "Audit key introduced: the records before this one keep their unkeyed hashes",
    };
    const row: Record<string, unknown> = { ...content, previousHash: head.hash, hash: chainHash(auditKeyOf(queryRunner.connection), head.hash, content) };
    const placeholders = COLUMNS.map((_, i) => (postgres ? `$${i + 1}` : "?")).join(", ");
    await queryRunner.query(`INSERT INTO audit_event (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${placeholders})`, COLUMNS.map((c) => row[c]));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The seal stays: the audit trail is append-only.
    if (queryRunner.connection.driver.options.type !== "postgres") await queryRunner.query(`DROP TRIGGER audit_event_no_replace`);
  }
}
