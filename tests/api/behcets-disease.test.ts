import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

/** The Behçet's disease plugin through GraphQL: scores, the trial-defined ulcer response and stored assessments. */
const COMPUTE = `query Compute($instrument: String!, $inputs: JSONObject!) {
  computeScore(instrument: $instrument, inputs: $inputs) { value components { name value } instrument { code description } }
}`;
const EVALUATE = `query Evaluate($criterion: String!, $instrument: String!, $baseline: TimePointInput!, $followUp: TimePointInput!, $parameters: JSONObject) {
  evaluateResponse(criterion: $criterion, instrument: $instrument, baseline: $baseline, followUp: $followUp, parameters: $parameters) {
    status category { code } change percentChange reason
  }
}`;
const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id score instrumentCode } }`;

const ITEMS = [
  "headache", "oralUlceration", "genitalUlceration", "erythema", "skinPustules", "arthralgia", "arthritis",
  "nauseaVomitingAbdominalPain", "bloodyDiarrhoea", "newEyeInvolvement", "newNervousSystemInvolvement", "newMajorVesselInvolvement",
];
const form = (present: string[]) => Object.fromEntries(ITEMS.map((name) => [name, present.includes(name)]));

describe.each(testDatabases)("Behçet's disease through GraphQL on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
  });
  afterAll(() => t.close());

  it("computes the raw index (1 per item present) and the PROVISIONAL transformed index", async () => {
    const four = form(["oralUlceration", "genitalUlceration", "skinPustules", "arthralgia"]);
    const raw = (await t.data(COMPUTE, { instrument: "BDCAF_INDEX", inputs: four })).computeScore;
    expect(raw.value).toBe(4);
    const transformed = (await t.data(COMPUTE, { instrument: "BDCAF_INDEX_TRANSFORMED", inputs: four })).computeScore;
    expect(transformed.value).toBe(8); // conversion table: raw 4 → 8
    expect(transformed.components).toContainEqual({ name: "rawIndex", value: 4 });
    expect(transformed.instrument.description).toMatch(/^PROVISIONAL:/);
  });

  it("refuses a non-boolean BDCAF item and a fractional ulcer count, naming the field", async () => {
    const item = await t.execute(COMPUTE, { instrument: "BDCAF_INDEX", inputs: { ...form([]), headache: 1 } });
    expect(item.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(item.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(["inputs.headache"]);
    const count = await t.execute(COMPUTE, { instrument: "ORAL_ULCER_COUNT", inputs: { oralUlcerCount: 2.5 } });
    expect(count.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(["inputs.oralUlcerCount"]);
  });

  it("scores eye involvement per eye", async () => {
    const eyes = (await t.data(COMPUTE, { instrument: "BEHCET_EYE_INVOLVEMENT", inputs: { rightEye: "posterior", leftEye: "none" } })).computeScore;
    expect(eyes.value).toBe(1);
    expect(eyes.components).toContainEqual({ name: "posteriorSegment", value: 1 });
  });

  it("evaluates the oral-ulcer response from counts: partial at 50%, NOT_EVALUABLE from a zero baseline, a stricter parameter", async () => {
    const evaluate = async (baseline: number, followUp: number, parameters?: Record<string, unknown>) =>
      (await t.data(EVALUATE, { criterion: "ORAL_ULCER_RESPONSE", instrument: "ORAL_ULCER_COUNT", baseline: { value: baseline }, followUp: { value: followUp }, parameters }))
        .evaluateResponse;
    expect(await evaluate(4, 2)).toMatchObject({ status: "RESPONDER", category: { code: "partial_response" }, percentChange: -50 });
    expect(await evaluate(4, 0)).toMatchObject({ status: "RESPONDER", category: { code: "complete_response" } });
    expect(await evaluate(0, 2)).toMatchObject({ status: "NOT_EVALUABLE", category: null, percentChange: null });
    expect(await evaluate(4, 2, { requiredFallPercent: 75 })).toMatchObject({ status: "NON_RESPONDER", category: { code: "no_response" } });
    const bad = await t.execute(EVALUATE, { criterion: "ORAL_ULCER_RESPONSE", instrument: "ORAL_ULCER_COUNT", baseline: { value: 4 }, followUp: { value: 2 }, parameters: { requiredFallPercent: 0 } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parameters.requiredFallPercent" });
  });

  it("evaluates the oral-ulcer response from stored assessments of a new patient", async () => {
    const { study } = await t.data(`{ study { sites { id } cohorts { id diseaseId plannedVisits { id code } } } }`);
    const cohort = study.cohorts.find((c: { diseaseId: string }) => c.diseaseId === "behcets-disease");
    const visit = (code: string) => cohort.plannedVisits.find((v: { code: string }) => v.code === code).id;
    const { createPatient } = await t.data(CREATE_PATIENT, {
      input: { cohortId: cohort.id, siteId: study.sites[0].id, subjectCode: "BD-NEW-001", sex: "MALE", yearOfBirth: 1985, ageAtInclusion: 39, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" },
    });
    const record = async (code: string, date: string, count: number) => {
      const { recordVisit } = await t.data(RECORD_VISIT, { input: { patientId: createPatient.id, plannedVisitId: visit(code), visitDate: date } });
      const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId: recordVisit.id, instrument: "ORAL_ULCER_COUNT", inputs: { oralUlcerCount: count } } });
      expect(recordAssessment.score).toBe(count);
    };
    await record("BASELINE", "2024-03-04", 5);
    await record("D85", "2024-05-27", 2);
    const { patient } = await t.data(
      `query($id: ID!) { patient(id: $id) { response(criterion: "ORAL_ULCER_RESPONSE", visit: "D85") { status category { code } instrument baselineScore followUpScore } } }`,
      { id: createPatient.id },
    );
    // 5 → 2 is a 60% fall: partial response under the default 50%.
    expect(patient.response).toMatchObject({ status: "RESPONDER", category: { code: "partial_response" }, instrument: "ORAL_ULCER_COUNT", baselineScore: 5, followUpScore: 2 });
  });
});
