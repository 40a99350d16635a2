import { ApolloArmor } from "@escape.tech/graphql-armor";

/**
 * Query limits sized to this schema. The deepest view the service documents — a patient timeline,
 * patients → visits → nodes → immuneMeasurements → nodes → changeFromBaseline → foldChange — is 8
 * levels; 12 leaves room for fragments and connections' edges. graphql-armor's cost counts objects 2
 * and scalars 1 and multiplies a list's cost by its literal `first`/`last`, so cost tracks the rows a
 * query can return; its extra depth factor (default 1.5, compounding per level) is set to 1 because
 * the page sizes already carry that weight. The README's timeline (20 visits × 50 values) costs about
 * 29,000 and the cohort overview about 2,800.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxCost: 50_000,
  depthCostFactor: 1,
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
    costLimit: { maxCost: QUERY_LIMITS.maxCost, depthCostFactor: QUERY_LIMITS.depthCostFactor, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // graphql-armor's token plugin re-parses the document in a hook that throws (a 500 for a plain syntax
    // error); graphql-js enforces the same limit while Apollo parses (`parseOptions.maxTokens` in app.ts).
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Field suggestions help developers; they are only a leak where introspection is off.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
