import { AsyncLocalStorage } from "node:async_hooks";
import { Mutex } from "async-mutex";
import type { DataSource } from "typeorm";

/** Set while a top-level transaction's work runs (and everything it awaits). */
const transactionWork = new AsyncLocalStorage<true>();

/** Whether the calling code runs inside a transaction started through `manager.transaction`. */
export const insideTransaction = (): boolean => transactionWork.getStore() === true;

/**
 * TypeORM gives SQLite one shared connection. Two transactions started concurrently (two HTTP
 * requests) would not wait for each other: the second becomes a savepoint inside the first, so a
 * rollback of one can undo the other's acknowledged write and optimistic-concurrency checks see
 * each other's uncommitted rows. This queues top-level transactions so that they run one at a time,
 * and marks their work so that statements can tell a transaction's reads from other requests'
 * (see sqlite-read-connection.ts). Nested transactions use the transaction's own manager and are not
 * queued.
 */
export function serializeTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const queue = new Mutex();
  manager.transaction = ((...args: unknown[]) =>
    queue.runExclusive(() => {
      const work = transactionWork.run(true, () => transaction(...args));
      running.set(dataSource, work);
      return work.finally(() => {
        if (running.get(dataSource) === work) running.delete(dataSource);
      });
    })) as typeof manager.transaction;
}

/** The transaction running on each data source, while one is. */
const running = new WeakMap<DataSource, Promise<unknown>>();

/** Settles when the transaction running now on `dataSource` (if any) has ended, however it ended. */
export function endOfRunningTransaction(dataSource: DataSource): Promise<void> | null {
  const work = running.get(dataSource);
  if (!work) return null;
  return work.then(
    () => undefined,
    () => undefined,
  );
}
