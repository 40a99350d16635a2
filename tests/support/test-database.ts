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
  const serverUrl = new URL(process.env.TEST_DATABASE_URL!);
  const name = `basketql_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl.toString());
  url.pathname = `/${name}`;
  const dataSource = await openDatabase({ url: url.toString(), sqlitePath: "", logSql: !!process.env.BASKETQL_LOG_SQL });
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      const client = new Client({ connectionString: serverUrl.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.end();
    },
  };
}
