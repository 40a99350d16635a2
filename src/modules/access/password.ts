import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keyLength: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

// scrypt with OWASP's minimum parameters (N=2^17, r=8, p=1); the parameters are stored with each hash
// so they can be raised later without invalidating existing passwords.
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const maxmem = 256 * N * R;

export const MIN_PASSWORD_LENGTH = 12;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem });
  return ["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

/**
 * A well-formed scrypt hash no password is known to match: checked instead of a missing or unusable
 * hash, so that an unknown or password-less account costs as much time as a wrong password and
 * timing does not tell which usernames exist.
 */
const DECOY = ["scrypt", N, R, P, Buffer.alloc(16).toString("base64"), Buffer.alloc(KEY_LENGTH).toString("base64")].join("$");

/** Whether `password` matches `stored`; always runs scrypt once, also when there is no usable hash. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const usable = stored?.startsWith("scrypt$") ?? false;
  return (await matches(password, usable ? stored! : DECOY)) && usable;
}

async function matches(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, key] = stored.split("$");
  const expected = Buffer.from(key, "base64");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * Number(n) * Number(r) });
  return timingSafeEqual(actual, expected);
}
