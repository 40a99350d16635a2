/**
 * Disk full: `PRAGMA max_page_count` caps the SQLite file of the service's connection so that a write
 * transaction fails part-way with SQLITE_FULL, as on a full disk. Whatever ran out of room, the whole
 * transaction must be rolled back (every table row for row as before), the error must be clear to the
 * operator and masked for the API client, and the database must go on working, durably, once there is
 * room again.
 *
 * A file database (WAL mode, as in production), not :memory:, and a second read-only connection to that
 * file to see what is really committed: the service's own connection also sees what it wrote in a
 * transaction that is still open.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { QueryFailedError } from "typeorm";
import type { MockInstance } from "vitest";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { plugins } from "../../plugins";
import { createApp } from "../../src/app";
import type { App } from "../../src/app";
import { openDatabase } from "../../src/db/data-source";
import type { SqlLogger } from "../../src/db/sql-logger";
import { loadDemoTrial } from "../../src/demo/load-demo-trial";
import { Access } from "../../src/modules/access/access";
import { dumpEveryTable, queryFromAnotherConnection, scalar } from "./fixtures/sqlite-inspection";

const RECORD_AE = `mutation($input: RecordAdverseEventInput!) { recordAdverseEvent(input: $input) { id term } }`;

interface Service {
  sqlitePath: string;
  dataSource: DataSource;
  app: App;
  execute(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }>;
  close(): Promise<void>;
}

let workDir: string;
let services: Service[] = [];

/** The app on a SQLite file: a new one, or a copy of `template`. */
async function openService(name: string, template?: string): Promise<Service> {
  const sqlitePath = join(workDir, name);
  if (template) copyFileSync(template, sqlitePath);
  const dataSource = await openDatabase({ sqlitePath });
  const app = await createApp(dataSource, plugins);
  await app.apollo.start();
  const service: Service = {
    sqlitePath,
    dataSource,
    app,
    async execute(query, variables) {
      const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context(Access.system()) });
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      return JSON.parse(JSON.stringify(response.body.singleResult));
    },
    async close() {
      services = services.filter((s) => s !== service);
      await app.apollo.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
  services.push(service);
  return service;
}

/** Sets the connection's page limit; SQLite never sets it below the current size and returns what it set. */
async function setMaxPageCount(dataSource: DataSource, pages: number): Promise<number> {
  return (await dataSource.query(`PRAGMA max_page_count = ${pages}`))[0].max_page_count;
}

async function expectIntegrityOk(dataSource: DataSource) {
  expect(await dataSource.query("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  expect(await dataSource.query("PRAGMA foreign_key_check")).toEqual([]);
}

function adverseEvent(patientId: string, n: number, grade = 1) {
  return {
    patientId,
    // 200 characters, the longest term accepted: each row takes room, the file fills in a few mutations
    term: `Disk-full probe ${n} `.padEnd(200, "x"),
    grade,
    relatedness: "UNLIKELY",
    onsetDate: "2024-05-02",
    outcome: "RECOVERING",
  };
}

/**
 * Records adverse events through GraphQL with the file capped at its current size, until one fails.
 * Returns the failed response and a dump of the database taken just before that mutation.
 */
async function mutateUntilDiskFull(service: Service, patientId: string) {
  await setMaxPageCount(service.dataSource, await scalar(service.dataSource, "PRAGMA page_count"));
  for (let n = 1; n <= 200; n++) {
    const before = await dumpEveryTable(service.dataSource);
    const result = await service.execute(RECORD_AE, { input: adverseEvent(patientId, n) });
    if (result.errors) return { result, before, attempts: n };
  }
  throw new Error("200 adverse events fitted in a database capped at its size");
}

describe("disk full (PRAGMA max_page_count) on a SQLite file", () => {
  /** A database holding the demo trial, copied for each test that needs clinical data. */
  let demoTemplate: string;
  let defaultMaxPageCount: number;
  let consoleError: MockInstance<typeof console.error>;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), "basketql-disk-full-"));
    const service = await openService("demo-template.sqlite");
    defaultMaxPageCount = await scalar(service.dataSource, "PRAGMA max_page_count");
    await loadDemoTrial(service.dataSource, service.app.registry);
    await service.close();
    demoTemplate = service.sqlitePath;
  }, 60_000);

  beforeEach(() => {
    // The service logs the failed statement and the internal error; the tests read these logs.
    consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
  });

  afterEach(async () => {
    consoleError.mockRestore();
    for (const service of [...services]) await service.close();
  });

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("a demo-trial load that runs out of pages part-way is rolled back entirely, with SQLITE_FULL", async () => {
    const { dataSource, app, sqlitePath } = await openService("demo-load.sqlite");
    const before = await dumpEveryTable(dataSource);
    // a complete load needs about 100 pages more than the empty schema: 40 runs out part-way
    await setMaxPageCount(dataSource, (await scalar(dataSource, "PRAGMA page_count")) + 40);
    const logger = dataSource.logger as SqlLogger;
    const statementsBefore = logger.statements;

    const error = await loadDemoTrial(dataSource, app.registry).then(
      () => null,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).driverError).toMatchObject({ code: "SQLITE_FULL" });
    expect((error as Error).message).toMatch(/SQLITE_FULL: database or disk is full/);
    // part-way: hundreds of the load's statements had succeeded in the transaction before it ran out of room
    const statements = logger.statements - statementsBefore;
    expect(statements).toBeGreaterThan(300);
    console.info(`disk-full: the demo load ran out of pages at its statement ${statements}`);
    expect(await dumpEveryTable(dataSource)).toEqual(before);
    expect(await queryFromAnotherConnection(sqlitePath, "SELECT count(*) AS n FROM study")).toEqual([{ n: 0 }]);
    await expectIntegrityOk(dataSource);

    // room again: the same load succeeds and is committed
    expect(await setMaxPageCount(dataSource, defaultMaxPageCount)).toBe(defaultMaxPageCount);
    const summary = await loadDemoTrial(dataSource, app.registry);
    expect(await queryFromAnotherConnection(sqlitePath, "SELECT count(*) AS n FROM patient")).toEqual([{ n: summary.patients }]);
    expect(await queryFromAnotherConnection(sqlitePath, "SELECT count(*) AS n FROM visit")).toEqual([{ n: summary.visits }]);
    await expectIntegrityOk(dataSource);
  });

  it("a GraphQL mutation that hits disk full returns a masked INTERNAL_SERVER_ERROR and writes nothing", async () => {
    const service = await openService("mutation.sqlite", demoTemplate);
    const { patients } = (await service.execute(`{ patients(first: 1) { nodes { id } } }`)).data;
    const patientId = patients.nodes[0].id;

    const { result, before, attempts } = await mutateUntilDiskFull(service, patientId);

    console.info(`disk-full: adverse event ${attempts} did not fit`);
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ message: "Internal server error", path: ["recordAdverseEvent"] });
    expect(result.errors![0].extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expect(JSON.stringify(result)).not.toMatch(/sqlite|disk|insert|adverse_event|stack/i);
    // the operator's log names the cause
    expect(consoleError.mock.calls.some(([label, error]) => label === "Internal error:" && String(error).includes("SQLITE_FULL: database or disk is full"))).toBe(true);
    expect(await dumpEveryTable(service.dataSource)).toEqual(before);
    await expectIntegrityOk(service.dataSource);

    // room again: the same mutation succeeds and is committed
    await setMaxPageCount(service.dataSource, defaultMaxPageCount);
    const retried = await service.execute(RECORD_AE, { input: adverseEvent(patientId, attempts) });
    expect(retried.errors).toBeUndefined();
    expect(await queryFromAnotherConnection(service.sqlitePath, `SELECT count(*) AS n FROM adverse_event WHERE term LIKE 'Disk-full probe %'`)).toEqual([
      { n: attempts },
    ]);
  });

  /*
   * On SQLITE_FULL, SQLite may roll the whole transaction back by itself; TypeORM's ROLLBACK then fails
   * ("cannot rollback - no transaction is active"), is swallowed, and TypeORM's SQLite query runner (one,
   * shared by every request) stays marked as inside a transaction. The next transactions run as
   * SAVEPOINTs, and the first one that fails (any rejected input) leaves a transaction open for good:
   * from then on mutations are acknowledged but never committed. This test guards against that.
   */
  it("once there is room again, every acknowledged write is committed, also after a mutation rejected for bad input", async () => {
    const service = await openService("after-full.sqlite", demoTemplate);
    const { patients } = (await service.execute(`{ patients(first: 1) { nodes { id } } }`)).data;
    const patientId = patients.nodes[0].id;
    const { attempts } = await mutateUntilDiskFull(service, patientId);
    await setMaxPageCount(service.dataSource, defaultMaxPageCount);
    const committedProbes = async () => {
      const rows = await queryFromAnotherConnection<{ term: string }>(service.sqlitePath, `SELECT term FROM adverse_event WHERE term LIKE 'Disk-full probe %' ORDER BY id`);
      return rows.map((row) => row.term.replace(/ x*$/, ""));
    };

    const first = await service.execute(RECORD_AE, { input: adverseEvent(patientId, 1001) });
    expect(first.errors).toBeUndefined();
    const rejected = await service.execute(RECORD_AE, { input: adverseEvent(patientId, 1002, 9) });
    expect(rejected.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const second = await service.execute(RECORD_AE, { input: adverseEvent(patientId, 1003) });
    expect(second.errors).toBeUndefined();

    // What the API acknowledged must be committed: visible to another connection, and still there after a restart.
    const expected = [...Array.from({ length: attempts - 1 }, (_, i) => `Disk-full probe ${i + 1}`), "Disk-full probe 1001", "Disk-full probe 1003"];
    expect(await committedProbes()).toEqual(expected);
    await service.close();
    const restarted = await openService("after-full.sqlite");
    expect(await committedProbes()).toEqual(expected);
    await expectIntegrityOk(restarted.dataSource);
  });
});
