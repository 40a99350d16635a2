import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DataSource } from "typeorm";
import { createPrivateFile, ensurePrivateDirectory, exposedMode } from "../../private-files";

/** Shortest BASKETQL_AUDIT_KEY accepted: 32 characters (of a random key: at least 128 bits). */
export const MIN_AUDIT_KEY_LENGTH = 32;

/**
 * The key of the audit trail's HMAC chain (see audit-chain.ts), kept outside the database so that who
 * can write the database file cannot forge records that verify: BASKETQL_AUDIT_KEY when set (required
 * in production); otherwise a development key in the file `audit-key` beside the SQLite database,
 * created readable by its owner only, so that the command line and the server agree.
 */
export function resolveAuditKey(options: { auditKey?: string; production: boolean; sqlitePath: string }): Uint8Array {
  if (options.auditKey) {
    if (options.auditKey.length < MIN_AUDIT_KEY_LENGTH) throw new Error(`BASKETQL_AUDIT_KEY must be at least ${MIN_AUDIT_KEY_LENGTH} characters`);
    return new TextEncoder().encode(options.auditKey);
  }
  if (options.production) throw new Error("BASKETQL_AUDIT_KEY is required when NODE_ENV=production");
  return keyFileBeside(options.sqlitePath);
}

/** The development key file beside a SQLite database, created (0600) with a random key when missing. */
export function keyFileBeside(sqlitePath: string): Uint8Array {
  const file = join(dirname(sqlitePath), "audit-key");
  ensurePrivateDirectory(dirname(file));
  // Created atomically: when another process (the server, the command line) made it first, that one is used.
  createPrivateFile(file, randomBytes(32).toString("base64url"));
  const mode = exposedMode(file);
  if (mode) throw new Error(`The audit key ${file} can be read by other users (mode ${mode}); run chmod 600 ${file}`);
  const key = readFileSync(file, "utf8").trim();
  if (key.length < MIN_AUDIT_KEY_LENGTH) throw new Error(`The audit key file ${file} holds fewer than ${MIN_AUDIT_KEY_LENGTH} characters`);
  return new TextEncoder().encode(key);
}

const keys = new WeakMap<DataSource, Uint8Array>();

/** Gives an open database its audit key (done by openDatabase, before migrations run). */
export function useAuditKey(dataSource: DataSource, key: Uint8Array): void {
  keys.set(dataSource, key);
}

/** The audit key of a database; fails when none was given rather than writing unkeyed records. */
export function auditKeyOf(dataSource: DataSource): Uint8Array {
  const key = keys.get(dataSource);
  if (!key) throw new Error("No audit key for this database (open it with openDatabase)");
  return key;
}
