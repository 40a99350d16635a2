/**
 * The compiled server (`node dist/src/main.js`) and command line, run in child processes as an operator
 * runs them: configurations it must refuse before touching the disk, production defaults, the modes of
 * the files it creates, what it logs of a failed SQL statement, a busy port, and SIGTERM.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../support/test-database";
import { compileServer, runToEnd, startChild } from "./compiled-server";
import type { Child } from "./compiled-server";

const SECRET = "a-test-secret-of-at-least-32-characters";
const PRODUCTION = { NODE_ENV: "production", BASKETQL_JWT_SECRET: SECRET, BASKETQL_AUDIT_KEY: `audit-${SECRET}` };

let work: string;
let scripts: { main: string; cli: string };
const running: Child[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "basketql-process-"));
  scripts = await compileServer(join(work, "build"));
});
afterAll(async () => {
  for (const child of running) if (child.process.exitCode === null) child.process.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

/** A fresh directory for one run; the SQLite file goes into its `data` subdirectory, which does not exist yet. */
function place() {
  const dir = mkdtempSync(join(work, "run-"));
  const dataDir = join(dir, "data");
  return { dir, dataDir, sqlitePath: join(dataDir, "trial.sqlite") };
}

function server(env: Record<string, string>): Child {
  const child = startChild(scripts.main, { PORT: "0", ...env });
  running.push(child);
  return child;
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Stops a running server with SIGTERM and answers its exit code. */
async function stop(child: Child) {
  child.process.kill("SIGTERM");
  return child.exited;
}

describe("a configuration the server refuses", () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ["production without BASKETQL_JWT_SECRET", { NODE_ENV: "production" }, /^BASKETQL_JWT_SECRET is required when NODE_ENV=production$/],
    ["a JWT secret of blanks", { ...PRODUCTION, BASKETQL_JWT_SECRET: " ".repeat(48) }, /^BASKETQL_JWT_SECRET must have at least 32 non-blank characters \(it has 0\)$/],
    ["a JWT secret of 31 characters padded with blanks", { BASKETQL_JWT_SECRET: `${"abcdefghij ".repeat(3)}x${" ".repeat(10)}` }, /at least 32 non-blank characters \(it has 31\)/],
    ["a wildcard CORS origin", { ...PRODUCTION, BASKETQL_CORS_ORIGINS: "*" }, /^BASKETQL_CORS_ORIGINS must list origins such as https:\/\/trial.example.org/],
    ["a switch it does not understand", { ...PRODUCTION, BASKETQL_DEMO: "maybe" }, /^BASKETQL_DEMO must be one of/],
    ["a port out of range", { ...PRODUCTION, PORT: "70000" }, /^PORT must be an integer from 0 to 65535/],
  ];

  it.each(cases)("%s: exits non-zero with one line, and creates no file", async (_case, env, message) => {
    const { dir, sqlitePath } = place();
    const run = await runToEnd(scripts.main, { PORT: "0", BASKETQL_SQLITE_PATH: sqlitePath, ...env });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(message)]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a development token key that other users can read: refused, and no database is created", async () => {
    const { dataDir, sqlitePath } = place();
    mkdirSync(dataDir, { mode: 0o700 });
    const keyFile = join(dataDir, "jwt-secret");
    writeFileSync(keyFile, "k".repeat(43));
    chmodSync(keyFile, 0o644);
    const run = await runToEnd(scripts.main, { PORT: "0", BASKETQL_SQLITE_PATH: sqlitePath });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toEqual([`The token key ${keyFile} can be read by other users (mode 0644); run chmod 600 ${keyFile}`]);
    expect(readdirSync(dataDir)).toEqual(["jwt-secret"]);
  });
});

describe("in production by default", () => {
  it("does not load the demo trial into an empty database", async () => {
    const { sqlitePath } = place();
    const child = server({ ...PRODUCTION, BASKETQL_SQLITE_PATH: sqlitePath });
    await child.ready;
    expect(child.stdout()).not.toMatch(/demo/i);
    expect(await stop(child)).toBe(0);
    const dataSource = new DataSource({ type: "sqlite", database: sqlitePath });
    await dataSource.initialize();
    try {
      expect(await dataSource.query("SELECT COUNT(*) AS n FROM study")).toEqual([{ n: 0 }]);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe("files on disk", () => {
  it("the server creates its data directory 0700 and the database, WAL, shared memory and token key 0600", async () => {
    const { dataDir, sqlitePath } = place();
    const child = server({ BASKETQL_SQLITE_PATH: sqlitePath, BASKETQL_DEMO: "0" });
    await child.ready;
    expect(readdirSync(dataDir).sort()).toEqual(["audit-key", "jwt-secret", "trial.sqlite", "trial.sqlite-shm", "trial.sqlite-wal"]);
    expect(mode(dataDir)).toBe("700");
    for (const file of readdirSync(dataDir)) expect([file, mode(join(dataDir, file))]).toEqual([file, "600"]);
    expect(await stop(child)).toBe(0);
  });

  it("the command line creates them 0600 too", async () => {
    const { dataDir, sqlitePath } = place();
    const env = { BASKETQL_SQLITE_PATH: sqlitePath };
    const created = await runToEnd(scripts.cli, env, ["user", "create", "jdoe", "--name", "Jane Doe"]);
    expect(created).toMatchObject({ code: 0, stdout: "Created user jdoe.\n" });
    const token = await runToEnd(scripts.cli, env, ["token", "jdoe"]);
    expect(token.code).toBe(0);
    expect(mode(dataDir)).toBe("700");
    expect(readdirSync(dataDir).sort()).toEqual(expect.arrayContaining(["audit-key", "jwt-secret", "trial.sqlite"]));
    for (const file of readdirSync(dataDir)) expect([file, mode(join(dataDir, file))]).toEqual([file, "600"]);
  });
});

describe("a failed SQL statement", () => {
  const TYPED = "typed-username-q7x";
  const PASSWORD = "typed-password-q7x";

  /** Starts a server, takes the account table away under it and signs in: the lookup of the typed username fails. */
  async function failedSignIn(env: Record<string, string>) {
    const { sqlitePath } = place();
    const child = server({ BASKETQL_SQLITE_PATH: sqlitePath, BASKETQL_DEMO: "0", ...env });
    const url = await child.ready;
    const other = new DataSource({ type: "sqlite", database: sqlitePath });
    await other.initialize();
    await other.query("ALTER TABLE app_user RENAME TO app_user_elsewhere");
    await other.destroy();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }", variables: { u: TYPED, p: PASSWORD } }),
    });
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
    for (let i = 0; i < 50 && !child.stderr().includes("[sql] failed"); i++) await sleep(50);
    expect(await stop(child)).toBe(0);
    expect(child.stderr()).toMatch(/\[sql\] failed: SQLITE_ERROR: no such table: app_user\n.*"app_user".* -- \(1 values not logged\)/);
    return child.stdout() + child.stderr();
  }

  it("is logged without its values by default", async () => {
    const output = await failedSignIn({});
    expect(output).not.toContain(TYPED);
    expect(output).not.toContain(PASSWORD);
  });

  it("is logged without its values in production, even with BASKETQL_LOG_SQL=1", async () => {
    const output = await failedSignIn({ ...PRODUCTION, BASKETQL_LOG_SQL: "1" });
    expect(output).toMatch(/\[sql\] SELECT/);
    expect(output).not.toContain(TYPED);
    expect(output).not.toContain(PASSWORD);
  });

  it("shows its values only when the operator asked for SQL logging outside production", async () => {
    const { sqlitePath } = place();
    const child = server({ BASKETQL_SQLITE_PATH: sqlitePath, BASKETQL_DEMO: "0", BASKETQL_LOG_SQL: "1" });
    const url = await child.ready;
    await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }", variables: { u: TYPED, p: PASSWORD } }),
    });
    expect(await stop(child)).toBe(0);
    expect(child.stdout()).toContain(`"${TYPED}"`);
  });
});

describe("a busy port", () => {
  it("is one clear line and a non-zero exit code", async () => {
    const holder = createServer();
    await new Promise<void>((done) => holder.listen(0, "127.0.0.1", done));
    const { port } = holder.address() as AddressInfo;
    try {
      const { sqlitePath } = place();
      const run = await runToEnd(scripts.main, { ...PRODUCTION, PORT: String(port), HOST: "127.0.0.1", BASKETQL_SQLITE_PATH: sqlitePath });
      expect(run.code).toBe(1);
      expect(run.stderr.trimEnd().split("\n")).toEqual([`port ${port} is already in use; set PORT`]);
    } finally {
      holder.close();
    }
  });
});


/**
 * SIGTERM while a request is in flight (its headers received, its body not yet): the server stops taking
 * connections, answers that request once its body arrives, closes the database and exits 0.
 */
async function expectDrainedOnSigterm(env: Record<string, string>) {
  const child = server({ ...PRODUCTION, BASKETQL_DEMO: "0", ...env });
  const url = new URL(await child.ready);
  const body = JSON.stringify({ query: "{ __typename }" });
  // One kept-alive connection: established by a first request, so the second one is surely the server's.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = () => {
    const req = request({ agent, host: "127.0.0.1", port: url.port, method: "POST", path: "/", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } });
    const answer = new Promise<{ status: number; text: string }>((done, fail) => {
      req.on("response", (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => done({ status: response.statusCode!, text }));
      });
      req.on("error", fail);
    });
    return { req, answer };
  };
  const first = send();
  first.req.end(body);
  expect((await first.answer).status).toBe(200);
  const { req, answer } = send();
  req.write(body.slice(0, 10));
  await sleep(300);
  child.process.kill("SIGTERM");
  await sleep(300);
  // no longer accepting connections, but still running: the request in flight is not answered yet
  await expect(fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).rejects.toThrow();
  expect(child.process.exitCode).toBeNull();
  req.end(body.slice(10));
  const { status, text } = await answer;
  expect(status).toBe(200);
  expect(JSON.parse(text)).toEqual({ data: { __typename: "Query" } });
  expect(await child.exited).toBe(0);
  expect(child.stderr()).toBe("");
  agent.destroy();
}

describe("SIGTERM", () => {
  it("on SQLite: drains the request in flight, then exits 0", async () => {
    await expectDrainedOnSigterm({ BASKETQL_SQLITE_PATH: place().sqlitePath });
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("on PostgreSQL: drains the request in flight, then exits 0", async () => {
    const database = await createPostgresDatabase();
    try {
      await expectDrainedOnSigterm({ DATABASE_URL: database.url });
    } finally {
      await database.drop();
    }
  });
});
