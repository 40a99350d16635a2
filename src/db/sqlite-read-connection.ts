import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource } from "typeorm";
import { endOfRunningTransaction, insideTransaction } from "./sqlite-serial-transactions";

type SqliteHandle = {
  all(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown[]) => void): void;
  close(callback: (error: Error | null) => void): void;
};

/** A statement that only reads: it may run on the read connection, which refuses anything else. */
const READ_ONLY = /^\s*(SELECT|WITH)\b/i;

/**
 * Reads outside transactions run on a second, read-only SQLite connection to the same file (WAL mode):
 *
 * - they see committed data only — on TypeORM's one shared connection, a request reading while
 *   another request's transaction was open saw that transaction's uncommitted rows;
 * - they no longer queue behind writes on one connection, nor writes behind them: in WAL mode a
 *   reader and the writer proceed side by side.
 *
 * A transaction's own statements (sqlite-serial-transactions.ts marks them) and every statement that is
 * not a plain SELECT/WITH stay on the writer connection; the read connection is opened read-only, so a
 * write sent to it by mistake fails instead of bypassing the queue of transactions. An in-memory
 * database has no second connection to the same data, and keeps one.
 */
export async function readOnItsOwnConnection(dataSource: DataSource, path: string): Promise<void> {
  const driver = dataSource.driver as unknown as {
    sqlite: { Database: new (path: string, mode: number, callback: (error: Error | null) => void) => SqliteHandle; OPEN_READONLY: number };
    createQueryRunner(mode: string): { connect(): Promise<unknown>; query(...args: unknown[]): Promise<unknown> };
  };
  const reader = await new Promise<SqliteHandle>((resolve, reject) => {
    const handle: SqliteHandle = new driver.sqlite.Database(path, driver.sqlite.OPEN_READONLY, (error) => (error ? reject(error) : resolve(handle)));
  });
  // A reader waits rather than fails while the writer checkpoints the WAL.
  await new Promise<void>((resolve, reject) => reader.all("PRAGMA busy_timeout = 5000", [], (error) => (error ? reject(error) : resolve())));

  const route = new AsyncLocalStorage<"reader">();
  const runner = driver.createQueryRunner("master"); // the one runner TypeORM shares on SQLite
  const connect = runner.connect.bind(runner);
  const query = runner.query.bind(runner);
  runner.connect = () => (route.getStore() === "reader" ? Promise.resolve(reader) : connect());
  runner.query = async (...args: unknown[]) => {
    const sql = String(args[0]);
    if (!READ_ONLY.test(sql) || insideTransaction()) return query(...args);
    // A write transaction holds the one writer while each of its statements waits for a turn of this
    // process's event loop; readers' GraphQL work between their statements would take those turns and
    // starve the writers. So a read statement first lets the transaction running now (not those queued
    // after it) finish: readers still advance a statement per transaction, and writers no longer wait
    // behind every reader at every statement.
    const transaction = endOfRunningTransaction(dataSource);
    if (transaction) await transaction;
    return route.run("reader", () => query(...args));
  };

  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await new Promise<void>((resolve) => reader.close(() => resolve()));
    await destroy();
  };
}
