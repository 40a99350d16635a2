import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  sqlitePath: string;
  logSql: boolean;
  /** Load the demo trial into an empty database at start. */
  loadDemo: boolean;
  production: boolean;
}

const truthy = (value: string | undefined) => value !== undefined && ["1", "true", "yes", "on"].includes(value.toLowerCase());

/** Reads the configuration from environment variables (documented in the README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer from 0 to 65535 (got ${env.PORT})`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: resolve(env.BASKETQL_SQLITE_PATH ?? "data/basketql.sqlite"),
    logSql: truthy(env.BASKETQL_LOG_SQL),
    loadDemo: env.BASKETQL_DEMO === undefined ? true : truthy(env.BASKETQL_DEMO),
    production: env.NODE_ENV === "production",
  };
}
