import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  /** DATABASE_MIGRATION_URL: the PostgreSQL schema owner's URL, for migrations (see db/service-role.ts). */
  migrationUrl?: string;
  sqlitePath: string;
  logSql: boolean;
  /** Load the demo trial into an empty database at start. */
  loadDemo: boolean;
  production: boolean;
  /**
   * Schema introspection and the IDE landing page (Apollo Sandbox on GET with `Accept: text/html`).
   * BASKETQL_INTROSPECTION; by default on in development and off in production.
   */
  introspection: boolean;
  /** BASKETQL_JWT_SECRET: signs bearer tokens (see modules/access/jwt-secret.ts). */
  jwtSecret?: string;
  /** BASKETQL_AUDIT_KEY: key of the audit trail's HMAC chain (see modules/audit/audit-key.ts). */
  auditKey?: string;
  /** BASKETQL_TOKEN_HOURS: how long a bearer token is valid. */
  tokenHours: number;
}

const TRUE_VALUES = ["1", "true", "yes", "on"];
const FALSE_VALUES = ["0", "false", "no", "off"];

const truthy = (value: string | undefined) => value !== undefined && TRUE_VALUES.includes(value.toLowerCase());

/** A strict on/off switch: unset or empty gives the default, anything unrecognised is a configuration error. */
function flag(env: NodeJS.ProcessEnv, name: string, defaultValue: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === "") return defaultValue;
  if (TRUE_VALUES.includes(value)) return true;
  if (FALSE_VALUES.includes(value)) return false;
  throw new Error(`${name} must be one of ${[...TRUE_VALUES, ...FALSE_VALUES].join(", ")} (got ${env[name]})`);
}

/** Reads the configuration from environment variables (documented in the README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer from 0 to 65535 (got ${env.PORT})`);
  const production = env.NODE_ENV === "production";
  const tokenHours = Number(env.BASKETQL_TOKEN_HOURS ?? 8);
  if (!Number.isInteger(tokenHours) || tokenHours < 1 || tokenHours > 720) {
    throw new Error(`BASKETQL_TOKEN_HOURS must be an integer from 1 to 720 (got ${env.BASKETQL_TOKEN_HOURS})`);
  }
  if (env.DATABASE_MIGRATION_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "")) {
    throw new Error("DATABASE_MIGRATION_URL is for PostgreSQL: it needs a postgres:// DATABASE_URL");
  }
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    migrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    sqlitePath: resolve(env.BASKETQL_SQLITE_PATH ?? "data/basketql.sqlite"),
    logSql: truthy(env.BASKETQL_LOG_SQL),
    loadDemo: env.BASKETQL_DEMO === undefined ? true : truthy(env.BASKETQL_DEMO),
    production,
    introspection: flag(env, "BASKETQL_INTROSPECTION", !production),
    jwtSecret: env.BASKETQL_JWT_SECRET || undefined,
    auditKey: env.BASKETQL_AUDIT_KEY || undefined,
    tokenHours,
  };
}
