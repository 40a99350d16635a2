import { resolve } from "node:path";
import { QUERY_LIMITS } from "./graphql/limits";
import { DEFAULT_MAX_FAILED_ATTEMPTS } from "./modules/access/lockout";
import { HASHING } from "./modules/access/password";
import { DEFAULT_ATTEMPT_LIMITS } from "./modules/access/password-attempts";

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  /** DATABASE_MIGRATION_URL: the PostgreSQL schema owner's URL, for migrations (see db/service-role.ts). */
  migrationUrl?: string;
  sqlitePath: string;
  /** BASKETQL_LOG_SQL: print every SQL statement. */
  logSql: boolean;
  /**
   * Print the values bound to SQL statements (typed usernames, clinical data): only when the operator
   * asked for SQL logging, and never in production.
   */
  logSqlValues: boolean;
  /** BASKETQL_DEMO: load the demo trial into an empty database at start (by default not in production). */
  loadDemo: boolean;
  production: boolean;
  /**
   * Schema introspection and the IDE landing page (Apollo Sandbox on GET with `Accept: text/html`).
   * BASKETQL_INTROSPECTION; by default on in development and off in production.
   */
  introspection: boolean;
  /**
   * BASKETQL_JWT_SECRET: signs bearer tokens. Checked (required in production, at least 32 non-blank
   * characters) by modules/access/jwt-secret.ts, which the server calls before it opens the database.
   */
  jwtSecret?: string;
  /** BASKETQL_AUDIT_KEY: key of the audit trail's HMAC chain (see modules/audit/audit-key.ts). */
  auditKey?: string;
  /** BASKETQL_TOKEN_HOURS: how long a bearer token is valid. */
  tokenHours: number;
  /** BASKETQL_MAX_ROWS: list rows one request may load. */
  maxRows: number;
  /** BASKETQL_QUERY_TIMEOUT_MS: how long one request may run. */
  queryTimeoutMs: number;
  /** BASKETQL_MAX_FAILED_ATTEMPTS: consecutive failed password attempts (sign-in and signature) that lock an account. */
  maxFailedAttempts: number;
  /** BASKETQL_PASSWORD_ATTEMPTS_PER_ADDRESS: password attempts a client address may make per minute. */
  passwordAttemptsPerAddress: number;
  /** BASKETQL_PASSWORD_ATTEMPTS_PER_ACCOUNT: password attempts naming one account per 5 minutes. */
  passwordAttemptsPerAccount: number;
  /** BASKETQL_HASHING_CONCURRENCY: password hashes (scrypt) run at once. */
  hashingConcurrency: number;
  /**
   * BASKETQL_TRUST_PROXY: whose X-Forwarded-For to believe for the client's address (Express's `trust
   * proxy`): false (the socket's address, the default), a number of proxy hops, or addresses/subnets
   * of the proxies (`loopback`, `10.0.0.0/8`, comma-separated).
   */
  trustProxy: false | number | string;
  /** Browser origins allowed to call the API cross-origin (BASKETQL_CORS_ORIGINS), as `scheme://host[:port]`. */
  corsOrigins: string[];
  /** Allow any http://localhost, 127.0.0.1 or [::1] origin: the development default when BASKETQL_CORS_ORIGINS is unset. */
  corsLocalhost: boolean;
  /** BASKETQL_HSTS: send Strict-Transport-Security (only where clients reach the service over HTTPS). */
  hsts: boolean;
}

const TRUE_VALUES = ["1", "true", "yes", "on"];
const FALSE_VALUES = ["0", "false", "no", "off"];

/** A strict on/off switch: unset or empty gives the default, anything unrecognised is a configuration error. */
function flag(env: NodeJS.ProcessEnv, name: string, defaultValue: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === "") return defaultValue;
  if (TRUE_VALUES.includes(value)) return true;
  if (FALSE_VALUES.includes(value)) return false;
  throw new Error(`${name} must be one of ${[...TRUE_VALUES, ...FALSE_VALUES].join(", ")} (got ${env[name]})`);
}

/** A whole number from an environment variable, within bounds; unset or empty gives the default. */
function integer(env: NodeJS.ProcessEnv, name: string, defaultValue: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return defaultValue;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max} (got ${env[name]})`);
  return value;
}

function trustProxy(env: NodeJS.ProcessEnv): false | number | string {
  const raw = env.BASKETQL_TRUST_PROXY?.trim();
  if (!raw || FALSE_VALUES.includes(raw.toLowerCase())) return false;
  // Believing any sender of X-Forwarded-For would let every client choose its own address.
  if (TRUE_VALUES.includes(raw.toLowerCase()) && raw !== "1") {
    throw new Error("BASKETQL_TRUST_PROXY must name the proxies (a number of hops, or their addresses or subnets), not trust every sender");
  }
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/**
 * BASKETQL_CORS_ORIGINS: a comma-separated list of origins (`https://trial.example.org`), each checked and
 * normalised as a browser sends it. A wildcard is refused: it would let any web page drive the API with a
 * token it got hold of.
 */
function corsOrigins(value: string): string[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (!url || !["http:", "https:"].includes(url.protocol) || url.username || url.password || url.pathname !== "/" || url.search || url.hash) {
        throw new Error(`BASKETQL_CORS_ORIGINS must list origins such as https://trial.example.org, separated by commas (got ${JSON.stringify(entry)})`);
      }
      return url.origin;
    });
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
  const logSql = flag(env, "BASKETQL_LOG_SQL", false);
  const origins = env.BASKETQL_CORS_ORIGINS?.trim() ? corsOrigins(env.BASKETQL_CORS_ORIGINS) : undefined;
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    migrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    sqlitePath: resolve(env.BASKETQL_SQLITE_PATH ?? "data/basketql.sqlite"),
    logSql,
    logSqlValues: logSql && !production,
    loadDemo: flag(env, "BASKETQL_DEMO", !production),
    production,
    introspection: flag(env, "BASKETQL_INTROSPECTION", !production),
    jwtSecret: env.BASKETQL_JWT_SECRET || undefined,
    auditKey: env.BASKETQL_AUDIT_KEY || undefined,
    tokenHours,
    maxRows: integer(env, "BASKETQL_MAX_ROWS", QUERY_LIMITS.maxRows, 1, 1_000_000),
    queryTimeoutMs: integer(env, "BASKETQL_QUERY_TIMEOUT_MS", QUERY_LIMITS.maxExecutionMs, 1, 600_000),
    maxFailedAttempts: integer(env, "BASKETQL_MAX_FAILED_ATTEMPTS", DEFAULT_MAX_FAILED_ATTEMPTS, 1, 100),
    passwordAttemptsPerAddress: integer(env, "BASKETQL_PASSWORD_ATTEMPTS_PER_ADDRESS", DEFAULT_ATTEMPT_LIMITS.perAddress.attempts, 1, 100_000),
    passwordAttemptsPerAccount: integer(env, "BASKETQL_PASSWORD_ATTEMPTS_PER_ACCOUNT", DEFAULT_ATTEMPT_LIMITS.perAccount.attempts, 1, 100_000),
    hashingConcurrency: integer(env, "BASKETQL_HASHING_CONCURRENCY", HASHING.concurrency, 1, 64),
    trustProxy: trustProxy(env),
    corsOrigins: origins ?? [],
    corsLocalhost: origins === undefined && !production,
    hsts: flag(env, "BASKETQL_HSTS", false),
  };
}
