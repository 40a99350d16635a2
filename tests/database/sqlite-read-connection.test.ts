/**
 * A SQLite file is read through its own read-only connection (src/db/sqlite-read-connection.ts): a
 * request reading while another request's transaction is open sees committed rows only, as on
 * PostgreSQL (before, both shared one connection and the reader saw the uncommitted row), and lets that
 * transaction finish first, so that readers do not starve the writers queued for the one writer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/data-source";

describe("reads on a SQLite file", () => {
  const dir = mkdtempSync(join(tmpdir(), "basketql-reader-"));
  let dataSource: DataSource;
  const count = async () => Number((await dataSource.query("SELECT COUNT(*) AS n FROM probe"))[0].n);
  beforeAll(async () => {
    dataSource = await openDatabase({ sqlitePath: join(dir, "db.sqlite"), auditKey: new Uint8Array(32) });
    await dataSource.query("CREATE TABLE probe (n INTEGER)");
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Whether `promise` has settled after the event loop has had some turns (the reader's statement runs on a worker thread). */
  const settledSoon = async (promise: Promise<unknown>) => {
    let settled = false;
    void promise.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    return settled;
  };

  it("wait for the transaction running when they arrive, then see its committed rows, never its uncommitted ones", async () => {
    const before = await count();
    let inserted!: () => void;
    let release!: () => void;
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    let seenInside = -1;
    const writer = dataSource.transaction(async (manager) => {
      await manager.query("INSERT INTO probe (n) VALUES (1)");
      seenInside = Number((await manager.query("SELECT COUNT(*) AS n FROM probe"))[0].n);
      inserted();
      await released;
    });
    await insertedSignal;
    const read = count(); // another request, while the transaction is open
    expect(await settledSoon(read)).toBe(false);
    release();
    await writer;
    expect(seenInside).toBe(before + 1);
    expect(await read).toBe(before + 1);
  });

  it("wait for the one transaction running, not for those queued after it", async () => {
    const holds = [0, 1].map(() => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      return { release, released };
    });
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = dataSource.transaction(async (manager) => {
      await manager.query("INSERT INTO probe (n) VALUES (4)");
      firstStarted();
      await holds[0].released;
    });
    const second = dataSource.transaction(async (manager) => {
      await manager.query("INSERT INTO probe (n) VALUES (5)");
      await holds[1].released;
    });
    await started;
    const read = count();
    expect(await settledSoon(read)).toBe(false);
    holds[0].release();
    await first;
    // The second transaction now runs and holds the writer; the read arrived before it and goes ahead.
    const seen = await read;
    holds[1].release();
    await second;
    expect(await count()).toBe(seen + 1);
  });

  it("do not see the rows of a transaction that rolls back", async () => {
    const before = await count();
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query("INSERT INTO probe (n) VALUES (2)");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await count()).toBe(before);
  });

  it("keep writes outside a transaction on the writer connection", async () => {
    const before = await count();
    await dataSource.query("INSERT INTO probe (n) VALUES (3)");
    expect(await count()).toBe(before + 1);
  });
});
