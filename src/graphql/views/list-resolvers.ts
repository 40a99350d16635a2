import type { Context } from "../context";
import type { ConnectionClass } from "./connection-type";
import type { Aggregate, ListRequest, ListSpec, Row } from "./list-query";
import { aggregateRows, fetchPage, fetchPagesByParent, listRequest } from "./list-query";
import { readPage } from "./page-args";
import type { PageArgs } from "./page-args";

export type ListArgs = PageArgs & Omit<ListRequest, "scope" | "deidentified">;

/** A root list: one statement for the page, one more only if totalCount or aggregates are selected. */
export async function rootConnection<T extends Row>(context: Context, spec: ListSpec<T>, Connection: ConnectionClass<T>, args: ListArgs) {
  const manager = context.dataSource.manager;
  const request = listRequest(context.access, args);
  context.budget.check();
  const page = await fetchPage(manager, spec, request, readPage(args));
  context.budget.spend(page.rows.length);
  let aggregate: Promise<Aggregate> | undefined;
  return new Connection({ page, aggregate: () => (aggregate ??= aggregateRows(manager, spec, request).then((a) => a[0])) });
}

/**
 * A list nested under a parent (a patient's visits). Loaders batch every parent of the request that
 * asks with the same arguments, so the statement count does not grow with the number of parents.
 */
export async function nestedConnection<T extends Row>(
  context: Context,
  spec: ListSpec<T>,
  Connection: ConnectionClass<T>,
  parentColumn: string,
  parentId: number,
  args: ListArgs,
) {
  const manager = context.dataSource.manager;
  const page = readPage(args);
  const key = `${spec.alias}.${parentColumn}:${JSON.stringify([args.first, args.after, args.last, args.before, args.offset, args.where, args.orderBy])}`;
  const request = listRequest(context.access, args);
  const pages = context.loaders.keyed(`page:${key}`, async (ids) => {
    const byParent = await fetchPagesByParent(manager, spec, parentColumn, ids, request, page);
    return ids.map((id) => byParent.get(id)!);
  });
  const aggregates = context.loaders.keyed(`aggregate:${key}`, (ids) => aggregateRows(manager, spec, request, { column: parentColumn, ids }));
  context.budget.check();
  const loaded = await pages.load(parentId);
  context.budget.spend(loaded.rows.length);
  return new Connection({ page: loaded, aggregate: () => aggregates.load(parentId) });
}
