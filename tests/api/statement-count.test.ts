import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqlLogger } from "../../src/db/sql-logger";
import { setPassword } from "../../src/modules/access/accounts";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const NESTED_VIEW = `query View($first: Int!) {
  patients(first: $first, orderBy: [{ field: INCLUSION_DATE, direction: DESC }]) {
    totalCount
    nodes {
      subjectCode cohort { code disease { name } } site { code }
      visits(first: 10) {
        totalCount
        nodes {
          visitDate plannedVisit { code }
          immuneMeasurements(first: 30) { nodes { value parameter { code } changeFromBaseline { foldChange } } }
          assessments(first: 20) { nodes { instrumentCode score category { code } } }
          labResults(where: { testCode: { in: ["CRP", "ESR"] } }) { nodes { testCode value } }
        }
      }
      adverseEvents { nodes { term grade } }
    }
  }
}`;

describe.each(testDatabases)("statements per nested view on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
  });
  afterAll(() => t.close());

  async function statementsFor(first: number) {
    const logger = t.dataSource.logger as SqlLogger;
    const before = logger.statements;
    const { patients } = await t.data(NESTED_VIEW, { first });
    return { statements: logger.statements - before, patients: patients.nodes.length, visits: patients.nodes.reduce((n: number, p: any) => n + p.visits.nodes.length, 0) };
  }

  it("does not grow with the page size (DataLoader batching per relation)", async () => {
    const small = await statementsFor(2);
    // 9 patients × 10 visits × 70 values is within the query cost limit; 15 would not be
    const large = await statementsFor(9);
    expect(large.patients).toBeGreaterThan(small.patients * 3);
    expect(large.visits).toBeGreaterThan(small.visits * 3);
    expect(small.statements).toBeGreaterThan(5);
    expect(large.statements).toBe(small.statements);
    // one statement per list or relation level, not per row
    expect(large.statements).toBeLessThan(20);
  });

  it("checks the signatures of a list of visits in a fixed number of statements", async () => {
    const password = "correct horse battery staple";
    await t.dataSource.transaction((manager) => setPassword(manager, SYSTEM_ACTOR, "demo-investigator-01", password));
    const investigator = await t.accessOf("demo-investigator-01");
    const { visits } = await t.data(`{ visits(first: 8, where: { state: { eq: COMPLETE } }) { nodes { id version } } }`, undefined, investigator);
    expect(visits.nodes).toHaveLength(8);
    for (const v of visits.nodes) {
      await t.data(`mutation($input: SignVisitInput!) { signVisit(input: $input) { id } }`, { input: { visitId: v.id, expectedVersion: v.version, password, meaning: "APPROVAL" } }, investigator);
    }
    const signed = async (first: number) => {
      const logger = t.dataSource.logger as SqlLogger;
      const before = logger.statements;
      const { visits: page } = await t.data(`query($first: Int!) { visits(first: $first, where: { state: { eq: SIGNED } }) { nodes { signature { contentMatches } } } }`, { first }, investigator);
      return { statements: logger.statements - before, matches: page.nodes.map((n: any) => n.signature.contentMatches) };
    };
    const two = await signed(2);
    const eight = await signed(8);
    expect(two.matches).toEqual([true, true]);
    expect(eight.matches).toEqual(Array(8).fill(true));
    expect(eight.statements).toBe(two.statements);
  });
});
