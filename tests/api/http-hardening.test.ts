import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";

describe("probe", () => {
  const dir = mkdtempSync(join(tmpdir(), "basketql-http-"));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: join(dir, "db.sqlite"), BASKETQL_DEMO: "0" }), plugins, () => {});
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  it("audits", async () => {
    const lines: string[] = [];
    for (const audit of serverAudits({ url: () => server.url })) {
      const r = await audit.fn();
      if (r.status !== "ok") lines.push(`${r.status} ${r.name}: ${r.reason} ${r.status !== "ok" ? JSON.stringify({ s: r.response.status }) : ""}`);
    }
    console.log(lines.join("\n"));
  });
});
