/**
 * Lockout and token revocation on each database (the HTTP tests run on SQLite): concurrent failures
 * are all counted and lock the account once, and revoked tokens are refused by authentication.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/access/accounts";
import { Access } from "../../src/modules/access/access";
import { User } from "../../src/modules/access/user.entity";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const PASSWORD = "correct horse battery staple";
const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`;

describe.each(testDatabases)("account lockout and token revocation on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.dataSource.transaction(async (manager) => {
      await createUser(manager, SYSTEM_ACTOR, { username: "erin", displayName: "Erin", password: PASSWORD });
      await createUser(manager, SYSTEM_ACTOR, { username: "frank", displayName: "Frank", password: PASSWORD });
    });
  }, 60_000);
  afterAll(() => t.close());

  it("counts every concurrent wrong password (until the lock) and locks the account once", async () => {
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) => t.execute(SIGN_IN, { u: "erin", p: `wrong ${i}` }, Access.anonymous())));
    expect(attempts.every((a) => a.errors?.[0].extensions?.code === "UNAUTHENTICATED")).toBe(true);
    const erin = await t.dataSource.manager.findOneByOrFail(User, { username: "erin" });
    // attempts that finish after the lock are refused as locked, not counted again
    const wrong = await t.dataSource.query(`SELECT COUNT(*) AS "n" FROM "audit_event" WHERE "action" = 'SIGN_IN_FAILED' AND "reason" = 'wrong password' AND "entityId" = '${erin.id}'`);
    expect(erin.failedAttempts).toBeGreaterThanOrEqual(5);
    expect(erin.failedAttempts).toBe(Number(wrong[0].n));
    expect(erin.lockedAt).not.toBeNull();
    const locks = await t.dataSource.query(`SELECT "reason" FROM "audit_event" WHERE "action" = 'ACCOUNT_LOCKED' AND "entityId" = '${erin.id}'`);
    expect(locks).toEqual([{ reason: "5 consecutive failed password attempts (the last at sign-in)" }]);
    expect((await t.execute(SIGN_IN, { u: "erin", p: PASSWORD }, Access.anonymous())).errors?.[0].message).toBe("Unknown username or wrong password");
  }, 120_000);

  it("refuses tokens issued before signOut, and accepts later ones", async () => {
    const frank = await t.dataSource.manager.findOneByOrFail(User, { username: "frank" });
    const before = await t.app.issueToken(frank.id);
    const access = await t.app.authenticate(`Bearer ${before}`);
    expect(access.actor?.username).toBe("frank");
    expect(await t.data("mutation { signOut }", undefined, access)).toEqual({ signOut: true });
    await expect(t.app.authenticate(`Bearer ${before}`)).rejects.toThrow(/revoked/);
    const after = await t.app.issueToken(frank.id);
    expect((await t.app.authenticate(`Bearer ${after}`)).actor?.username).toBe("frank");
  });
});
