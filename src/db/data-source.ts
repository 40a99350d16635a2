import { dirname } from "node:path";
import { DataSource } from "typeorm";
import type { DataSourceOptions } from "typeorm";
import { createPrivateFile, ensurePrivateDirectory, exposedMode } from "../private-files";
import { randomBytes } from "node:crypto";
import { keyFileBeside, useAuditKey } from "../modules/audit/audit-key";
import { entities } from "./entities";
import { migrations } from "./migrations";
import { assertMayMigrate, currentRole, grantServiceRole } from "./service-role";
import { SqlLogger } from "./sql-logger";
import sqlite3 from "sqlite3";
import { recoverFromAbortedTransactions } from "./sqlite-rollback";
import { readOnItsOwnConnection } from "./sqlite-read-connection";
import { serializeTransactions } from "./sqlite-serial-transactions";

export interface DatabaseConfig {
  /** A postgres:// URL selects PostgreSQL; otherwise the embedded SQLite file at `sqlitePath`. */
  url?: string;
  sqlitePath: string;
  /** Log every SQL statement (BASKETQL_LOG_SQL=1). */
  logSql?: boolean;
  /** Log the values bound to statements, failed ones included (see Config.logSqlValues); off by default. */
  logSqlValues?: boolean;
  /**
   * Key of the audit trail's HMAC chain (see modules/audit/audit-key.ts). By default the key file beside
   * a SQLite file; for an in-memory or PostgreSQL database, a random key good for this process only.
   */
  auditKey?: Uint8Array;
  /**
   * PostgreSQL: the schema owner's URL (DATABASE_MIGRATION_URL). Migrations run as the owner, who then
   * grants the role of `url` what the service needs (see service-role.ts); without it, a service role
   * that does not own the schema refuses to migrate.
   */
  migrationUrl?: string;
  /**
   * PostgreSQL: the longest one statement may run, in milliseconds (the server passes its request time
   * limit, BASKETQL_QUERY_TIMEOUT_MS). The request's own budget is checked between statements; this
   * stops one statement that would run past it. A cancelled statement is reported as QUERY_LIMIT_EXCEEDED.
   */
  statementTimeoutMs?: number;
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

/**
 * sqlite3 without its verbose mode. TypeORM's driver calls `verbose()` on the module it is given, which
 * wraps every statement call to record a stack trace and format its arguments with util.inspect: about
 * a tenth of a view's CPU (docs/benchmarks.md, "Per-field costs"). The wrapper's verbose() leaves the
 * module as it is; errors still carry the SQL and its parameters (TypeORM's QueryFailedError).
 */
const quietSqlite = { ...sqlite3, verbose: () => quietSqlite };

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = { entities, migrations, logger: new SqlLogger(!!config.logSql, !!config.logSqlValues), synchronize: false };
  if (isPostgresUrl(config.url)) {
    return { ...common, type: "postgres", url: config.url, ...(config.statementTimeoutMs ? { extra: { statement_timeout: config.statementTimeoutMs } } : {}) };
  }
  if (config.sqlitePath !== ":memory:") prepareSqliteFile(config.sqlitePath);
  // WAL lets readers proceed during a write; TypeORM's SQLite driver turns foreign keys on.
  return { ...common, type: "sqlite", driver: quietSqlite, database: config.sqlitePath, enableWAL: config.sqlitePath !== ":memory:" };
}

/** Opens the database and applies pending migrations (as the schema's owner, see `migrationUrl`). */
export async function openDatabase(config: DatabaseConfig): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(config));
  const fileBacked = !isPostgresUrl(config.url) && config.sqlitePath !== ":memory:" && config.sqlitePath !== "";
  const auditKey = config.auditKey ?? (fileBacked ? keyFileBeside(config.sqlitePath) : randomBytes(32));
  useAuditKey(dataSource, auditKey);
  await dataSource.initialize();
  try {
    if (dataSource.options.type === "sqlite") {
      recoverFromAbortedTransactions(dataSource);
      serializeTransactions(dataSource);
    } else if (config.migrationUrl) {
      await migrateAsOwner(config.migrationUrl, auditKey, await currentRole(dataSource), !!config.logSql);
    } else {
      await assertMayMigrate(dataSource);
      // A migration may run longer than one request may: it runs on connections without the statement timeout.
      if (config.statementTimeoutMs && (await dataSource.showMigrations())) await migrateAsOwner(config.url!, auditKey, await currentRole(dataSource), !!config.logSql);
    }
    await dataSource.runMigrations({ transaction: "each" });
    if (fileBacked) await readOnItsOwnConnection(dataSource, config.sqlitePath);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** Applies pending migrations through the owner's connection, then grants the service role what it needs. */
async function migrateAsOwner(migrationUrl: string, auditKey: Uint8Array, serviceRole: string, logSql: boolean): Promise<void> {
  if (!isPostgresUrl(migrationUrl)) throw new Error("DATABASE_MIGRATION_URL must be a postgres:// URL");
  const owner = new DataSource(dataSourceOptions({ url: migrationUrl, sqlitePath: "", logSql }));
  // The migrations that write audit records (the keyed chain's seal) need the same key.
  useAuditKey(owner, auditKey);
  await owner.initialize();
  try {
    await owner.runMigrations({ transaction: "each" });
    if ((await currentRole(owner)) !== serviceRole) await grantServiceRole(owner, serviceRole);
  } finally {
    await owner.destroy();
  }
}
