import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { Semaphore } from "async-mutex";
import { tooManyRequests } from "../../errors";

const scryptOnPool = promisify(scrypt) as (password: string, salt: Buffer, keyLength: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/**
 * scrypt runs on libuv's thread pool (UV_THREADPOOL_SIZE, 4 by default), which the SQLite driver and
 * file I/O use too: with every thread hashing, a one-row query waits behind the hashes. At most
 * `concurrency` hashes run at once (below the pool's size, leaving threads to the database), the
 * others wait their turn; when more than `maxWaiting` already wait, a new one is refused with
 * TOO_MANY_REQUESTS rather than queued without end.
 */
export const HASHING = { concurrency: 2, maxWaiting: 32 };
let slots = new Semaphore(HASHING.concurrency);
let waiting = 0;

/** Sets how many password hashes may run at once (BASKETQL_HASHING_CONCURRENCY). */
export function setHashingConcurrency(concurrency: number): void {
  if (concurrency === HASHING.concurrency) return;
  HASHING.concurrency = concurrency;
  slots = new Semaphore(concurrency);
}

async function scryptAsync(password: string, salt: Buffer, keyLength: number, options: { N: number; r: number; p: number; maxmem: number }): Promise<Buffer> {
  if (slots.getValue() <= 0 && waiting >= HASHING.maxWaiting) throw tooManyRequests("Too many password checks at once: try again shortly", 1);
  waiting++;
  let queued = true;
  try {
    return await slots.runExclusive(() => {
      queued = false;
      waiting--;
      return scryptOnPool(password, salt, keyLength, options);
    });
  } finally {
    if (queued) waiting--;
  }
}

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
