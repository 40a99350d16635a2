import type { Logger } from "typeorm";

/**
 * Counts every SQL statement the service sends, and prints them when asked (BASKETQL_LOG_SQL=1), so
 * that the number of statements a GraphQL view costs can be seen and tested.
 *
 * The values bound to a statement are clinical data, typed usernames and password hashes: they are
 * printed only with `printValues` (SQL logging asked for, outside production), failed statements included.
 */
export class SqlLogger implements Logger {
  statements = 0;

  constructor(
    private readonly print: boolean,
    private readonly printValues = false,
  ) {}

  private values(parameters: unknown[] | undefined): string {
    if (!parameters?.length) return "";
    return this.printValues ? ` -- ${JSON.stringify(parameters)}` : ` -- (${parameters.length} values not logged)`;
  }

  logQuery(query: string, parameters?: unknown[]): void {
    this.statements++;
    if (this.print) console.log(`[sql] ${query}${this.values(parameters)}`);
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    console.error(`[sql] failed: ${error instanceof Error ? error.message : error}\n${query}${this.values(parameters)}`);
  }

  logQuerySlow(time: number, query: string): void {
    if (this.print) console.warn(`[sql] slow (${time} ms): ${query}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    if (this.print) console.log(`[migration] ${message}`);
  }

  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") console.warn(message);
  }
}
