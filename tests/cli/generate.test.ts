/**
 * `basketql generate`, run as an operator would (compiled, in a child process, on SQLite files): the rows
 * it reports are in the database, the audit chain with its one import record verifies, every stored score
 * is what the plugin computes from the stored inputs, the same seed gives the same data, the service
 * reads the trial through GraphQL, and bad arguments are refused naming them before anything is written.
 */
import "reflect-metadata";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { createApp } from "../../src/app";
import { openDatabase } from "../../src/db/data-source";
import { Access } from "../../src/modules/access/access";
import { IMMUNE_CATALOGUE } from "../../src/modules/immunology/immune-catalogue";
import { scoreInstrument } from "../../src/plugin-api";

const ROOT = resolve(__dirname, "../..");
const GENERATED_TABLES = ["patient", "visit", "immune_measurement", "lab_result", "clinical_assessment", "dose_administration", "adverse_event"] as const;
let workDir: string;
let cliScript: string;

function cli(args: string[], sqlitePath = join(workDir, "default.sqlite")): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [cliScript, ...args],
      { cwd: ROOT, env: { ...process.env, BASKETQL_SQLITE_PATH: sqlitePath, NODE_PATH: join(ROOT, "node_modules"), DATABASE_URL: "", BASKETQL_AUDIT_KEY: "", NODE_ENV: "" } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Every generated row of the database, in id order, for comparing two runs. */
async function dump(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of GENERATED_TABLES) tables[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY id`);
  return tables;
}

async function generated(file: string, ...args: string[]) {
  const run = await cli(["generate", "--database", join(workDir, file), ...args]);
  expect(run.code, run.stderr).toBe(0);
  return { ...run, summary: JSON.parse(run.stdout) as Record<string, number | string> };
}

describe("generate: a trial of N patients in bulk", () => {
  let first: Awaited<ReturnType<typeof generated>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), "basketql-cli-generate-"));
    const buildDir = join(workDir, "build");
    await promisify(execFile)(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tests/cli/cli.tsconfig.json"), "--outDir", buildDir, "--noCheck"], { cwd: ROOT });
    cliScript = join(buildDir, "src/cli.js");
    first = await generated("a.sqlite", "--patients", "30", "--seed", "7", "--sites", "3");
    dataSource = await openDatabase({ sqlitePath: join(workDir, "a.sqlite") });
  }, 240_000);
  afterAll(async () => {
    await dataSource?.destroy();
    rmSync(workDir, { recursive: true, force: true });
  });

  it("writes the rows it reports: every cohort and site, the whole schedule and immune panel, and shows progress", async () => {
    const { summary } = first;
    expect(summary).toMatchObject({ study: "SCALE", cohorts: plugins.length, sites: 3, seed: "7", patients: 30 });
    const counts = Object.fromEntries(
      await Promise.all(GENERATED_TABLES.map(async (table) => [table, Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)] as const)),
    );
    expect(counts).toEqual({
      patient: 30,
      visit: summary.visits,
      immune_measurement: summary.immuneMeasurements,
      lab_result: summary.labResults,
      clinical_assessment: summary.assessments,
      dose_administration: summary.doses,
      adverse_event: summary.adverseEvents,
    });
    // Cohorts in turn: 30 patients over 11 cohorts is 3 or 2 each; the 3 sites all used.
    const perCohort = await dataSource.query(`SELECT "cohortId", COUNT(*) AS n FROM patient GROUP BY "cohortId"`);
    expect(perCohort.map((r: { n: number }) => Number(r.n)).sort()).toEqual([...Array(8).fill(3), ...Array(3).fill(2)].sort());
    expect((await dataSource.query(`SELECT DISTINCT "siteId" FROM patient`)).length).toBe(3);
    // A patient who completed has all 7 planned visits, each with the whole immune panel and 11+ lab results.
    const visits = await dataSource.query(
      `SELECT p.status, COUNT(DISTINCT v.id) AS visits, COUNT(DISTINCT m.id) AS immune FROM patient p JOIN visit v ON v."patientId" = p.id
         JOIN immune_measurement m ON m."visitId" = v.id GROUP BY p.id, p.status`,
    );
    for (const row of visits) {
      expect(Number(row.immune)).toBe(Number(row.visits) * IMMUNE_CATALOGUE.length);
      if (row.status === "COMPLETED") expect(Number(row.visits)).toBe(7);
      else expect(row.status).toBe("WITHDRAWN");
    }
    expect(Number((await dataSource.query(`SELECT COUNT(*) AS n FROM visit WHERE state <> 'COMPLETE'`))[0].n)).toBe(0);
    expect(Number((await dataSource.query(`SELECT MIN(n) AS n FROM (SELECT COUNT(*) AS n FROM lab_result GROUP BY "visitId")`))[0].n)).toBeGreaterThanOrEqual(11);
    expect(first.stderr).toMatch(/30\/30 patients, \d+\/s, \d+ s elapsed, ETA 0 s/);
  });

  it("audits the import as one record, and the audit chain verifies", async () => {
    const imports = await dataSource.query(`SELECT action, "newValue", reason FROM audit_event`);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ action: "IMPORT", reason: "scale trial generated" });
    expect(JSON.parse(imports[0].newValue)).toMatchObject({ study: "SCALE", patients: 30, seed: "7", visits: first.summary.visits });
    // `audit verify` reads BASKETQL_SQLITE_PATH (and the key file beside it).
    expect(await cli(["audit", "verify"], join(workDir, "a.sqlite"))).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Audit trail valid: 1 records/) });
  });

  it("stores the score and category that the plugin computes from the stored inputs, lab-fed inputs taken from the visit's labs", async () => {
    const app = await createApp(dataSource, plugins);
    const rows: { instrumentCode: string; inputs: string; score: number | null; category: string | null; labSources: string | null; visitId: number }[] = await dataSource.query(
      `SELECT "instrumentCode", inputs, score, category, "labSources", "visitId" FROM clinical_assessment`,
    );
    expect(rows.length).toBe(first.summary.assessments);
    let fed = 0;
    for (const row of rows) {
      const outcome = scoreInstrument(app.registry.instrument(row.instrumentCode)!.definition, JSON.parse(row.inputs));
      if (!outcome.ok) throw new Error(`${row.instrumentCode}: ${JSON.stringify(outcome.problems)}`);
      expect({ code: row.instrumentCode, score: row.score, category: row.category }).toEqual({ code: row.instrumentCode, score: outcome.value, category: outcome.category?.code ?? null });
      for (const labId of Object.values<number>(JSON.parse(row.labSources ?? "{}"))) {
        fed++;
        const [lab] = await dataSource.query(`SELECT "visitId" FROM lab_result WHERE id = ?`, [labId]);
        expect(lab.visitId).toBe(row.visitId);
      }
    }
    // Autoimmune hepatitis and sclerosing cholangitis read liver tests: some inputs came from labs.
    expect(fed).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.instrumentCode)).size).toBeGreaterThan(plugins.length);
  });

  it("is read by the service through GraphQL", async () => {
    const app = await createApp(dataSource, plugins);
    await app.apollo.start();
    try {
      const response = await app.apollo.executeOperation(
        { query: `{ study { code cohorts { code patients(first: 5) { totalCount nodes { subjectCode latestActivity { category { code } } } } } } }` },
        { contextValue: app.context(Access.system()) },
      );
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      expect(response.body.singleResult.errors).toBeUndefined();
      const study = (response.body.singleResult.data as { study: { code: string; cohorts: { patients: { totalCount: number; nodes: { latestActivity: unknown }[] } }[] } }).study;
      expect(study.code).toBe("SCALE");
      expect(study.cohorts).toHaveLength(plugins.length);
      expect(study.cohorts.reduce((n, c) => n + c.patients.totalCount, 0)).toBe(30);
      expect(study.cohorts.every((c) => c.patients.nodes.every((p) => p.latestActivity !== null))).toBe(true);
    } finally {
      await app.apollo.stop();
    }
  });

  it("gives the same data for the same seed, and other data for another seed", async () => {
    await generated("b.sqlite", "--patients", "30", "--seed", "7", "--sites", "3");
    await generated("c.sqlite", "--patients", "30", "--seed", "8", "--sites", "3");
    const [b, c] = [await openDatabase({ sqlitePath: join(workDir, "b.sqlite") }), await openDatabase({ sqlitePath: join(workDir, "c.sqlite") })];
    try {
      const a = await dump(dataSource);
      expect(await dump(b)).toEqual(a);
      expect((await dump(c)).lab_result).not.toEqual(a.lab_result);
    } finally {
      await b.destroy();
      await c.destroy();
    }
  }, 120_000);

  it("refuses bad arguments naming them, and a study code already in the database, writing nothing", async () => {
    for (const [args, message] of [
      [["--patients", "0"], "--patients must be an integer from 1 to 1000000 (got 0)"],
      [["--patients", "ten"], "--patients must be an integer from 1 to 1000000 (got NaN)"],
      [["--patients", "2.5", "--sites", "1000"], "--patients must be an integer from 1 to 1000000 (got 2.5); --sites must be an integer from 1 to 999 (got 1000)"],
      [["--seed", " "], "--seed must be 1 to 200 characters"],
    ] as const) {
      const run = await cli(["generate", "--database", join(workDir, "refused.sqlite"), ...args]);
      expect(run).toMatchObject({ code: 1, stdout: "" });
      expect(run.stderr.trim()).toBe(message);
    }
    const again = await cli(["generate", "--database", join(workDir, "a.sqlite"), "--patients", "5"]);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining("--study-code is already used by a study in this database (SCALE)") });
    expect(Number((await dataSource.query(`SELECT COUNT(*) AS n FROM patient`))[0].n)).toBe(30);
  });
});
