/**
 * What a browser is told by the running server (started on an ephemeral port, asked over HTTP): which
 * origins may call it cross-origin (CORS), and the security headers on every answer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";

const SECRET = "a-test-secret-of-at-least-32-characters";
const TRIAL_SITE = "https://trial.example.org";

/** Starts the HTTP server on a free port with a fresh SQLite file, for the tests of one describe block. */
function serverWith(env: Record<string, string>): () => RunningServer {
  const dir = mkdtempSync(join(tmpdir(), "basketql-deploy-"));
  let server: RunningServer | undefined;
  beforeAll(async () => {
    const config = loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "db.sqlite"), BASKETQL_DEMO: "0", BASKETQL_JWT_SECRET: SECRET, BASKETQL_AUDIT_KEY: `audit-${SECRET}`, ...env });
    server = await startServer(config, plugins, () => {});
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => server!;
}

/** The preflight a browser sends before a page at `origin` POSTs JSON with a bearer token. */
function preflight(url: string, origin: string) {
  return fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
  });
}

/** A POST from a page at `origin` (what the browser sends once a preflight allowed it). */
function postFrom(url: string, origin: string) {
  return fetch(url, { method: "POST", headers: { origin, "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
}

async function expectAllowed(url: string, origin: string) {
  const response = await preflight(url, origin);
  expect(response.status).toBeLessThan(300);
  expect(response.headers.get("access-control-allow-origin")).toBe(origin);
  expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
  expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  expect((await postFrom(url, origin)).headers.get("access-control-allow-origin")).toBe(origin);
}

async function expectRefused(url: string, origin: string) {
  const response = await preflight(url, origin);
  expect(response.headers.get("access-control-allow-origin")).toBeNull();
  expect(response.headers.get("access-control-allow-headers")).toBeNull();
  expect((await postFrom(url, origin)).headers.get("access-control-allow-origin")).toBeNull();
}

/** A Content-Security-Policy header as directive → sources. */
function csp(header: string | null): Map<string, string[]> {
  const directives = (header ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]);
  return new Map(directives.map(([name, ...sources]) => [name.toLowerCase(), sources]));
}

describe("CORS in production", () => {
  describe("with BASKETQL_CORS_ORIGINS", () => {
    const server = serverWith({ NODE_ENV: "production", BASKETQL_CORS_ORIGINS: `${TRIAL_SITE}, https://monitoring.example.org` });

    it("allows a listed origin: its preflight with Authorization and its requests", async () => {
      await expectAllowed(server().url, TRIAL_SITE);
      await expectAllowed(server().url, "https://monitoring.example.org");
    });

    it("gives any other origin no Access-Control-Allow-Origin, neither on the preflight nor on the request", async () => {
      for (const origin of ["https://evil.example", "https://trial.example.org.evil.example", "http://trial.example.org", "http://localhost:3000", "null"]) {
        await expectRefused(server().url, origin);
      }
    });
  });

  describe("by default", () => {
    const server = serverWith({ NODE_ENV: "production" });

    it("allows no origin at all, localhost included", async () => {
      for (const origin of [TRIAL_SITE, "http://localhost:3000", "http://127.0.0.1:5173"]) await expectRefused(server().url, origin);
    });
  });
});

describe("CORS in development by default", () => {
  const server = serverWith({});

  it("allows pages served from localhost on any port", async () => {
    for (const origin of ["http://localhost:3000", "http://127.0.0.1:5173", "http://[::1]:8080", "http://localhost"]) await expectAllowed(server().url, origin);
  });

  it("refuses other origins, look-alikes of localhost included", async () => {
    for (const origin of [TRIAL_SITE, "http://localhost.evil.example", "http://evil.example:3000", "https://localhost:3000.evil.example"]) await expectRefused(server().url, origin);
  });
});

describe("CORS configuration", () => {
  it("refuses a wildcard or anything that is not an origin", () => {
    for (const value of ["*", "trial.example.org", "https://trial.example.org/graphql", "ftp://trial.example.org", "https://user@trial.example.org"]) {
      expect(() => loadConfig({ BASKETQL_CORS_ORIGINS: value })).toThrow(/BASKETQL_CORS_ORIGINS must list origins/);
    }
  });

  it("normalises origins as browsers send them", () => {
    expect(loadConfig({ BASKETQL_CORS_ORIGINS: "https://Trial.Example.org/ , https://a.example.org:8443" }).corsOrigins).toEqual(["https://trial.example.org", "https://a.example.org:8443"]);
  });
});

describe("security headers in production", () => {
  const server = serverWith({ NODE_ENV: "production" });

  it("forbid sniffing, framing, referrers and loading anything into a JSON answer; no HSTS without BASKETQL_HSTS", async () => {
    const response = await postFrom(server().url, TRIAL_SITE);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const policy = csp(response.headers.get("content-security-policy"));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("are sent on errors too", async () => {
    const response = await fetch(server().url, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(response.status).toBe(415);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(csp(response.headers.get("content-security-policy")).get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("security headers behind TLS (BASKETQL_HSTS=1)", () => {
  const server = serverWith({ NODE_ENV: "production", BASKETQL_HSTS: "1" });

  it("add Strict-Transport-Security for a year", async () => {
    const response = await postFrom(server().url, TRIAL_SITE);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("security headers in development, with the Sandbox landing page", () => {
  const server = serverWith({});

  it("let the landing page load Apollo's scripts and frame, and forbid framing it", async () => {
    const response = await fetch(server().url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const policy = csp(response.headers.get("content-security-policy"));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => new URL(m[1]).origin);
    expect(scripts.length).toBeGreaterThan(0);
    for (const origin of scripts) expect(policy.get("script-src")).toContain(origin);
    // the page's inline script (with Apollo's nonce) and its queries to this server
    expect(policy.get("script-src")).toContain("'unsafe-inline'");
    expect(policy.get("connect-src")).toContain("'self'");
    expect(policy.get("frame-src")).toContain("https://sandbox.embed.apollographql.com");
  });
});
