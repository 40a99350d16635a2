import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { openDatabase } from "../../src/db/data-source";

/**
 * The databases integration tests run against: SQLite always, PostgreSQL too when
 * TEST_DATABASE_URL names a server (.ci/run sets it). Each test file gets its own
 * fresh database so files can run in parallel.
 */
export const testDatabases: Array<"sqlite" | "postgres"> = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDatabase {
  dataSource: DataSource;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: "sqlite" | "postgres"): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dataSource = await openDatabase({ sqlitePath: ":memory:", logSql: !!process.env.BASKETQL_LOG_SQL });
    return { dataSource, drop: () => dataSource.destroy() };
  }
  const database = await createPostgresDatabase();
  const dataSource = await openDatabase({ url: database.url, sqlitePath: "", logSql: !!process.env.BASKETQL_LOG_SQL });
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** Creates an empty PostgreSQL database on the TEST_DATABASE_URL server; returns its URL and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `basketql_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      // FORCE: a server process a test could not stop cleanly must not keep the database alive.
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
