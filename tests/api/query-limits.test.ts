import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { QUERY_LIMITS } from "../../src/graphql/limits";
import { startServer } from "../../src/server";
import { bearer } from "../support/bearer";
import type { RunningServer } from "../../src/server";

let auth: { authorization: string };
const post = async (url: string, body: string, headers: Record<string, string> = auth) => {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, body: (await response.json()) as any };
};
const root = join(__dirname, "..", "..");

/** A list three levels deep, none of them given a page size: 20 patients × 20 visits × 20 values. */
const NESTED_WITHOUT_FIRST = "patients { nodes { visits { nodes { immuneMeasurements { nodes { value } } } } } }";
const aliased = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;

/** The README's ```graphql blocks and docs/queries/*.graphql: every example the documentation gives. */
function documentedQueries(): Array<{ name: string; query: string }> {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  return [
    ...[...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match, i) => ({ name: `README block ${i + 1}`, query: match[1] })),
    ...readdirSync(join(root, "docs", "queries")).map((file) => ({ name: `docs/queries/${file}`, query: readFileSync(join(root, "docs", "queries", file), "utf8") })),
  ];
}

/** `{ patient(id: $id) { visits { nodes { patient { visits { nodes { … } } } } } } }` nested to the given depth. */
function nestedQuery(depth: number): string {
  let selection = "id";
  let level = 1;
  while (level < depth) {
    selection = level % 2 === 1 ? `patient { ${selection} }` : `visits { nodes { ${selection} } }`;
    level += level % 2 === 1 ? 1 : 2;
  }
  return `{ node(id: "x") { ... on Visit { ${selection} } } }`;
}

describe("query limits", () => {
  const dir = mkdtempSync(join(tmpdir(), "basketql-limits-"));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "db.sqlite") }), plugins, () => {});
    auth = await bearer(server);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a query deeper than the limit with a clear error", async () => {
    const { status, body } = await post(server.url, JSON.stringify({ query: nestedQuery(QUERY_LIMITS.maxDepth + 4) }));
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/depth/i);
  });

  it("refuses too many aliases", async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: study { code }`).join(" ");
    const { status, body } = await post(server.url, JSON.stringify({ query: `{ ${aliases} }` }));
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/alias/i);
  });

  it("refuses a query that could return too many rows (cost grows with the page sizes asked for)", async () => {
    const query = `{ patients(first: 100) { nodes { visits(first: 100) { nodes { immuneMeasurements(first: 100) { nodes { value } } } } } } }`;
    const { status, body } = await post(server.url, JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/cost/i);
  });

  it("counts the default page size of every list: 15 aliases of a nested query without `first` are refused before running, and another client is answered meanwhile", async () => {
    const started = Date.now();
    const other = bearer(server, "demo-investigator-01").then((headers) => post(server.url, JSON.stringify({ query: "{ study { code } }" }), headers));
    const [refused, answered] = await Promise.all([post(server.url, JSON.stringify({ query: aliased(15, NESTED_WITHOUT_FIRST) })), other]);
    expect(refused.status).toBe(400);
    // refused as a whole, before execution: no data at all
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "cost", max: QUERY_LIMITS.maxCost });
    expect(refused.body.errors[0].extensions.found).toBeGreaterThan(15 * 20 * 20 * 20);
    expect(refused.body.errors[0].message).toMatch(/cost .* above the limit of 50000.*default page of 20/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(answered.body).toEqual({ data: { study: { code: expect.any(String) } } });
    // three are refused too; one alone is within the limit and runs
    expect((await post(server.url, JSON.stringify({ query: aliased(3, NESTED_WITHOUT_FIRST) }))).body.errors[0].extensions.limit).toBe("cost");
    const one = await post(server.url, JSON.stringify({ query: aliased(1, NESTED_WITHOUT_FIRST) }));
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.a0.nodes.length).toBeGreaterThan(0);
  });

  it("counts page sizes sent in variables, and nested lists' edges like their nodes", async () => {
    const query = `query($n: Int) { patients(first: $n) { edges { node { visits(first: $n) { nodes { immuneMeasurements(first: $n) { edges { node { value } } } } } } } } }`;
    const big = await post(server.url, JSON.stringify({ query, variables: { n: 100 } }));
    expect(big.status).toBe(400);
    expect(big.body.errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "cost" });
    const small = await post(server.url, JSON.stringify({ query, variables: { n: 5 } }));
    expect(small.body.errors).toBeUndefined();
    // a variable left out serves the default page, and is counted as such
    expect((await post(server.url, JSON.stringify({ query: aliased(3, `patients(first: $n) { nodes { visits(first: $n) { nodes { immuneMeasurements(first: $n) { nodes { value } } } } } }`).replace("{", "query($n: Int) {") }))).body.errors[0].extensions.limit).toBe("cost");
  });

  it("accepts every example query of the README and docs/queries", async () => {
    const { patients } = (await post(server.url, JSON.stringify({ query: "{ patients(first: 1) { nodes { id } } }" }))).body.data;
    const examples = documentedQueries();
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const { name, query } of examples) {
      const { status, body } = await post(server.url, JSON.stringify({ query, variables: { id: patients.nodes[0].id } }));
      const codes = (body.errors ?? []).map((error: any) => error.extensions?.code);
      expect(codes, name).not.toContain("QUERY_LIMIT_EXCEEDED");
      expect(codes, name).not.toContain("GRAPHQL_VALIDATION_FAILED");
      // the placeholder ids ("…") of the mutation example are refused as input, nothing else is refused
      if (!query.includes("…")) expect(body.errors, name).toBeUndefined();
      expect(status, name).toBe(200);
    }
  });

  it("stops a request that loads more rows than the execution budget, naming the limit", async () => {
    const limited = await startServer(loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "db.sqlite"), BASKETQL_DEMO: "0", BASKETQL_MAX_ROWS: "30" }), plugins, () => {});
    try {
      const headers = await bearer(limited);
      const { body } = await post(limited.url, JSON.stringify({ query: "{ patients(first: 10) { nodes { visits(first: 10) { nodes { id } } } } }" }), headers);
      const error = body.errors.find((e: any) => e.extensions.code === "QUERY_LIMIT_EXCEEDED");
      expect(error.extensions).toMatchObject({ limit: "rows", max: 30 });
      expect(error.message).toMatch(/more than the limit of 30 rows/);
      // a request within the budget is answered
      expect((await post(limited.url, JSON.stringify({ query: "{ patients(first: 10) { nodes { id } } }" }), headers)).body.errors).toBeUndefined();
    } finally {
      await limited.stop();
    }
  });

  it("refuses a body over the size limit with 413 and a GraphQL-shaped error", async () => {
    const { status, body } = await post(server.url, JSON.stringify({ query: "{ study { code } }", variables: { padding: "x".repeat(QUERY_LIMITS.maxBodyBytes) } }));
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a filter nested too deep or too large, naming `where` and the limit, and accepts a deep relation filter", async () => {
    let deep: Record<string, unknown> = { subjectCode: { eq: "x" } };
    for (let i = 0; i < 1500; i++) deep = { not: deep };
    const wide = { or: Array.from({ length: 600 }, (_, i) => ({ subjectCode: { eq: `S-${i}` } })) };
    const query = `query($where: PatientWhere) { patients(where: $where) { totalCount } }`;
    for (const [where, limit] of [[deep, `nests more than ${QUERY_LIMITS.maxFilterDepth} levels`], [wide, `more than ${QUERY_LIMITS.maxFilterSize} fields and filters`]] as const) {
      const { status, body } = await post(server.url, JSON.stringify({ query, variables: { where } }));
      expect(status).toBe(200);
      expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "where" });
      expect(body.errors[0].message).toContain(limit);
    }
    const relation = { immuneMeasurements: { some: { parameter: { eq: "TREG_PCT_CD4" }, visit: { plannedVisit: { code: { eq: "D8" } } }, value: { gt: 0 } } } };
    const { body } = await post(server.url, JSON.stringify({ query, variables: { where: { and: [relation, { not: { status: { eq: "SCREENED" } } }] } } }));
    expect(body.errors).toBeUndefined();
    expect(body.data.patients.totalCount).toBeGreaterThan(0);
  });

  it("refuses a relation filter inside another (it re-reads a patient's rows for every row), naming the field, while other clients are answered", async () => {
    const every = { immuneMeasurements: { every: { value: { gt: -1 } } } };
    const refusedShapes = [
      // a patient's measurements' patient's measurements: eight of these ran 27 s and blocked every client
      ["patients", "PatientWhere", { and: [{ sex: { eq: "FEMALE" } }, { immuneMeasurements: { every: { patient: every } } }] }, "where.and[1].immuneMeasurements.every.patient.immuneMeasurements.every"],
      // through a record's patient: once per measurement instead of once per patient
      ["immuneMeasurements", "ImmuneMeasurementWhere", { patient: every }, "where.patient.immuneMeasurements.every"],
      ["labResults", "LabResultWhere", { visit: { patient: { adverseEvents: { some: {} } } } }, "where.visit.patient.adverseEvents.some"],
    ] as const;
    for (const [list, type, where, field] of refusedShapes) {
      const started = Date.now();
      const other = post(server.url, JSON.stringify({ query: "{ study { code } }" }));
      const { body } = await post(server.url, JSON.stringify({ query: `query($w: ${type}) { ${list}(where: $w, first: 1) { totalCount } }`, variables: { w: where } }));
      expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(body.errors[0].message).toMatch(/inside another relation filter/);
      expect(body.data).toBeNull();
      expect((await other).body.data.study.code).toEqual(expect.any(String));
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    const eight = { and: Array.from({ length: 8 }, () => ({ immuneMeasurements: { every: { patient: every } } })) };
    const attack = await post(server.url, JSON.stringify({ query: `query($w: PatientWhere) { patients(where: $w, first: 1) { totalCount } }`, variables: { w: eight } }));
    expect(attack.status).toBe(400);
    expect(attack.body.errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "cost" });
    // at the first level they are served, as many as the cost allows: four here, a fifth is refused before it runs
    const query = `query($w: PatientWhere) { patients(where: $w, first: 1) { totalCount } }`;
    const four = await post(server.url, JSON.stringify({ query, variables: { w: { and: [every, every, every, { visits: { some: {} } }] } } }));
    expect(four.body.errors).toBeUndefined();
    expect(four.body.data.patients.totalCount).toBeGreaterThan(0);
    const five = await post(server.url, JSON.stringify({ query, variables: { w: { and: [every, every, every, every, { visits: { some: {} } }] } } }));
    expect(five.status).toBe(400);
    expect(five.body.errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "cost" });
    expect(five.body.errors[0].message).toMatch(/relation filter/);
  });

  it("counts every analysis as a fixed cost: four in one request run, a fifth is refused before any runs", async () => {
    const analyses = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: immuneProfileMap(seed: ${i + 1}) { patientsAnalysed }`).join(" ")} }`;
    const four = await post(server.url, JSON.stringify({ query: analyses(4) }));
    expect(four.body.errors).toBeUndefined();
    expect(four.body.data.a3.patientsAnalysed).toBeGreaterThan(0);
    const five = await post(server.url, JSON.stringify({ query: analyses(5) }));
    expect(five.status).toBe(400);
    expect(five.body.errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "cost" });
    expect(five.body.data).toBeUndefined();
  });

  it("does not keep persisted queries: a request naming a hash is answered PERSISTED_QUERY_NOT_SUPPORTED, a wrong hash is no internal error", async () => {
    for (const extensions of [{ persistedQuery: { version: 1, sha256Hash: "abc" } }, { persistedQuery: { version: 2, sha256Hash: 5 } }, { persistedQuery: "x" }]) {
      for (const body of [{ extensions }, { query: "{ study { code } }", extensions }]) {
        const answer = await post(server.url, JSON.stringify(body));
        expect(answer.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
        expect(answer.body.data).toBeUndefined();
      }
    }
  });

  it("allows the deepest view the README documents (patient timeline)", async () => {
    const { patients } = (await post(server.url, JSON.stringify({ query: "{ patients(first: 1) { nodes { id } } }" }))).body.data;
    const timeline = `query($id: ID!) { patient(id: $id) { visits { nodes { immuneMeasurements(first: 50) { nodes { value parameter { code } changeFromBaseline { foldChange } } } } } } }`;
    const { status, body } = await post(server.url, JSON.stringify({ query: timeline, variables: { id: patients.nodes[0].id } }));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
  });
});
