/**
 * Where password attempts are counted: in memory on SQLite (one process), in the service's PostgreSQL
 * database otherwise, so that two server processes — here two data sources on one database — share
 * the limits. A store that fails refuses the attempt instead of letting it through.
 */
import { RateLimiterMemory, RateLimiterPostgres } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/data-source";
import { createTestDatabase } from "../../../tests/support/test-database";
import type { TestDatabase } from "../../../tests/support/test-database";
import { attemptStoresFor, PasswordAttempts } from "./password-attempts";

const LIMITS = { perAddress: { attempts: 100, seconds: 60 }, perAccount: { attempts: 3, seconds: 300 } };

/** The code of the error an attempt is refused with, or "admitted". */
async function outcome(attempts: PasswordAttempts, address: string, username: string): Promise<string> {
  try {
    await attempts.admit(address, username);
    return "admitted";
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code ?? `failed: ${(error as Error).message}`;
  }
}

describe("password attempts on SQLite", () => {
  it("are counted in the process's memory", async () => {
    const db = await createTestDatabase("sqlite");
    try {
      const stores = attemptStoresFor(db.dataSource, LIMITS);
      expect(stores.byAddress).toBeInstanceOf(RateLimiterMemory);
      expect(stores.byAccount).toBeInstanceOf(RateLimiterMemory);
    } finally {
      await db.drop();
    }
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)("password attempts on PostgreSQL", () => {
  let db: TestDatabase;
  let other: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    // A second pool on the same database: another server process.
    other = await openDatabase({ url: (db.dataSource.options as { url: string }).url, sqlitePath: "" });
  }, 60_000);
  afterAll(async () => {
    await other?.destroy();
    await db?.drop();
  });

  it("are counted in the database and shared by every process: the limit holds across them", async () => {
    const first = new PasswordAttempts(attemptStoresFor(db.dataSource, LIMITS));
    const second = new PasswordAttempts(attemptStoresFor(other, LIMITS));
    expect(attemptStoresFor(db.dataSource, LIMITS).byAccount).toBeInstanceOf(RateLimiterPostgres);
    const seen = [];
    for (let i = 0; i < 6; i++) seen.push(await outcome(i % 2 ? second : first, `10.0.0.${i}`, "shared-account"));
    // Memory stores would admit 3 in each process (6 in all).
    expect(seen).toEqual(["admitted", "admitted", "admitted", "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    const rows = await db.dataSource.query(`SELECT key, points, expire FROM password_attempt WHERE key LIKE 'password-attempt-account:%'`);
    expect(rows).toEqual([{ key: "password-attempt-account:shared-account", points: 6, expire: expect.any(String) }]);
    const expiresIn = Number(rows[0].expire) - Date.now();
    expect(expiresIn).toBeGreaterThan(290_000);
    expect(expiresIn).toBeLessThanOrEqual(300_000);
  });

  it("admit concurrent attempts from two processes exactly up to the limit (each count is one atomic upsert)", async () => {
    const first = new PasswordAttempts(attemptStoresFor(db.dataSource, LIMITS));
    const second = new PasswordAttempts(attemptStoresFor(other, LIMITS));
    const seen = await Promise.all(Array.from({ length: 12 }, (_, i) => outcome(i % 2 ? second : first, "10.0.1.1", "raced-account")));
    expect(seen.filter((code) => code === "admitted")).toHaveLength(3);
    expect(seen.filter((code) => code === "TOO_MANY_REQUESTS")).toHaveLength(9);
  });

  it("refuse the attempt when the store fails (fail closed), with an internal error rather than a limit", async () => {
    const attempts = new PasswordAttempts(attemptStoresFor(db.dataSource, LIMITS));
    await db.dataSource.query(`DROP TABLE password_attempt`);
    const seen = await outcome(attempts, "10.0.2.1", "anyone");
    expect(seen).toMatch(/^failed: .*password_attempt/);
  });
});
