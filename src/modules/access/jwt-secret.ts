import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Config } from "../../config";

/**
 * The key that signs bearer tokens: BASKETQL_JWT_SECRET (at least 32 characters) when set. Without it a
 * production server refuses to start; a development server keeps a random key in a file beside its
 * SQLite database, so tokens issued from the command line work for the server using the same data.
 */
export function jwtSecret(config: Config): Uint8Array {
  if (config.jwtSecret) {
    if (config.jwtSecret.length < 32) throw new Error("BASKETQL_JWT_SECRET must be at least 32 characters");
    return new TextEncoder().encode(config.jwtSecret);
  }
  if (config.production) throw new Error("BASKETQL_JWT_SECRET is required when NODE_ENV=production");
  const file = join(dirname(config.sqlitePath), "jwt-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, "utf8").trim());
}
