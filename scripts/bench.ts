import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { Bench } from "tinybench";
import type { DataSource } from "typeorm";
import { plugins } from "../plugins";
import { createApp } from "../src/app";
import type { App } from "../src/app";
import { isPostgresUrl, openDatabase } from "../src/db/data-source";
import type { SqlLogger } from "../src/db/sql-logger";
import { loadDemoTrial } from "../src/demo/load-demo-trial";
import { toGlobalId } from "../src/graphql/global-id";
import { CROSS_DISEASE_QUERY, crossDiseaseSql, roundRows } from "./bench/cross-disease-sql";
import { cohortOverviewSql, patientTimelineSql } from "./bench/sql-views";
import { Access } from "../src/modules/access/access";

/*
 * `npm run bench`: the median latency of the documented GraphQL views, and of the cross-disease efficacy
 * table, as a ratio to hand-written SQL that fetches (for the table: aggregates) the same data, in the same process on the same database. Absolute times depend on the
 * machine; the ratios are what can be compared between runs and machines.
 */

/** Measuring time per task (GraphQL or SQL of one view), after a warmup. */
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 3000);
/** The time is split into rounds that alternate which side runs first, so that a burst of load from
 * elsewhere on the machine falls on both sides alike rather than skewing the ratio. */
const ROUNDS = 6;
/** The compiled script runs from dist/scripts. */
const QUERIES = join(__dirname, "..", "..", "docs", "queries");

interface Database {
  dataSource: DataSource;
  label: string;
  drop(): Promise<void>;
}

/** A throwaway database: a new one on the PostgreSQL server of `serverUrl`, else a SQLite file in a temp dir. */
async function createDatabase(serverUrl: string | undefined): Promise<Database> {
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), "basketql-bench-"));
    const dataSource = await openDatabase({ sqlitePath: join(dir, "bench.sqlite") });
    const [{ version }] = await dataSource.query("SELECT sqlite_version() AS version");
    return {
      dataSource,
      label: `SQLite ${version}, temporary file`,
      async drop() {
        await dataSource.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!isPostgresUrl(serverUrl)) throw new Error("DATABASE_URL must be a postgres:// URL (or unset for SQLite)");
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const name = `basketql_bench_${randomBytes(6).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const drop = () => admin(`DROP DATABASE IF EXISTS ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = await openDatabase({ url: url.toString(), sqlitePath: "" }).catch(async (error) => {
    await drop();
    throw error;
  });
  const [{ server_version }] = await dataSource.query("SHOW server_version");
  return {
    dataSource,
    label: `PostgreSQL ${server_version}, database ${name}`,
    async drop() {
      await dataSource.destroy();
      await drop();
    },
  };
}

/** Runs an operation as an HTTP request would (fresh context, so no DataLoader cache carries over). */
async function execute(app: App, query: string, variables?: Record<string, unknown>): Promise<unknown> {
  const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context(Access.system()) });
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  const { data, errors } = response.body.singleResult;
  if (errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(errors, null, 2)}`);
  return data;
}

/** Where two JSON values first differ, or undefined when they are equal (key order aside). */
function firstDifference(graphql: unknown, sql: unknown, path: string): string | undefined {
  if (Object.is(graphql, sql)) return undefined;
  if (Array.isArray(graphql) && Array.isArray(sql) && graphql.length !== sql.length) return `${path}: GraphQL has ${graphql.length} items, SQL has ${sql.length}`;
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
  if (!isObject(graphql) || !isObject(sql) || Array.isArray(graphql) !== Array.isArray(sql)) {
    return `${path}: GraphQL has ${JSON.stringify(graphql)}, SQL has ${JSON.stringify(sql)}`;
  }
  for (const key of new Set([...Object.keys(graphql), ...Object.keys(sql)])) {
    const found = firstDifference(graphql[key], sql[key], Array.isArray(graphql) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

interface View<T> {
  name: string;
  graphql: () => Promise<unknown>;
  sql: () => Promise<T>;
  /** Key figures of the view's data, printed once GraphQL and SQL are found to agree. */
  describe: (data: T) => string;
}

interface Measured {
  view: string;
  graphql: { median: number; samples: number; statements: number };
  sql: { median: number; samples: number; statements: number };
}

/**
 * Checks once that the baseline returns exactly what GraphQL returns (a baseline that fetches less would
 * make the ratio meaningless), counting the statements of each, then times both with tinybench.
 */
async function measure<T>(view: View<T>, logger: SqlLogger, signal: AbortSignal): Promise<Measured> {
  signal.throwIfAborted();
  const counted = async <R>(run: () => Promise<R>) => {
    const before = logger.statements;
    const result = await run();
    return { result, statements: logger.statements - before };
  };
  const graphql = await counted(view.graphql);
  const sql = await counted(view.sql);
  const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  const difference = firstDifference(json(graphql.result), json(sql.result), "data");
  if (difference) throw new Error(`${view.name}: the SQL baseline does not return what the GraphQL view returns, so a ratio would mean nothing.\nFirst difference: ${difference}`);
  console.log(`${view.name}: ${view.describe(sql.result)}; GraphQL and SQL results agree`);

  const samples = await time(view.name, { GraphQL: view.graphql, SQL: view.sql }, signal);
  return {
    view: view.name,
    graphql: { median: median(samples.GraphQL), samples: samples.GraphQL.length, statements: graphql.statements },
    sql: { median: median(samples.SQL), samples: samples.SQL.length, statements: sql.statements },
  };
}

/** Latency samples (ms) of both sides, pooled over alternating rounds; the first round warms up first. */
async function time(name: string, tasks: Record<"GraphQL" | "SQL", () => Promise<unknown>>, signal: AbortSignal) {
  const samples = { GraphQL: [] as number[], SQL: [] as number[] };
  process.stdout.write(`  ${name}: warmup, rounds`);
  for (let round = 1; round <= ROUNDS; round++) {
    signal.throwIfAborted(); // rounds are short: stopping between them is soon enough
    process.stdout.write(` ${round}/${ROUNDS}`);
    const order = round % 2 === 1 ? (["GraphQL", "SQL"] as const) : (["SQL", "GraphQL"] as const);
    const bench = new Bench({ time: TIME_MS / ROUNDS, iterations: 5, warmup: round === 1, warmupTime: 500, retainSamples: true, throws: true });
    for (const side of order) bench.add(side, tasks[side]);
    await bench.run();
    for (const side of order) {
      const result = bench.getTask(side)?.result;
      if (result?.state !== "completed") throw new Error(`${name} · ${side} did not complete (${result?.state})`);
      samples[side].push(...(result.latency.samples ?? []));
    }
  }
  process.stdout.write("\n");
  return samples;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Columns padded to their widest cell; the first left-aligned, the others right-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("   ")).join("\n");
}

/** Loads the demo trial, then measures both views and prints the table. */
async function benchmark(db: Database, signal: AbortSignal) {
  const { dataSource } = db;
  const app = await createApp(dataSource, plugins);
  // Started in the background, Apollo installs no SIGINT handler of its own: that one stops Apollo and
  // re-raises the signal, ending the process before main() has dropped the database.
  app.apollo.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  const { registry } = app;
  try {
    console.log(`basketql benchmark on ${db.label}`);
    process.stdout.write("loading the demo trial… ");
    const started = Date.now();
    const demo = await loadDemoTrial(dataSource, registry);
    const [size] = await dataSource.query(
      `SELECT (SELECT COUNT(*) FROM dose_administration) AS doses, (SELECT COUNT(*) FROM immune_measurement) AS immune,
              (SELECT COUNT(*) FROM lab_result) AS labs, (SELECT COUNT(*) FROM clinical_assessment) AS assessments`,
    );
    console.log(
      `${demo.cohorts} cohorts, ${demo.patients} patients, ${demo.visits} visits, ${size.doses} doses, ${size.immune} immune values, ` +
        `${size.labs} lab results, ${size.assessments} assessments (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );

    // The fullest timeline: most visits, then most adverse events.
    const [{ id: patientId }] = await dataSource.query(
      `SELECT p.id FROM patient p ORDER BY (SELECT COUNT(*) FROM visit v WHERE v."patientId" = p.id) DESC,
         (SELECT COUNT(*) FROM adverse_event e WHERE e."patientId" = p.id) DESC, p."subjectCode" LIMIT 1`,
    );
    const timeline = readFileSync(join(QUERIES, "patient-timeline.graphql"), "utf8");
    const overview = readFileSync(join(QUERIES, "cohort-overview.graphql"), "utf8");
    const logger = dataSource.logger as SqlLogger;
    const results = [
      await measure(
        {
          name: "patient timeline",
          graphql: () => execute(app, timeline, { id: toGlobalId("Patient", patientId) }),
          sql: () => patientTimelineSql(dataSource, registry, patientId),
          describe({ patient }) {
            const visits = patient?.visits.nodes ?? [];
            const count = (list: (visit: (typeof visits)[number]) => unknown[]) => visits.reduce((n, visit) => n + list(visit).length, 0);
            return (
              `patient ${patient?.subjectCode}: visits ${visits.length}, doses ${count((v) => v.doses.nodes)}, immune values ${count((v) => v.immuneMeasurements.nodes)}, ` +
              `lab results ${count((v) => v.labResults.nodes)}, assessments ${count((v) => v.assessments.nodes)}, adverse events ${count((v) => v.adverseEvents.nodes)}`
            );
          },
        },
        logger,
        signal,
      ),
      await measure(
        {
          name: "cohort overview",
          graphql: () => execute(app, overview),
          sql: () => cohortOverviewSql(dataSource, registry),
          describe({ study, patientGroups }) {
            const patients = (study?.cohorts ?? []).flatMap((cohort) => cohort.patients.nodes);
            const scored = patients.filter((patient) => patient.latestActivity).length;
            return `cohorts ${study?.cohorts.length ?? 0}, patients ${patients.length} (with a latest activity ${scored}), status groups ${patientGroups.length}`;
          },
        },
        logger,
        signal,
      ),
      await measure(
        {
          name: "cross-disease table",
          graphql: async () => roundRows((await execute(app, CROSS_DISEASE_QUERY)) as Parameters<typeof roundRows>[0]),
          sql: () => crossDiseaseSql(dataSource, registry),
          describe({ crossDiseaseEfficacy }) {
            const rows = crossDiseaseEfficacy.rows;
            return `diseases ${rows.length}, patients with a percent improvement ${rows.reduce((n, r) => n + r.percentImprovement.n, 0)}, with a Treg fold change ${rows.reduce((n, r) => n + r.immuneResponse.n, 0)}`;
          },
        },
        logger,
        signal,
      ),
    ];

    const ms = (value: number) => `${value.toFixed(2)} ms`;
    console.log(`\nMedian latency, ${TIME_MS / 1000} s of runs per side in ${ROUNDS} alternating rounds after a warmup, ${db.label.split(",")[0]}:\n`);
    console.log(
      table([
        ["view", "GraphQL", "SQL", "GraphQL/SQL", "statements GraphQL/SQL", "runs GraphQL/SQL"],
        ...results.map((r) => [
          r.view,
          ms(r.graphql.median),
          ms(r.sql.median),
          `${(r.graphql.median / r.sql.median).toFixed(1)}×`,
          `${r.graphql.statements} / ${r.sql.statements}`,
          `${r.graphql.samples} / ${r.sql.samples}`,
        ]),
      ]),
    );
  } finally {
    await app.apollo.stop();
  }
}

async function main() {
  const db = await createDatabase(process.env.DATABASE_URL || undefined);
  // Ctrl-C ends the measurements but still drops the database, which must not be left behind on a shared
  // server; a second Ctrl-C kills the process.
  const interrupt = new AbortController();
  const onInterrupt = () => {
    console.log("\ninterrupted: stopping after the current step and dropping the database…");
    interrupt.abort();
  };
  process.once("SIGINT", onInterrupt);
  try {
    await benchmark(db, interrupt.signal);
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
    process.exitCode = 130;
  } finally {
    process.off("SIGINT", onInterrupt);
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
