/**
 * `basketql assessments rescore`, run as an operator would (compiled, in a child process) on the demo
 * trial, after some stored assessments were made to look computed by an older calculator: a dry run
 * writes nothing; a run rewrites each as an audited correction with the re-score reason, voids the
 * signature of a signed visit, skips a locked visit naming the lock, reports inputs the installed
 * calculator refuses with their field, and leaves nothing more to do.
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
import { openDatabase } from "../../src/db/data-source";
import { loadDemoTrial } from "../../src/demo/load-demo-trial";
import { generalInstruments } from "../../src/general-instruments";
import { Access } from "../../src/modules/access/access";
import { createUser } from "../../src/modules/access/accounts";
import { rescoreAssessments } from "../../src/modules/assessments/rescore-assessments";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { ensureImmuneCatalogue } from "../../src/modules/immunology/immune-catalogue";
import { PluginRegistry } from "../../src/plugins/registry";
import { createPostgresDatabase, testDatabases } from "../support/test-database";

const ROOT = resolve(__dirname, "../..");
const AUDIT_KEY = "an audit key of at least thirty-two characters";
const OLD = "0.9.0";
const REASON = `re-scored: calculator ${OLD} → 1.0.0`;
let workDir: string;
let cliScript: string;

interface Row {
  id: number;
  visitId: number;
  score: number;
  category: string;
  components: string;
  inputs: string;
  calculatorVersion: string;
}

describe.each(testDatabases)("assessments rescore on %s", (kind) => {
  let dataSource: DataSource;
  let env: Record<string, string>;
  let dropDatabase: () => Promise<void> = async () => undefined;
  // The DAS28-ESR assessments made stale, each at its own visit: [wrong score, right result, signed visit (right result), locked visit, inputs now invalid].
  let stale: Row[];

  function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((done) => {
      execFile(process.execPath, [cliScript, ...args], { cwd: ROOT, env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), NODE_ENV: "", ...env } }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  const rows = (ids: number[]): Promise<Row[]> =>
    dataSource.query(`SELECT "id", "visitId", "score", "category", "components", "inputs", "calculatorVersion" FROM "clinical_assessment" WHERE "id" IN (${ids.join(",")}) ORDER BY "id"`);
  const count = async (sql: string) => Number((await dataSource.query(sql))[0].n);

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), "basketql-cli-rescore-"));
    const buildDir = join(workDir, "build");
    await promisify(execFile)(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tests/cli/cli.tsconfig.json"), "--outDir", buildDir, "--noCheck"], { cwd: ROOT });
    cliScript = join(buildDir, "src/cli.js");
    const sqlitePath = join(workDir, "trial.sqlite");
    const postgres = kind === "postgres" ? await createPostgresDatabase() : null;
    if (postgres) dropDatabase = postgres.drop;
    env = { BASKETQL_SQLITE_PATH: sqlitePath, DATABASE_URL: postgres?.url ?? "", BASKETQL_AUDIT_KEY: AUDIT_KEY };
    dataSource = await openDatabase({ url: postgres?.url, sqlitePath, auditKey: new TextEncoder().encode(AUDIT_KEY) });
    await ensureImmuneCatalogue(dataSource.manager);
    await loadDemoTrial(dataSource, new PluginRegistry(plugins, generalInstruments));

    const das28: Row[] = await dataSource.query(`SELECT "id", "visitId" FROM "clinical_assessment" WHERE "instrumentCode" = 'DAS28_ESR' AND "score" IS NOT NULL ORDER BY "id"`);
    const oneEachVisit = das28.filter((row, i) => das28.findIndex((other) => other.visitId === row.visitId) === i).slice(0, 5);
    expect(oneEachVisit).toHaveLength(5);
    const [wrong, same, signed, locked, invalid] = oneEachVisit;
    const ids = oneEachVisit.map((r) => r.id).join(",");
    // As if an older calculator had computed them: its version, and (for one) a score that differs.
    await dataSource.query(`UPDATE "clinical_assessment" SET "calculatorVersion" = '${OLD}' WHERE "id" IN (${ids})`);
    await dataSource.query(`UPDATE "clinical_assessment" SET "score" = "score" + 1 WHERE "id" = ${wrong.id}`);
    // An input the older calculator accepted and the installed one refuses (joint counts go to 28).
    const inputs = JSON.parse((await rows([invalid.id]))[0].inputs);
    await dataSource.query(`UPDATE "clinical_assessment" SET "inputs" = '${JSON.stringify({ ...inputs, tjc28: 40 })}' WHERE "id" = ${invalid.id}`);
    await dataSource.query(`UPDATE "visit" SET "state" = 'LOCKED' WHERE "id" = ${locked.visitId}`);
    await dataSource.query(`UPDATE "visit" SET "state" = 'SIGNED' WHERE "id" = ${signed.visitId}`);
    const signer = await dataSource.transaction((manager) => createUser(manager, SYSTEM_ACTOR, { username: "investigator", displayName: "An Investigator" }));
    await dataSource.query(
      `INSERT INTO "visit_signature" ("visitId", "signerId", "signerName", "signerUsername", "signedAt", "meaning", "contentHash") VALUES (${signed.visitId}, ${signer.id}, 'An Investigator', 'investigator', '2026-01-01T00:00:00.000Z', 'APPROVAL', 'as signed')`,
    );
    stale = await rows(oneEachVisit.map((r) => r.id));
    expect(same.id).toBeLessThan(signed.id);
  }, 240_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase();
    rmSync(workDir, { recursive: true, force: true });
  });

  it("a dry run reports what a run would do and writes nothing", async () => {
    const auditBefore = await count(`SELECT COUNT(*) AS n FROM "audit_event"`);
    const run = await cli(["assessments", "rescore", "--dry-run"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Dry run: nothing was written/);
    expect(run.stdout).toContain("Found 5 assessment(s)");
    expect(run.stdout).toContain("Re-scored: 1\n");
    expect(run.stdout).toContain("Unchanged: 2 ");
    expect(run.stdout).toContain("Signatures voided: 1 ");
    expect(await rows(stale.map((r) => r.id))).toEqual(stale);
    expect(await count(`SELECT COUNT(*) AS n FROM "audit_event"`)).toBe(auditBefore);
    expect(await count(`SELECT COUNT(*) AS n FROM "visit_signature" WHERE "voidedAt" IS NULL`)).toBe(1);
  });

  it("re-scores as audited corrections, voids the signature of a signed visit, skips a locked visit and reports refused inputs", async () => {
    const [wrong, same, signed, locked, invalid] = stale;
    const run = await cli(["assessments", "rescore", "--instrument", "DAS28_ESR"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/5\/5 assessments/);
    expect(run.stdout).toContain("Re-scored: 1\n");
    expect(run.stdout).toContain("Unchanged: 2 ");
    expect(run.stdout).toMatch(/Skipped: 1\n {2}\S+ DAS28_ESR 0\.9\.0: Visit \S+ is LOCKED/);
    expect(run.stdout).toMatch(/Failed, stored inputs not valid for the installed calculator: 1\n {2}\S+ DAS28_ESR 0\.9\.0: inputs\.tjc28 is out of range: .*\(got 40\)/);

    const after = new Map((await rows(stale.map((r) => r.id))).map((r) => [r.id, r]));
    // The wrong score is computed again from its inputs: the score the demo stored before it was altered.
    expect(after.get(wrong.id)).toMatchObject({ calculatorVersion: "1.0.0", category: wrong.category, components: wrong.components });
    expect(after.get(wrong.id)!.score).toBeCloseTo(wrong.score - 1, 9);
    expect(after.get(same.id)).toEqual({ ...same, calculatorVersion: "1.0.0" });
    expect(after.get(signed.id)!.calculatorVersion).toBe("1.0.0");
    expect(after.get(locked.id)).toEqual(locked);
    expect(after.get(invalid.id)).toEqual(invalid);

    const audited: Array<{ entityId: string; field: string; reason: string }> = await dataSource.query(
      `SELECT "entityId", "field", "reason" FROM "audit_event" WHERE "entityType" = 'ClinicalAssessment' AND "action" = 'UPDATE' ORDER BY "id"`,
    );
    expect(audited.map((e) => [Number(e.entityId), e.field, e.reason])).toEqual([
      [wrong.id, "score", REASON],
      [wrong.id, "calculatorVersion", REASON],
      [same.id, "calculatorVersion", REASON],
      [signed.id, "calculatorVersion", REASON],
    ]);
    const signature = (await dataSource.query(`SELECT "voidedAt", "voidReason" FROM "visit_signature" WHERE "visitId" = ${signed.visitId}`))[0];
    expect(signature.voidedAt).not.toBeNull();
    expect(signature.voidReason).toBe(REASON);
    expect((await dataSource.query(`SELECT "state" FROM "visit" WHERE "id" = ${signed.visitId}`))[0].state).toBe("COMPLETE");
    expect((await cli(["audit", "verify"])).code).toBe(0);

    // What remains is what needs someone: the locked visit and the refused inputs.
    const again = await cli(["assessments", "rescore"]);
    expect(again.stdout).toContain("Found 2 assessment(s)");
  });

  it("refuses an unknown instrument before writing anything", async () => {
    const run = await cli(["assessments", "rescore", "--instrument", "NO_SUCH"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/instrument "NO_SUCH" is not a known instrument/);
  });

  it("skips an assessment brought up to date after the run listed it, and goes on", async () => {
    const [first, second] = stale;
    await dataSource.query(`UPDATE "clinical_assessment" SET "calculatorVersion" = '${OLD}' WHERE "id" IN (${first.id}, ${second.id})`);
    const registry = new PluginRegistry(plugins, generalInstruments);
    // Another run (or process) re-scores the second one while this run works on the first.
    const onProgress = async (done: number) => {
      if (done === 1) await dataSource.query(`UPDATE "clinical_assessment" SET "calculatorVersion" = '1.0.0' WHERE "id" = ${second.id}`);
    };
    const summary = await rescoreAssessments(dataSource, registry, Access.system(), { instrument: "DAS28_ESR", onProgress });
    // The two made stale here, and the locked and the refused ones the run before left as they were.
    expect(summary.found).toBe(4);
    expect(summary.rescored).toHaveLength(1);
    expect(summary.skipped.map((s) => s.reason)).toEqual(["already computed by calculator 1.0.0", expect.stringMatching(/LOCKED/)]);
    expect(summary.failed).toHaveLength(1);
    expect((await rows([first.id, second.id])).map((r) => r.calculatorVersion)).toEqual(["1.0.0", "1.0.0"]);
  });
});
