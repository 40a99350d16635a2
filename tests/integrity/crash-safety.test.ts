/**
 * Crash safety: a child Node process writes to a SQLite file (WAL mode, as in production) and is killed
 * with SIGKILL mid-write; the test reopens the file and checks that SQLite recovered it
 * (`PRAGMA integrity_check`, foreign keys) and that no transaction is half there:
 *
 *  (a) the demo trial, ONE big transaction: after the kill the database holds no study at all or the
 *      complete trial, row for row the same as a load that ran to the end;
 *  (b) patients (createPatient GraphQL mutation) and visits (one transaction per visit: the visit, its
 *      immune panel, labs and assessments, through the mutations' service functions): every visit in the
 *      database has all the rows of its transaction, and every write the child acknowledged is there.
 *
 * The child is tests/integrity/fixtures/crash-child.ts. It has to run as its own Node process (we must
 * be able to kill it), from JavaScript that keeps the TypeScript decorator metadata type-graphql and
 * TypeORM read (`emitDecoratorMetadata`; esbuild and tsx drop it). So beforeAll compiles it, with what it
 * imports from src/ and plugins/, with tsc — the compiler `npm run build` uses — into a private
 * directory under the test's temp dir rather than into dist/: other work builds into and runs from dist/
 * at the same time, and a private copy cannot race with it and leaves nothing behind. `--noCheck` skips
 * only type checking (that is `npm run typecheck`'s job): the emitted JavaScript, decorator metadata
 * included, is identical to a checked build, in half the time, and a type error in a file someone is
 * editing does not stop this test. The compiled files find the packages through NODE_PATH.
 */
import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isDeepStrictEqual, promisify } from "node:util";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/data-source";
import { verifyAuditChain } from "../../src/modules/audit/audit-chain";
import { dumpEveryTable, rowCounts, scalar } from "./fixtures/sqlite-inspection";
import { SUBJECT_PREFIX, UNIT_ASSESSMENTS, UNIT_IMMUNE_PARAMETERS, UNIT_LAB_TESTS } from "./fixtures/visit-unit";

const ROOT = resolve(__dirname, "../..");
const CHILD_TSCONFIG = join(ROOT, "tests/integrity/fixtures/crash-child.tsconfig.json");

/**
 * Kill points of the demo load. Wall-clock time is a poor measure of its progress on a shared machine
 * (the same load took 3 s and 7 s), but the WAL file grows steadily as the transaction spills its pages
 * (see CACHE_PAGES in crash-child.ts). So each kill comes when the WAL has grown by a random fraction,
 * within these bands, of the growth a complete load causes; the last band reaches into the COMMIT.
 */
const DEMO_KILL_BANDS: Array<[number, number]> = [
  [0.05, 0.3],
  [0.35, 0.65],
  [0.7, 0.97],
];
/** Kills of the visit writer, each 100–1500 ms after its first committed visit, on the same file. */
const VISIT_WRITER_RUNS = 3;

/**
 * The values two complete loads do not share: the demo accounts' creation time (datetime('now')), and
 * the audit records' time with the hashes chained over it.
 */
const VOLATILE_COLUMNS = ["createdAt", "occurredAt", "previousHash", "hash"];
/** Tables that exist before any clinical write: TypeORM's migration log, the immune catalogue, SQLite's. */
const NOT_TRIAL_DATA = new Set(["migrations", "immune_parameter", "sqlite_sequence"]);

let workDir: string;
let childScript: string;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A running crash-child.js and the lines it has printed. */
class Child {
  /** Children not yet reaped, killed by afterAll should a test fail before killing its own. */
  static readonly running = new Set<Child>();
  readonly lines: string[] = [];
  private readonly process: ChildProcess;
  private stderr = "";
  private readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private listeners: Array<() => void> = [];

  constructor(...args: string[]) {
    this.process = spawn(process.execPath, [childScript, ...args], {
      cwd: workDir,
      env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let pending = "";
    this.process.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      const parts = (pending + chunk).split("\n");
      pending = parts.pop()!;
      this.lines.push(...parts);
      for (const listener of this.listeners) listener();
    });
    this.process.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    Child.running.add(this);
    this.exit = new Promise((done) => this.process.on("close", (code, signal) => done({ code, signal })));
    this.exit.then(() => Child.running.delete(this));
    this.exit.then(() => this.listeners.forEach((listener) => listener()));
  }

  get exited(): boolean {
    return this.process.exitCode !== null || this.process.signalCode !== null;
  }

  /** Resolves with the first line matching `pattern`; fails if the child exits or is silent too long. */
  waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no line matching ${pattern} within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      const check = () => {
        const line = this.lines.find((l) => pattern.test(l));
        if (line !== undefined || this.exited) {
          clearTimeout(timer);
          this.listeners = this.listeners.filter((l) => l !== check);
          if (line !== undefined) done(line);
          else fail(new Error(`crash-child exited (${this.process.exitCode}) before printing ${pattern}\n${this.stderr}`));
        }
      };
      this.listeners.push(check);
      check();
    });
  }

  /** SIGKILL, then waits until the process is gone and its output read. */
  async kill() {
    const exit = await this.killed();
    // It must die by our kill, not on its own (a crash of the writer would be a different test).
    expect(exit, `crash-child stderr:\n${this.stderr}`).toEqual({ code: null, signal: "SIGKILL" });
  }

  killed() {
    if (!this.exited) this.process.kill("SIGKILL");
    return this.exit;
  }
}

/** Opens the killed writer's file in this process (SQLite recovers the WAL), runs `check`, closes it. */
async function inspect<T>(sqlitePath: string, check: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await openDatabase({ sqlitePath });
  try {
    expect(await dataSource.query("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(await dataSource.query("PRAGMA foreign_key_check")).toEqual([]);
    return await check(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

interface DemoSummary {
  cohorts: number;
  patients: number;
  visits: number;
  accounts: string[];
}

/** The demo trial is all there: what the loader reported, and no patient or visit missing a part. */
async function expectCompleteDemoTrial(dataSource: DataSource, summary: DemoSummary) {
  expect(await scalar(dataSource, `SELECT count(*) FROM study`)).toBe(1);
  expect(await scalar(dataSource, `SELECT count(*) FROM cohort`)).toBe(summary.cohorts);
  expect(await scalar(dataSource, `SELECT count(*) FROM patient`)).toBe(summary.patients);
  expect(await scalar(dataSource, `SELECT count(*) FROM visit`)).toBe(summary.visits);
  expect(await scalar(dataSource, `SELECT count(*) FROM app_user`)).toBe(summary.accounts.length);
  // The load's audit records (accounts, roles, the import) came with it, chained intact.
  expect(await scalar(dataSource, `SELECT count(*) FROM audit_event WHERE action = 'IMPORT'`)).toBe(1);
  expect(await verifyAuditChain(dataSource.manager)).toMatchObject({ valid: true });
  // the loader's last write for each patient is the final status; visits, doses and panels come before it
  expect(await scalar(dataSource, `SELECT count(*) FROM patient WHERE status NOT IN ('COMPLETED', 'WITHDRAWN')`)).toBe(0);
  expect(await scalar(dataSource, `SELECT count(*) FROM patient p WHERE (SELECT count(*) FROM visit v WHERE v.patientId = p.id) < 4`)).toBe(0);
  expect(await scalar(dataSource, `SELECT count(*) FROM patient p WHERE (SELECT count(*) FROM dose_administration d WHERE d.patientId = p.id) < 5`)).toBe(0);
  expect(await scalar(dataSource, `SELECT count(*) FROM visit v WHERE (SELECT count(*) FROM immune_measurement m WHERE m.visitId = v.id) <> ${UNIT_IMMUNE_PARAMETERS.length}`)).toBe(0);
  expect(await scalar(dataSource, `SELECT count(*) FROM visit v WHERE NOT EXISTS (SELECT 1 FROM lab_result l WHERE l.visitId = v.id)`)).toBe(0);
  // plugin instrument(s) + CGI-S + EQ-5D at every visit with a clinical evaluation
  expect(
    await scalar(
      dataSource,
      `SELECT count(*) FROM visit v JOIN planned_visit pv ON pv.id = v.plannedVisitId
       WHERE pv.clinicalEvaluation AND (SELECT count(*) FROM clinical_assessment a WHERE a.visitId = v.id) < 3`,
    ),
  ).toBe(0);
}

/** Size of the WAL the killed child left (uncommitted frames of its last transaction included). */
function walBytes(sqlitePath: string): number {
  return existsSync(`${sqlitePath}-wal`) ? statSync(`${sqlitePath}-wal`).size : 0;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(0);

function parseDemoSummary(line: string): DemoSummary {
  return JSON.parse(line.slice("committed demo ".length));
}

describe("crash safety of SQLite writes (child process killed with SIGKILL)", () => {
  /** A demo load that ran to its end (the child killed after its commit): the reference for (a), the base for (b). */
  let completeTrial: {
    sqlitePath: string;
    dump: Record<string, unknown[]>;
    counts: Record<string, number>;
    summary: DemoSummary;
    loadMs: number;
    /** Size of the WAL when the load started and once it was committed. */
    wal: { start: number; committed: number };
  };

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), "basketql-crash-"));
    const buildDir = join(workDir, "build");
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    await promisify(execFile)(process.execPath, [tsc, "-p", CHILD_TSCONFIG, "--outDir", buildDir, "--noCheck"], { cwd: ROOT });
    childScript = join(buildDir, "tests/integrity/fixtures/crash-child.js");
    expect(existsSync(childScript)).toBe(true);

    const sqlitePath = join(workDir, "complete-trial.sqlite");
    const child = new Child("demo", sqlitePath);
    await child.waitFor(/^writing$/);
    const started = performance.now();
    const walAtStart = walBytes(sqlitePath);
    const summary = parseDemoSummary(await child.waitFor(/^committed demo /, 40_000));
    const loadMs = performance.now() - started;
    const wal = { start: walAtStart, committed: walBytes(sqlitePath) };
    await child.kill();
    const { dump, counts } = await inspect(sqlitePath, async (dataSource) => {
      await expectCompleteDemoTrial(dataSource, summary);
      return { dump: await dumpEveryTable(dataSource, VOLATILE_COLUMNS), counts: await rowCounts(dataSource) };
    });
    completeTrial = { sqlitePath, dump, counts, summary, loadMs, wal };
    console.info(
      `crash-safety: complete demo load ${loadMs.toFixed(0)} ms, WAL ${kib(wal.start)} → ${kib(wal.committed)} KiB, ` +
        `${summary.patients} patients, ${summary.visits} visits; killed after its commit`,
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...Child.running].map((child) => child.killed()));
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("(a) a demo-trial load killed mid-transaction leaves either no study or the complete trial", async () => {
    const outcomes: string[] = [];
    for (const [i, [low, high]] of DEMO_KILL_BANDS.entries()) {
      const sqlitePath = join(workDir, `demo-kill-${i + 1}.sqlite`);
      const fraction = low + Math.random() * (high - low);
      const killAtWal = completeTrial.wal.start + fraction * (completeTrial.wal.committed - completeTrial.wal.start);
      const child = new Child("demo", sqlitePath);
      await child.waitFor(/^writing$/);
      const started = performance.now();
      while (walBytes(sqlitePath) < killAtWal && !child.lines.some((line) => line.startsWith("committed demo ")) && !child.exited) await sleep(2);
      const elapsed = performance.now() - started;
      await child.kill();
      const acknowledged = child.lines.some((line) => line.startsWith("committed demo "));
      const wal = walBytes(sqlitePath);

      const outcome = await inspect(sqlitePath, async (dataSource) => {
        const counts = await rowCounts(dataSource);
        const trialRows = Object.entries(counts).filter(([table, n]) => !NOT_TRIAL_DATA.has(table) && n > 0);
        if (trialRows.length === 0) {
          expect(acknowledged, "the child reported its commit, yet the trial is gone").toBe(false);
          return "no study";
        }
        // Anything else must be the whole trial, row for row: a half trial fails here with the counts shown.
        expect({ counts, dumpMatchesCompleteLoad: isDeepStrictEqual(await dumpEveryTable(dataSource, VOLATILE_COLUMNS), completeTrial.dump) }).toEqual({
          counts: completeTrial.counts,
          dumpMatchesCompleteLoad: true,
        });
        await expectCompleteDemoTrial(dataSource, completeTrial.summary);
        return "complete trial";
      });
      outcomes.push(outcome);
      console.info(
        `crash-safety (a) kill ${i + 1}: at ${(fraction * 100).toFixed(0)}% of the load's WAL growth, ${elapsed.toFixed(0)} ms after it started, ` +
          `WAL ${kib(wal)} KiB${acknowledged ? ", commit acknowledged" : ""} → ${outcome}`,
      );
    }
    // The early kills land before the commit: the test did kill mid-transaction.
    expect(outcomes.slice(0, 2)).toEqual(["no study", "no study"]);
  }, 60_000);

  it("(b) patients and visits written one transaction each: every committed visit is complete, every acknowledged write is there", async () => {
    const sqlitePath = join(workDir, "visits.sqlite");
    copyFileSync(completeTrial.sqlitePath, sqlitePath);
    const acknowledgedVisits = new Set<number>();
    const acknowledgedPatients = new Set<string>();
    for (let run = 1; run <= VISIT_WRITER_RUNS; run++) {
      const child = new Child("visits", sqlitePath, String(run));
      await child.waitFor(/^committed visit /);
      const delay = 100 + Math.round(Math.random() * 1400);
      await sleep(delay);
      await child.kill();
      for (const line of child.lines) {
        const [, kind, id] = line.split(" ");
        if (kind === "visit") acknowledgedVisits.add(Number(id));
        if (kind === "patient") acknowledgedPatients.add(id);
      }
      const wal = walBytes(sqlitePath);

      const stored = await inspect(sqlitePath, async (dataSource) => {
        const visits: Array<{ id: number; clinicalEvaluation: number; immune: number; labs: number; assessments: string | null }> = await dataSource.query(
          `SELECT v.id, pv.clinicalEvaluation,
             (SELECT count(*) FROM immune_measurement m WHERE m.visitId = v.id) AS immune,
             (SELECT count(*) FROM lab_result l WHERE l.visitId = v.id) AS labs,
             (SELECT group_concat(instrumentCode, ',') FROM (SELECT instrumentCode FROM clinical_assessment a WHERE a.visitId = v.id ORDER BY instrumentCode)) AS assessments
           FROM visit v JOIN patient p ON p.id = v.patientId JOIN planned_visit pv ON pv.id = v.plannedVisitId
           WHERE p.subjectCode LIKE '${SUBJECT_PREFIX}-%' ORDER BY v.id`,
        );
        // every visit has every row of its transaction
        for (const visit of visits) {
          expect(visit, `visit ${visit.id}`).toEqual({
            id: visit.id,
            clinicalEvaluation: visit.clinicalEvaluation,
            immune: UNIT_IMMUNE_PARAMETERS.length,
            labs: UNIT_LAB_TESTS.length,
            assessments: visit.clinicalEvaluation ? [...UNIT_ASSESSMENTS].sort().join(",") : null,
          });
        }
        // no clinical row of a crash patient outside a complete visit (e.g. a panel whose visit is gone)
        expect(
          await scalar(
            dataSource,
            `SELECT (SELECT count(*) FROM immune_measurement m JOIN patient p ON p.id = m.patientId WHERE p.subjectCode LIKE '${SUBJECT_PREFIX}-%')
                  + (SELECT count(*) FROM lab_result l JOIN patient p ON p.id = l.patientId WHERE p.subjectCode LIKE '${SUBJECT_PREFIX}-%')`,
          ),
        ).toBe(visits.length * (UNIT_IMMUNE_PARAMETERS.length + UNIT_LAB_TESTS.length));
        const patients: Array<{ subjectCode: string }> = await dataSource.query(`SELECT subjectCode FROM patient WHERE subjectCode LIKE '${SUBJECT_PREFIX}-%'`);
        // the demo trial the writer started from is untouched
        expect(await scalar(dataSource, `SELECT count(*) FROM patient WHERE subjectCode NOT LIKE '${SUBJECT_PREFIX}-%'`)).toBe(completeTrial.summary.patients);
        expect(
          await scalar(dataSource, `SELECT count(*) FROM visit v JOIN patient p ON p.id = v.patientId WHERE p.subjectCode NOT LIKE '${SUBJECT_PREFIX}-%'`),
        ).toBe(completeTrial.summary.visits);
        return { visitIds: visits.map((v) => v.id), subjects: patients.map((p) => p.subjectCode) };
      });

      // Acknowledged ⇒ stored. Stored but not acknowledged: at most the one unit committed just before the kill
      // whose line was not written yet, per run.
      const storedVisits = new Set(stored.visitIds);
      const storedSubjects = new Set(stored.subjects);
      expect([...acknowledgedVisits].filter((id) => !storedVisits.has(id))).toEqual([]);
      expect([...acknowledgedPatients].filter((s) => !storedSubjects.has(s))).toEqual([]);
      expect(stored.visitIds.filter((id) => !acknowledgedVisits.has(id)).length).toBeLessThanOrEqual(run);
      expect(stored.subjects.filter((s) => !acknowledgedPatients.has(s)).length).toBeLessThanOrEqual(run);
      console.info(
        `crash-safety (b) kill ${run}: ${delay} ms after the first visit, WAL ${kib(wal)} KiB → ` +
          `${storedSubjects.size} patients, ${storedVisits.size} complete visits stored (${acknowledgedVisits.size} acknowledged)`,
      );
    }
    expect(acknowledgedVisits.size).toBeGreaterThan(VISIT_WRITER_RUNS);
  }, 60_000);
});
