import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Config } from "../../config";
import { createPrivateFile, ensurePrivateDirectory, exposedMode } from "../../private-files";

/** A signing key shorter than this (blanks not counted) is refused: HS256 wants at least 256 bits. */
export const MIN_SECRET_CHARACTERS = 32;

const nonBlank = (value: string) => value.replace(/\s/g, "").length;

/**
 * Refuses a BASKETQL_JWT_SECRET that is too weak (fewer than 32 non-blank characters: a secret of blanks
 * is no secret), and a production configuration without one. The server asks for the key before it
 * opens the database, so that a bad configuration creates nothing on disk.
 */
export function checkJwtSecret(secret: string | undefined, production: boolean): void {
  if (secret === undefined) {
    if (production) throw new Error("BASKETQL_JWT_SECRET is required when NODE_ENV=production");
    return;
  }
  const characters = nonBlank(secret);
  if (characters < MIN_SECRET_CHARACTERS) {
    throw new Error(`BASKETQL_JWT_SECRET must have at least ${MIN_SECRET_CHARACTERS} non-blank characters (it has ${characters})`);
  }
}

/**
 * The key that signs bearer tokens: BASKETQL_JWT_SECRET when set. Without it a production server refuses
 * to start; a development server keeps a random key in a file beside its SQLite database (created
 * owner-only), so tokens issued from the command line work for the server using the same data. A key file
 * that other users can read is refused rather than used: whoever read it can sign tokens for any account.
 */
export function jwtSecret(config: Config): Uint8Array {
  checkJwtSecret(config.jwtSecret, config.production);
  if (config.jwtSecret) return new TextEncoder().encode(config.jwtSecret);
  const file = join(dirname(config.sqlitePath), "jwt-secret");
  ensurePrivateDirectory(dirname(file));
  createPrivateFile(file, randomBytes(32).toString("base64url"));
  const mode = exposedMode(file);
  if (mode) throw new Error(`The token key ${file} can be read by other users (mode ${mode}); run chmod 600 ${file}`);
  const key = readFileSync(file, "utf8").trim();
  if (nonBlank(key) < MIN_SECRET_CHARACTERS) throw new Error(`The token key ${file} has fewer than ${MIN_SECRET_CHARACTERS} characters; delete it to have a new one made`);
  return new TextEncoder().encode(key);
}
