import { mkdtempSync, rmSync } from "node:fs";
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
const post = async (url: string, body: string) => {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...auth }, body });
  return { status: response.status, body: (await response.json()) as any };
};

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

  it("allows the deepest view the README documents (patient timeline)", async () => {
    const { patients } = (await post(server.url, JSON.stringify({ query: "{ patients(first: 1) { nodes { id } } }" }))).body.data;
    const timeline = `query($id: ID!) { patient(id: $id) { visits { nodes { immuneMeasurements(first: 50) { nodes { value parameter { code } changeFromBaseline { foldChange } } } } } } }`;
    const { status, body } = await post(server.url, JSON.stringify({ query: timeline, variables: { id: patients.nodes[0].id } }));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
  });
});
