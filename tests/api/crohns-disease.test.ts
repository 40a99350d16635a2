import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUIET_CDAI } from "../../plugins/crohns-disease/cdai";
import { QUIET_HBI } from "../../plugins/crohns-disease/hbi";
import { createTestApp, snapshotDatabase } from "../support/test-app";
import type { DemoCohort } from "../support/demo-cohort";
import { demoCohort } from "../support/demo-cohort";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const COMPUTE = `query($instrument: String!, $inputs: JSONObject!) { computeScore(instrument: $instrument, inputs: $inputs) { value display category { code } components { name value } } }`;
const EVALUATE = `query($criterion: String!, $instrument: String!, $baseline: TimePointInput!, $followUp: TimePointInput!) {
  evaluateResponse(criterion: $criterion, instrument: $instrument, baseline: $baseline, followUp: $followUp) { status change percentChange reason }
}`;
const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id score display category { code } inputs } }`;
const RESPONSE = `query($id: ID!, $criterion: String!) { patient(id: $id) { response(criterion: $criterion, visit: "D85") { status instrument baselineScore followUpScore change reason } } }`;

// Moderately active at baseline (hand-computed 374, see the CDAI_CROHNS examples), in remission at D85 (the readycalculator.com example, 117).
const CDAI_BASELINE = {
  ...QUIET_CDAI, liquidStools7Days: 35, abdominalPain7Days: 14, wellBeing7Days: 14, arthritisArthralgia: true, analFissureFistulaAbscess: true,
  antidiarrhoeal: true, abdominalMass: 2, sex: "FEMALE", haematocritPercent: 36, weightKg: 54, standardWeightKg: 60,
};
const CDAI_D85 = { ...QUIET_CDAI, liquidStools7Days: 4, abdominalPain7Days: 1, wellBeing7Days: 1, arthritisArthralgia: true, antidiarrhoeal: true, haematocritPercent: 40, weightKg: 66.5, standardWeightKg: 70 };

describe.each(testDatabases)("Crohn's disease through GraphQL on %s", (kind) => {
  let t: TestApp;
  let cohort: DemoCohort["cohort"];
  let siteId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    ({ siteId, cohort } = await demoCohort(t, "crohns-disease"));
  });
  afterAll(() => t.close());

  it("computes the CDAI with the sex-specific haematocrit reference: 42 % gives 30 points in a male, 0 in a female", async () => {
    const male = await t.data(COMPUTE, { instrument: "CDAI_CROHNS", inputs: { ...QUIET_CDAI, sex: "MALE", haematocritPercent: 42 } });
    const female = await t.data(COMPUTE, { instrument: "CDAI_CROHNS", inputs: { ...QUIET_CDAI, sex: "FEMALE", haematocritPercent: 42 } });
    expect(male.computeScore).toMatchObject({ value: 30, category: { code: "remission" } });
    expect(female.computeScore.value).toBe(0);
    const moderate = await t.data(COMPUTE, { instrument: "CDAI_CROHNS", inputs: CDAI_BASELINE });
    expect(moderate.computeScore).toMatchObject({ display: "374.00", category: { code: "moderate" } });
  });

  it("refuses a haematocrit fraction and kg/lb-mixed weights with BAD_USER_INPUT naming the field and the unit", async () => {
    const fraction = await t.execute(COMPUTE, { instrument: "CDAI_CROHNS", inputs: { ...QUIET_CDAI, haematocritPercent: 0.42 } });
    expect(fraction.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(fraction.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["inputs.haematocritPercent"]);
    expect(fraction.errors?.[0].message).toContain("%");
    const mixed = await t.execute(COMPUTE, { instrument: "CDAI_CROHNS", inputs: { ...QUIET_CDAI, weightKg: 150, standardWeightKg: 65 } });
    expect(mixed.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["inputs.weightKg"]);
    expect(mixed.errors?.[0].message).toContain("kg");
  });

  it("computes the HBI and its band", async () => {
    const { computeScore } = await t.data(COMPUTE, { instrument: "HBI", inputs: { ...QUIET_HBI, generalWellBeing: 1, abdominalPain: 1, liquidStools: 3 } });
    expect(computeScore).toMatchObject({ value: 5, category: { code: "mild" } });
  });

  it("evaluates CDAI-70 from raw inputs and HBI response from scores", async () => {
    const cdai70 = await t.data(EVALUATE, { criterion: "CDAI_70", instrument: "CDAI_CROHNS", baseline: { inputs: CDAI_BASELINE }, followUp: { inputs: CDAI_D85 } });
    expect(cdai70.evaluateResponse).toMatchObject({ status: "RESPONDER", change: expect.closeTo(-257, 9) });
    const hbi = await t.data(EVALUATE, { criterion: "HBI_RESPONSE", instrument: "HBI", baseline: { value: 0 }, followUp: { value: 0 } });
    expect(hbi.evaluateResponse).toMatchObject({ status: "NON_RESPONDER", percentChange: null });
  });

  it("stores CDAI and HBI assessments and evaluates every criterion from them; a refused form writes nothing", async () => {
    const { createPatient } = await t.data(CREATE_PATIENT, {
      input: { cohortId: cohort.id, siteId, subjectCode: "CD-NEW-001", sex: "FEMALE", yearOfBirth: 1985, ageAtInclusion: 39, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" },
    });
    const patientId = createPatient.id;
    const plan = (code: string) => cohort.plannedVisits.find((v) => v.code === code)!.id;
    const baseline = await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: plan("BASELINE"), visitDate: "2024-03-04" } });
    const d85 = await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: plan("D85"), visitDate: "2024-05-27" } });

    const before = await snapshotDatabase(t.dataSource);
    const refused = await t.execute(RECORD_ASSESSMENT, { input: { visitId: baseline.recordVisit.id, instrument: "CDAI_CROHNS", inputs: { ...CDAI_BASELINE, abdominalMass: 1 } } });
    expect(refused.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["inputs.abdominalMass"]);
    expect(await snapshotDatabase(t.dataSource)).toBe(before);

    const stored = await t.data(RECORD_ASSESSMENT, { input: { visitId: baseline.recordVisit.id, instrument: "CDAI_CROHNS", inputs: CDAI_BASELINE } });
    expect(stored.recordAssessment).toMatchObject({ display: "374.00", category: { code: "moderate" } });
    await t.data(RECORD_ASSESSMENT, { input: { visitId: d85.recordVisit.id, instrument: "CDAI_CROHNS", inputs: CDAI_D85 } });
    await t.data(RECORD_ASSESSMENT, { input: { visitId: baseline.recordVisit.id, instrument: "HBI", inputs: { ...QUIET_HBI, generalWellBeing: 2, abdominalPain: 2, liquidStools: 5 } } });
    await t.data(RECORD_ASSESSMENT, { input: { visitId: d85.recordVisit.id, instrument: "HBI", inputs: { ...QUIET_HBI, generalWellBeing: 1, abdominalPain: 1, liquidStools: 3 } } });

    const response = async (criterion: string) => (await t.data(RESPONSE, { id: patientId, criterion })).patient.response;
    expect(await response("CDAI_70")).toMatchObject({ status: "RESPONDER", instrument: "CDAI_CROHNS", baselineScore: 374, followUpScore: expect.closeTo(117, 9) });
    expect(await response("CDAI_100")).toMatchObject({ status: "RESPONDER" });
    expect(await response("CDAI_REMISSION")).toMatchObject({ status: "RESPONDER" });
    // HBI 9 → 5: a fall of 4 responds, but 5 is mild, not remission.
    expect(await response("HBI_RESPONSE")).toMatchObject({ status: "RESPONDER", instrument: "HBI", baselineScore: 9, followUpScore: 5 });
    expect(await response("HBI_REMISSION")).toMatchObject({ status: "NON_RESPONDER" });
  });
});
