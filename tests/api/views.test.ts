import { afterAll, beforeAll, describe, it } from "vitest";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";

describe("explore", () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp("sqlite", { demo: true }); });
  afterAll(() => t.close());
  it("dumps", async () => {
    const d = await t.data(`{ study { cohorts { id code diseaseId } sites { id code } } patients(first: 40) { totalCount nodes { id subjectCode sex status ageAtInclusion yearOfBirth inclusionDate treatmentStartDate diseaseDurationYears cohort { code } site { code }
      visits(first: 20) { totalCount } assessments(first: 50) { totalCount nodes { instrumentCode score category { code } visit { plannedVisit { code } } } } adverseEvents(first: 10) { nodes { grade term serious } } } } }`);
    console.log(JSON.stringify(d.study));
    for (const p of d.patients.nodes) console.log(JSON.stringify({ ...p, assessments: p.assessments.totalCount, cats: [...new Set(p.assessments.nodes.map((a: any) => `${a.instrumentCode}:${a.category?.code}:${a.score === null ? "null" : "n"}`))].join(" ") }));
    const im = await t.data(`{ immuneMeasurements(first: 1, where: { parameter: { eq: "TREG_PCT_CD4" } }) { totalCount } all: immuneMeasurements(first: 1) { totalCount } visits(first: 1) { totalCount } assessments(first:1) { totalCount } immuneParameters { code } }`).catch(e => String(e));
    console.log(JSON.stringify(im));
  });
});
