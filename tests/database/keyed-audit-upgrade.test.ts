/**
 * A database written before the audit key existed: its records keep their unkeyed SHA-256 hashes. The
 * upgrade seals the chain with one keyed record; the old records verify as a prefix, and an unkeyed
 * record after a keyed one — or a chain ending unkeyed — does not.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { afterAll, describe, expect, it } from "vitest";
import { dataSourceOptions, openDatabase } from "../../src/db/data-source";
import { migrations } from "../../src/db/migrations";
import { canonicalContent, verifyAuditChain } from "../../src/modules/audit/audit-chain";
import { appendAudit, SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { AuditAction } from "../../src/modules/audit/audit-event.entity";
import { createPostgresDatabase } from "../support/test-database";
import { testDatabases } from "../support/test-database";

const COLUMNS = ["occurredAt", "actorId", "actorUsername", "actorRoles", "action", "entityType", "entityId", "patientId", "visitId", "field", "oldValue", "newValue", "reason", "previousHash", "hash"];
const entry = (newValue: string) => ({ action: AuditAction.UPDATE, entityType: "User", entityId: "1", patientId: null, visitId: null, field: "displayName", oldValue: null, newValue, reason: null });

describe.each(testDatabases)("upgrading an audit trail written without a key, on %s", (kind) => {
  const dir = mkdtempSync(join(tmpdir(), "basketql-upgrade-"));
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("verifies the old records as a prefix sealed by a keyed record, and refuses unkeyed records after it", async () => {
    const postgres = kind === "postgres" ? await createPostgresDatabase() : undefined;
    if (postgres) cleanups.push(() => postgres.drop());
    const config = { url: postgres?.url, sqlitePath: join(dir, "old.sqlite") };
    const placeholder = (i: number) => (postgres ? `$${i + 1}` : "?");

    // The database as the previous version left it: every migration but the keyed chain's, and unkeyed records.
    const old = new DataSource({ ...dataSourceOptions(config), migrations: migrations.filter((m) => m.name !== "KeyedAuditChain1765100000000") });
    await old.initialize();
    await old.runMigrations();
    let previousHash = "0".repeat(64);
    for (let i = 0; i < 3; i++) {
      const row: Record<string, unknown> = { occurredAt: new Date().toISOString(), actorId: 0, actorUsername: "system", actorRoles: "SYSTEM", ...entry(`old ${i}`), previousHash };
      row.hash = createHash("sha256").update(previousHash).update("\n").update(canonicalContent(row as any)).digest("hex");
      await old.query(`INSERT INTO audit_event (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map((_, i) => placeholder(i)).join(", ")})`, COLUMNS.map((c) => row[c]));
      previousHash = row.hash as string;
    }
    await old.destroy();

    const key = new TextEncoder().encode(randomBytes(32).toString("base64url"));
    const upgraded = await openDatabase({ ...config, auditKey: key });
    cleanups.push(() => upgraded.destroy());
    const sealed = await verifyAuditChain(upgraded.manager);
    expect(sealed).toMatchObject({ valid: true, checked: 4, unkeyedRows: 3 });
    const [seal] = await upgraded.query(`SELECT * FROM audit_event WHERE id = 4`);
    expect(seal).toMatchObject({ entityType: "AuditTrail", field: "hashScheme", oldValue: "sha256", newValue: "hmac-sha256", previousHash });
    expect(seal.hash).toMatch(/^hmac-sha256:/);

    await upgraded.transaction((manager) => appendAudit(manager, SYSTEM_ACTOR, [entry("new")]));
    expect(await verifyAuditChain(upgraded.manager)).toMatchObject({ valid: true, checked: 5, unkeyedRows: 3 });

    // Another key does not verify the keyed records.
    const otherKey = await openDatabase({ ...config, auditKey: new TextEncoder().encode(randomBytes(32).toString("hex")) });
    expect(await verifyAuditChain(otherKey.manager)).toMatchObject({ valid: false, firstBrokenId: 4 });
    await otherKey.destroy();

    // An unkeyed record appended by someone without the key.
    const [head] = await upgraded.query(`SELECT * FROM audit_event ORDER BY id DESC LIMIT 1`);
    const forged: Record<string, unknown> = { ...head, newValue: "forged", previousHash: head.hash };
    forged.hash = createHash("sha256").update(head.hash).update("\n").update(canonicalContent(forged as any)).digest("hex");
    await upgraded.query(`INSERT INTO audit_event (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map((_, i) => placeholder(i)).join(", ")})`, COLUMNS.map((c) => forged[c]));
    const result = await verifyAuditChain(upgraded.manager);
    expect(result).toMatchObject({ valid: false, firstBrokenId: 6 });
    expect(result.problem).toMatch(/unkeyed hash after keyed records/);
  });

  it.runIf(kind === "sqlite")("keeps a development key in a file beside the SQLite database, readable by its owner only", async () => {
    const sqlitePath = join(dir, "fresh.sqlite");
    const first = await openDatabase({ sqlitePath });
    await first.transaction((manager) => appendAudit(manager, SYSTEM_ACTOR, [entry("one")]));
    await first.destroy();
    expect(statSync(join(dir, "audit-key")).mode & 0o777).toBe(0o600);
    // Opened again (the command line, or the server after a restart), the same key verifies.
    const again = await openDatabase({ sqlitePath });
    cleanups.push(() => again.destroy());
    expect(await verifyAuditChain(again.manager)).toMatchObject({ valid: true, checked: 1 });
  });
});
