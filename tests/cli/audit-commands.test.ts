/**
 * `basketql audit checkpoint` and `audit verify --checkpoint`, run as an operator would (compiled, in a
 * child process, on a SQLite file): a checkpoint recorded outside the database shows a chain whose
 * newest records were deleted by someone who could write the file.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/data-source";
import { AuditAction } from "../../src/modules/audit/audit-event.entity";
import { appendAudit, SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { attackDatabase } from "../support/database-attacker";
import { createPostgresDatabase } from "../support/test-database";

const ROOT = resolve(__dirname, "../..");
let workDir: string;
let cliScript: string;
let sqlitePath: string;

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [cliScript, ...args],
      { cwd: ROOT, env: { ...process.env, BASKETQL_SQLITE_PATH: sqlitePath, NODE_PATH: join(ROOT, "node_modules"), DATABASE_URL: "", BASKETQL_AUDIT_KEY: "", NODE_ENV: "", ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("audit trail checks from the command line", () => {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), "basketql-cli-audit-"));
    sqlitePath = join(workDir, "trial.sqlite");
    const buildDir = join(workDir, "build");
    await promisify(execFile)(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tests/cli/cli.tsconfig.json"), "--outDir", buildDir, "--noCheck"], { cwd: ROOT });
    cliScript = join(buildDir, "src/cli.js");
    // Records written by the service, keyed with the development key file beside the database.
    const dataSource = await openDatabase({ sqlitePath });
    for (let i = 0; i < 5; i++) {
      await dataSource.transaction((manager) =>
        appendAudit(manager, SYSTEM_ACTOR, [{ action: AuditAction.UPDATE, entityType: "User", entityId: "1", patientId: null, visitId: null, field: "displayName", oldValue: null, newValue: `n${i}`, reason: null }]),
      );
    }
    await dataSource.destroy();
  }, 180_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("prints a checkpoint, reports a deleted tail against it, and needs the same key", async () => {
    const taken = await cli(["audit", "checkpoint"]);
    expect(taken).toMatchObject({ code: 0, stderr: "" });
    const checkpoint = taken.stdout.trim();
    expect(checkpoint).toMatch(/^audit-checkpoint\/1\/5\/5\/hmac-sha256:[0-9a-f]{64}$/);
    expect(await cli(["audit", "verify", "--checkpoint", checkpoint])).toMatchObject({ code: 0 });

    // Someone with the file drops the triggers and deletes the two newest records.
    const attacker = await attackDatabase("sqlite", sqlitePath);
    await attacker.disableTriggers();
    await attacker.query(`DELETE FROM audit_event WHERE id > 3`);
    await attacker.close();

    const plain = await cli(["audit", "verify"]);
    expect(plain.code).toBe(0); // the shorter chain is consistent in itself
    const against = await cli(["audit", "verify", "--checkpoint", checkpoint]);
    expect(against.code).toBe(1);
    expect(against.stderr).toMatch(/NOT valid: the checkpoint's head, record 5, is no longer in the chain \(3 records now, 5 at the checkpoint\)/);

    // Another key verifies nothing; production without a key does not start.
    const otherKey = await cli(["audit", "verify"], { BASKETQL_AUDIT_KEY: "another key of at least thirty-two characters" });
    expect(otherKey).toMatchObject({ code: 1 });
    expect(otherKey.stderr).toMatch(/record 1 does not match its hash/);
    expect(await cli(["audit", "verify"], { NODE_ENV: "production", BASKETQL_JWT_SECRET: "x".repeat(32) })).toMatchObject({ code: 1, stderr: expect.stringMatching(/BASKETQL_AUDIT_KEY is required/) });
    expect(await cli(["audit", "verify", "--checkpoint", "nonsense"])).toMatchObject({ code: 1, stderr: expect.stringMatching(/not an audit checkpoint/) });
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)("migrates a PostgreSQL database as its owner and grants the service role, which could not create the schema itself", async () => {
    const database = await createPostgresDatabase();
    const role = `basketql_cli_${randomBytes(4).toString("hex")}`;
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    try {
      const service = new URL(database.url);
      service.username = role;
      const env = { DATABASE_URL: service.toString(), BASKETQL_AUDIT_KEY: "an audit key of at least thirty-two characters" };
      // The service role alone may not create the schema (PostgreSQL 15 and later give PUBLIC no CREATE on public).
      expect((await cli(["audit", "verify"], env)).code).toBe(1);
      const migrated = await cli(["migrate"], { ...env, DATABASE_MIGRATION_URL: database.url });
      expect(migrated).toMatchObject({ code: 0, stdout: "The database schema is up to date.\n" });
      expect(await cli(["audit", "verify"], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Audit trail valid: 0 records/) });
    } finally {
      await database.drop();
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
});
