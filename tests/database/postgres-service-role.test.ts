/**
 * A PostgreSQL deployment with two roles: migrations run as the schema's owner (DATABASE_MIGRATION_URL),
 * the service as a role that may only INSERT and SELECT on audit_event. Over HTTP the service writes
 * and verifies the audit trail; connected as that role, nobody can change, remove or truncate audit
 * records, nor disable or drop the table's triggers. Skipped on SQLite, which has no roles.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { dataSourceOptions } from "../../src/db/data-source";
import { migrations } from "../../src/db/migrations";
import { grantServiceRole } from "../../src/db/service-role";
import { revokeRole } from "../../src/modules/access/accounts";
import { Role } from "../../src/modules/access/role";
import { AuditEvent } from "../../src/modules/audit/audit-event.entity";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { useAuditKey } from "../../src/modules/audit/audit-key";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";
import { bearer } from "../support/bearer";
import { createPostgresDatabase } from "../support/test-database";

const VERIFY = `{ verifyAuditTrail { valid checked problem } }`;

describe.runIf(!!process.env.TEST_DATABASE_URL)("the service as a PostgreSQL role that does not own the schema", () => {
  const role = `basketql_service_${randomBytes(4).toString("hex")}`;
  const dir = mkdtempSync(join(tmpdir(), "basketql-role-"));
  const auditKey = randomBytes(32).toString("base64url");
  let database: { url: string; drop(): Promise<void> };
  let serviceUrl: string;
  let server: RunningServer | undefined;

  const admin = async <T>(work: (client: Client) => Promise<T>, url = process.env.TEST_DATABASE_URL!): Promise<T> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const configFor = (env: Record<string, string>) =>
    loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "unused.sqlite"), BASKETQL_JWT_SECRET: "a-test-secret-of-at-least-32-characters", BASKETQL_AUDIT_KEY: auditKey, BASKETQL_DEMO: "1", ...env });
  async function post(query: string, headers: Record<string, string> = {}) {
    const response = await fetch(server!.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
    return (await response.json()) as any;
  }

  beforeAll(async () => {
    database = await createPostgresDatabase();
    await admin((client) => client.query(`CREATE ROLE ${role} LOGIN`));
    const url = new URL(database.url);
    url.username = role;
    url.password = "";
    serviceUrl = url.toString();
    // The schema as the previous version left it, with the service role's grants: one migration is pending.
    const old = new DataSource({ ...dataSourceOptions({ url: database.url, sqlitePath: "" }), migrations: migrations.slice(0, -1) });
    useAuditKey(old, new TextEncoder().encode(auditKey));
    await old.initialize();
    await old.runMigrations();
    await grantServiceRole(old, role);
    await old.destroy();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await admin((client) => client.query(`DROP ROLE IF EXISTS ${role}`));
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to apply pending migrations as the service role", async () => {
    await expect(startServer(configFor({ DATABASE_URL: serviceUrl }), plugins, () => {})).rejects.toThrow(
      new RegExp(`pending migrations, and ${role} does not own its schema \\(postgres does\\).*DATABASE_MIGRATION_URL`),
    );
  });

  it("migrates as the owner, then serves as the role: writes and verifyAuditTrail work over HTTP", async () => {
    server = await startServer(configFor({ DATABASE_URL: serviceUrl, DATABASE_MIGRATION_URL: database.url }), plugins, () => {});
    expect(await server.app.dataSource.query(`SELECT current_user AS role`)).toEqual([{ role }]);
    expect(await server.app.dataSource.showMigrations()).toBe(false);
    const before = await server.app.dataSource.manager.count(AuditEvent);
    expect(before).toBeGreaterThan(0); // the demo trial, loaded by the service role
    const failed = await post(`mutation { signIn(username: "nobody", password: "wrong") { token } }`);
    expect(failed.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    // The attempt was counted by the role, in the table shared by every server process.
    expect(await server.app.dataSource.query(`SELECT key, points FROM password_attempt ORDER BY key`)).toEqual([
      { key: "password-attempt-account:nobody", points: 1 },
      { key: expect.stringMatching(/^password-attempt-address:.*127\.0\.0\.1$/), points: 1 },
    ]);
    expect(await server.app.dataSource.manager.count(AuditEvent)).toBe(before + 1);
    const { data } = await post(VERIFY, await bearer(server, "demo-auditor"));
    expect(data.verifyAuditTrail).toEqual({ valid: true, checked: before + 1, problem: null });
  }, 120_000);

  it("refuses UPDATE, DELETE, TRUNCATE, upserts and disabling or dropping the triggers of audit_event to the role; lets it clear expired attempt counts", async () => {
    await admin(async (client) => {
      const count = async () => Number((await client.query(`SELECT count(*) AS n FROM audit_event`)).rows[0].n);
      const rows = await count();
      await expect(client.query(`UPDATE audit_event SET "newValue" = 'forged' WHERE id = 1`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`DELETE FROM audit_event WHERE id = 1`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`TRUNCATE audit_event`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`INSERT INTO audit_event SELECT * FROM audit_event WHERE id = 1 ON CONFLICT (id) DO UPDATE SET "newValue" = 'forged'`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`ALTER TABLE audit_event DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(client.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`)).rejects.toThrow(/must be owner/);
      await expect(client.query(`DROP TRIGGER audit_event_no_update ON audit_event`)).rejects.toThrow(/must be owner/);
      await expect(client.query(`DROP TABLE audit_event`)).rejects.toThrow(/must be owner/);
      // Clinical records are marked removed, never deleted: the role cannot delete them either.
      await expect(client.query(`DELETE FROM patient`)).rejects.toThrow(/permission denied/);
      expect(await count()).toBe(rows);
      // The attempt limiter clears expired counts: the one delete on a table other than role_assignment.
      await client.query(`INSERT INTO password_attempt VALUES ('password-attempt-account:expired', 1, 0)`);
      expect((await client.query(`DELETE FROM password_attempt WHERE expire < $1`, [Date.now() - 3_600_000])).rowCount).toBe(1);
    }, serviceUrl);
  });

  it("lets the role revoke a role from the command line's code path (the one delete it needs), audited", async () => {
    const before = await server!.app.dataSource.manager.count(AuditEvent);
    const revoked = await server!.app.dataSource.transaction((manager) => revokeRole(manager, SYSTEM_ACTOR, { username: "demo-analyst", role: Role.ANALYST }, "test"));
    expect(revoked).toBe(1);
    expect(await server!.app.dataSource.manager.count(AuditEvent)).toBeGreaterThan(before);
    const { data } = await post(VERIFY, await bearer(server!, "demo-auditor"));
    expect(data.verifyAuditTrail.valid).toBe(true);
  });
});
