import { dirname } from "node:path";
import { DataSource } from "typeorm";
import type { DataSourceOptions } from "typeorm";
import { createPrivateFile, ensurePrivateDirectory, exposedMode } from "../private-files";
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
  /** Log the values bound to statements, failed ones included (see Config.logSqlValues); off by default. */
  logSqlValues?: boolean;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/**
 * The SQLite file is created owner-only (in an owner-only directory when that is new) before SQLite opens
 * it: SQLite gives its WAL and shared-memory files the database file's mode, so they are private too.
 * An existing file that others can read is used, with a warning: it was someone's decision.
 */
function prepareSqliteFile(path: string): void {
  ensurePrivateDirectory(dirname(path));
  if (createPrivateFile(path)) return;
  const mode = exposedMode(path);
  if (mode) console.warn(`Warning: the database ${path} can be read by other users (mode ${mode}); run chmod 600 ${path}`);
}

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = { entities, migrations, logger: new SqlLogger(!!config.logSql, !!config.logSqlValues), synchronize: false };
  if (isPostgresUrl(config.url)) return { ...common, type: "postgres", url: config.url };
  if (config.sqlitePath !== ":memory:") prepareSqliteFile(config.sqlitePath);
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
