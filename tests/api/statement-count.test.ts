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

  it("corrects a lab result without reading again what the write guard read", async () => {
    const coordinator = await t.accessOf("demo-coordinator-01");
    const { labResults } = await t.data(
      `{ labResults(first: 1, where: { visit: { state: { in: [IN_PROGRESS, COMPLETE] } } }) { nodes { id version value testCode visit { id } } } }`,
      undefined,
      coordinator,
    );
    const lab = labResults.nodes[0];
    const logger = t.dataSource.logger as SqlLogger;
    const before = logger.statements;
    const { correctLabResult } = await t.data(
      `mutation($id: ID!, $v: Int!, $input: RecordLabResultInput!) { correctLabResult(id: $id, expectedVersion: $v, reason: "transcription error", input: $input) { version value } }`,
      { id: lab.id, v: lab.version, input: { visitId: lab.visit.id, testCode: lab.testCode, value: (lab.value ?? 0) + 1 } },
      coordinator,
    );
    expect(correctLabResult).toEqual({ version: lab.version + 1, value: (lab.value ?? 0) + 1 });
    // BEGIN; the record and its visit, each in the caller's scope; the patient (with the study on SQLite;
    // PostgreSQL reads the study with a share lock of its own); the uniqueness check; the UPDATE; the
    // audit chain's head (after its advisory lock on PostgreSQL), its INSERT and read-back; the visit's
    // next version; COMMIT. The visit, patient and record are not read again (14 statements on SQLite before).
    expect(logger.statements - before).toBe(kind === "sqlite" ? 11 : 13);
  });
});
