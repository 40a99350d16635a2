import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverAudits } from "graphql-http";
import type { AuditResult } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { QUERY_LIMITS } from "../../src/graphql/limits";
import { negotiateResponseType } from "../../src/graphql/over-http";
import { createUser } from "../../src/modules/access/accounts";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { bearer } from "../support/bearer";

const JSON_TYPE = "application/json";
const GRAPHQL_RESPONSE_TYPE = "application/graphql-response+json";
const INTROSPECTION = "{ __schema { queryType { name } } }";

/** A signed-in user's Authorization header per running server (by URL). */
const signedIn = new Map<string, Record<string, string>>();

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": JSON_TYPE, ...signedIn.get(url), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type") ?? "", cacheControl: response.headers.get("cache-control"), text, body: JSON.parse(text) as any };
}

/** What a browser gets when it opens the GraphQL URL. */
async function openInBrowser(url: string) {
  const response = await fetch(url, { headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

/** Starts the HTTP server on a free port with a fresh SQLite file, for the tests of one describe block. */
function serverWith(env: Record<string, string>): () => RunningServer {
  const dir = mkdtempSync(join(tmpdir(), "basketql-http-"));
  let server: RunningServer | undefined;
  beforeAll(async () => {
    const config = loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "db.sqlite"), BASKETQL_DEMO: "0", BASKETQL_JWT_SECRET: "a-test-secret-of-at-least-32-characters", BASKETQL_AUDIT_KEY: "a-test-audit-key-of-at-least-32-characters", ...env });
    server = await startServer(config, plugins, () => {});
    await server.app.dataSource.transaction((manager) => createUser(manager, SYSTEM_ACTOR, { username: "probe", displayName: "Probe" }));
    signedIn.set(server.url, await bearer(server, "probe"));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => server!;
}

function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|node_modules|\/src\//);
}

/** An unexpected exception in a resolver: the database connection is closed under the running server. */
async function expectInternalErrorsMasked(server: RunningServer) {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  await server.app.dataSource.destroy();
  try {
    const { body, text } = await post(server.url, { query: "{ study { code cohorts { code } } }" });
    expect(body.errors).toHaveLength(1);
    // signing in reads the database too, so the request fails before any field: no path
    expect(body.errors[0]).toMatchObject({ message: "Internal server error" });
    expect(body.errors[0].extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expectNoStackTrace(text);
    expect(text).not.toMatch(/SQLITE|database|connection|TypeORM/i);
    // the details are in the server's log instead
    expect(logged).toHaveBeenCalledWith("Internal error:", expect.anything());
  } finally {
    logged.mockRestore();
    await server.app.dataSource.initialize();
  }
}

describe("BASKETQL_INTROSPECTION (introspection and the IDE landing page)", () => {
  it("is on in development and off in production by default", () => {
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "development" }).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", BASKETQL_INTROSPECTION: "" }).introspection).toBe(false);
  });

  it("turns both on or off explicitly", () => {
    for (const on of ["1", "true", "TRUE", "yes", "on"]) expect(loadConfig({ NODE_ENV: "production", BASKETQL_INTROSPECTION: on }).introspection).toBe(true);
    for (const off of ["0", "false", "no", "Off"]) expect(loadConfig({ BASKETQL_INTROSPECTION: off }).introspection).toBe(false);
  });

  it("refuses a value it does not understand", () => {
    expect(() => loadConfig({ NODE_ENV: "production", BASKETQL_INTROSPECTION: "maybe" })).toThrow(/BASKETQL_INTROSPECTION must be one of 1, true, yes, on, 0, false, no, off \(got maybe\)/);
  });
});

describe("response media type negotiation", () => {
  it("chooses application/json unless the client prefers application/graphql-response+json, as Apollo does", () => {
    expect(negotiateResponseType(undefined)).toBe(JSON_TYPE);
    expect(negotiateResponseType("*/*")).toBe(JSON_TYPE);
    expect(negotiateResponseType("application/*")).toBe(JSON_TYPE);
    expect(negotiateResponseType("application/json")).toBe(JSON_TYPE);
    expect(negotiateResponseType(GRAPHQL_RESPONSE_TYPE)).toBe(GRAPHQL_RESPONSE_TYPE);
    expect(negotiateResponseType(`${GRAPHQL_RESPONSE_TYPE}, application/json;q=0.9`)).toBe(GRAPHQL_RESPONSE_TYPE);
    expect(negotiateResponseType(`application/json, ${GRAPHQL_RESPONSE_TYPE}`)).toBe(JSON_TYPE);
    expect(negotiateResponseType(`${GRAPHQL_RESPONSE_TYPE}, application/json`)).toBe(GRAPHQL_RESPONSE_TYPE);
    expect(negotiateResponseType(`${GRAPHQL_RESPONSE_TYPE}, */*`)).toBe(GRAPHQL_RESPONSE_TYPE);
    expect(negotiateResponseType(`${GRAPHQL_RESPONSE_TYPE};q=0, */*`)).toBe(JSON_TYPE);
    expect(negotiateResponseType("text/html")).toBeUndefined();
  });
});

describe("in production (NODE_ENV=production)", () => {
  const server = serverWith({ NODE_ENV: "production" });

  it("refuses introspection with a clear error", async () => {
    for (const query of [INTROSPECTION, `{ __type(name: "Patient") { name fields { name } } }`]) {
      const { body } = await post(server().url, { query });
      expect(body.data).toBeUndefined();
      expect(body.errors[0].message).toMatch(/introspection is not allowed/i);
      expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    }
    // __typename is not introspection of the schema
    expect((await post(server().url, { query: "{ __typename }" })).body).toEqual({ data: { __typename: "Query" } });
  });

  it("does not suggest field names in errors either", async () => {
    const { body } = await post(server().url, { query: "{ studdy { code } }" });
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors[0].message).toMatch(/Cannot query field "studdy"/);
    expect(body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it("does not serve the IDE landing page", async () => {
    const page = await openInBrowser(server().url);
    expect(page.type).not.toContain("text/html");
    expect(page.text).not.toMatch(/<html|sandbox/i);
    expect(page.status).toBeGreaterThanOrEqual(400);
  });

  it("keeps the message and code of coded errors, never a stack trace", async () => {
    const url = server().url;
    const cases: Array<[Awaited<ReturnType<typeof post>>, string, RegExp]> = [
      [await post(url, { query: `{ computeScore(instrument: "DAS28_ESR", inputs: { tjc28: 40 }) { value } }` }), "BAD_USER_INPUT", /tjc28/],
      [await post(url, { query: "{ study(" }), "GRAPHQL_PARSE_FAILED", /^Syntax Error/],
      [await post(url, { query: "{ nope }" }), "GRAPHQL_VALIDATION_FAILED", /Cannot query field "nope"/],
      [await post(url, { operationName: "Missing", query: "query Present { __typename }" }), "OPERATION_RESOLUTION_FAILURE", /Missing/],
      [await post(url, { notquery: "{ __typename }" }), "BAD_REQUEST", /query/],
      [await post(url, "{ not json"), "BAD_REQUEST", /not valid JSON/],
      [await post(url, { query: "{ __typename }", variables: { padding: "x".repeat(QUERY_LIMITS.maxBodyBytes) } }), "PAYLOAD_TOO_LARGE", /larger than/],
    ];
    for (const [{ body, text }, code, message] of cases) {
      expect(body.errors[0].extensions.code, text).toBe(code);
      expect(body.errors[0].message, text).toMatch(message);
      expectNoStackTrace(text);
    }
  });

  it("masks an internal error: a stable code, no message, no stack trace", async () => {
    await expectInternalErrorsMasked(server());
  });

  it("forbids caching of every answer, data and errors alike", async () => {
    const url = server().url;
    for (const query of ["{ study { code cohorts { code } } }", "{ nope }"]) expect((await post(url, { query })).cacheControl, query).toBe("no-store");
  });

  it("passes the graphql-http audits except the two whose query is introspection (__type)", async () => {
    const results: AuditResult[] = [];
    for (const audit of serverAudits({ url: server().url })) results.push(await audit.fn());
    const failed = results.filter((result) => result.status !== "ok" && !result.name.startsWith("MAY")).map((result) => result.id);
    expect(failed.sort()).toEqual(["28B9", "2EA1"]);
  });
});

describe("in production with BASKETQL_INTROSPECTION=1", () => {
  const server = serverWith({ NODE_ENV: "production", BASKETQL_INTROSPECTION: "1" });

  it("answers introspection", async () => {
    const { status, body } = await post(server().url, { query: INTROSPECTION });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("serves the IDE landing page", async () => {
    const page = await openInBrowser(server().url);
    expect(page.status).toBe(200);
    expect(page.type).toContain("text/html");
    expect(page.text).toMatch(/sandbox/i);
  });
});

describe("in development", () => {
  const server = serverWith({});

  it("answers introspection and suggests field names", async () => {
    expect((await post(server().url, { query: INTROSPECTION })).body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    expect((await post(server().url, { query: "{ studdy { code } }" })).body.errors[0].message).toMatch(/Did you mean "study"/);
  });

  it("serves the IDE landing page (Apollo Sandbox)", async () => {
    const page = await openInBrowser(server().url);
    expect(page.status).toBe(200);
    expect(page.type).toContain("text/html");
    expect(page.text).toMatch(/sandbox/i);
  });

  it("answers a POST JSON query with 200 and data", async () => {
    const { status, type, body } = await post(server().url, { query: "query Q($code: String) { study(code: $code) { code } }", variables: { code: "NONE" } });
    expect(status).toBe(200);
    expect(type).toContain(JSON_TYPE);
    expect(body).toEqual({ data: { study: null } });
  });

  it("answers request errors with 200 to application/json clients and 400 to application/graphql-response+json clients", async () => {
    for (const query of ["{", "{ nope }"]) {
      for (const accept of [JSON_TYPE, "*/*"]) {
        const json = await post(server().url, { query }, { accept });
        expect(json.status).toBe(200);
        expect(json.type).toContain(JSON_TYPE);
        expect(json.body.data).toBeUndefined();
        expect(json.body.errors).toHaveLength(1);
      }
      const graphqlResponse = await post(server().url, { query }, { accept: GRAPHQL_RESPONSE_TYPE });
      expect(graphqlResponse.status).toBe(400);
      expect(graphqlResponse.type).toContain(GRAPHQL_RESPONSE_TYPE);
      expect(graphqlResponse.body.data).toBeUndefined();
    }
  });

  it("refuses queries over the limits with 400 for every client, the token limit included", async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: study { code }`).join(" ");
    const tokens = `{ ${"__typename ".repeat(QUERY_LIMITS.maxTokens)} }`;
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE_TYPE, "*/*"]) {
      const tooManyAliases = await post(server().url, { query: `{ ${aliases} }` }, { accept });
      expect(tooManyAliases.status).toBe(400);
      expect(tooManyAliases.body.errors[0].message).toMatch(/alias/i);
      const tooManyTokens = await post(server().url, { query: tokens }, { accept });
      expect(tooManyTokens.status).toBe(400);
      expect(tooManyTokens.body.errors[0]).toMatchObject({ message: expect.stringMatching(/tokens/), extensions: { code: "GRAPHQL_PARSE_FAILED" } });
    }
  });

  it("refuses bodies that are not JSON with a GraphQL-shaped error, never Express's HTML page", async () => {
    const send = async (headers: Record<string, string>, body: string) => {
      const response = await fetch(server().url, { method: "POST", headers, body });
      const text = await response.text();
      expect(response.headers.get("content-type")).toContain(JSON_TYPE);
      expectNoStackTrace(text);
      return { status: response.status, body: JSON.parse(text) };
    };
    const query = JSON.stringify({ query: "{ __typename }" });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/graphql"]) {
      const { status, body } = await send({ "content-type": type }, query);
      expect(status).toBe(415);
      expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/Content-Type: application\/json/), extensions: { code: "BAD_REQUEST" } });
    }
    expect(await send({ "content-type": "application/json; charset=latin1" }, query)).toMatchObject({ status: 415, body: { errors: [{ extensions: { code: "BAD_REQUEST" } }] } });
    expect(await send({ "content-type": JSON_TYPE, "content-encoding": "gzip" }, query)).toMatchObject({ status: 400, body: { errors: [{ message: "Malformed request body" }] } });
    expect(await send({ "content-type": JSON_TYPE }, "[1, ")).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: "BAD_REQUEST" } }] } });
  });

  it("answers body errors in the media type the client accepts", async () => {
    const tooLarge = await post(server().url, { query: "{ __typename }", variables: { padding: "x".repeat(QUERY_LIMITS.maxBodyBytes) } }, { accept: GRAPHQL_RESPONSE_TYPE });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.type).toContain(GRAPHQL_RESPONSE_TYPE);
    expect(tooLarge.body.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("still requires a CSRF-preventing header on GET", async () => {
    const url = `${server().url}?query=${encodeURIComponent("{ __typename }")}`;
    expect((await fetch(url)).status).toBe(400);
    const preflighted = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("does not advertise Express", async () => {
    expect((await fetch(server().url, { method: "POST", headers: { "content-type": JSON_TYPE }, body: "{}" })).headers.get("x-powered-by")).toBeNull();
  });

  it("masks an internal error: a stable code, no message, no stack trace", async () => {
    await expectInternalErrorsMasked(server());
  });

  describe("graphql-http server audits (GraphQL over HTTP)", () => {
    // The audits query `__type`, so they run where introspection is on; in production the two of them
    // that expect an answer fail by design (see above).
    for (const audit of serverAudits({ url: () => server().url })) {
      it(audit.name, async () => {
        const result = await audit.fn(); // throws only when the audit itself cannot run
        if (audit.name.startsWith("MAY")) {
          expect(["ok", "notice"]).toContain(result.status);
        } else {
          expect(result.status, result.status === "ok" ? "" : `${result.reason} (HTTP ${result.response.status})`).toBe("ok");
        }
      });
    }
  });
});
