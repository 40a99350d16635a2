import { InvalidInputError, invalidInput } from "../../errors";
import { decodeId, isCalendarDate } from "../../validation/checks";
import { DateFilter } from "./scalar-filters";

/** Collects bound parameters with unique names while a WHERE clause is assembled. */
export class Parameters {
  readonly values: Record<string, unknown> = {};
  private counter = 0;

  bind(value: unknown): string {
    const name = `p${this.counter++}`;
    this.values[name] = value;
    return `:${name}`;
  }

  /** A fresh table alias for a subquery. */
  alias(): string {
    return `t${this.counter++}`;
  }

  bindList(values: unknown[]): string {
    const name = `p${this.counter++}`;
    this.values[name] = values;
    return `(:...${name})`;
  }
}

const COMPARISONS: Record<string, string> = { eq: "=", ne: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" };
export const MAX_LIST = 1000;
/**
 * Longest `contains` text, in characters. It becomes a LIKE pattern (escaped, so up to twice as long,
 * and up to 4 bytes a character): 200 characters stay far below SQLite's pattern limit of 50,000 bytes
 * (SQLITE_LIMIT_LIKE_PATTERN_LENGTH), and no free-text field of the schema is searched for more.
 */
export const MAX_CONTAINS = 200;

/**
 * SQL for one scalar filter (`{ gt: 3, lte: 9 }`) on `column`; operators are ANDed. Ids given in
 * an IDFilter are decoded with `idType`. Returns "1=1" for an empty filter.
 */
export function scalarCondition(column: string, filter: Record<string, unknown>, params: Parameters, field: string, idType?: string): string {
  const decode = (value: unknown) => (idType ? decodeId(field, value as string, idType) : value);
  const parts: string[] = [];
  for (const [operator, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === null) continue;
    if (filter instanceof DateFilter && typeof raw === "string" && !isCalendarDate(raw)) {
      // LocalDate lets year 0000 through; neither database can compare a date with it.
      throw invalidInput(`${field}.${operator}`, `must be a date from 0001-01-01 to 9999-12-31 (got ${JSON.stringify(raw)})`, "a date from 0001-01-01 to 9999-12-31");
    }
    if (operator === "contains" && String(raw).length > MAX_CONTAINS) {
      throw invalidInput(`${field}.contains`, `accepts at most ${MAX_CONTAINS} characters (got ${String(raw).length})`, `1 to ${MAX_CONTAINS} characters`);
    }
    if (operator in COMPARISONS) parts.push(`${column} ${COMPARISONS[operator]} ${params.bind(decode(raw))}`);
    else if (operator === "in" || operator === "nin") {
      const values = (raw as unknown[]).map(decode);
      if (values.length > MAX_LIST) throw new InvalidInputError([{ field: `${field}.${operator}`, message: `${field}.${operator} accepts at most ${MAX_LIST} values` }]);
      if (values.length === 0) parts.push(operator === "in" ? "1=0" : "1=1");
      else parts.push(`${column} ${operator === "in" ? "IN" : "NOT IN"} ${params.bindList(values)}`);
    } else if (operator === "contains") parts.push(`LOWER(${column}) LIKE ${params.bind(`%${String(raw).toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} ESCAPE '\\'`);
    else if (operator === "isNull") parts.push(`${column} IS ${raw ? "" : "NOT "}NULL`);
  }
  return parts.length ? parts.join(" AND ") : "1=1";
}
