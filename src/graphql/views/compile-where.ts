import { invalidInput } from "../../errors";
import { QUERY_LIMITS } from "../limits";
import type { Parameters } from "./sql-condition";
import { scalarCondition } from "./sql-condition";

/** How one field of a `…Where` input becomes SQL. */
export type WhereField =
  | { column: string; idType?: string }
  | { condition: (value: any, params: Parameters, alias: string, field: string) => string };

export type WhereSpec = Record<string, WhereField>;

/** Refuses a filter nested deeper or larger than QUERY_LIMITS allows, before any SQL is built from it. */
export function checkFilterSize(where: unknown, field = "where"): void {
  let size = 0;
  const walk = (value: unknown, depth: number): void => {
    if (depth > QUERY_LIMITS.maxFilterDepth) throw invalidInput(field, `nests more than ${QUERY_LIMITS.maxFilterDepth} levels`, `at most ${QUERY_LIMITS.maxFilterDepth} levels`);
    if (++size > QUERY_LIMITS.maxFilterSize) throw invalidInput(field, `has more than ${QUERY_LIMITS.maxFilterSize} fields and filters`, `at most ${QUERY_LIMITS.maxFilterSize}`);
    // A list of values (`in`, `nin`) has its own limit; a list of filters (`and`, `or`) counts each one.
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === "object") walk(item, depth);
    } else if (value !== null && typeof value === "object") {
      for (const item of Object.values(value)) walk(item, depth + 1);
    }
  };
  walk(where, 0);
}

/**
 * Compiles a `…Where` input to a SQL condition on `alias`: fields are ANDed, and `and`, `or`, `not`
 * nest. Relation filters are EXISTS subqueries built by their spec, so the outer query stays one
 * statement whatever the filter.
 */
export function compileWhere(where: Record<string, any> | null | undefined, spec: WhereSpec, alias: string, params: Parameters, path = "where"): string {
  if (!where) return "1=1";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined || value === null) continue;
    const field = `${path}.${key}`;
    if (key === "and" || key === "or") {
      const children = (value as Record<string, any>[]).map((child, i) => `(${compileWhere(child, spec, alias, params, `${field}[${i}]`)})`);
      if (children.length) parts.push(`(${children.join(key === "and" ? " AND " : " OR ")})`);
    } else if (key === "not") {
      parts.push(`NOT (${compileWhere(value, spec, alias, params, field)})`);
    } else {
      const fieldSpec = Object.hasOwn(spec, key) ? spec[key] : undefined;
      // checkWhereSpecs gives every field of the schema's filters an entry: fail rather than drop a condition.
      if (!fieldSpec) throw new Error(`${field}: no SQL for this filter field`);
      // Quoted: PostgreSQL folds unquoted names to lower case, and columns are camelCase.
      if ("column" in fieldSpec) parts.push(scalarCondition(`"${alias}"."${fieldSpec.column}"`, value, params, field, fieldSpec.idType));
      else parts.push(fieldSpec.condition(value, params, alias, field));
    }
  }
  return parts.length ? parts.join(" AND ") : "1=1";
}

const q = (alias: string, column: string) => `"${alias}"."${column}"`;

/** Per statement: how many relation filters enclose the one being compiled. */
const openRelations = new WeakMap<Parameters, number>();

function withinRelation(params: Parameters, compile: () => string): string {
  openRelations.set(params, (openRelations.get(params) ?? 0) + 1);
  try {
    return compile();
  } finally {
    openRelations.set(params, openRelations.get(params)! - 1);
  }
}

/**
 * A to-many filter is a correlated subquery that reads all of a patient's rows of that kind for every
 * row the outer query considers. Reached through another relation (a measurement's patient's
 * measurements) it runs once per row of the outer list instead of once per patient: on the demo trial
 * one such filter took seconds and two blocked every other client of the SQLite connection for ten.
 * So to-many filters stand only directly in a list's own filter (and its and/or/not), refused
 * otherwise before any SQL runs; how many a request may hold is counted by its cost (query-cost.ts).
 */
function withinToMany(params: Parameters, field: string, compile: () => string): string {
  if (openRelations.get(params)) {
    throw invalidInput(field, "filters a patient's records inside another relation filter: some, every and none are accepted only at the first level of a filter", "some/every/none directly in the list's filter");
  }
  return withinRelation(params, compile);
}

/** A to-one relation filter: the related row (through `foreignKey`) matches the nested where. */
export function toOne(table: string, foreignKey: string, spec: () => WhereSpec): WhereField {
  return {
    condition: (value, params, alias, field) => {
      const a = params.alias();
      const inner = withinRelation(params, () => compileWhere(value, spec(), a, params, field));
      return `EXISTS (SELECT 1 FROM "${table}" "${a}" WHERE ${q(a, "id")} = ${q(alias, foreignKey)} AND ${inner})`;
    },
  };
}

/**
 * A to-many relation filter with `some`, `every` and `none` over the rows whose `foreignKey` points
 * here; for tables of removable records (`removable`), only rows still part of the data count.
 */
export function toMany(table: string, foreignKey: string, spec: () => WhereSpec, removable: boolean): WhereField {
  return {
    condition: (value: { some?: object; every?: object; none?: object }, params, alias, field) => {
      const exists = (where: object | undefined, negate: boolean, name: string) => {
        const a = params.alias();
        const inner = withinToMany(params, `${field}.${name}`, () => compileWhere(where as Record<string, any>, spec(), a, params, `${field}.${name}`));
        // `every` looks for a row that does not match; IS NOT TRUE also catches a condition that is NULL
        // because the row has no value, which NOT (…) would let through.
        const live = removable ? ` AND ${q(a, "removedAt")} IS NULL` : "";
        return `EXISTS (SELECT 1 FROM "${table}" "${a}" WHERE ${q(a, foreignKey)} = ${q(alias, "id")}${live} AND ${negate ? `(${inner}) IS NOT TRUE` : inner})`;
      };
      const parts: string[] = [];
      if (value.some) parts.push(exists(value.some, false, "some"));
      if (value.none) parts.push(`NOT ${exists(value.none, false, "none")}`);
      if (value.every) parts.push(`NOT ${exists(value.every, true, "every")}`);
      return parts.length ? parts.join(" AND ") : "1=1";
    },
  };
}
