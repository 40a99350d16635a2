import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { loadDemoTrial } from "../../src/demo/load-demo-trial";
import { createTestApp, snapshotDatabase } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const OVERVIEW = `{
  study { code registryId patientCount cohorts { code diseaseId patientCount disease { shortName } regimen { inductionDays maintenanceIntervalDays } plannedVisits { code studyDay isBaseline } } sites { code } }
}`;

const PATIENT_VISITS = `query($id: ID!) {
  patient(id: $id) {
    subjectCode status dosesGiven
    cohort { diseaseId disease { primaryInstrument } }
    visits(first: 20) {
      nodes {
        studyDay outOfWindow plannedVisit { code }
        immuneMeasurements(first: 50) { nodes { value parameter { code unit } changeFromBaseline { foldChange } } }
        assessments(first: 50) { nodes { instrumentCode score display category { code } calculatorVersion } }
      }
    }
  }
}`;

describe.each(testDatabases)("demo trial on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
  });
  afterAll(() => t.close());

  it("has one cohort of 3–6 patients per registered disease across 5 sites", async () => {
    const { study } = await t.data(OVERVIEW);
    expect(study).toMatchObject({ code: "TRANSREG", registryId: "NCT01988506" });
    expect(study.sites).toHaveLength(5);
    expect(study.cohorts.map((c: any) => c.diseaseId).sort()).toEqual(plugins.map((p) => p.id).sort());
    for (const cohort of study.cohorts) {
      expect(cohort.patientCount).toBeGreaterThanOrEqual(3);
      expect(cohort.patientCount).toBeLessThanOrEqual(6);
      expect(cohort.plannedVisits.map((v: any) => v.code)).toEqual(["BASELINE", "D8", "D15", "D29", "D85", "D183", "D240"]);
      // the regimen belongs to the cohort: a plugin may declare its arm's maintenance interval (weekly for SLE)
      const plugin = plugins.find((p) => p.id === cohort.diseaseId)!;
      expect(cohort.regimen).toEqual({ inductionDays: 5, maintenanceIntervalDays: plugin.demo.maintenanceIntervalDays ?? 14 });
    }
    expect(study.patientCount).toBe(study.cohorts.reduce((sum: number, c: any) => sum + c.patientCount, 0));
  });

  it("shows Tregs expanding 1.5–2.5-fold at D8 while effectors stay flat, and scores from every plugin", async () => {
    const { patients } = await t.data(`{ patients(first: 100) { nodes { id cohort { diseaseId } } } }`);
    const seenInstruments = new Set<string>();
    for (const { id } of patients.nodes) {
      const { patient } = await t.data(PATIENT_VISITS, { id });
      const at = (code: string) => patient.visits.nodes.find((v: any) => v.plannedVisit.code === code);
      const value = (visitCode: string, parameter: string) => at(visitCode)?.immuneMeasurements.nodes.find((m: any) => m.parameter.code === parameter);
      const d8 = value("D8", "TREG_PCT_CD4");
      expect(d8.parameter.unit).toBe("%");
      // ±5% measurement noise around the simulated 1.5–2.5-fold expansion
      expect(d8.changeFromBaseline.foldChange).toBeGreaterThan(1.3);
      expect(d8.changeFromBaseline.foldChange).toBeLessThan(2.9);
      expect(value("D8", "TEFF_ACTIVATED_PCT").changeFromBaseline.foldChange).toBeLessThan(1.2);
      const baseline = at("BASELINE");
      expect(baseline.studyDay).toBe(1);
      const primary = baseline.assessments.nodes.find((a: any) => a.instrumentCode === patient.cohort.disease.primaryInstrument);
      expect(primary.score).toEqual(expect.any(Number));
      expect(primary.category).not.toBeNull();
      for (const visit of patient.visits.nodes) for (const a of visit.assessments.nodes) seenInstruments.add(a.instrumentCode);
      expect(patient.dosesGiven).toBeGreaterThanOrEqual(5);
    }
    for (const plugin of plugins) expect(seenInstruments).toContain(plugin.primaryInstrument);
    expect(seenInstruments).toContain("CGI_S");
    expect(seenInstruments).toContain("EQ5D_5L");
  });

  it("records the reference trial's adverse events: injection-site reactions, flu-like symptoms, one severe urticaria", async () => {
    const { patients } = await t.data(`{ patients(first: 100) { nodes { status statusReason adverseEvents { nodes { term grade relatedness } } } } }`);
    const events = patients.nodes.flatMap((p: any) => p.adverseEvents.nodes);
    expect(events.some((e: any) => e.term === "Injection site reaction")).toBe(true);
    expect(events.filter((e: any) => e.grade >= 3)).toEqual([{ term: "Urticaria, generalised", grade: 3, relatedness: "PROBABLE" }]);
    expect(patients.nodes.filter((p: any) => p.status === "WITHDRAWN")).toHaveLength(1);
  });

  it("is deterministic: the same seed generates the same trial", async () => {
    const other = await createTestApp(kind);
    try {
      await loadDemoTrial(other.dataSource, other.app.registry);
      // Times differ between two loads, and with them the audit records' hashes; everything else is the same.
      const volatile = ["createdAt", "occurredAt", "previousHash", "hash"];
      expect(await snapshotDatabase(other.dataSource, volatile)).toBe(await snapshotDatabase(t.dataSource, volatile));
    } finally {
      await other.close();
    }
  });
});
