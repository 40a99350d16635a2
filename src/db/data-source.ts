import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource } from "typeorm";
import type { DataSourceOptions } from "typeorm";
import { entities } from "./entities";
import { migrations } from "./migrations";
import { SqlLogger } from "./sql-logger";
import { recoverFromAbortedTransactions } from "./sqlite-rollback";
import { serializeTransactions } from "./sqlite-serial-transactions";

export interface DatabaseConfig {
  /** A postgres:// URL selects PostgreSQL; otherwise the embedded SQLite file at `sqlitePath`. */
  url?: string;
  sqlitePath: string;
  /** Log every SQL statement (BASKETQL_LOG_SQL=1). */
  logSql?: boolean;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = { entities, migrations, logger: new SqlLogger(!!config.logSql), synchronize: false };
  if (isPostgresUrl(config.url)) return { ...common, type: "postgres", url: config.url };
  if (config.sqlitePath !== ":memory:") mkdirSync(dirname(config.sqlitePath), { recursive: true });
  // WAL lets readers proceed during a write; TypeORM's SQLite driver turns foreign keys on.
  return { ...common, type: "sqlite", database: config.sqlitePath, enableWAL: config.sqlitePath !== ":memory:" };
}

/** Opens the database and applies pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  if (dataSource.options.type === "sqlite") {
    recoverFromAbortedTransactions(dataSource);
    serializeTransactions(dataSource);
  }
  await dataSource.runMigrations({ transaction: "each" });
  return dataSource;
}
