/**
 * PostgreSQL for many users: two compiled server processes (`node dist/src/main.js`), stateless, behind
 * what would be a load balancer, on ONE database, deployed as documented — the schema migrated once by
 * its owner, both servers connected as a service role that does not own it, with
 * the same token key and audit key. Clients write over HTTP to both at once; afterwards every
 * acknowledged write is in the database, the audit chain verifies on both, two processes correcting the
 * same record with the same expected version give exactly one winner and one CONFLICT, and the
 * password-attempt limit counts the attempts made at both processes together.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { openDatabase } from "../../src/db/data-source";
import { loadDemoTrial } from "../../src/demo/load-demo-trial";
import { generalInstruments } from "../../src/general-instruments";
import { fromGlobalId } from "../../src/graphql/global-id";
import { ensureImmuneCatalogue } from "../../src/modules/immunology/immune-catalogue";
import { issueToken } from "../../src/modules/access/tokens";
import { createPostgresDatabase } from "../support/test-database";
import { PluginRegistry } from "../../src/plugins/registry";
import { compileServer, startChild } from "./compiled-server";
import type { Child } from "./compiled-server";

const SECRET = "a-test-secret-of-at-least-32-characters";
const ATTEMPTS_PER_ACCOUNT = 4;
/** What every process gets: the same keys (tokens issued by one are accepted by the other; one audit chain). */
const SHARED = {
  NODE_ENV: "production",
  BASKETQL_JWT_SECRET: SECRET,
  BASKETQL_AUDIT_KEY: `audit-${SECRET}`,
  BASKETQL_PASSWORD_ATTEMPTS_PER_ACCOUNT: String(ATTEMPTS_PER_ACCOUNT),
  // High enough that only the per-account limit is met here (every request comes from 127.0.0.1).
  BASKETQL_PASSWORD_ATTEMPTS_PER_ADDRESS: "1000",
};
const WRITERS = 6;
const WRITES_PER_WRITER = 10;
const CONFLICT_ROUNDS = 5;

const RECORD_AE = `mutation($input: RecordAdverseEventInput!) { recordAdverseEvent(input: $input) { id version } }`;
const CORRECT_AE = `mutation($id: ID!, $v: Int!, $input: RecordAdverseEventInput!, $reason: String) {
  correctAdverseEvent(id: $id, expectedVersion: $v, input: $input, reason: $reason) { id version grade term } }`;
const VERIFY = `{ verifyAuditTrail { valid checked problem } }`;
const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Answer["body"] };
}

describe.runIf(!!process.env.TEST_DATABASE_URL)("two server processes on one PostgreSQL database", () => {
  const role = `basketql_service_${randomBytes(4).toString("hex")}`;
  const work = mkdtempSync(join(tmpdir(), "basketql-many-"));
  const children: Child[] = [];
  let database: { url: string; drop(): Promise<void> };
  /** The two processes' URLs. */
  let urls: [string, string];
  const tokens = new Map<string, Record<string, string>>();

  const sql = async <T = any>(text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  const asUser = async (username: string) => {
    if (!tokens.has(username)) {
      const [{ id }] = await sql(`SELECT id FROM app_user WHERE username = $1`, [username]);
      tokens.set(username, { authorization: `Bearer ${await issueToken(new TextEncoder().encode(SECRET), id, 8)}` });
    }
    return tokens.get(username)!;
  };
  /** Sends an operation as `username` to process 0 or 1. */
  const as = async (at: 0 | 1, username: string, query: string, variables: Record<string, unknown> = {}) => post(urls[at], query, variables, await asUser(username));

  beforeAll(async () => {
    let serviceUrl = "";
    // Migrations once, as the schema's owner, who then grants the service role what it needs (what
    // `basketql migrate` does with DATABASE_URL and DATABASE_MIGRATION_URL); the demo trial is loaded as
    // the service role. Meanwhile the server is compiled.
    const deploy = async () => {
      database = await createPostgresDatabase();
      const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.end();
      const service = new URL(database.url);
      service.username = role;
      service.password = "";
      serviceUrl = service.toString();
      const dataSource = await openDatabase({ url: serviceUrl, migrationUrl: database.url, sqlitePath: "", auditKey: new TextEncoder().encode(SHARED.BASKETQL_AUDIT_KEY) });
      try {
        await ensureImmuneCatalogue(dataSource.manager);
        await loadDemoTrial(dataSource, new PluginRegistry(plugins, generalInstruments));
      } finally {
        await dataSource.destroy();
      }
    };
    const [scripts] = await Promise.all([compileServer(join(work, "build")), deploy()]);
    const env = { PORT: "0", ...SHARED, DATABASE_URL: serviceUrl, BASKETQL_SQLITE_PATH: join(work, "unused.sqlite") };
    for (let i = 0; i < 2; i++) children.push(startChild(scripts.main, env));
    urls = (await Promise.all(children.map((child) => child.ready))) as [string, string];
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.process.exitCode === null) child.process.kill("SIGTERM");
    await Promise.all(children.map((child) => child.exited));
    await database?.drop();
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }, 30_000);

  /** Patients of a site, as the data manager reads them through the second process. */
  async function patientsOf(site: string): Promise<string[]> {
    const { body } = await as(1, "demo-data-manager", `{ patients(first: 100) { nodes { id site { code } } } }`);
    return body.data.patients.nodes.filter((p: any) => p.site.code === site).map((p: any) => p.id);
  }
  const adverseEvent = (patientId: string, grade: number, term = "Headache") => ({
    patientId,
    term,
    grade,
    onsetDate: "2024-03-01",
    outcome: "RECOVERED",
    relatedness: "UNLIKELY",
  });

  it("keeps every write acknowledged by either process, and one audit chain that verifies on both", async () => {
    const sites = ["01", "02"];
    const patients = Object.fromEntries(await Promise.all(sites.map(async (site) => [site, await patientsOf(site)])));
    const [{ n: rowsBefore }] = await sql(`SELECT count(*)::int AS n FROM adverse_event`);
    // Writers at two sites, each sending its entries alternately to the two processes, all at once.
    const writer = async (w: number) => {
      const site = sites[w % 2];
      const answers: Answer[] = [];
      for (let i = 0; i < WRITES_PER_WRITER; i++) {
        const patientId = patients[site][(w + i) % patients[site].length];
        answers.push(await as(((w + i) % 2) as 0 | 1, `demo-investigator-${site}`, RECORD_AE, { input: adverseEvent(patientId, 1 + (i % 3), `Headache w${w} e${i}`) }));
      }
      return answers;
    };
    const answers = (await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))).flat();
    expect(answers.map((a) => a.body.errors ?? [])).toEqual(answers.map(() => []));
    const acknowledged = answers.map((a) => a.body.data.recordAdverseEvent.id as string);
    expect(new Set(acknowledged).size).toBe(WRITERS * WRITES_PER_WRITER);

    // Every acknowledged entry is stored, with what was sent, and nothing else was added.
    const keys = acknowledged.map((id) => fromGlobalId(id)!.key);
    const stored = await sql(`SELECT id, term FROM adverse_event WHERE id = ANY($1::int[])`, [keys]);
    expect(stored).toHaveLength(keys.length);
    expect(new Set(stored.map((row) => row.term)).size).toBe(keys.length);
    const [{ n: rowsAfter }] = await sql(`SELECT count(*)::int AS n FROM adverse_event`);
    expect(rowsAfter - rowsBefore).toBe(keys.length);
    // ... each with its creation in the audit trail.
    const audited = await sql(`SELECT DISTINCT "entityId" FROM audit_event WHERE "entityType" = 'AdverseEvent' AND action = 'CREATE' AND "entityId" = ANY($1::text[])`, [keys.map(String)]);
    expect(audited).toHaveLength(keys.length);

    // The chain the two processes appended to concurrently verifies, read through either of them.
    const [{ n: auditRows }] = await sql(`SELECT count(*)::int AS n FROM audit_event`);
    for (const at of [0, 1] as const) {
      const { body } = await as(at, "demo-auditor", VERIFY);
      expect(body.data.verifyAuditTrail).toEqual({ valid: true, checked: auditRows, problem: null });
    }
  }, 60_000);

  it("lets exactly one of two processes correct a record from the same version; the other gets CONFLICT", async () => {
    const [patientId] = await patientsOf("01");
    const created = await as(0, "demo-investigator-01", RECORD_AE, { input: adverseEvent(patientId, 1) });
    let { id, version } = created.body.data.recordAdverseEvent;
    const terms: string[] = [];
    for (let round = 1; round <= CONFLICT_ROUNDS; round++) {
      // The same expected version, a different correction from each process, sent at the same time.
      const [a, b] = await Promise.all(
        ([0, 1] as const).map((at) =>
          as(at, "demo-investigator-01", CORRECT_AE, { id, v: version, input: adverseEvent(patientId, 2 + at, `Headache, round ${round}, process ${at}`), reason: `round ${round}` }),
        ),
      );
      const winners = [a, b].filter((answer) => answer.body.data?.correctAdverseEvent);
      const losers = [a, b].filter((answer) => answer.body.errors);
      expect(winners, JSON.stringify([a.body, b.body])).toHaveLength(1);
      expect(losers.map((answer) => answer.body.errors![0].extensions!.code)).toEqual(["CONFLICT"]);
      const won = winners[0].body.data.correctAdverseEvent;
      expect(won.version).toBe(version + 1);
      // The stored record is the winner's correction, and the loser left no trace.
      const [row] = await sql(`SELECT version, grade, term FROM adverse_event WHERE id = $1`, [fromGlobalId(id)!.key]);
      expect(row).toEqual({ version: version + 1, grade: won.grade, term: won.term });
      version = won.version;
      terms.push(won.term);
    }
    // One audited change of the term per round: the winner's, never the refused one's.
    const updates = await sql(`SELECT "newValue" FROM audit_event WHERE "entityType" = 'AdverseEvent' AND "entityId" = $1 AND action = 'UPDATE' AND field = 'term' ORDER BY id`, [String(fromGlobalId(id)!.key)]);
    expect(updates.map((u) => u.newValue)).toEqual(terms);
    const { body } = await as(1, "demo-auditor", VERIFY);
    expect(body.data.verifyAuditTrail.valid).toBe(true);
  }, 30_000);

  it("counts password attempts at both processes against one limit: once it is reached, both answer 429", async () => {
    const seen: Array<[number, string]> = [];
    for (let i = 0; i < 2 * ATTEMPTS_PER_ACCOUNT; i++) {
      const answer = await post(urls[i % 2], SIGN_IN, { u: "shared-target", p: `guess ${i}` });
      seen.push([answer.status, answer.body.errors![0].extensions!.code]);
      if (answer.status === 429) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    // Counted in each process's memory, both would still let the 5th to 8th attempts through.
    expect(seen).toEqual([
      ...Array.from({ length: ATTEMPTS_PER_ACCOUNT }, () => [401, "UNAUTHENTICATED"]),
      ...Array.from({ length: ATTEMPTS_PER_ACCOUNT }, () => [429, "TOO_MANY_REQUESTS"]),
    ]);
  }, 30_000);
});
