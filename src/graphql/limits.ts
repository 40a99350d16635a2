import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { FragmentDefinitionNode } from "graphql";
import { Kind } from "graphql";
import { queryLimitExceeded } from "../errors";
import { RELATION_FILTER_COST, operationCost } from "./query-cost";

/**
 * Query limits sized to this schema. The deepest view the service documents — a patient timeline,
 * patients → visits → nodes → immuneMeasurements → nodes → changeFromBaseline → foldChange — is 8
 * levels; 12 leaves room for fragments and connections' edges. The cost (query-cost.ts) counts objects
 * 2 and scalars 1, multiplied at every level by the rows each list serves — the page size asked for,
 * or the default page (20) when none is — so it tracks the rows a query can return: the README's
 * patient timeline costs about 29,000 and the cohort overview about 30,000. While a query runs, the
 * execution budget (execution-budget.ts) bounds the rows it loads and its time.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxCost: 50_000,
  /** Rows one request may load, all lists together (BASKETQL_MAX_ROWS). */
  maxRows: 20_000,
  /** Time one request may run, in milliseconds (BASKETQL_QUERY_TIMEOUT_MS). */
  maxExecutionMs: 10_000,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 50,
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: 100_000,
  /**
   * A `where` filter arrives in variables, which the limits above do not see: its nesting (objects
   * within objects, relation filters included) and its size (fields and nested filters; value lists have their own limit) are capped here.
   */
  maxFilterDepth: 12,
  maxFilterSize: 500,
};

export function armor() {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    // graphql-armor's cost counts a list without a literal `first`/`last` once, whatever it serves:
    // the cost is counted by queryCostLimit below instead.
    costLimit: { enabled: false },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // graphql-armor's token plugin re-parses the document in a hook that throws (a 500 for a plain syntax
    // error); graphql-js enforces the same limit while Apollo parses (`parseOptions.maxTokens` in app.ts).
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Field suggestions help developers; they are only a leak where introspection is off.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/**
 * Refuses, before anything runs, an operation whose cost (query-cost.ts) is above `maxCost`. It runs
 * once the operation is known, with the request's variables, so `first: $size` counts the size sent.
 * HTTP 400 with QUERY_LIMIT_EXCEEDED, `limit: "cost"`, the limit and the cost found.
 */
export function queryCostLimit<TContext extends BaseContext>(options: { maxCost?: number; unpagedRows?: number } = {}): ApolloServerPlugin<TContext> {
  const maxCost = options.maxCost ?? QUERY_LIMITS.maxCost;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          const cost = operationCost(schema, operation, fragments, request.variables ?? {}, options.unpagedRows);
          if (cost > maxCost) {
            throw queryLimitExceeded(
              "cost",
              `Query cost ${cost} is above the limit of ${maxCost}: every list counts the rows it serves (its first/last, or the default page of 20), multiplied at every level, and every relation filter (some, every, none) counts ${RELATION_FILTER_COST}; ask for smaller pages, fewer nested lists or fewer relation filters`,
              { max: maxCost, found: cost },
            );
          }
        },
      };
    },
  };
}
