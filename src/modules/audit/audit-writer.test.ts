import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/support/test-database";
import type { TestDatabase } from "../../../tests/support/test-database";
import { testDatabases } from "../../../tests/support/test-database";
import { verifyAuditChain } from "./audit-chain";
import { AuditAction, AuditEvent } from "./audit-event.entity";
import { appendAudit, SYSTEM_ACTOR } from "./audit-writer";
import { SqlLogger } from "../../db/sql-logger";

const entry = (newValue: string) => ({ action: AuditAction.UPDATE, entityType: "User", entityId: "1", patientId: null, visitId: null, field: "displayName", oldValue: null, newValue, reason: null });

// What reaches the writer without passing the GraphQL check (the command line, a value computed by the
// service): text the database stores differently from what was hashed fails the transaction.
describe.each(testDatabases)("audit writer on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db.drop());

  it("refuses a record that would be stored differently from what it hashed, and the chain stays valid", async () => {
    await db.dataSource.transaction((manager) => appendAudit(manager, SYSTEM_ACTOR, [entry("fine")]));
    await expect(db.dataSource.transaction((manager) => appendAudit(manager, SYSTEM_ACTOR, [entry("fine"), entry("lone \ud800 surrogate")]))).rejects.toThrow();
    // A NUL character: PostgreSQL refuses it; SQLite stores and returns it unchanged. Either way the chain holds.
    const nulStored = await db.dataSource.transaction((manager) => appendAudit(manager, SYSTEM_ACTOR, [entry("nul \u0000 character")])).then(() => true, () => false);
    expect(nulStored).toBe(kind === "sqlite");
    await db.dataSource.transaction((manager) => appendAudit(manager, SYSTEM_ACTOR, [entry("still fine 😀")]));
    const expected = nulStored ? 3 : 2;
    expect(await db.dataSource.manager.count(AuditEvent)).toBe(expected);
    expect(await verifyAuditChain(db.dataSource.manager)).toMatchObject({ valid: true, checked: expected });
  });

  it("writes a change's records in one INSERT per 500, chained in id order", async () => {
    const logger = db.dataSource.logger as SqlLogger;
    const before = await db.dataSource.manager.count(AuditEvent);
    const entries = Array.from({ length: 501 }, (_, i) => entry(`value ${i}`));
    const statementsBefore = logger.statements;
    await db.dataSource.transaction((manager) => appendAudit(manager, SYSTEM_ACTOR, entries));
    // lock (PostgreSQL) + head, two INSERTs, the read-back; BEGIN/COMMIT are counted too.
    expect(logger.statements - statementsBefore).toBeLessThanOrEqual(7);
    const stored = await db.dataSource.manager.getRepository(AuditEvent).find({ order: { id: "ASC" }, skip: before });
    expect(stored.map((row) => row.newValue)).toEqual(entries.map((e) => e.newValue));
    expect(await verifyAuditChain(db.dataSource.manager)).toMatchObject({ valid: true, checked: before + 501 });
  });
});
