/**
 * A SQLite file is read through its own read-only connection (src/db/sqlite-read-connection.ts): a
 * request reading while another request's transaction is open sees committed rows only, as on
 * PostgreSQL; before, both shared one connection and the reader saw the uncommitted row.
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

  it("do not see another request's uncommitted rows, and see them once committed; the transaction sees its own", async () => {
    const before = await count();
    let inserted!: () => void;
    let readDone!: () => void;
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
    const readDoneSignal = new Promise<void>((resolve) => (readDone = resolve));
    let seenInside = -1;
    const writer = dataSource.transaction(async (manager) => {
      await manager.query("INSERT INTO probe (n) VALUES (1)");
      seenInside = Number((await manager.query("SELECT COUNT(*) AS n FROM probe"))[0].n);
      inserted();
      await readDoneSignal;
    });
    await insertedSignal;
    expect(await count()).toBe(before); // another request, while the transaction is open
    readDone();
    await writer;
    expect(seenInside).toBe(before + 1);
    expect(await count()).toBe(before + 1);
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
