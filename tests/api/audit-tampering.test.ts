/**
 * The audit trail against someone who can write the database directly (the SQLite file, or PostgreSQL
 * as the tables' owner) but does not hold the audit key: through a connection of their own they
 * replace, rewrite and re-hash, cut off or append records; the real server, asked over HTTP, reports
 * each of these. The records are put back between the cases.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalContent } from "../../src/modules/audit/audit-chain";
import { bearer } from "../support/bearer";
import { attackDatabase } from "../support/database-attacker";
import type { DatabaseAttacker } from "../support/database-attacker";
import { startTestServer } from "../support/http-test-server";
import type { TestServer } from "../support/http-test-server";
import { testDatabases } from "../support/test-database";

const COLUMNS = ["occurredAt", "actorId", "actorUsername", "actorRoles", "action", "entityType", "entityId", "patientId", "visitId", "field", "oldValue", "newValue", "reason", "previousHash", "hash"];
const VERIFY = `query($checkpoint: String) { verifyAuditTrail(checkpoint: $checkpoint) { valid checked firstBrokenId problem unkeyedRows checkpoint } }`;
const FAILED_SIGN_IN = `mutation { signIn(username: "nobody", password: "wrong") { token } }`;

/** The hash anyone can compute: SHA-256 of the previous hash and the content, as records had before the key. */
const sha256 = (previousHash: string, row: any) => createHash("sha256").update(previousHash).update("\n").update(canonicalContent(row)).digest("hex");

describe.each(testDatabases)("tampering with the audit trail behind the service's back, on %s", (kind) => {
  let t: TestServer;
  let attacker: DatabaseAttacker;
  let auditor: Record<string, string>;
  let original: any[];

  async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await fetch(t.server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as any;
  }
  const verify = async (checkpoint?: string) => {
    const result = await post(VERIFY, checkpoint === undefined ? {} : { checkpoint }, auditor);
    expect(result.errors).toBeUndefined();
    return result.data.verifyAuditTrail;
  };
  const rows = () => attacker.query(`SELECT * FROM audit_event ORDER BY id`);
  const insert = (row: any, withId = true) => {
    const columns = withId ? ["id", ...COLUMNS] : COLUMNS;
    return attacker.query(`INSERT INTO audit_event (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`, columns.map((c) => row[c]));
  };
  /** Puts the records back as they were (the triggers are gone by then). */
  async function restore() {
    await attacker.query(`DELETE FROM audit_event`);
    for (const row of original) await insert(row);
    expect(await verify()).toMatchObject({ valid: true, checked: original.length });
  }

  beforeAll(async () => {
    t = await startTestServer(kind, { BASKETQL_DEMO: "1", BASKETQL_AUDIT_KEY: randomBytes(32).toString("base64url") });
    auditor = await bearer(t.server, "demo-auditor");
    for (let i = 0; i < 4; i++) await post(FAILED_SIGN_IN);
    attacker = await attackDatabase(kind, t.database);
    original = await rows();
  }, 120_000);
  afterAll(async () => {
    await attacker?.close();
    await t?.stop();
  });

  it("verifies the untouched chain, every record keyed, and gives its checkpoint", async () => {
    const head = original[original.length - 1];
    expect(head.hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(await verify()).toEqual({
      valid: true,
      checked: original.length,
      firstBrokenId: null,
      problem: null,
      unkeyedRows: 0,
      checkpoint: `audit-checkpoint/1/${original.length}/${head.id}/${head.hash}`,
    });
  });

  it("refuses INSERT OR REPLACE and upserts of an existing record, with the triggers in place", async () => {
    const target = { ...original[1], newValue: "forged" };
    if (kind === "sqlite") {
      await expect(attacker.query(`INSERT OR REPLACE INTO audit_event (id, "newValue", "occurredAt", "actorUsername", "actorRoles", "action", "entityType", "entityId", "previousHash", "hash") SELECT id, 'forged', "occurredAt", "actorUsername", "actorRoles", "action", "entityType", "entityId", "previousHash", "hash" FROM audit_event WHERE id = ?`, [target.id])).rejects.toThrow(/append-only/);
      await expect(attacker.query(`REPLACE INTO audit_event (id, ${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (?, ${COLUMNS.map(() => "?").join(", ")})`, [target.id, ...COLUMNS.map((c) => target[c])])).rejects.toThrow(/append-only/);
    }
    await expect(attacker.query(`INSERT INTO audit_event (id, ${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (?, ${COLUMNS.map(() => "?").join(", ")}) ON CONFLICT (id) DO UPDATE SET "newValue" = 'forged'`, [target.id, ...COLUMNS.map((c) => target[c])])).rejects.toThrow(/append-only/);
    expect(await rows()).toEqual(original);
    expect(await verify()).toMatchObject({ valid: true });
  });

  it("reports a record rewritten and the chain re-hashed to its end with the unkeyed SHA-256", async () => {
    await attacker.disableTriggers();
    const target = original[Math.floor(original.length / 2)];
    let previous = original[original.indexOf(target) - 1].hash;
    for (const row of original.slice(original.indexOf(target))) {
      const rewritten = { ...row, newValue: row.id === target.id ? "forged" : row.newValue, previousHash: previous };
      rewritten.hash = sha256(previous, rewritten);
      await attacker.query(`UPDATE audit_event SET "newValue" = ?, "previousHash" = ?, "hash" = ? WHERE id = ?`, [rewritten.newValue, rewritten.previousHash, rewritten.hash, row.id]);
      previous = rewritten.hash;
    }
    expect(await verify()).toMatchObject({ valid: false, firstBrokenId: target.id, checkpoint: null });

    // The whole history rewritten, from the first record: every record unkeyed.
    previous = "0".repeat(64);
    for (const row of original) {
      const hash = sha256(previous, row);
      await attacker.query(`UPDATE audit_event SET "newValue" = ?, "previousHash" = ?, "hash" = ? WHERE id = ?`, [row.newValue, previous, hash, row.id]);
      previous = hash;
    }
    const rewritten = await verify();
    expect(rewritten).toMatchObject({ valid: false, firstBrokenId: original[original.length - 1].id });
    expect(rewritten.problem).toMatch(/not keyed/);
    await restore();
  });

  it("reports an appended record its writer could not key", async () => {
    const head = original[original.length - 1];
    const forged = { ...head, id: head.id + 1, newValue: "forged", previousHash: head.hash };
    await insert({ ...forged, hash: sha256(head.hash, forged) });
    expect(await verify()).toMatchObject({ valid: false, firstBrokenId: forged.id });
    await attacker.query(`DELETE FROM audit_event WHERE id = ?`, [forged.id]);
    // Keyed, but with a key of the attacker's own.
    const guessed = "hmac-sha256:" + createHmac("sha256", randomBytes(32)).update(head.hash).update("\n").update(canonicalContent(forged)).digest("hex");
    await insert({ ...forged, hash: guessed });
    expect(await verify()).toMatchObject({ valid: false, firstBrokenId: forged.id });
    await restore();
  });

  it("reports, against a checkpoint taken before, a chain whose newest records were deleted", async () => {
    const { checkpoint } = await verify();
    expect(await verify(checkpoint)).toMatchObject({ valid: true, checkpoint });
    const kept = original.length - 3;
    await attacker.query(`DELETE FROM audit_event WHERE id > ?`, [original[kept - 1].id]);
    // What is left is a consistent chain: only the checkpoint shows that records are gone.
    expect(await verify()).toMatchObject({ valid: true, checked: kept });
    const cut = await verify(checkpoint);
    expect(cut).toMatchObject({ valid: false, checked: kept, firstBrokenId: null, checkpoint: null });
    expect(cut.problem).toMatch(/no longer in the chain/);

    // A record written since by the service does not hide it.
    await post(FAILED_SIGN_IN);
    expect(await verify()).toMatchObject({ valid: true });
    expect(await verify(checkpoint)).toMatchObject({ valid: false });
    await restore();
    expect(await verify(checkpoint)).toMatchObject({ valid: true });
  });

  it("refuses a checkpoint that is not one, naming the argument", async () => {
    const result = await post(VERIFY, { checkpoint: "audit-checkpoint/1/12" }, auditor);
    expect(result.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "checkpoint" });
  });
});

describe("the audit key's configuration", () => {
  it("is required in production, and must be at least 32 characters", async () => {
    const production = { NODE_ENV: "production", BASKETQL_DEMO: "0" };
    await expect(startTestServer("sqlite", production)).rejects.toThrow(/BASKETQL_AUDIT_KEY is required when NODE_ENV=production/);
    await expect(startTestServer("sqlite", { ...production, BASKETQL_AUDIT_KEY: "too short" })).rejects.toThrow(/at least 32 characters/);
  });
});
