import type { FieldNode, FragmentDefinitionNode, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from "graphql";
import { getNamedType, getNullableType, isAbstractType, isInputObjectType, isInterfaceType, isLeafType, isListType, isObjectType, Kind, valueFromASTUntyped } from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./views/page-args";

/**
 * What a query may cost at most, counted before it runs: every object 2 and every scalar 1, multiplied
 * by the rows each list can serve —
 *
 * - a paged list (a field taking `first`/`last`) serves the page size asked for, literal or variable,
 *   and otherwise its default (the argument's schema default, else {@link DEFAULT_PAGE_SIZE}); its
 *   `nodes` and `edges` are multiplied by that size, the connection itself and its `totalCount`,
 *   `aggregates` and `pageInfo` are counted once;
 * - a list that takes no page size counts, for records of the database (types implementing `Node`:
 *   a study's cohorts and sites, a cohort's planned visits), `unpagedRows` rows — the longest being
 *   the cohorts, one per installed disease, the app counts the number of installed diseases, at least
 *   {@link UNPAGED_LIST_ROWS} — and for everything else (the plugins' declarations: diseases,
 *   instruments, inputs, bands, categories; group-by results; score components)
 *   {@link DECLARATION_LIST_ROWS}: these are small, flat or served from memory, and counting them as
 *   database lists would multiply the catalogue out of all proportion. The execution row budget
 *   (execution-budget.ts) stops what an estimate misses;
 * - lists of scalars count once, introspection counts nothing.
 *
 * Every level multiplies: `patients { nodes { visits { nodes { id } } } }` is 20 patients × 20 visits.
 *
 * A relation filter (`some`, `every` or `none` of an `XRelationFilter`, in any argument) adds
 * {@link RELATION_FILTER_COST} once, wherever it stands: it is a subquery that reads all of a
 * patient's related rows for every row the list considers, work the page size does not bound (on
 * the demo trial, one takes about as long as a page of 1,000 rows). Nested lists batch their parents,
 * so a filter on one runs once per request and is not multiplied by the parents' rows.
 */
export const UNPAGED_LIST_ROWS = 12;
export const RELATION_FILTER_COST = 10_000;

/**
 * A field may declare a fixed cost of its own (`@Extensions({ cost })`, see {@link ANALYSIS_COST}), added
 * once wherever it stands, like a relation filter: work its selection does not show.
 */
export const fixedCostOf = (field: GraphQLField<unknown, unknown>): number => (typeof field.extensions?.cost === "number" ? field.extensions.cost : 0);

/**
 * An analysis (immuneResponse, crossDiseaseEfficacy, immuneProfileMap…) reads every matching patient of
 * the trial and computes its statistics in the service — a profile map clusters up to 500 patients — so a
 * request holds at most four, whatever it selects of them.
 */
export const ANALYSIS_COST = 10_000;
export const DECLARATION_LIST_ROWS = 5;
const OBJECT_COST = 2;
const SCALAR_COST = 1;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  unpagedRows: number;
  /** Fixed costs met so far: relation filters in the arguments (RELATION_FILTER_COST), fields' own (fixedCostOf). */
  fixed: number;
}

/** The relation filters (`some`, `every`, `none` of an `XRelationFilter`) in an argument's value. */
function relationFilters(type: GraphQLInputType, value: unknown): number {
  if (value === null || value === undefined) return 0;
  const inner = getNullableType(type);
  if (isListType(inner)) return Array.isArray(value) ? value.reduce((sum: number, item) => sum + relationFilters(inner.ofType, item), 0) : relationFilters(inner.ofType, value);
  if (!isInputObjectType(inner) || typeof value !== "object") return 0;
  const fields = inner.getFields();
  let count = 0;
  for (const [key, nested] of Object.entries(value as Record<string, unknown>)) {
    if (!fields[key]) continue;
    if (inner.name.endsWith("RelationFilter") && nested !== null && nested !== undefined) count++;
    count += relationFilters(fields[key].type, nested);
  }
  return count;
}

/** The page size a paged field serves: its `first` or `last`, or the default; capped as the list resolvers cap it. */
function pageRows(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  let given: unknown;
  let found = false;
  for (const argument of node.arguments ?? []) {
    if (argument.name.value !== "first" && argument.name.value !== "last") continue;
    const value = argument.value;
    if (value.kind === Kind.NULL) continue;
    found = true;
    given = value.kind === Kind.INT ? Number(value.value) : value.kind === Kind.VARIABLE ? variables[value.name.value] : undefined;
    if (given !== null && given !== undefined) break;
  }
  if (!found || given === null || given === undefined) {
    const defaults = field.args.filter((arg) => arg.name === "first" || arg.name === "last").map((arg) => arg.defaultValue);
    const declared = defaults.find((value): value is number => typeof value === "number");
    // A variable that is null or left out serves the default page.
    return Math.min(declared ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  }
  // Anything but a whole number in range is refused when the list runs; count the largest page meanwhile.
  return typeof given === "number" && Number.isInteger(given) && given >= 0 ? Math.min(given, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
}

/** A database record: an object type implementing `Node`, or an abstract type (Node itself) that may be one. */
const isRecord = (type: GraphQLNamedType) => (isObjectType(type) ? type.getInterfaces().some((i) => i.name === "Node") : isAbstractType(type));

const isPaged = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => arg.name === "first" || arg.name === "last");

/**
 * Cost of a selection set on `type`. `page` is the page size of the connection whose selection this is
 * (its `nodes` and `edges` serve that many rows), or undefined outside a connection.
 */
function selectionCost(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLNamedType, page: number | undefined, seen: Set<string>): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(walk, selection, type, page, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) ?? type : type;
      cost += selectionCost(walk, selection.selectionSet, on, page, seen);
    } else {
      const fragment = walk.fragments[selection.name.value];
      // A fragment spread inside itself does not validate; `seen` only keeps this walk finite if it runs first.
      if (!fragment || seen.has(fragment.name.value)) continue;
      const on = walk.schema.getType(fragment.typeCondition.name.value) ?? type;
      cost += selectionCost(walk, fragment.selectionSet, on, page, new Set(seen).add(fragment.name.value));
    }
  }
  return cost;
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLNamedType, page: number | undefined, seen: Set<string>): number {
  const name = node.name.value;
  if (name === "__schema" || name === "__type") return 0;
  if (name === "__typename") return SCALAR_COST;
  // On a union, the field is read from whichever member declares it.
  let field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  if (!field && isAbstractType(parent)) field = walk.schema.getPossibleTypes(parent).map((member) => member.getFields()[name]).find(Boolean);
  if (!field) return SCALAR_COST;
  walk.fixed += fixedCostOf(field);
  for (const argument of node.arguments ?? []) {
    const declared = field.args.find((arg) => arg.name === argument.name.value);
    if (declared) walk.fixed += RELATION_FILTER_COST * relationFilters(declared.type, valueFromASTUntyped(argument.value, walk.variables));
  }
  const named = getNamedType(field.type);
  if (isLeafType(named) || !node.selectionSet) return SCALAR_COST;
  const innerPage = isPaged(field) ? pageRows(field, node, walk.variables) : undefined;
  const perRow = OBJECT_COST + selectionCost(walk, node.selectionSet, named, innerPage, seen);
  if (!isListType(getNullableType(field.type))) return perRow;
  const rows = page !== undefined && (name === "nodes" || name === "edges") ? page : isRecord(named) ? walk.unpagedRows : DECLARATION_LIST_ROWS;
  return rows * perRow;
}

/** The cost of one operation with its variables (see the top of this file). */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  unpagedRows = UNPAGED_LIST_ROWS,
): number {
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  // A variable the request leaves out takes the operation's default, so a default is costed like a value sent.
  const defaults = Object.fromEntries(
    (operation.variableDefinitions ?? []).filter((d) => d.defaultValue).map((d) => [d.variable.name.value, valueFromASTUntyped(d.defaultValue!)]),
  );
  const walk: Walk = { schema, fragments, variables: { ...defaults, ...variables }, unpagedRows, fixed: 0 };
  const selection = selectionCost(walk, operation.selectionSet, root, undefined, new Set());
  return selection + walk.fixed;
}
