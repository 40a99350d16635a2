import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";
import { createPostgresDatabase } from "./test-database";

export interface TestServer {
  server: RunningServer;
  /** The SQLite file, or the PostgreSQL URL, the server uses. */
  database: string;
  stop(): Promise<void>;
}

/**
 * The real HTTP server on an ephemeral port, on a fresh SQLite file or a fresh PostgreSQL database,
 * configured as an operator would (environment variables, see src/config.ts).
 */
export async function startTestServer(kind: "sqlite" | "postgres", env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "basketql-http-"));
  const postgres = kind === "postgres" ? await createPostgresDatabase() : undefined;
  const sqlitePath = join(dir, "db.sqlite");
  const config = loadConfig({
    PORT: "0",
    BASKETQL_SQLITE_PATH: sqlitePath,
    BASKETQL_JWT_SECRET: "a-test-secret-of-at-least-32-characters",
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...env,
  });
  let server: RunningServer;
  try {
    server = await startServer(config, plugins, () => {});
  } catch (error) {
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    server,
    database: postgres?.url ?? sqlitePath,
    async stop() {
      await server.stop();
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
