import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";
import { bearer } from "./bearer";
import { createPostgresDatabase } from "./test-database";

export interface HttpAnswer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
}

export interface HttpTrial {
  server: RunningServer;
  /** POSTs an operation as `username` (a demo account), the way a client would. */
  post(username: string, query: string, variables?: Record<string, unknown>): Promise<HttpAnswer>;
  stop(): Promise<void>;
}

/**
 * The real HTTP server on an ephemeral port with the demo trial loaded, on a fresh SQLite file or a
 * fresh PostgreSQL database (TEST_DATABASE_URL), for probing it from outside as a client would.
 */
export async function startHttpTrial(kind: "sqlite" | "postgres"): Promise<HttpTrial> {
  const env: Record<string, string> = { PORT: "0", BASKETQL_DEMO: "1", BASKETQL_JWT_SECRET: "a-test-secret-of-at-least-32-characters" };
  let drop: () => Promise<void>;
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "basketql-http-"));
    env.BASKETQL_SQLITE_PATH = join(dir, "db.sqlite");
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const database = await createPostgresDatabase();
    env.DATABASE_URL = database.url;
    drop = database.drop;
  }
  const server = await startServer(loadConfig(env), plugins, () => {});
  const tokens = new Map<string, Record<string, string>>();
  return {
    server,
    async post(username, query, variables) {
      if (!tokens.has(username)) tokens.set(username, await bearer(server, username));
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...tokens.get(username) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as HttpAnswer["body"] };
    },
    async stop() {
      await server.stop();
      await drop();
    },
  };
}
