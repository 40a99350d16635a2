import { queryLimitExceeded } from "../errors";

/**
 * The work one request may do while it runs: at most `maxRows` list rows loaded and `maxMilliseconds`
 * of time. The cost limit (query-cost.ts) refuses most oversized queries before they run; this bounds
 * what an estimate can miss. Lists spend from it as they load (list-resolvers.ts): once either limit is
 * passed, every list still to load is refused, so the request ends within one statement of the limit.
 */
export class ExecutionBudget {
  private rows = 0;
  private readonly deadline: number;

  constructor(
    readonly maxRows: number,
    readonly maxMilliseconds: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.deadline = clock() + maxMilliseconds;
  }

  /** Before loading: refuses once the request has run longer than allowed or spent its rows. */
  check(): void {
    if (this.rows > this.maxRows) this.refuseRows();
    if (this.clock() > this.deadline) {
      throw queryLimitExceeded("time", `Query ran longer than the limit of ${this.maxMilliseconds} ms: ask for fewer or smaller lists`, { max: this.maxMilliseconds });
    }
  }

  /** After loading `rows` rows of a list. */
  spend(rows: number): void {
    this.rows += rows;
    if (this.rows > this.maxRows) this.refuseRows();
  }

  private refuseRows(): never {
    throw queryLimitExceeded("rows", `Query loaded more than the limit of ${this.maxRows} rows: ask for smaller pages (first/last) or fewer nested lists`, {
      max: this.maxRows,
      found: this.rows,
    });
  }
}
