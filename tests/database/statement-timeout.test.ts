/**
 * On PostgreSQL one statement may not run past the request time limit (BASKETQL_QUERY_TIMEOUT_MS): the
 * server's connections carry it as statement_timeout, and a cancelled statement reaches the client as
 * QUERY_LIMIT_EXCEEDED, not as an internal error. SQLite has no such setting; there the filters that
 * could run away are refused before they run (compile-where.ts, query-cost.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GraphQLError } from "graphql";
import { QueryFailedError } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { formatError } from "../../src/graphql/format-error";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";
import { createPostgresDatabase } from "../support/test-database";

describe("a statement cancelled for running too long", () => {
  it("is reported as QUERY_LIMIT_EXCEEDED (time) with its path, not as an internal error", () => {
    const cancelled = new QueryFailedError("SELECT …", [], Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }));
    const wrapped = new GraphQLError(cancelled.message, { path: ["patients"], originalError: cancelled });
    const formatted = formatError({ message: cancelled.message, path: ["patients"], extensions: { code: "INTERNAL_SERVER_ERROR" } }, wrapped);
    expect(formatted).toMatchObject({ path: ["patients"], extensions: { code: "QUERY_LIMIT_EXCEEDED", limit: "time" } });
    expect(formatted.message).not.toMatch(/SELECT|canceling/);
    // any other database failure stays an internal error
    const other = new QueryFailedError("SELECT …", [], Object.assign(new Error("boom"), { code: "XX000" }));
    expect(formatError({ message: "boom", extensions: {} }, new GraphQLError("boom", { path: ["patients"], originalError: other })).extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)("the server on PostgreSQL", () => {
  const dir = mkdtempSync(join(tmpdir(), "basketql-timeout-"));
  let database: { url: string; drop(): Promise<void> };
  let server: RunningServer;
  beforeAll(async () => {
    database = await createPostgresDatabase();
    const config = loadConfig({ PORT: "0", DATABASE_URL: database.url, BASKETQL_SQLITE_PATH: join(dir, "unused.sqlite"), BASKETQL_DEMO: "0", BASKETQL_QUERY_TIMEOUT_MS: "300" });
    server = await startServer(config, plugins, () => {});
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("cancels a statement that runs past the request time limit, and the connection serves the next one", async () => {
    await expect(server.app.dataSource.query("SELECT pg_sleep(2)")).rejects.toMatchObject({ driverError: { code: "57014" } });
    expect(await server.app.dataSource.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    expect(await server.app.dataSource.query("SHOW statement_timeout")).toEqual([{ statement_timeout: "300ms" }]);
  });
});
