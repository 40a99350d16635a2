import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const query = (name: string) => readFileSync(join(__dirname, "..", "..", "docs", "queries", `${name}.graphql`), "utf8");

describe.each(testDatabases)("the README's example views on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
  });
  afterAll(() => t.close());

  it("patient timeline: visits in date order with doses, immune values, labs, scores and adverse events", async () => {
    const { patients } = await t.data(`{ patients(first: 1) { nodes { id } } }`);
    const { patient } = await t.data(query("patient-timeline"), { id: patients.nodes[0].id });
    const visits = patient.visits.nodes;
    expect(visits.map((v: any) => v.visitDate)).toEqual([...visits.map((v: any) => v.visitDate)].sort());
    expect(visits[0].plannedVisit.code).toBe("BASELINE");
    expect(visits[0].doses.nodes[0]).toMatchObject({ dose: 1, doseUnit: "MIU", given: true });
    const d8 = visits.find((v: any) => v.plannedVisit.code === "D8");
    expect(d8.immuneMeasurements.nodes.find((m: any) => m.parameter.code === "TREG_PCT_CD4").changeFromBaseline.foldChange).toBeGreaterThan(1.3);
    expect(visits[0].labResults.nodes.map((l: any) => l.testCode)).toContain("CRP");
    expect(visits[0].assessments.nodes.some((a: any) => a.category?.code)).toBe(true);
  });

  it("cohort overview: patients per cohort with status and current activity, and status counts", async () => {
    const { study, patientGroups } = await t.data(query("cohort-overview"));
    for (const cohort of study.cohorts) {
      expect(cohort.patients.totalCount).toBe(cohort.patients.nodes.length);
      for (const patient of cohort.patients.nodes) {
        expect(patient.latestActivity.instrumentCode).toBe(cohort.disease.primaryInstrument);
        // disease scores are taken at baseline, D85, D183 and D240; the withdrawn patient left after D29
        expect(patient.latestActivity.visit.plannedVisit.code).toBe(patient.status === "WITHDRAWN" ? "BASELINE" : "D240");
      }
      const counted = patientGroups.filter((g: any) => g.key.cohort === cohort.code).reduce((n: number, g: any) => n + g.count, 0);
      expect(counted).toBe(cohort.patients.totalCount);
    }
  });
});
