import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { PASSWORD_ATTEMPT_TABLE } from "../../db/migrations/1765500000000-password-attempt-counts";
import { tooManyRequests } from "../../errors";

/** How many password attempts (sign-in and signature together) one key may make in a window. */
export interface AttemptRate {
  attempts: number;
  seconds: number;
}

export interface AttemptLimits {
  /** Per client address (the socket's, or X-Forwarded-For's behind a trusted proxy). */
  perAddress: AttemptRate;
  /** Per account, by the username tried (known or not). */
  perAccount: AttemptRate;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = {
  perAddress: { attempts: 10, seconds: 60 },
  perAccount: { attempts: 10, seconds: 300 },
};

/** The stores the counts live in: rate-limiter-flexible limiters, one per key kind. */
export interface AttemptStores {
  byAddress: RateLimiterAbstract;
  byAccount: RateLimiterAbstract;
}

const KEY_PREFIX = { byAddress: "password-attempt-address", byAccount: "password-attempt-account" } as const;

/** Counts in this process's memory: right for one server process (SQLite). */
export function memoryStores(limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS): AttemptStores {
  return {
    byAddress: new RateLimiterMemory({ keyPrefix: KEY_PREFIX.byAddress, points: limits.perAddress.attempts, duration: limits.perAddress.seconds }),
    byAccount: new RateLimiterMemory({ keyPrefix: KEY_PREFIX.byAccount, points: limits.perAccount.attempts, duration: limits.perAccount.seconds }),
  };
}

/**
 * Counts in the service's own PostgreSQL database, through its pool, so that every server process
 * behind a load balancer shares them. Both limiters use the one table a migration created (the service
 * role may not create tables), told apart by their key prefix; each upsert is one atomic statement.
 * No in-memory insurance limiter: a failing store refuses the attempt (see PasswordAttempts). The
 * expiry is each process's clock, so the hosts' clocks must agree (NTP) to within the windows' margin.
 */
export function postgresStores(dataSource: DataSource, limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS): AttemptStores {
  const store = (keyPrefix: string, rate: AttemptRate) =>
    new RateLimiterPostgres({ storeClient: dataSource, storeType: "typeorm", tableName: PASSWORD_ATTEMPT_TABLE, tableCreated: true, keyPrefix, points: rate.attempts, duration: rate.seconds });
  return { byAddress: store(KEY_PREFIX.byAddress, limits.perAddress), byAccount: store(KEY_PREFIX.byAccount, limits.perAccount) };
}

/** The stores for a database: shared on PostgreSQL (several processes), in memory on SQLite (one). */
export function attemptStoresFor(dataSource: DataSource, limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS): AttemptStores {
  return dataSource.options.type === "postgres" ? postgresStores(dataSource, limits) : memoryStores(limits);
}

/** Longest username kept as a key: longer input cannot name an account (accounts.ts) and should not grow the store. */
const MAX_KEY_LENGTH = 100;

/**
 * The gate every password check passes first (signIn, and signVisit's password): an attempt is
 * admitted only while both its client address and the account it names have attempts left, so
 * neither many accounts from one address nor one account from many addresses are tried faster than
 * the limits. It runs before the account is looked up and before scrypt, so a refused attempt costs
 * almost nothing. Refusals are TOO_MANY_REQUESTS (HTTP 429, Retry-After); a store that fails refuses
 * the attempt too (its error is an internal error).
 */
export class PasswordAttempts {
  constructor(private readonly stores: AttemptStores = memoryStores()) {}

  /** `clientAddress` null: an operation the service runs itself, not a network client's, is not limited. */
  async admit(clientAddress: string | null, username: string): Promise<void> {
    if (clientAddress === null) return;
    await this.take(this.stores.byAddress, clientAddress, "from this address");
    await this.take(this.stores.byAccount, username.slice(0, MAX_KEY_LENGTH), "for this account");
  }

  private async take(store: RateLimiterAbstract, key: string, scope: string): Promise<void> {
    try {
      await store.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.ceil(refusal.msBeforeNext / 1000);
      throw tooManyRequests(`Too many password attempts ${scope}: try again in ${seconds} s`, seconds);
    }
  }
}
