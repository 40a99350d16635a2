import { mkdirSync, statSync, writeFileSync } from "node:fs";

/*
 * What the service writes to disk — the data directory, the SQLite database with its WAL and shared-memory
 * files, the development token key — holds patient data, password hashes or a signing key: only the
 * account running the service may read it. One place decides the modes and what counts as exposed.
 */

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) owner-only; an existing directory is left as it is. */
export function ensurePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
}

/**
 * Creates `file` owner-only with `content` when it does not exist yet, atomically (`wx`: never over a file
 * another process created meanwhile). Answers whether it was created.
 */
export function createPrivateFile(file: string, content = ""): boolean {
  try {
    writeFileSync(file, content, { mode: PRIVATE_FILE_MODE, flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** The permission bits of `file` when its group or other users may use it, otherwise null. */
export function exposedMode(file: string): string | null {
  const mode = statSync(file).mode & 0o777;
  return mode & 0o077 ? mode.toString(8).padStart(4, "0") : null;
}
