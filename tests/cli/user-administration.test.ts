/**
 * The `basketql user …` commands, run as an operator would (compiled, in a child process, on a SQLite
 * file holding the demo trial): accounts, passwords, roles and deactivation take effect for sign-in
 * and are in the audit trail, attributed to the operating-system account that ran them.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir, userInfo } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { createApp } from "../../src/app";
import type { App } from "../../src/app";
import { openDatabase } from "../../src/db/data-source";
import { loadDemoTrial } from "../../src/demo/load-demo-trial";
import { Access } from "../../src/modules/access/access";
import { accessOf } from "../../src/modules/access/authenticate";
import { User } from "../../src/modules/access/user.entity";

const ROOT = resolve(__dirname, "../..");
const PASSWORD = "a password long enough";
const OPERATOR = `${userInfo().username}@${hostname()}`;

let workDir: string;
let cliScript: string;
let sqlitePath: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `basketql <args>` on the test's SQLite file, with `stdin` as standard input. */
function cli(args: string[], stdin = ""): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [cliScript, ...args],
      { cwd: ROOT, env: { ...process.env, BASKETQL_SQLITE_PATH: sqlitePath, NODE_PATH: join(ROOT, "node_modules"), DATABASE_URL: "" } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

/** Opens the file the commands wrote, as the server would, for one check through GraphQL. */
async function withServer<T>(work: (app: App, dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await openDatabase({ sqlitePath });
  const app = await createApp(dataSource, plugins);
  await app.apollo.start();
  try {
    return await work(app, dataSource);
  } finally {
    await app.apollo.stop();
    await dataSource.destroy();
  }
}

async function execute(app: App, query: string, variables: Record<string, unknown>, access: Access) {
  const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context(access) });
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  return JSON.parse(JSON.stringify(response.body.singleResult));
}

const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { user { username } } }`;
const TRAIL = `query($actions: [AuditAction!]) { auditTrail(actions: $actions, entityType: null, first: 500) { nodes { action entityType field oldValue newValue reason actorUsername actorRoles } } }`;

describe("user administration from the command line", () => {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), "basketql-cli-"));
    sqlitePath = join(workDir, "trial.sqlite");
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const buildDir = join(workDir, "build");
    await promisify(execFile)(process.execPath, [tsc, "-p", join(ROOT, "tests/cli/cli.tsconfig.json"), "--outDir", buildDir, "--noCheck"], { cwd: ROOT });
    cliScript = join(buildDir, "src/cli.js");
    const dataSource = await openDatabase({ sqlitePath });
    await loadDemoTrial(dataSource, (await createApp(dataSource, plugins)).registry);
    await dataSource.destroy();
  }, 120_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("creates a user with a password, grants and revokes a role, deactivates: each effective and audited", async () => {
    expect(await cli(["user", "create", "alice", "--name", "Alice Example", "--password-stdin"], `${PASSWORD}\n`)).toMatchObject({ code: 0, stdout: "Created user alice.\n" });
    expect(await cli(["user", "grant", "alice", "investigator", "--site", "01", "--reason", "new investigator"])).toMatchObject({ code: 0 });

    await withServer(async (app, dataSource) => {
      const signedIn = await execute(app, SIGN_IN, { u: "alice", p: PASSWORD }, Access.anonymous());
      expect(signedIn.data?.signIn.user.username).toBe("alice");
      const alice = await accessOf(dataSource.manager, await dataSource.manager.findOneByOrFail(User, { username: "alice" }));
      expect(alice.assignments.map((a) => a.role)).toEqual(["INVESTIGATOR"]);
    });

    expect(await cli(["user", "revoke", "alice", "investigator", "--site", "01", "--reason", "moved to site 02"])).toMatchObject({ code: 0 });
    expect(await cli(["user", "deactivate", "alice", "--reason", "left the study"])).toMatchObject({ code: 0, stdout: "Deactivated alice.\n" });

    await withServer(async (app, dataSource) => {
      const refused = await execute(app, SIGN_IN, { u: "alice", p: PASSWORD }, Access.anonymous());
      expect(refused.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      const auditor = await accessOf(dataSource.manager, await dataSource.manager.findOneByOrFail(User, { username: "demo-auditor" }));
      const { data } = await execute(app, TRAIL, { actions: ["CREATE", "UPDATE", "ROLE_GRANTED", "ROLE_REVOKED"] }, auditor);
      const byOperator = data.auditTrail.nodes.filter((r: { actorUsername: string }) => r.actorUsername === OPERATOR);
      expect(byOperator.every((r: { actorRoles: string }) => r.actorRoles === "COMMAND_LINE")).toBe(true);
      expect(byOperator.map(({ action, field, oldValue, newValue, reason }: Record<string, string | null>) => ({ action, field, oldValue, newValue, reason }))).toEqual([
        { action: "CREATE", field: "username", oldValue: null, newValue: "alice", reason: null },
        { action: "CREATE", field: "displayName", oldValue: null, newValue: "Alice Example", reason: null },
        { action: "CREATE", field: "active", oldValue: null, newValue: "true", reason: null },
        { action: "CREATE", field: "password", oldValue: null, newValue: "(set)", reason: null },
        { action: "ROLE_GRANTED", field: "role", oldValue: null, newValue: "alice: INVESTIGATOR at site 01 of TRANSREG", reason: "new investigator" },
        { action: "ROLE_REVOKED", field: "role", oldValue: "alice: INVESTIGATOR at site 01 of TRANSREG", newValue: null, reason: "moved to site 02" },
        { action: "UPDATE", field: "active", oldValue: "true", newValue: "false", reason: "left the study" },
      ]);
      // The refused sign-in of the deactivated account is in the trail too.
      const failed = (await execute(app, TRAIL, { actions: ["SIGN_IN_FAILED"] }, auditor)).data.auditTrail.nodes;
      expect(failed.map((r: { reason: string }) => r.reason)).toEqual(["inactive account"]);
    });
  }, 60_000);

  it("unlocks an account locked by failed sign-ins, with a reason, audited; refuses an unlock without a reason or of an unlocked account", async () => {
    expect(await cli(["user", "create", "dave", "--name", "Dave Example", "--password-stdin"], `${PASSWORD}\n`)).toMatchObject({ code: 0 });
    await withServer(async (app) => {
      for (let i = 0; i < 5; i++) await execute(app, SIGN_IN, { u: "dave", p: `wrong password ${i}` }, Access.anonymous());
      const locked = await execute(app, SIGN_IN, { u: "dave", p: PASSWORD }, Access.anonymous());
      expect(locked.errors?.[0].message).toBe("Unknown username or wrong password");
    });
    expect((await cli(["user", "list"])).stdout).toMatch(/^dave\tDave Example\t\t\(locked since \d{4}-\d\d-\d\dT[\d:.]+Z\)$/m);

    const noReason = await cli(["user", "unlock", "dave"]);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain("--reason");
    expect(await cli(["user", "unlock", "dave", "--reason", "identity confirmed by phone"])).toMatchObject({ code: 0, stdout: "Unlocked dave.\n" });
    const again = await cli(["user", "unlock", "dave", "--reason", "twice"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("dave is not locked");

    await withServer(async (app, dataSource) => {
      const signedIn = await execute(app, SIGN_IN, { u: "dave", p: PASSWORD }, Access.anonymous());
      expect(signedIn.data?.signIn.user.username).toBe("dave");
      const auditor = await accessOf(dataSource.manager, await dataSource.manager.findOneByOrFail(User, { username: "demo-auditor" }));
      const trail = (await execute(app, TRAIL, { actions: ["ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED"] }, auditor)).data.auditTrail.nodes;
      expect(trail.map(({ action, field, reason, actorUsername, actorRoles }: Record<string, string>) => ({ action, field, reason, actorUsername, actorRoles }))).toEqual([
        { action: "ACCOUNT_LOCKED", field: "lockedAt", reason: "5 consecutive failed password attempts (the last at sign-in)", actorUsername: "dave", actorRoles: "" },
        { action: "ACCOUNT_UNLOCKED", field: "lockedAt", reason: "identity confirmed by phone", actorUsername: OPERATOR, actorRoles: "COMMAND_LINE" },
      ]);
    });
  }, 90_000);

  it("refuses a wrong command with a message naming the problem, and changes nothing", async () => {
    const before = await withServer(async (_app, dataSource) => dataSource.query("SELECT COUNT(*) AS n FROM audit_event"));
    const siteRole = await cli(["user", "grant", "demo-analyst", "monitor"]);
    expect(siteRole.code).toBe(1);
    expect(siteRole.stderr).toContain("MONITOR is a site role; name a site of TRANSREG");
    const notHeld = await cli(["user", "revoke", "demo-analyst", "investigator", "--site", "01"]);
    expect(notHeld).toMatchObject({ code: 1 });
    expect(notHeld.stderr).toContain("demo-analyst does not hold INVESTIGATOR at site 01 of TRANSREG");
    const shortPassword = await cli(["user", "create", "bob", "--name", "Bob", "--password-stdin"], "short\n");
    expect(shortPassword).toMatchObject({ code: 1 });
    expect(shortPassword.stderr).toContain("password must have at least 12 characters");
    const after = await withServer(async (_app, dataSource) => dataSource.query("SELECT COUNT(*) AS n FROM audit_event"));
    expect(after).toEqual(before);
  }, 60_000);
});
