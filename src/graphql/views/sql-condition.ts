import { InvalidInputError, invalidInput } from "../../errors";
import { decodeId, isCalendarDate } from "../../validation/checks";
import { DateFilter } from "./scalar-filters";
import type { ScalarOperator } from "./scalar-filters";

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

export const MAX_LIST = 1000;
/**
 * Longest `contains` text, in characters. It becomes a LIKE pattern (escaped, so up to twice as long,
 * and up to 4 bytes a character): 200 characters stay far below SQLite's pattern limit of 50,000 bytes
 * (SQLITE_LIMIT_LIKE_PATTERN_LENGTH), and no free-text field of the schema is searched for more.
 */
export const MAX_CONTAINS = 200;

/** The SQL of one operator applied to `column`; `at` names it (`where.age.gt`), `decode` turns global ids into keys. */
type OperatorSql = (column: string, value: unknown, params: Parameters, at: string, decode: (value: unknown) => unknown) => string;

const comparison =
  (operator: string): OperatorSql =>
  (column, value, params, _at, decode) =>
    `${column} ${operator} ${params.bind(decode(value))}`;

/** `in`/`nin`; an empty list matches `whenEmpty` (nothing for in, everything for nin). */
const membership =
  (operator: "IN" | "NOT IN", whenEmpty: string): OperatorSql =>
  (column, value, params, at, decode) => {
    const values = (value as unknown[]).map(decode);
    if (values.length > MAX_LIST) throw new InvalidInputError([{ field: at, message: `${at} accepts at most ${MAX_LIST} values` }]);
    return values.length === 0 ? whenEmpty : `${column} ${operator} ${params.bindList(values)}`;
  };

/**
 * The SQL of every filter operator, in one table. Its type names every operator the filter inputs
 * declare (ScalarOperator), so an operator added to an input without SQL does not compile.
 */
const OPERATOR_SQL: Record<ScalarOperator, OperatorSql> = {
  eq: comparison("="),
  ne: comparison("<>"),
  gt: comparison(">"),
  gte: comparison(">="),
  lt: comparison("<"),
  lte: comparison("<="),
  in: membership("IN", "1=0"),
  nin: membership("NOT IN", "1=1"),
  contains: (column, value, params, at) => {
    const text = String(value);
    if (text.length > MAX_CONTAINS) throw invalidInput(at, `accepts at most ${MAX_CONTAINS} characters (got ${text.length})`, `1 to ${MAX_CONTAINS} characters`);
    return `LOWER(${column}) LIKE ${params.bind(`%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} ESCAPE '\\'`;
  },
  isNull: (column, value) => `${column} IS ${value ? "" : "NOT "}NULL`,
};

/** Whether `name` is an operator with SQL: what the schema check asks of every field of a filter input. */
export const isScalarOperator = (name: string): name is ScalarOperator => Object.hasOwn(OPERATOR_SQL, name);

/**
 * SQL for one scalar filter (`{ gt: 3, lte: 9 }`) on `column`; operators are ANDed. Ids given in
 * an IDFilter are decoded with `idType`. Returns "1=1" for an empty filter. An operator without SQL
 * cannot pass GraphQL validation; should one arrive anyway it fails the request rather than being
 * left out, which would widen the filter.
 */
export function scalarCondition(column: string, filter: Record<string, unknown>, params: Parameters, field: string, idType?: string): string {
  const decode = (value: unknown) => (idType ? decodeId(field, value as string, idType) : value);
  const parts: string[] = [];
  for (const [operator, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === null) continue;
    const at = `${field}.${operator}`;
    if (!isScalarOperator(operator)) throw new Error(`${at}: no SQL for the filter operator ${JSON.stringify(operator)}`);
    if (filter instanceof DateFilter && typeof raw === "string" && !isCalendarDate(raw)) {
      // LocalDate lets year 0000 through; neither database can compare a date with it.
      throw invalidInput(at, `must be a date from 0001-01-01 to 9999-12-31 (got ${JSON.stringify(raw)})`, "a date from 0001-01-01 to 9999-12-31");
    }
    parts.push(OPERATOR_SQL[operator](column, raw, params, at, decode));
  }
  return parts.length ? parts.join(" AND ") : "1=1";
}
