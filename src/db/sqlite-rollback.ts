import type { DataSource, QueryRunner } from "typeorm";

type SharedRunner = Omit<QueryRunner, "isTransactionActive"> & { isTransactionActive: boolean; transactionDepth: number };

/**
 * SQLite ends a transaction by itself on some errors (SQLITE_FULL, I/O errors, out of memory). TypeORM's
 * own ROLLBACK then fails with "no transaction is active" and leaves its one shared query runner
 * believing a transaction is still open, so every later transaction would run as a savepoint of one
 * that is never committed: acknowledged writes lost at the next restart. This resets the runner's
 * state when SQLite has already rolled back, and rethrows any other failure.
 */
export function recoverFromAbortedTransactions(dataSource: DataSource): void {
  const runner = dataSource.driver.createQueryRunner("master") as unknown as SharedRunner;
  const rollback = runner.rollbackTransaction.bind(runner);
  runner.rollbackTransaction = async () => {
    try {
      await rollback();
    } catch (error) {
      if (!/no transaction is active/i.test(String((error as Error)?.message ?? error))) throw error;
      runner.isTransactionActive = false;
      runner.transactionDepth = 0;
    }
  };
}
