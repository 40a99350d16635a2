/**
 * Password attempts and tokens, tried over HTTP against the real server as an attacker would: many
 * parallel anonymous sign-ins (rate limits, the cap on concurrent hashing, reads staying answered),
 * brute force (lockout after consecutive failures, sign-in and signature both counting), tokens
 * without or with a too long expiry, and revocation (signOut, password change, deactivation).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { toGlobalId } from "../../src/graphql/global-id";
import { createUser, setActive, setPassword } from "../../src/modules/access/accounts";
import { HASHING } from "../../src/modules/access/password";
import { User } from "../../src/modules/access/user.entity";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";
import { bearer } from "../support/bearer";

// (vi.mock is hoisted above the imports.) Counts scrypt runs in flight, to see the most that ever ran at once.
const hashing = vi.hoisted(() => ({ running: 0, peak: 0, started: 0 }));
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  const scrypt = (...args: unknown[]) => {
    const callback = args.pop() as (...result: unknown[]) => void;
    hashing.running++;
    hashing.started++;
    hashing.peak = Math.max(hashing.peak, hashing.running);
    (crypto.scrypt as (...a: unknown[]) => void)(...args, (...result: unknown[]) => {
      hashing.running--;
      callback(...result);
    });
  };
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});

const SECRET = "a-test-secret-of-at-least-32-characters";
const PASSWORD = "correct horse battery staple";
const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token user { username } } }`;
const SIGN_VISIT = `mutation($input: SignVisitInput!) { signVisit(input: $input) { state } }`;
const TRAIL = `query($actions: [AuditAction!], $entityId: ID) { auditTrail(actions: $actions, entityId: $entityId, first: 500) { nodes { action entityId field reason actorUsername } } }`;

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as any };
}

/** Starts the HTTP server on a free port with a fresh SQLite file holding the demo trial. */
function serverWith(env: Record<string, string>): () => RunningServer {
  const dir = mkdtempSync(join(tmpdir(), "basketql-attempts-"));
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer(loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "db.sqlite"), BASKETQL_JWT_SECRET: SECRET, ...env }), plugins, () => {});
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => server!;
}

const secret = new TextEncoder().encode(SECRET);
/** The global id of a user, as the audit trail reports and filters its entity ids. */
const userId = async (server: RunningServer, username: string) => toGlobalId("User", (await server.app.dataSource.manager.findOneByOrFail(User, { username })).id);

describe("configuration of password attempts", () => {
  it("reads the limits, and refuses a trust-proxy setting that would believe every client", () => {
    const config = loadConfig({ BASKETQL_MAX_FAILED_ATTEMPTS: "3", BASKETQL_PASSWORD_ATTEMPTS_PER_ADDRESS: "7", BASKETQL_HASHING_CONCURRENCY: "1", BASKETQL_TRUST_PROXY: "2" });
    expect(config).toMatchObject({ maxFailedAttempts: 3, passwordAttemptsPerAddress: 7, hashingConcurrency: 1, trustProxy: 2 });
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ BASKETQL_TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe("loopback, 10.0.0.0/8");
    expect(() => loadConfig({ BASKETQL_TRUST_PROXY: "true" })).toThrow(/must name the proxies/);
    expect(() => loadConfig({ BASKETQL_MAX_FAILED_ATTEMPTS: "0" })).toThrow(/BASKETQL_MAX_FAILED_ATTEMPTS must be an integer from 1 to 100/);
  });
});

describe("password attempts with the default limits", () => {
  const server = serverWith({});

  it("refuses most of 64 parallel anonymous sign-ins before hashing, never hashes more than the cap at once, and answers a one-row query meanwhile", async () => {
    const url = server().url;
    const dataManager = await bearer(server(), "demo-data-manager");
    hashing.peak = 0;
    hashing.started = 0;
    const attempts = Array.from({ length: 64 }, (_, i) => post(url, SIGN_IN, { u: `guess-${i}`, p: `password guess ${i}` }));
    const read = await post(url, "{ patients(first: 1) { nodes { subjectCode } } }", {}, dataManager);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.patients.nodes).toHaveLength(1);
    const results = await Promise.all(attempts);

    const refused = results.filter((r) => r.status === 429);
    const checked = results.filter((r) => r.body.errors?.[0].extensions.code === "UNAUTHENTICATED");
    expect(refused.length + checked.length).toBe(64);
    expect(refused.length).toBeGreaterThanOrEqual(64 - loadConfig({}).passwordAttemptsPerAddress);
    expect(checked.length).toBeGreaterThan(0);
    for (const { body, retryAfter } of refused) {
      expect(body.errors[0].extensions).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfter: expect.any(Number) });
      expect(body.errors[0].message).toMatch(/Too many password attempts from this address: try again in \d+ s/);
      expect(Number(retryAfter)).toBe(body.errors[0].extensions.retryAfter);
    }
    // only the admitted attempts hashed, at most HASHING.concurrency at a time
    expect(hashing.started).toBe(checked.length);
    expect(hashing.peak).toBeGreaterThanOrEqual(1);
    expect(hashing.peak).toBeLessThanOrEqual(HASHING.concurrency);
    expect(HASHING.concurrency).toBeLessThan(Number(process.env.UV_THREADPOOL_SIZE ?? 4));
  });

  it("takes the client address from the socket: X-Forwarded-For is ignored without BASKETQL_TRUST_PROXY", async () => {
    // the previous test used up this address's attempts
    const spoofed = await post(server().url, SIGN_IN, { u: "someone", p: "a password guess" }, { "x-forwarded-for": "10.9.9.9" });
    expect(spoofed.status).toBe(429);
    expect(spoofed.body.errors[0].extensions.code).toBe("TOO_MANY_REQUESTS");
  });

  it("refuses a correctly signed token without exp, without iat, or valid longer than BASKETQL_TOKEN_HOURS", async () => {
    const sub = String((await server().app.dataSource.manager.findOneByOrFail(User, { username: "demo-data-manager" })).id);
    const base = () => new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject(sub).setIssuer("basketql");
    const cases: Array<[string, RegExp]> = [
      [await base().setIssuedAt().sign(secret), /no "exp" claim/],
      [await base().setExpirationTime("1h").sign(secret), /no "iat" claim/],
      [await base().setIssuedAt().setExpirationTime("9h").sign(secret), /valid for longer than 8 hours/],
      [await base().setIssuedAt().setExpirationTime("30d").sign(secret), /valid for longer than 8 hours/],
    ];
    for (const [token, problem] of cases) {
      const { status, body } = await post(server().url, "{ study { code } }", {}, { authorization: `Bearer ${token}` });
      expect(status).toBe(401);
      expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
      expect(body.errors[0].message).toMatch(problem);
    }
    // the same, within the lifetime, is accepted
    const fine = await base().setIssuedAt().setExpirationTime("8h").sign(secret);
    expect((await post(server().url, "{ study { code } }", {}, { authorization: `Bearer ${fine}` })).body.data.study.code).toBeTruthy();
  });

  it("signOut revokes every token of the caller issued until then, and is audited", async () => {
    const first = await bearer(server(), "demo-monitor-02");
    const second = await bearer(server(), "demo-monitor-02");
    expect((await post(server().url, "{ me { user { username } } }", {}, second)).body.data.me.user.username).toBe("demo-monitor-02");
    expect((await post(server().url, "mutation { signOut }", {}, first)).body).toEqual({ data: { signOut: true } });
    for (const revoked of [first, second]) {
      const { status, body } = await post(server().url, "{ me { user { username } } }", {}, revoked);
      expect(status).toBe(401);
      expect(body.errors[0].message).toMatch(/revoked/);
    }
    // signing out needs a signed-in caller
    expect((await post(server().url, "mutation { signOut }")).body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    // a token issued afterwards works
    expect((await post(server().url, "{ me { user { username } } }", {}, await bearer(server(), "demo-monitor-02"))).body.data.me.user.username).toBe("demo-monitor-02");
    const auditor = await bearer(server(), "demo-auditor");
    const trail = (await post(server().url, TRAIL, { actions: ["SIGN_OUT"] }, auditor)).body.data.auditTrail.nodes;
    expect(trail).toEqual([{ action: "SIGN_OUT", entityId: await userId(server(), "demo-monitor-02"), field: "tokensValidAfter", reason: null, actorUsername: "demo-monitor-02" }]);
  });

  it("a password change or a deactivation revokes earlier tokens, also after reactivation", async () => {
    const { dataSource } = server().app;
    const beforeChange = await bearer(server(), "demo-coordinator-01");
    await dataSource.transaction((manager) => setPassword(manager, SYSTEM_ACTOR, "demo-coordinator-01", "a brand new password"));
    expect((await post(server().url, "{ study { code } }", {}, beforeChange)).body.errors[0].message).toMatch(/revoked/);
    const afterChange = await bearer(server(), "demo-coordinator-01");
    expect((await post(server().url, "{ study { code } }", {}, afterChange)).body.errors).toBeUndefined();
    await dataSource.transaction((manager) => setActive(manager, SYSTEM_ACTOR, "demo-coordinator-01", false, "left"));
    await dataSource.transaction((manager) => setActive(manager, SYSTEM_ACTOR, "demo-coordinator-01", true, "back"));
    expect((await post(server().url, "{ study { code } }", {}, afterChange)).body.errors[0].message).toMatch(/revoked/);
  });
});

describe("password attempts behind a trusted proxy, and account lockout", () => {
  const server = serverWith({
    BASKETQL_TRUST_PROXY: "loopback",
    BASKETQL_PASSWORD_ATTEMPTS_PER_ADDRESS: "3",
    BASKETQL_PASSWORD_ATTEMPTS_PER_ACCOUNT: "12",
    BASKETQL_MAX_FAILED_ATTEMPTS: "5",
  });
  let address = 0;
  /** A sign-in from a new client address each time (X-Forwarded-For, believed from the loopback proxy). */
  const signIn = (u: string, p: string, from = `10.1.${Math.floor(++address / 250)}.${address % 250}`) => post(server().url, SIGN_IN, { u, p }, { "x-forwarded-for": from });
  const auditTrail = async (actions: string[], entityId?: string) =>
    (await post(server().url, TRAIL, { actions, entityId }, await bearer(server(), "demo-auditor"))).body.data.auditTrail.nodes;

  it("counts attempts per forwarded client address", async () => {
    const from = "10.2.0.1";
    for (let i = 0; i < 3; i++) expect((await signIn("nobody", "a password guess", from)).body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const refused = await signIn("nobody", "a password guess", from);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].message).toMatch(/from this address/);
    expect((await signIn("nobody", "a password guess", "10.2.0.2")).body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("counts attempts per account across addresses, known or not", async () => {
    const results = [];
    for (let i = 0; i < 13; i++) results.push(await signIn("no-such-account", `guess ${i}`));
    expect(results.slice(0, 12).every((r) => r.body.errors[0].extensions.code === "UNAUTHENTICATED")).toBe(true);
    expect(results[12].status).toBe(429);
    expect(results[12].body.errors[0].message).toMatch(/for this account/);
  });

  it("locks an account after 5 consecutive wrong passwords, refuses it as if the password were wrong, and audits the lock once", async () => {
    const { dataSource } = server().app;
    await dataSource.transaction((manager) => createUser(manager, SYSTEM_ACTOR, { username: "carol", displayName: "Carol", password: PASSWORD }));
    const id = await userId(server(), "carol");
    // four failures, then the right password: signed in, and the count starts again
    for (let i = 0; i < 4; i++) expect((await signIn("carol", `wrong ${i}`)).body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const signedIn = await signIn("carol", PASSWORD);
    expect(signedIn.body.data.signIn.user.username).toBe("carol");
    const token = { authorization: `Bearer ${signedIn.body.data.signIn.token}` };
    for (let i = 0; i < 5; i++) expect((await signIn("carol", `wrong again ${i}`)).body.errors[0].extensions.code).toBe("UNAUTHENTICATED");

    const locked = await signIn("carol", PASSWORD);
    const unknown = await signIn("nobody-at-all", PASSWORD);
    expect(locked.body.data).toBeNull();
    expect(locked.body.errors[0]).toMatchObject({ message: "Unknown username or wrong password", extensions: { code: "UNAUTHENTICATED" } });
    expect(locked.body.errors[0]).toEqual({ ...unknown.body.errors[0] });
    // the session opened before the lock ends too
    expect((await post(server().url, "{ me { user { username } } }", {}, token)).body.errors[0].message).toMatch(/locked/);

    const lockTrail = await auditTrail(["ACCOUNT_LOCKED"], id);
    expect(lockTrail).toEqual([{ action: "ACCOUNT_LOCKED", entityId: id, field: "lockedAt", reason: "5 consecutive failed password attempts (the last at sign-in)", actorUsername: "carol" }]);
    const failures = (await auditTrail(["SIGN_IN_FAILED"], id)).map((r: { reason: string }) => r.reason);
    expect(failures.filter((r: string) => r === "wrong password")).toHaveLength(9);
    expect(failures.at(-1)).toBe("locked account");
  });

  it("counts wrong signature passwords too: the account locks and its token stops working", async () => {
    const { dataSource } = server().app;
    await dataSource.transaction((manager) => setPassword(manager, SYSTEM_ACTOR, "demo-investigator-02", PASSWORD));
    const investigator = await bearer(server(), "demo-investigator-02");
    const { visits } = (await post(server().url, "{ visits(first: 1, where: { state: { eq: COMPLETE } }) { nodes { id version } } }", {}, investigator)).body.data;
    const input = { visitId: visits.nodes[0].id, expectedVersion: visits.nodes[0].version, meaning: "APPROVAL" };
    for (let i = 0; i < 3; i++) expect((await signIn("demo-investigator-02", `wrong ${i}`)).body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    for (let i = 0; i < 2; i++) {
      const wrong = await post(server().url, SIGN_VISIT, { input: { ...input, password: `wrong signature ${i}` } }, { ...investigator, "x-forwarded-for": `10.3.0.${i}` });
      expect(wrong.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "password" });
    }
    // locked by the fifth failure: the right password no longer signs
    const refused = await post(server().url, SIGN_VISIT, { input: { ...input, password: PASSWORD } }, { ...investigator, "x-forwarded-for": "10.3.0.9" });
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].message).toMatch(/locked/);
    const id = await userId(server(), "demo-investigator-02");
    expect((await auditTrail(["ACCOUNT_LOCKED"], id)).map((r: { reason: string }) => r.reason)).toEqual(["5 consecutive failed password attempts (the last at signature)"]);
    expect((await signIn("demo-investigator-02", PASSWORD)).body.errors[0].message).toBe("Unknown username or wrong password");
  });
});
