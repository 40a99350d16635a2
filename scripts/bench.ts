import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { Client } from "pg";
import { Bench } from "tinybench";
import type { DataSource } from "typeorm";
import { plugins } from "../plugins";
import { createApp } from "../src/app";
import type { App } from "../src/app";
import { isPostgresUrl, openDatabase } from "../src/db/data-source";
import type { SqlLogger } from "../src/db/sql-logger";
import { progressReporter } from "../src/progress-reporter";
import { toGlobalId } from "../src/graphql/global-id";
import { importTrial, rawPreparedInserts } from "./bench/bulk-import";
import type { ImportFigure } from "./bench/bulk-import";
import { HTTP_CONNECTIONS, describeLoad, measureHttp } from "./bench/http-load";
import type { HttpFigure } from "./bench/http-load";
import { startBenchServer } from "./bench/http-server";
import type { DatabaseLocation } from "./bench/http-server";
import { withPeakRss } from "./bench/memory";
import type { MemoryFigure } from "./bench/memory";
import { READERS, WRITERS, measureWrites } from "./bench/writes";
import type { WriteFigure } from "./bench/writes";
import { ADVERSE_EVENT_GROUPS, FILTERED_PATIENTS, scaleQueries } from "./bench/scale-queries";
import type { ScaleQuery } from "./bench/scale-queries";
import { adverseEventGroupsSql, cohortOverviewSql, filteredPatientsSql, patientTimelineSql } from "./bench/sql-views";
import { Access } from "../src/modules/access/access";

/*
 * `npm run bench`: on trials written by the generator at each size, in one process and one run (the
 * numbers are those of docs/benchmarks.md): 1. the GraphQL views as a ratio to hand-written SQL that
 * returns the same data, 2. the cohort overview and the patient timeline over HTTP at 1 and 32 connections,
 * 3. concurrent writers over HTTP alone and with readers, 4. the generator's rows/s against raw prepared inserts, 5. every view and
 * analytics query through GraphQL per size, with ratios between sizes, 6. peak RSS beside each figure.
 * Absolute times depend on the machine; the ratios are what can be compared between runs and machines.
 */

/** A whole number of milliseconds from the environment, at least 1; anything else stops the run naming the variable. */
function milliseconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of milliseconds, at least 1 (got ${process.env[name]})`);
  return value;
}

/** Measuring time per task (GraphQL or SQL of one view), after a warmup. */
const TIME_MS = milliseconds("BENCH_TIME_MS", 3000);
/** The time is split into rounds that alternate which side runs first, so that a burst of load from
 * elsewhere on the machine falls on both sides alike rather than skewing the ratio. */
const ROUNDS = 6;
/** Time per query of figure 5 (GraphQL alone), at each size. */
const SCALE_TIME_MS = milliseconds("BENCH_SCALE_TIME_MS", 1500);
/** Trial sizes: 1,000 and 10,000 patients by default; BENCH_LARGE=1 adds 100,000. */
const SIZES = (process.env.BENCH_PATIENTS ?? (process.env.BENCH_LARGE === "1" ? "1000,10000,100000" : "1000,10000")).split(",").map(Number);
if (!SIZES.every((n) => Number.isInteger(n) && n >= 1)) throw new Error(`BENCH_PATIENTS must be patient counts separated by commas (got ${process.env.BENCH_PATIENTS})`);
const SEED = process.env.BENCH_SEED ?? "1";
/** Time of each HTTP load run of figure 2 (one query at one concurrency). */
const HTTP_MS = milliseconds("BENCH_HTTP_MS", 5000);
/** Time of each write run of figure 3 (writers alone, then writers with readers). */
const WRITE_MS = milliseconds("BENCH_WRITE_MS", 5000);
/** The compiled script runs from dist/scripts. */
const ROOT = join(__dirname, "..", "..");
const QUERIES = join(ROOT, "docs", "queries");

interface Database {
  dataSource: DataSource;
  label: string;
  /** Where a server finds this database. */
  location: DatabaseLocation;
  drop(): Promise<void>;
}

/** A throwaway database: a new one on the PostgreSQL server of `serverUrl`, else a SQLite file in a temp dir. */
async function createDatabase(serverUrl: string | undefined): Promise<Database> {
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), "basketql-bench-"));
    const sqlitePath = join(dir, "bench.sqlite");
    const dataSource = await openDatabase({ sqlitePath });
    const [{ version }] = await dataSource.query("SELECT sqlite_version() AS version");
    return {
      dataSource,
      label: `SQLite ${version}, temporary file`,
      location: { sqlitePath },
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
    location: { postgresUrl: url.toString() },
    async drop() {
      await dataSource.destroy();
      await drop();
    },
  };
}

/** A GraphQL answer with errors (a query limit exceeded, say): the figure is reported FAILED, the run goes on. */
class AnsweredWithErrors extends Error {
  constructor(readonly errors: readonly { message: string }[]) {
    super(`GraphQL errors: ${JSON.stringify(errors, null, 2)}`);
  }
}

/** What a figure that failed reports instead of its numbers. */
function failureOf(error: unknown): string {
  if (error instanceof AnsweredWithErrors) return `FAILED: ${error.errors[0]?.message}`;
  throw error;
}

/** Runs an operation as an HTTP request would (fresh context, so no DataLoader cache carries over). */
async function execute(app: App, query: string, variables?: Record<string, unknown>): Promise<unknown> {
  const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context(Access.system()) });
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  const { data, errors } = response.body.singleResult;
  if (errors?.length) throw new AnsweredWithErrors(errors);
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
  /** Why the view has no figures (an answer with errors); the medians are then NaN. */
  failed?: string;
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

/** The fullest timeline: most visits, then most adverse events (the first such patient of the trial). */
async function fullestTimeline(dataSource: DataSource): Promise<number> {
  const [{ id }] = await dataSource.query(
    `SELECT p.id FROM patient p ORDER BY (SELECT COUNT(*) FROM visit v WHERE v."patientId" = p.id) DESC,
       (SELECT COUNT(*) FROM adverse_event e WHERE e."patientId" = p.id) DESC, p.id LIMIT 1`,
  );
  return id;
}

interface ViewFigure extends Measured {
  memory: MemoryFigure;
}

/** Figure 1: the documented views through GraphQL against hand-written SQL, checked equal first. */
async function measureViews(app: App, dataSource: DataSource, patientId: number, signal: AbortSignal): Promise<ViewFigure[]> {
  const { registry } = app;
  const timeline = readFileSync(join(QUERIES, "patient-timeline.graphql"), "utf8");
  const overview = readFileSync(join(QUERIES, "cohort-overview.graphql"), "utf8");
  const logger = dataSource.logger as SqlLogger;
  const views: View<never>[] = [
    {
      name: "patient timeline",
      graphql: () => execute(app, timeline, { id: toGlobalId("Patient", patientId) }),
      sql: () => patientTimelineSql(dataSource, registry, patientId) as Promise<never>,
      describe({ patient }: Awaited<ReturnType<typeof patientTimelineSql>>) {
        const visits = patient?.visits.nodes ?? [];
        const count = (list: (visit: (typeof visits)[number]) => unknown[]) => visits.reduce((n, visit) => n + list(visit).length, 0);
        return (
          `patient ${patient?.subjectCode}: visits ${visits.length}, doses ${count((v) => v.doses.nodes)}, immune values ${count((v) => v.immuneMeasurements.nodes)}, ` +
          `lab results ${count((v) => v.labResults.nodes)}, assessments ${count((v) => v.assessments.nodes)}, adverse events ${count((v) => v.adverseEvents.nodes)}`
        );
      },
    },
    {
      name: "cohort overview",
      graphql: () => execute(app, overview),
      sql: () => cohortOverviewSql(dataSource, registry) as Promise<never>,
      describe({ study, patientGroups }: Awaited<ReturnType<typeof cohortOverviewSql>>) {
        const patients = (study?.cohorts ?? []).flatMap((cohort) => cohort.patients.nodes);
        const scored = patients.filter((patient) => patient.latestActivity).length;
        return `cohorts ${study?.cohorts.length ?? 0}, patients on the page ${patients.length} (with a latest activity ${scored}), status groups ${patientGroups.length}`;
      },
    },
    {
      name: "filtered patient list",
      graphql: () => execute(app, FILTERED_PATIENTS),
      sql: () => filteredPatientsSql(dataSource) as Promise<never>,
      describe: ({ patients }: Awaited<ReturnType<typeof filteredPatientsSql>>) => `${patients.totalCount} patients match, ${patients.nodes.length} on the page`,
    },
    {
      name: "group-by (adverse events)",
      graphql: () => execute(app, ADVERSE_EVENT_GROUPS),
      sql: () => adverseEventGroupsSql(dataSource) as Promise<never>,
      describe: ({ adverseEventGroups }: Awaited<ReturnType<typeof adverseEventGroupsSql>>) =>
        `${adverseEventGroups.length} groups, ${adverseEventGroups.reduce((n, g) => n + g.count, 0)} adverse events`,
    },
  ];
  const figures: ViewFigure[] = [];
  for (const view of views) {
    const { result, memory } = await withPeakRss(() =>
      measure(view, logger, signal).catch((error: unknown): Measured => {
        const failed = failureOf(error);
        console.log(`\n  ${view.name}: ${failed}`);
        const none = { median: NaN, samples: 0, statements: 0 };
        return { view: view.name, failed, graphql: none, sql: none };
      }),
    );
    figures.push({ ...result, memory });
  }
  return figures;
}

interface QueryFigure {
  name: string;
  /** Why the query has no figure (an answer with errors); the median is then NaN. */
  failed?: string;
  kind: ScaleQuery["kind"];
  median: number;
  samples: number;
  statements: number;
  memory: MemoryFigure;
}

/** Figure 5: each view and analytics query through GraphQL alone, at this trial size. */
async function measureQueries(app: App, dataSource: DataSource, patientId: number, signal: AbortSignal): Promise<QueryFigure[]> {
  const logger = dataSource.logger as SqlLogger;
  const figures: QueryFigure[] = [];
  for (const query of scaleQueries(QUERIES)) {
    signal.throwIfAborted();
    const run = () => execute(app, query.query, query.variables?.(toGlobalId("Patient", patientId)));
    const before = logger.statements;
    const failed = await run().then(() => undefined, failureOf);
    const statements = logger.statements - before;
    if (failed) {
      figures.push({ name: query.name, kind: query.kind, failed, median: NaN, samples: 0, statements, memory: { peakRssMiB: 0, processMaxRssMiB: 0 } });
      console.log(`  ${query.name}: ${failed}`);
      continue;
    }
    const { result: samples, memory } = await withPeakRss(async () => {
      const bench = new Bench({ time: SCALE_TIME_MS, iterations: 3, warmup: true, warmupIterations: 1, warmupTime: 0, retainSamples: true, throws: true });
      bench.add(query.name, run);
      await bench.run();
      const result = bench.getTask(query.name)?.result;
      if (result?.state !== "completed") throw new Error(`${query.name} did not complete (${result?.state})`);
      return result.latency.samples ?? [];
    });
    figures.push({ name: query.name, kind: query.kind, median: median(samples), samples: samples.length, statements, memory });
    console.log(`  ${query.name}: ${median(samples).toFixed(1)} ms, ${statements} statements, peak RSS ${memory.peakRssMiB} MiB`);
  }
  return figures;
}

interface SizeFigures {
  patients: number;
  import: Omit<ImportFigure, "summary"> & { counts: ImportFigure["summary"]; memory: MemoryFigure };
  rawInserts?: { rows: number; seconds: number; rowsPerSecond: number };
  views: ViewFigure[];
  queries: QueryFigure[];
  http: HttpFigure[];
  writes: WriteFigure;
}

/** Figures 2 and 3, against a server started on the trial's database for them. */
async function measureOverHttp(location: DatabaseLocation, patientId: number, signal: AbortSignal): Promise<Pick<SizeFigures, "http" | "writes">> {
  const { server, readerToken, writerToken } = await startBenchServer(location);
  try {
    const timeline = readFileSync(join(QUERIES, "patient-timeline.graphql"), "utf8");
    const overview = readFileSync(join(QUERIES, "cohort-overview.graphql"), "utf8");
    console.log(`Over HTTP (${server.url}), ${HTTP_MS / 1000} s per run:`);
    const http = await measureHttp(
      server.url,
      readerToken,
      [
        { name: "cohort overview", query: overview },
        { name: "patient timeline", query: timeline, variables: { id: toGlobalId("Patient", patientId) } },
      ],
      HTTP_MS,
      signal,
    );
    console.log(`Writes over HTTP, ${WRITERS} writers alone then with ${READERS} readers, ${WRITE_MS / 1000} s each:`);
    const writes = await measureWrites(server.url, { writer: writerToken, reader: readerToken }, server.app.dataSource, timeline, WRITE_MS, signal);
    for (const [query, run] of [["writes alone", writes.alone], ["writes with readers", writes.withReaders], ["readers while writing", writes.reads]] as const) console.log(`  ${describeLoad({ query, ...run })}`);
    console.log(`  ratio with/without readers ${writes.ratio.toFixed(2)}; ${writes.acknowledged} writes acknowledged, ${writes.found} found afterwards, peak RSS ${writes.memory.peakRssMiB} MiB`);
    return { http, writes };
  } finally {
    await server.stop();
  }
}

/** Generates a trial of `patients` into a new database, then measures figures 1 to 6 on it. */
async function benchmarkSize(serverUrl: string | undefined, patients: number, withRawBaseline: boolean, signal: AbortSignal): Promise<SizeFigures> {
  const db = await createDatabase(serverUrl);
  try {
    const app = await createApp(db.dataSource, plugins);
    // Started in the background, Apollo installs no SIGINT handler of its own: that one stops Apollo and
    // re-raises the signal, ending the process before main() has dropped the database.
    app.apollo.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
    try {
      console.log(`\n== ${patients.toLocaleString("en")} patients on ${db.label}`);
      const { result: imported, memory } = await withPeakRss(() => importTrial(db.dataSource, app.registry, patients, SEED, progressReporter(patients)));
      const { summary, ...rate } = imported;
      console.log(
        `generated ${summary.patients} patients, ${summary.visits} visits, ${summary.immuneMeasurements} immune values, ${summary.labResults} lab results, ` +
          `${summary.assessments} assessments, ${summary.doses} doses, ${summary.adverseEvents} adverse events: ${rate.rows} rows in ${rate.seconds.toFixed(1)} s ` +
          `(${Math.round(rate.rowsPerSecond)} rows/s, ${summary.statements} statements, peak RSS ${memory.peakRssMiB} MiB)`,
      );
      const patientId = await fullestTimeline(db.dataSource);
      const views = await measureViews(app, db.dataSource, patientId, signal);
      console.log("GraphQL alone:");
      const queries = await measureQueries(app, db.dataSource, patientId, signal);
      const overHttp = await measureOverHttp(db.location, patientId, signal);
      let rawInserts: SizeFigures["rawInserts"];
      if (withRawBaseline) {
        const target = await createDatabase(serverUrl);
        try {
          rawInserts = await rawPreparedInserts(db.dataSource, target.dataSource);
          console.log(`raw prepared inserts of the same rows: ${Math.round(rawInserts.rowsPerSecond)} rows/s (${rawInserts.seconds.toFixed(1)} s)`);
        } finally {
          await target.drop();
        }
      }
      return { patients, import: { ...rate, counts: summary, memory }, rawInserts, views, queries, ...overHttp };
    } finally {
      await app.apollo.stop();
    }
  } finally {
    await db.drop();
  }
}

const ms = (value: number) => (Number.isNaN(value) ? "FAILED" : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`);

function report(sizes: SizeFigures[], label: string) {
  console.log(`\n1. Views: GraphQL vs hand-written SQL (median latency, ${TIME_MS / 1000} s per side in ${ROUNDS} alternating rounds), ${label}\n`);
  console.log(
    table([
      ["view", "patients", "GraphQL", "SQL", "GraphQL/SQL", "statements GraphQL/SQL", "runs GraphQL/SQL", "peak RSS"],
      ...sizes.flatMap((size) =>
        size.views.map((r) => [
          r.view,
          size.patients.toLocaleString("en"),
          ms(r.graphql.median),
          ms(r.sql.median),
          r.failed ?? `${(r.graphql.median / r.sql.median).toFixed(1)}×`,
          `${r.graphql.statements} / ${r.sql.statements}`,
          `${r.graphql.samples} / ${r.sql.samples}`,
          `${r.memory.peakRssMiB} MiB`,
        ]),
      ),
    ]),
  );
  const failures = (run: { errors: number; non2xx: number }) => (run.errors + run.non2xx ? `${run.errors} / ${run.non2xx} FAILED` : "0 / 0");
  console.log(`\n2. Over HTTP: ${HTTP_MS / 1000} s per run at ${HTTP_CONNECTIONS.join(" and ")} connections; CPU is the process's (server and load loop) per request\n`);
  console.log(
    table([
      ["query", "patients", "connections", "requests/s", "p50", "p95", "requests", "errors / non-2xx", "CPU/request", "peak RSS"],
      ...sizes.flatMap((size) =>
        size.http.map((run) => [
          run.query,
          size.patients.toLocaleString("en"),
          String(run.connections),
          run.requestsPerSecond.toFixed(1),
          ms(run.latencyMs.p50),
          ms(run.latencyMs.p95),
          String(run.requests),
          failures(run),
          ms(run.cpuMsPerRequest),
          `${run.memory.peakRssMiB} MiB`,
        ]),
      ),
    ]),
  );
  console.log(`\n3. Writes over HTTP: ${WRITERS} writers (correctLabResult) alone, then with ${READERS} readers (patient timelines), ${WRITE_MS / 1000} s each\n`);
  console.log(
    table([
      ["patients", "writes/s alone", "writes/s with readers", "with/alone", "readers p50", "readers p95", "reads/s", "errors / non-2xx", "acknowledged / found", "peak RSS"],
      ...sizes.map(({ patients, writes }) => [
        patients.toLocaleString("en"),
        writes.alone.requestsPerSecond.toFixed(1),
        writes.withReaders.requestsPerSecond.toFixed(1),
        `${writes.ratio.toFixed(2)}`,
        ms(writes.reads.latencyMs.p50),
        ms(writes.reads.latencyMs.p95),
        writes.reads.requestsPerSecond.toFixed(1),
        [writes.alone, writes.withReaders, writes.reads].map(failures).join(", "),
        `${writes.acknowledged} / ${writes.found}${writes.found === writes.acknowledged ? "" : " LOST"}`,
        `${writes.memory.peakRssMiB} MiB`,
      ]),
    ]),
  );
  console.log(`\n4. Bulk import (generate, in one transaction) vs raw prepared inserts of the same rows\n`);
  const raw = sizes.find((size) => size.rawInserts)?.rawInserts;
  console.log(
    table([
      ["patients", "rows", "seconds", "rows/s", "raw prepared rows/s", "import/raw", "peak RSS"],
      ...sizes.map((size) => [
        size.patients.toLocaleString("en"),
        size.import.rows.toLocaleString("en"),
        size.import.seconds.toFixed(1),
        Math.round(size.import.rowsPerSecond).toLocaleString("en"),
        size.rawInserts ? Math.round(size.rawInserts.rowsPerSecond).toLocaleString("en") : "",
        raw ? `${(size.import.rowsPerSecond / raw.rowsPerSecond).toFixed(2)}` : "",
        `${size.import.memory.peakRssMiB} MiB`,
      ]),
    ]),
  );
  const header = ["query", "kind", ...sizes.map((size) => size.patients.toLocaleString("en")), ...sizes.slice(1).map((size, i) => `×${sizes[i].patients / 1000}k→${size.patients / 1000}k`), "statements", "peak RSS"];
  console.log(`\n5. Scaling: GraphQL median latency per trial size and the ratio between sizes (6. peak RSS of the largest)\n`);
  console.log(
    table([
      header,
      ...sizes[0].queries.map((query, q) => [
        query.name,
        query.kind,
        ...sizes.map((size) => ms(size.queries[q].median)),
        ...sizes.slice(1).map((size, i) => {
          const ratio = size.queries[q].median / sizes[i].queries[q].median;
          return Number.isNaN(ratio) ? "—" : ratio.toFixed(2);
        }),
        sizes.map((size) => size.queries[q].statements).join("/"),
        `${sizes[sizes.length - 1].queries[q].memory.peakRssMiB} MiB`,
      ]),
    ]),
  );
  console.log(`\nPeak RSS of the process over the whole run: ${Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20)} MiB`);
}

/** Where the JSON of a run goes: BENCH_JSON, else bench-results/<date>-<commit>.json at the repository root. */
function jsonPath(): string {
  if (process.env.BENCH_JSON) return process.env.BENCH_JSON;
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    // not a git checkout: the date alone names the file
  }
  return join(ROOT, "bench-results", `${new Date().toISOString().replace(/[:.]/g, "-")}-${commit}.json`);
}

async function benchmark(serverUrl: string | undefined, signal: AbortSignal) {
  console.log(`basketql benchmark: trials of ${SIZES.map((n) => n.toLocaleString("en")).join(", ")} patients (seed ${SEED}), ${serverUrl ? "PostgreSQL" : "SQLite"}`);
  const sizes: SizeFigures[] = [];
  for (const [index, patients] of SIZES.entries()) sizes.push(await benchmarkSize(serverUrl, patients, index === 0, signal));
  const label = serverUrl ? "PostgreSQL" : "SQLite";
  report(sizes, label);
  const file = jsonPath();
  mkdirSync(dirname(file), { recursive: true });
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg(), node: process.version, platform: process.platform };
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), database: label, seed: SEED, machine, timeMs: TIME_MS, scaleTimeMs: SCALE_TIME_MS, httpMs: HTTP_MS, writeMs: WRITE_MS, sizes }, null, 2));
  console.log(`Figures written to ${file}`);
}

async function main() {
  // Ctrl-C ends the measurements but still drops the databases, which must not be left behind on a shared
  // server; a second Ctrl-C kills the process.
  const interrupt = new AbortController();
  const onInterrupt = () => {
    console.log("\ninterrupted: stopping after the current step and dropping the database…");
    interrupt.abort();
  };
  process.once("SIGINT", onInterrupt);
  try {
    await benchmark(process.env.DATABASE_URL || undefined, interrupt.signal);
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
    process.exitCode = 130;
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
