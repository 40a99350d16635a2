import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { invalidInput } from "../../errors";
import { checkFilterSize, compileWhere } from "./compile-where";
import type { WhereSpec } from "./compile-where";
import type { CursorKey } from "./cursor";
import { cursorValueKind, decodeCursor, encodeCursor } from "./cursor";
import type { Page } from "./page-args";
import { OrderDirection } from "./page-info";
import type { Access, SiteScope } from "../../modules/access/access";
import { refuseIdentifyingUse } from "../../modules/access/deidentified";
import { scopeCondition } from "../../modules/access/site-scope";
import { Parameters } from "./sql-condition";

export type Row = ObjectLiteral & { id: number };

/**
 * A sortable field: its column. Whether the column can hold NULL comes from the entity's metadata:
 * NULLs sort last in ascending order and first in descending order (see sortKeys).
 */
export interface OrderField {
  column: string;
}

/** Everything the generic list machinery needs to know about one entity. */
export interface ListSpec<T extends Row> {
  entity: EntityTarget<T>;
  alias: string;
  where: WhereSpec;
  order: Record<string, OrderField>;
  defaultOrder: OrderInput[];
  /** Numeric fields offered in aggregates: GraphQL name → column. */
  stats: Record<string, string>;
}

export interface OrderInput {
  field: string;
  direction: OrderDirection;
}

export interface ListRequest {
  where?: Record<string, any> | null;
  orderBy?: OrderInput[] | null;
  /** The caller's site scope (Access.scope()); null only for unrestricted callers. */
  scope: SiteScope | null;
  /** An analyst's request: identifying fields cannot be filtered, sorted or grouped by. */
  deidentified: boolean;
}

/** The request of a list or grouping by `access`, with its filter and order. */
export function listRequest(access: Access, args: { where?: Record<string, any> | null; orderBy?: OrderInput[] | null }): ListRequest {
  return { ...args, scope: access.scope(), deidentified: access.deidentified };
}

export const quote = (alias: string, column: string) => `"${alias}"."${column}"`;

/** One key of a list's order: what a cursor holds for it (CursorKey) and how it is sorted and sought. */
interface SortKey extends CursorKey {
  /** The list and the order field, e.g. `patient.SUBJECT_CODE`: what a cursor names, never SQL. */
  name: string;
  expression: string;
  direction: OrderDirection;
  value: (row: Row) => unknown;
}

function sortKeys<T extends Row>(manager: EntityManager, spec: ListSpec<T>, orderBy: OrderInput[] | null | undefined): SortKey[] {
  const metadata = manager.connection.getMetadata(spec.entity);
  const requested = orderBy?.length ? orderBy : spec.defaultOrder;
  // A field named twice would be one term in SQL (by its expression) and two in the cursor's seek.
  const repeated = requested.find(({ field }, i) => requested.findIndex((other) => other.field === field) !== i);
  if (repeated) throw invalidInput("orderBy", `names ${repeated.field} more than once`, "each order field at most once");
  const keys = requested.map(({ field, direction }): SortKey => {
    const { column } = spec.order[field];
    // An unknown column counts as nullable: the seek then also handles NULLs, which is never wrong.
    const nullable = metadata.findColumnWithPropertyName(column)?.isNullable ?? true;
    return { name: `${spec.alias}.${field}`, expression: quote(spec.alias, column), direction, value: (row) => row[column] ?? null, kind: cursorValueKind(metadata, column), nullable };
  });
  // The id makes the order total, which keyset paging needs, unless a key already sorts by it (RECORDED):
  // a second term on the same column would replace the first one's direction in SQL.
  const id = quote(spec.alias, "id");
  if (keys.some((key) => key.expression === id)) return keys;
  return [...keys, { name: `${spec.alias}.id`, expression: id, direction: OrderDirection.ASC, value: (row) => row.id, kind: "integer", nullable: false }];
}

/**
 * Whether `key` runs ascending in this page: a backward page (last/before) reads the list in reverse and
 * turns its rows back afterwards.
 */
const ascendingInPage = (key: SortKey, backward: boolean) => (key.direction === OrderDirection.ASC) !== backward;

/**
 * ORDER BY of one key in this page. NULL stands after every value ascending and before every value
 * descending — in both directions it is the greatest value, as PostgreSQL has it by default — spelled out
 * because SQLite puts NULL first ascending. afterValue relies on the same rule.
 */
function orderTerm(key: SortKey, backward: boolean): { expression: string; direction: "ASC" | "DESC"; nulls: "NULLS FIRST" | "NULLS LAST" } {
  const ascending = ascendingInPage(key, backward);
  return { expression: key.expression, direction: ascending ? "ASC" : "DESC", nulls: ascending ? "NULLS LAST" : "NULLS FIRST" };
}

const cursorValues = (page: Page, keys: SortKey[]) => decodeCursor(page.cursor!, orderKeyOf(keys), page.backward ? "before" : "after", keys);

const orderKeyOf = (keys: SortKey[]) => keys.map((k) => `${k.name} ${k.direction}`).join(",");

/** `key` equals the cursor's `value`, a NULL included. */
const sameValue = (key: SortKey, value: unknown, params: Parameters) => (value === null ? `${key.expression} IS NULL` : `${key.expression} = ${params.bind(value)}`);

/**
 * `key` comes strictly after the cursor's `value` in this page's order, NULL being greater than every
 * value (see orderTerm); null when no row can (ascending after a NULL).
 */
function afterValue(key: SortKey, value: unknown, ascending: boolean, params: Parameters): string | null {
  if (ascending) {
    if (value === null) return null;
    return key.nullable ? `(${key.expression} > ${params.bind(value)} OR ${key.expression} IS NULL)` : `${key.expression} > ${params.bind(value)}`;
  }
  return value === null ? `${key.expression} IS NOT NULL` : `${key.expression} < ${params.bind(value)}`;
}

/**
 * `(k1 after v1) OR (k1 = v1 AND k2 after v2) …`: rows strictly after the cursor in the (possibly
 * reversed) order. The cursor holds each row's real values, NULL included, so no stand-in value can be
 * confused with a stored one.
 */
function seekCondition(keys: SortKey[], values: unknown[], backward: boolean, params: Parameters): string {
  const branches = keys.flatMap((key, i) => {
    const after = afterValue(key, values[i], ascendingInPage(key, backward), params);
    if (after === null) return [];
    const equal = keys.slice(0, i).map((k, j) => sameValue(k, values[j], params));
    return [`(${[...equal, after].join(" AND ")})`];
  });
  // The last key is the id, never NULL in a cursor, so there is always a branch.
  return `(${branches.join(" OR ")})`;
}

export interface PageResult<T> {
  rows: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** The filtered query without paging, shared by pages, counts and aggregates. */
export function filteredQuery<T extends Row>(manager: EntityManager, spec: ListSpec<T>, request: ListRequest, params: Parameters, parent?: { column: string; ids: number[] }) {
  checkFilterSize(request.where);
  if (request.deidentified) refuseIdentifyingUse(manager.connection.getMetadata(spec.entity).name, request);
  const qb = manager.createQueryBuilder(spec.entity, spec.alias).where(compileWhere(request.where, spec.where, spec.alias, params));
  const readable = scopeCondition(manager.getRepository(spec.entity).metadata.name, spec.alias, request.scope, params);
  if (readable) qb.andWhere(readable);
  if (parent) qb.andWhere(`${quote(spec.alias, parent.column)} IN ${params.bindList(parent.ids)}`);
  return qb;
}

function toPage<T extends Row>(rows: T[], keys: SortKey[], page: Page, hadCursor: boolean): PageResult<T> {
  const more = rows.length > page.size;
  const kept = rows.slice(0, page.size);
  if (page.backward) kept.reverse();
  const orderKey = orderKeyOf(keys);
  // Encoded when edges or pageInfo are read: a view that asks only for nodes (the cohort overview's
  // 1,100 patients) pays nothing for them.
  let cursors: string[] | undefined;
  return {
    rows: kept,
    get cursors() {
      return (cursors ??= kept.map((row) => encodeCursor(orderKey, keys.map((k) => k.value(row)))));
    },
    hasNextPage: page.backward ? hadCursor : more,
    hasPreviousPage: page.backward ? more : hadCursor || page.offset > 0,
  };
}

/**
 * One page of a list in one SQL statement: filter, keyset seek from the cursor, order, LIMIT size+1
 * (the extra row tells whether there is a next page).
 */
export async function fetchPage<T extends Row>(manager: EntityManager, spec: ListSpec<T>, request: ListRequest, page: Page): Promise<PageResult<T>> {
  const params = new Parameters();
  const keys = sortKeys(manager, spec, request.orderBy);
  const qb = filteredQuery(manager, spec, request, params);
  if (page.cursor) qb.andWhere(seekCondition(keys, cursorValues(page, keys), page.backward, params));
  keys.forEach((key, i) => {
    const { expression, direction, nulls } = orderTerm(key, page.backward);
    if (i === 0) qb.orderBy(expression, direction, nulls);
    else qb.addOrderBy(expression, direction, nulls);
  });
  const rows = await qb.setParameters(params.values).limit(page.size + 1).offset(page.offset).getMany();
  return toPage(rows, keys, page, !!page.cursor);
}

/**
 * Pages of a nested list for many parents in one SQL statement: the filter and cursor apply to every
 * parent's list, and a window function (ROW_NUMBER per parent, in the page's order) keeps only the
 * rows each parent's page can use, so a cohort's first patient does not load the whole cohort.
 */
export async function fetchPagesByParent<T extends Row>(
  manager: EntityManager,
  spec: ListSpec<T>,
  parentColumn: string,
  parentIds: readonly number[],
  request: ListRequest,
  page: Page,
): Promise<Map<number, PageResult<T>>> {
  const params = new Parameters();
  const keys = sortKeys(manager, spec, request.orderBy);
  const parent = { column: parentColumn, ids: [...parentIds] };
  const seek = page.cursor && seekCondition(keys, cursorValues(page, keys), page.backward, params);
  const order = keys.map((key) => {
    const { expression, direction, nulls } = orderTerm(key, page.backward);
    return `${expression} ${direction} ${nulls}`;
  });
  const ranked = filteredQuery(manager, spec, request, params, parent)
    .select(quote(spec.alias, "id"), "id")
    .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${quote(spec.alias, parentColumn)} ORDER BY ${order.join(", ")})`, "rank");
  if (seek) ranked.andWhere(seek);
  const qb = manager
    .createQueryBuilder(spec.entity, spec.alias)
    .where(`${quote(spec.alias, "id")} IN (SELECT "ranked"."id" FROM (${ranked.getQuery()}) "ranked" WHERE "ranked"."rank" <= ${page.offset + page.size + 1})`)
    .orderBy(quote(spec.alias, parentColumn), "ASC");
  for (const key of keys) {
    const { expression, direction, nulls } = orderTerm(key, page.backward);
    qb.addOrderBy(expression, direction, nulls);
  }
  const rows = await qb.setParameters(params.values).getMany();
  const groups = new Map<number, T[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) groups.get(row[parentColumn] as number)?.push(row);
  return new Map([...groups].map(([id, children]) => [id, toPage(children.slice(page.offset, page.offset + page.size + 1), keys, page, !!page.cursor)]));
}

export interface Stats {
  min: number | null;
  max: number | null;
  mean: number | null;
  count: number;
}

export interface Aggregate {
  count: number;
  stats: Record<string, Stats>;
}

/** Selects MIN, MAX, AVG and COUNT of every numeric field of the spec (as `<field>_min` …), read back by statsOf. */
export function selectStats<T extends Row>(qb: SelectQueryBuilder<T>, spec: ListSpec<T>): void {
  for (const [name, column] of Object.entries(spec.stats)) {
    const c = quote(spec.alias, column);
    qb.addSelect(`MIN(${c})`, `${name}_min`).addSelect(`MAX(${c})`, `${name}_max`).addSelect(`AVG(${c})`, `${name}_mean`).addSelect(`COUNT(${c})`, `${name}_count`);
  }
}

/** The statistics selectStats selected, from a raw row (absent: no rows, count 0). */
export function statsOf<T extends Row>(raw: Record<string, unknown> | undefined, spec: ListSpec<T>): Record<string, Stats> {
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return Object.fromEntries(
    Object.keys(spec.stats).map((name) => [
      name,
      { min: num(raw?.[`${name}_min`]), max: num(raw?.[`${name}_max`]), mean: num(raw?.[`${name}_mean`]), count: Number(raw?.[`${name}_count`] ?? 0) },
    ]),
  );
}

/**
 * count plus min/max/mean of every numeric field of the spec, honouring the filter, in one statement:
 * for the whole list, or per parent (GROUP BY) for nested lists.
 */
export async function aggregateRows<T extends Row>(
  manager: EntityManager,
  spec: ListSpec<T>,
  request: ListRequest,
  parent?: { column: string; ids: readonly number[] },
): Promise<Aggregate[]> {
  const params = new Parameters();
  const qb = filteredQuery(manager, spec, request, params, parent && { column: parent.column, ids: [...parent.ids] }).select("COUNT(*)", "count");
  if (parent) qb.addSelect(quote(spec.alias, parent.column), "parent").groupBy(quote(spec.alias, parent.column));
  selectStats(qb, spec);
  const rows = (await qb.setParameters(params.values).getRawMany()) as Record<string, unknown>[];
  const toAggregate = (raw: Record<string, unknown> | undefined): Aggregate => ({ count: Number(raw?.count ?? 0), stats: statsOf(raw, spec) });
  if (!parent) return [toAggregate(rows[0])];
  const byParent = new Map(rows.map((r) => [Number(r.parent), r]));
  return parent.ids.map((id) => toAggregate(byParent.get(id)));
}
