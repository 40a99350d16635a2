import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { startServer } from "../../src/server";
import { bearer } from "../support/bearer";
import type { RunningServer } from "../../src/server";

let auth: { authorization: string };
const post = (url: string, query: string, variables?: object) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...auth }, body: JSON.stringify({ query, variables }) });

describe("the HTTP server started as `npm start` starts it", () => {
  const dir = mkdtempSync(join(tmpdir(), "basketql-"));
  const sqlitePath = join(dir, "trial.sqlite");
  let server: RunningServer;
  const log: string[] = [];

  beforeAll(async () => {
    server = await startServer(loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: sqlitePath }), plugins, (line) => log.push(line));
    auth = await bearer(server);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates the SQLite file, loads the demo trial into it and prints where GraphQL is served", async () => {
    expect(log.some((l) => l.startsWith("Demo trial TRANSREG"))).toBe(true);
    expect(log.at(-1)).toContain(server.url);
    expect(log.some((l) => l.startsWith("Demo accounts: demo-admin, demo-data-manager"))).toBe(true);
  });

  it("answers a client's query for cohorts, patient counts and one patient's Treg % and DAS28", async () => {
    const response = await post(
      server.url,
      `{ study { cohorts { code patientCount } } patients(first: 100) { nodes { subjectCode cohort { diseaseId } visits(first: 10) { nodes { plannedVisit { code } immuneMeasurements(first: 1, where: { parameter: { eq: "TREG_PCT_CD4" } }) { nodes { parameter { code } value } } } } assessments(first: 10, where: { instrument: { eq: "DAS28_ESR" } }) { nodes { display category { code } visit { plannedVisit { code } } } } } } }`,
    );
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as any;
    expect(data.study.cohorts.find((c: any) => c.code === "RA").patientCount).toBeGreaterThanOrEqual(3);
    const patient = data.patients.nodes.find((p: any) => p.cohort.diseaseId === "rheumatoid-arthritis");
    const baseline = patient.visits.nodes.find((v: any) => v.plannedVisit.code === "BASELINE");
    expect(baseline.immuneMeasurements.nodes[0]).toEqual({ parameter: { code: "TREG_PCT_CD4" }, value: expect.any(Number) });
    const das28 = patient.assessments.nodes.filter((a: any) => a.visit.plannedVisit.code === "BASELINE");
    expect(das28).toEqual([{ display: expect.stringMatching(/^\d\.\d\d$/), category: { code: expect.any(String) }, visit: { plannedVisit: { code: "BASELINE" } } }]);
  });

  it("keeps the data across a restart and does not load the demo twice", async () => {
    await server.stop();
    log.length = 0;
    server = await startServer(loadConfig({ PORT: "0", BASKETQL_SQLITE_PATH: sqlitePath }), plugins, (line) => log.push(line));
    expect(log.some((l) => l.startsWith("Demo trial"))).toBe(false);
    const { data } = (await (await post(server.url, "{ study { patientCount } }")).json()) as any;
    expect(data.study.patientCount).toBeGreaterThan(0);
  });

  it("returns coded errors without stack traces", async () => {
    const response = await post(server.url, `{ computeScore(instrument: "DAS28_ESR", inputs: { tjc28: 40 }) { value } }`);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(body)).not.toContain("stacktrace");
  });
});
