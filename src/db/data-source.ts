import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource } from "typeorm";
import type { DataSourceOptions } from "typeorm";
import { randomBytes } from "node:crypto";
import { keyFileBeside, useAuditKey } from "../modules/audit/audit-key";
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
  /**
   * Key of the audit trail's HMAC chain (see modules/audit/audit-key.ts). By default the key file beside
   * a SQLite file; for an in-memory or PostgreSQL database, a random key good for this process only.
   */
  auditKey?: Uint8Array;
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
  const fileBacked = !isPostgresUrl(config.url) && config.sqlitePath !== ":memory:" && config.sqlitePath !== "";
  useAuditKey(dataSource, config.auditKey ?? (fileBacked ? keyFileBeside(config.sqlitePath) : randomBytes(32)));
  await dataSource.initialize();
  if (dataSource.options.type === "sqlite") {
    recoverFromAbortedTransactions(dataSource);
    serializeTransactions(dataSource);
  }
  await dataSource.runMigrations({ transaction: "each" });
  return dataSource;
}
