import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, snapshotDatabase } from "../support/test-app";
import type { DemoCohort } from "../support/demo-cohort";
import { demoCohort } from "../support/demo-cohort";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const COMPUTE = `query($instrument: String!, $inputs: JSONObject!) { computeScore(instrument: $instrument, inputs: $inputs) { value category { code } } }`;
const EVALUATE = `query($criterion: String!, $instrument: String!, $baseline: TimePointInput!, $followUp: TimePointInput!) {
  evaluateResponse(criterion: $criterion, instrument: $instrument, baseline: $baseline, followUp: $followUp) { status change percentChange reason }
}`;
const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id score category { code } } }`;
const RESPONSE = `query($id: ID!, $criterion: String!, $instrument: String) { patient(id: $id) { response(criterion: $criterion, visit: "D85", instrument: $instrument) { status instrument baselineScore followUpScore reason } } }`;

const mayo = (stoolFrequency: number, rectalBleeding: number, endoscopy: number, physicianGlobal: number) => ({ stoolFrequency, rectalBleeding, endoscopy, physicianGlobal });

describe.each(testDatabases)("ulcerative colitis through GraphQL on %s", (kind) => {
  let t: TestApp;
  let cohort: DemoCohort["cohort"];
  let siteId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    ({ siteId, cohort } = await demoCohort(t, "ulcerative-colitis"));
  });
  afterAll(() => t.close());

  it("computes the three totals from the same subscores", async () => {
    const total = await t.data(COMPUTE, { instrument: "MAYO", inputs: mayo(2, 2, 2, 2) });
    expect(total.computeScore).toEqual({ value: 8, category: { code: "moderate" } });
    const partial = await t.data(COMPUTE, { instrument: "PARTIAL_MAYO", inputs: { stoolFrequency: 2, rectalBleeding: 2, physicianGlobal: 2 } });
    expect(partial.computeScore).toEqual({ value: 6, category: null });
    const modified = await t.data(COMPUTE, { instrument: "MODIFIED_MAYO", inputs: { stoolFrequency: 2, rectalBleeding: 2, endoscopy: 2, friability: true } });
    expect(modified.computeScore.value).toBe(6);
  });

  it("refuses friability read as endoscopy 1 in the modified Mayo, naming the field", async () => {
    const result = await t.execute(COMPUTE, { instrument: "MODIFIED_MAYO", inputs: { stoolFrequency: 1, rectalBleeding: 0, endoscopy: 1, friability: true } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(result.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["inputs.endoscopy"]);
  });

  it("answers NOT_EVALUABLE for clinical response from a zero baseline, and refuses score-only time points", async () => {
    const zero = await t.data(EVALUATE, { criterion: "MAYO_CLINICAL_RESPONSE", instrument: "MAYO", baseline: { inputs: mayo(0, 0, 0, 0) }, followUp: { inputs: mayo(0, 0, 0, 0) } });
    expect(zero.evaluateResponse).toMatchObject({ status: "NOT_EVALUABLE", percentChange: null });
    const scoreOnly = await t.execute(EVALUATE, { criterion: "MAYO_CLINICAL_RESPONSE", instrument: "MAYO", baseline: { value: 9 }, followUp: { value: 3 } });
    expect(scoreOnly.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "baseline.inputs" });
  });

  it("stores Mayo assessments and evaluates every criterion from them; a refused form writes nothing", async () => {
    const { createPatient } = await t.data(CREATE_PATIENT, {
      input: { cohortId: cohort.id, siteId, subjectCode: "UC-NEW-001", sex: "MALE", yearOfBirth: 1980, ageAtInclusion: 44, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" },
    });
    const patientId = createPatient.id;
    const plan = (code: string) => cohort.plannedVisits.find((v) => v.code === code)!.id;
    const baseline = (await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: plan("BASELINE"), visitDate: "2024-03-04" } })).recordVisit.id;
    const d85 = (await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: plan("D85"), visitDate: "2024-05-27" } })).recordVisit.id;

    const before = await snapshotDatabase(t.dataSource);
    const refused = await t.execute(RECORD_ASSESSMENT, { input: { visitId: baseline, instrument: "MAYO", inputs: mayo(4, 2, 2, 2) } });
    expect(refused.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["inputs.stoolFrequency"]);
    expect(await snapshotDatabase(t.dataSource)).toBe(before);

    // Baseline 3+2+3+2 = 10 (moderate); D85 1+0+1+0 = 2 (−8, −80%, rectal bleeding 0): response, remission, improvement, not healing.
    const stored = await t.data(RECORD_ASSESSMENT, { input: { visitId: baseline, instrument: "MAYO", inputs: mayo(3, 2, 3, 2) } });
    expect(stored.recordAssessment).toMatchObject({ score: 10, category: { code: "moderate" } });
    await t.data(RECORD_ASSESSMENT, { input: { visitId: d85, instrument: "MAYO", inputs: mayo(1, 0, 1, 0) } });
    // Modified reading of the same mucosa: friability at D85 makes the subscore 2.
    await t.data(RECORD_ASSESSMENT, { input: { visitId: baseline, instrument: "MODIFIED_MAYO", inputs: { stoolFrequency: 3, rectalBleeding: 2, endoscopy: 3, friability: true } } });
    await t.data(RECORD_ASSESSMENT, { input: { visitId: d85, instrument: "MODIFIED_MAYO", inputs: { stoolFrequency: 1, rectalBleeding: 0, endoscopy: 2, friability: true } } });

    const response = async (criterion: string, instrument?: string) => (await t.data(RESPONSE, { id: patientId, criterion, instrument: instrument ?? null })).patient.response;
    expect(await response("MAYO_CLINICAL_RESPONSE")).toMatchObject({ status: "RESPONDER", instrument: "MAYO", baselineScore: 10, followUpScore: 2 });
    expect(await response("MAYO_CLINICAL_REMISSION")).toMatchObject({ status: "RESPONDER" });
    expect(await response("ENDOSCOPIC_IMPROVEMENT", "MAYO")).toMatchObject({ status: "RESPONDER", instrument: "MAYO" });
    expect(await response("ENDOSCOPIC_IMPROVEMENT", "MODIFIED_MAYO")).toMatchObject({ status: "NON_RESPONDER", instrument: "MODIFIED_MAYO" });
    expect(await response("MUCOSAL_HEALING", "MAYO")).toMatchObject({ status: "NON_RESPONDER" });
    expect(await response("MODIFIED_MAYO_REMISSION")).toMatchObject({ status: "NON_RESPONDER", reason: expect.stringContaining("endoscopy 2") });
  });
});
