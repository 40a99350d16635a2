import type { DataSource } from "typeorm";
import { generateTrial } from "../../src/demo/generate-trial";
import type { GenerateSummary } from "../../src/demo/generate-trial";
import type { PluginRegistry } from "../../src/plugins/registry";

/*
 * Figure 4: the generator's rate (rows written per second, making, checking and scoring them included)
 * against the ceiling of the driver: the same rows inserted one by one with a prepared INSERT per table
 * in one transaction, through the same driver (node-sqlite3 or pg) as TypeORM opened it.
 */

/** Tables the generator fills, parents first; the raw baseline copies them in this order. */
export const GENERATED_TABLES = ["patient", "visit", "immune_measurement", "lab_result", "clinical_assessment", "dose_administration", "adverse_event"] as const;
/** Rows the generated tables refer to, copied (untimed) before the baseline so foreign keys hold. */
const PARENT_TABLES = ["study", "site", "cohort", "planned_visit", "immune_parameter"] as const;
/** Statements in flight at once: enough to keep the driver's queue full, bounded in memory. */
const IN_FLIGHT = 2000;

export interface ImportFigure {
  summary: GenerateSummary;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export async function importTrial(dataSource: DataSource, registry: PluginRegistry, patients: number, seed: string, onProgress?: (done: number) => void): Promise<ImportFigure> {
  const started = process.hrtime.bigint();
  const summary = await generateTrial(dataSource, registry, { patients, seed, sites: Math.max(5, Math.ceil(patients / 500)), studyCode: "SCALE", onProgress });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rows = summary.patients + summary.visits + summary.immuneMeasurements + summary.labResults + summary.assessments + summary.doses + summary.adverseEvents;
  return { summary, rows, seconds, rowsPerSecond: rows / seconds };
}

type Row = Record<string, unknown>;
type Insert = (values: unknown[]) => Promise<void>;

interface RawConnection {
  /** Statements sent before waiting: node-sqlite3 queues them; pg wants one at a time (queueing is deprecated). */
  inFlight: number;
  begin(): Promise<void>;
  commit(): Promise<void>;
  /** A prepared INSERT of `columns` into `table`, and how to release it. */
  prepare(table: string, columns: string[]): { insert: Insert; close(): Promise<void> };
}

/** The driver's own connection under TypeORM: node-sqlite3's Database or a pg client. */
async function rawConnection(dataSource: DataSource): Promise<RawConnection & { release(): Promise<void> }> {
  const runner = dataSource.createQueryRunner();
  const handle = await runner.connect();
  const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(", ");
  if (dataSource.options.type === "sqlite") {
    const db = handle as import("sqlite3").Database;
    const exec = (sql: string) => new Promise<void>((ok, fail) => db.exec(sql, (error) => (error ? fail(error) : ok())));
    return {
      inFlight: IN_FLIGHT,
      begin: () => exec("BEGIN"),
      commit: () => exec("COMMIT"),
      prepare(table, columns) {
        const statement = db.prepare(`INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map(() => "?").join(", ")})`);
        return {
          insert: (values) => new Promise((ok, fail) => statement.run(values, (error: Error | null) => (error ? fail(error) : ok()))),
          close: () => new Promise((ok) => statement.finalize(() => ok())),
        };
      },
      release: () => runner.release(),
    };
  }
  const client = handle as import("pg").PoolClient;
  return {
    inFlight: 1,
    begin: async () => void (await client.query("BEGIN")),
    commit: async () => void (await client.query("COMMIT")),
    prepare(table, columns) {
      const text = `INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`;
      return { insert: async (values) => void (await client.query({ name: `raw-insert-${table}`, text, values })), close: async () => undefined };
    },
    release: async () => runner.release(),
  };
}

async function copy(connection: RawConnection, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const { insert, close } = connection.prepare(table, columns);
  let inFlight: Promise<void>[] = [];
  for (const row of rows) {
    inFlight.push(insert(columns.map((c) => row[c])));
    if (inFlight.length >= connection.inFlight) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  await close();
}

/**
 * Copies the generated rows of `source` into the empty database `target` with raw prepared inserts;
 * the rows are read into memory first, so only the inserts are timed.
 */
export async function rawPreparedInserts(source: DataSource, target: DataSource): Promise<{ rows: number; seconds: number; rowsPerSecond: number }> {
  const read = async (table: string) => (await source.query(`SELECT * FROM "${table}" ORDER BY id`)) as Row[];
  const connection = await rawConnection(target);
  try {
    await connection.begin();
    for (const table of PARENT_TABLES) await copy(connection, table, await read(table));
    await connection.commit();
    const tables: [string, Row[]][] = [];
    for (const table of GENERATED_TABLES) tables.push([table, await read(table)]);
    const rows = tables.reduce((n, [, r]) => n + r.length, 0);
    const started = process.hrtime.bigint();
    await connection.begin();
    for (const [table, data] of tables) await copy(connection, table, data);
    await connection.commit();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { rows, seconds, rowsPerSecond: rows / seconds };
  } finally {
    await connection.release();
  }
}
