import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { Kind, parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { QUERY_LIMITS } from "./limits";
import { ANALYSIS_COST, DECLARATION_LIST_ROWS, operationCost, RELATION_FILTER_COST, UNPAGED_LIST_ROWS } from "./query-cost";
import { buildBasketSchema } from "./schema";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./views/page-args";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildBasketSchema(plugins);
});

function cost(query: string, variables: Record<string, unknown> = {}, unpagedRows = UNPAGED_LIST_ROWS): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return operationCost(schema, operation, fragments, variables, unpagedRows);
}

describe("query cost", () => {
  it("counts objects 2 and scalars 1", () => {
    expect(cost("{ study { code title } }")).toBe(2 + 1 + 1);
  });

  it("adds the fixed cost an analysis declares, once per analysis whatever it selects", () => {
    expect(cost("{ safetySummary { dataCut } }")).toBe(ANALYSIS_COST + 2 + 1);
    expect(cost("{ a: immuneResponse { visit } b: immuneProfileMap { visit } }")).toBe(2 * (ANALYSIS_COST + 2 + 1));
    // a catalogue query of the same module is not an analysis
    expect(cost("{ efficacyEndpoints { code } }")).toBeLessThan(ANALYSIS_COST);
  });

  it("adds a fixed cost for every relation filter (some, every, none), in literals and variables, not multiplied by parent rows", () => {
    const page = 2 + 1 * 3;
    expect(cost("{ patients(first: 1) { nodes { id } } }")).toBe(page);
    expect(cost('{ patients(first: 1, where: { visits: { some: { code: { eq: "D8" } } } }) { nodes { id } } }')).toBe(page + RELATION_FILTER_COST);
    // some + none of one relation filter, and a second one inside `and`: three subqueries
    const where = { and: [{ visits: { some: {}, none: {} } }, { adverseEvents: { every: { grade: { lt: 3 } } } }] };
    expect(cost("query($w: PatientWhere) { patients(first: 1, where: $w) { nodes { id } } }", { w: where })).toBe(page + 3 * RELATION_FILTER_COST);
    // a filter under a nested list runs once for all parents (the lists batch), so it counts once
    const nested = cost("query($w: PatientWhere) { study { sites { patients(first: 1, where: $w) { nodes { id } } } } }", { w: { visits: { some: {} } } });
    const nestedPlain = cost("{ study { sites { patients(first: 1) { nodes { id } } } } }");
    expect(nested - nestedPlain).toBe(RELATION_FILTER_COST);
    // a to-one filter (a record's patient) is not a relation filter
    expect(cost('{ immuneMeasurements(first: 1, where: { patient: { sex: { eq: FEMALE } } }) { nodes { id } } }')).toBe(page);
  });

  it("multiplies a connection's nodes and edges by the page asked for, literal or variable, and the default page without one", () => {
    // connection 2 + totalCount 1 + nodes: rows × (2 + 1)
    expect(cost("{ patients(first: 7) { totalCount nodes { id } } }")).toBe(2 + 1 + 7 * 3);
    expect(cost("query($n: Int) { patients(first: $n) { nodes { id } } }", { n: 7 })).toBe(2 + 7 * 3);
    expect(cost("{ patients(last: 3) { edges { cursor node { id } } } }")).toBe(2 + 3 * (2 + 1 + 3));
    expect(cost("{ patients { nodes { id } } }")).toBe(2 + DEFAULT_PAGE_SIZE * 3);
    expect(cost("query($n: Int) { patients(first: $n) { nodes { id } } }", {})).toBe(2 + DEFAULT_PAGE_SIZE * 3);
    // a variable left out takes the operation's default, not the list's
    expect(cost("query($n: Int = 100) { patients(first: $n) { nodes { id } } }", {})).toBe(2 + 100 * 3);
    expect(cost("query($n: Int = 100) { patients(first: $n) { nodes { id } } }", { n: 7 })).toBe(2 + 7 * 3);
    // a value the list would refuse counts as the largest page
    expect(cost("query($n: Int) { patients(first: $n) { nodes { id } } }", { n: "lots" })).toBe(2 + MAX_PAGE_SIZE * 3);
    expect(cost("{ patients(first: 100000) { nodes { id } } }")).toBe(2 + MAX_PAGE_SIZE * 3);
  });

  it("uses a page size's schema default (the audit trail's 100)", () => {
    expect(cost("{ auditTrail { nodes { action } } }")).toBe(2 + 100 * 3);
  });

  it("multiplies at every level, including lists nested under nodes", () => {
    expect(cost("{ patients { nodes { visits { nodes { id } } } } }")).toBe(2 + 20 * (2 + 2 + 20 * 3));
  });

  it("counts lists that take no page size as unpagedRows for database records and DECLARATION_LIST_ROWS for the rest, and fragments like the fields they hold", () => {
    expect(cost("{ study { cohorts { code } } }", {}, 15)).toBe(2 + 15 * 3);
    expect(cost("{ diseases { instruments { code } } }", {}, 15)).toBe(DECLARATION_LIST_ROWS * (2 + DECLARATION_LIST_ROWS * 3));
    expect(cost("{ study { ...S } } fragment S on Study { cohorts { ... on Cohort { code } } }", {}, 15)).toBe(2 + 15 * 3);
    expect(cost(`{ node(id: "x") { ... on Patient { visits(first: 4) { nodes { id } } } } }`)).toBe(2 + 2 + 4 * 3);
  });

  it("keeps the documented views within the limit", () => {
    for (const file of ["patient-timeline.graphql", "cohort-overview.graphql"]) {
      const found = cost(readFileSync(join(__dirname, "..", "..", "docs", "queries", file), "utf8"), {}, Math.max(UNPAGED_LIST_ROWS, plugins.length));
      expect(found).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
    }
  });
});
