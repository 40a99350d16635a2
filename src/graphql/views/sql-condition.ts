import { InvalidInputError } from "../../errors";
import { decodeId } from "../../validation/checks";

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
 * SQL for one scalar filter (`{ gt: 3, lte: 9 }`) on `column`; operators are ANDed. Ids given in
 * an IDFilter are decoded with `idType`. Returns "1=1" for an empty filter.
 */
export function scalarCondition(column: string, filter: Record<string, unknown>, params: Parameters, field: string, idType?: string): string {
  const decode = (value: unknown) => (idType ? decodeId(field, value as string, idType) : value);
  const parts: string[] = [];
  for (const [operator, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === null) continue;
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
