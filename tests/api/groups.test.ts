import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

describe.each(testDatabases)("group-by queries on %s", (kind) => {
  let t: TestApp;
  let patients: any[];

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    // Every patient, a page at a time: all of them at once would be above the query cost limit.
    patients = [];
    let after: string | null = null;
    do {
      const data: any = await t.data(
        `query($after: String) { patients(first: 25, after: $after) { pageInfo { hasNextPage endCursor } nodes { status sex ageAtInclusion cohort { code diseaseId } site { code }
        visits(first: 10) { pageInfo { hasNextPage } nodes { plannedVisit { code studyDay } immuneMeasurements(first: 5, where: { parameter: { eq: "TREG_PCT_CD4" } }) { nodes { value } }
          assessments(first: 20) { pageInfo { hasNextPage } nodes { instrumentCode category { code } } } } }
        adverseEvents { nodes { grade } } } } }`,
        { after },
      );
      // the pages of a patient's lists hold all of them
      for (const p of data.patients.nodes) expect([p.visits.pageInfo.hasNextPage, ...p.visits.nodes.map((v: any) => v.assessments.pageInfo.hasNextPage)].every((more) => !more)).toBe(true);
      patients.push(...data.patients.nodes);
      after = data.patients.pageInfo.hasNextPage ? data.patients.pageInfo.endCursor : null;
    } while (after);
  });
  afterAll(() => t.close());

  it("counts patients per disease and status, with age statistics", async () => {
    const { patientGroups } = await t.data(`{ patientGroups(by: [DISEASE, STATUS]) { key { disease status cohort } count ageAtInclusion { min max mean } } }`);
    const expected = countBy(patients, (p) => `${p.cohort.diseaseId}/${p.status}`);
    expect(Object.fromEntries(patientGroups.map((g: any) => [`${g.key.disease}/${g.key.status}`, g.count]))).toEqual(expected);
    expect(patientGroups.every((g: any) => g.key.cohort === null)).toBe(true);
    const first = patientGroups[0];
    const ages = patients.filter((p) => p.cohort.diseaseId === first.key.disease && p.status === first.key.status).map((p) => p.ageAtInclusion);
    expect(first.ageAtInclusion).toEqual({ min: Math.min(...ages), max: Math.max(...ages), mean: expect.closeTo(ages.reduce((a, b) => a + b, 0) / ages.length, 6) });
  });

  it("gives the mean Treg % of CD4 per disease at each visit, visits in study-day order", async () => {
    const { immuneMeasurementGroups: groups } = await t.data(`{ immuneMeasurementGroups(by: [DISEASE, VISIT], where: { parameter: { eq: "TREG_PCT_CD4" } }) { key { disease visit } count value { mean } } }`);
    const disease = patients[0].cohort.diseaseId;
    const ofDisease = groups.filter((g: any) => g.key.disease === disease);
    expect(ofDisease.map((g: any) => g.key.visit)).toEqual(["BASELINE", "D8", "D15", "D29", "D85", "D183", "D240"]);
    const d8 = patients
      .filter((p) => p.cohort.diseaseId === disease)
      .flatMap((p) => p.visits.nodes.filter((v: any) => v.plannedVisit.code === "D8").flatMap((v: any) => v.immuneMeasurements.nodes.map((m: any) => m.value)));
    const group = ofDisease.find((g: any) => g.key.visit === "D8");
    expect(group.count).toBe(d8.length);
    expect(group.value.mean).toBeCloseTo(d8.reduce((a: number, b: number) => a + b, 0) / d8.length, 6);
  });

  it("counts assessments per instrument and category, and honours the filter", async () => {
    const { assessmentGroups } = await t.data(`{ assessmentGroups(by: [INSTRUMENT, CATEGORY], where: { visit: { plannedVisit: { code: { eq: "BASELINE" } } } }) { key { instrument category } count } }`);
    const baseline = patients.flatMap((p) => p.visits.nodes.filter((v: any) => v.plannedVisit.code === "BASELINE").flatMap((v: any) => v.assessments.nodes));
    expect(Object.fromEntries(assessmentGroups.map((g: any) => [`${g.key.instrument}/${g.key.category}`, g.count]))).toEqual(
      countBy(baseline, (a: any) => `${a.instrumentCode}/${a.category?.code ?? null}`),
    );
  });

  it("counts adverse events per grade", async () => {
    const { adverseEventGroups } = await t.data(`{ adverseEventGroups(by: [GRADE]) { key { grade } count } }`);
    const grades = patients.flatMap((p) => p.adverseEvents.nodes.map((e: any) => String(e.grade)));
    expect(Object.fromEntries(adverseEventGroups.map((g: any) => [g.key.grade, g.count]))).toEqual(countBy(grades, (g) => g));
  });

  it("requires at least one dimension", async () => {
    const result = await t.execute(`{ patientGroups(by: []) { count } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "by" });
  });
});
