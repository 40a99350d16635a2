import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bvasInputs } from "../../plugins/granulomatosis-with-polyangiitis/bvas-v3";
import { createTestApp, snapshotDatabase } from "../support/test-app";
import type { DemoCohort } from "../support/demo-cohort";
import { demoCohort } from "../support/demo-cohort";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

// BVAS v3 and the GPA criteria driven through GraphQL: computeScore, evaluateResponse, recordAssessment and the
// response evaluated from the stored assessments. Values are hand calculations from the BVAS v3 weights and caps.

const COMPUTE = `query($inputs: JSONObject!) { computeScore(instrument: "BVAS_V3", inputs: $inputs) { value display category { code } components { name value } } }`;
const EVALUATE = `query($criterion: String!, $baseline: TimePointInput!, $followUp: TimePointInput!, $parameters: JSONObject) {
  evaluateResponse(criterion: $criterion, instrument: "BVAS_V3", baseline: $baseline, followUp: $followUp, parameters: $parameters) { status percentChange reason }
}`;
const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id instrumentCode score display category { code } inputs components { name value } } }`;
const RESPONSE = `query($id: ID!, $criterion: String!, $parameters: JSONObject) {
  patient(id: $id) { response(criterion: $criterion, visit: "D85", parameters: $parameters) { status instrument baselineScore followUpScore reason } }
}`;

// first assessment, new/worse: general 1 + 2 = 3; ENT 4 + 2 = 6; chest 3 + 4 = 7 → 6; renal 6 + 4 + 4 (creatinine 125–249) = 14 → 12: BVAS 27
const BASELINE = bvasInputs(true, ["arthralgiaArthritis", "fever", "bloodyNasalDischarge", "paranasalSinusInvolvement", "nodulesOrCavities", "infiltrate", "haematuria", "proteinuria"], {
  serumCreatinine: "125_to_249",
});
// week 12, PERSISTENT: ENT 2 + 1 = 3; renal haematuria 3: BVAS 6 (a 78% fall, no new item)
const D85 = bvasInputs(false, ["bloodyNasalDischarge", "paranasalSinusInvolvement", "haematuria"], { persistentDisease: true });

const components = (list: Array<{ name: string; value: number }>) => Object.fromEntries(list.map((c) => [c.name, c.value]));

describe.each(testDatabases)("BVAS v3 through GraphQL on %s", (kind) => {
  let t: TestApp;
  let cohort: DemoCohort["cohort"];
  let siteId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    ({ siteId, cohort } = await demoCohort(t, "granulomatosis-with-polyangiitis"));
  });
  afterAll(() => t.close());

  it("computes the new/worse and the persistent score with capped components per system", async () => {
    const baseline = (await t.data(COMPUTE, { inputs: BASELINE })).computeScore;
    expect(baseline).toMatchObject({ value: 27, display: "27", category: { code: "active" } });
    expect(components(baseline.components)).toMatchObject({ generalPoints: 3, entPoints: 6, chestPoints: 6, renalPoints: 12, creatinineBandScored: 1, persistentForm: 0 });
    const followUp = (await t.data(COMPUTE, { inputs: D85 })).computeScore;
    expect(followUp).toMatchObject({ value: 6, category: { code: "active" } });
    expect(components(followUp.components)).toMatchObject({ entPoints: 3, renalPoints: 3, persistentForm: 1 });
    expect((await t.data(COMPUTE, { inputs: bvasInputs(false) })).computeScore).toMatchObject({ value: 0, category: { code: "remission" } });
  });

  it("refuses an item marked * on a persistent form with BAD_USER_INPUT naming the item", async () => {
    const result = await t.execute(COMPUTE, { inputs: { ...D85, nodulesOrCavities: true } });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["inputs.nodulesOrCavities"]);
    expect(result.errors?.[0].message).toContain("not compatible with persistent disease");
  });

  it("evaluates the EULAR response from raw items, and refuses score values for it", async () => {
    const { evaluateResponse } = await t.data(EVALUATE, { criterion: "AAV_EULAR_RESPONSE", baseline: { inputs: BASELINE }, followUp: { inputs: D85 } });
    expect(evaluateResponse).toMatchObject({ status: "RESPONDER", percentChange: expect.closeTo(-77.78, 2) });
    const withNew = await t.data(EVALUATE, { criterion: "AAV_EULAR_RESPONSE", baseline: { inputs: BASELINE }, followUp: { inputs: { ...D85, headache: true } } });
    expect(withNew.evaluateResponse).toMatchObject({ status: "NON_RESPONDER", reason: expect.stringContaining("headache") });
    const scoresOnly = await t.execute(EVALUATE, { criterion: "AAV_EULAR_RESPONSE", baseline: { value: 27 }, followUp: { value: 6 } });
    expect(scoresOnly.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["baseline.inputs", "followUp.inputs"]);
  });

  it("evaluates ADVOCATE remission from score values with the glucocorticoid parameter", async () => {
    const evaluate = (gc: unknown) => t.execute(EVALUATE, { criterion: "ADVOCATE_REMISSION", baseline: { value: 27 }, followUp: { value: 0 }, parameters: { glucocorticoidsForVasculitisPrior4Weeks: gc } });
    expect((await evaluate(false)).data?.evaluateResponse.status).toBe("RESPONDER");
    expect((await evaluate(true)).data?.evaluateResponse.status).toBe("NON_RESPONDER");
    expect((await evaluate("no")).errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["parameters.glucocorticoidsForVasculitisPrior4Weeks"]);
    const zero = await t.data(EVALUATE, { criterion: "AAV_EULAR_REMISSION", baseline: { value: 0 }, followUp: { value: 0 } });
    expect(zero.evaluateResponse).toMatchObject({ status: "RESPONDER", percentChange: null });
    const zeroActive = await t.data(EVALUATE, { criterion: "AAV_EULAR_REMISSION", baseline: { value: 0 }, followUp: { value: 3 } });
    expect(zeroActive.evaluateResponse).toMatchObject({ status: "NON_RESPONDER" });
  });

  it("records BVAS v3 at baseline and D85, refuses a refused item without writing, and evaluates the stored responses", async () => {
    const { createPatient } = await t.data(CREATE_PATIENT, {
      input: { cohortId: cohort.id, siteId, subjectCode: "GPA-API-001", sex: "MALE", yearOfBirth: 1962, ageAtInclusion: 62, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" },
    });
    const patientId = createPatient.id;
    const visit = async (code: string, visitDate: string) =>
      (await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: cohort.plannedVisits.find((v) => v.code === code)!.id, visitDate } })).recordVisit.id;
    const baselineVisit = await visit("BASELINE", "2024-03-04");
    const d85Visit = await visit("D85", "2024-05-27");

    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId: baselineVisit, instrument: "BVAS_V3", inputs: BASELINE } });
    expect(recordAssessment).toMatchObject({ instrumentCode: "BVAS_V3", score: 27, display: "27", category: { code: "active" } });
    expect(recordAssessment.inputs).toEqual(BASELINE);

    const before = await snapshotDatabase(t.dataSource);
    const refused = await t.execute(RECORD_ASSESSMENT, { input: { visitId: d85Visit, instrument: "BVAS_V3", inputs: { ...D85, suddenVisualLoss: true } } });
    expect(refused.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["inputs.suddenVisualLoss"]);
    expect(await snapshotDatabase(t.dataSource)).toBe(before);

    const stored = await t.data(RECORD_ASSESSMENT, { input: { visitId: d85Visit, instrument: "BVAS_V3", inputs: D85 } });
    expect(stored.recordAssessment).toMatchObject({ score: 6 });

    const response = async (criterion: string, parameters?: Record<string, unknown>) => (await t.data(RESPONSE, { id: patientId, criterion, parameters })).patient.response;
    expect(await response("AAV_EULAR_RESPONSE")).toMatchObject({ status: "RESPONDER", instrument: "BVAS_V3", baselineScore: 27, followUpScore: 6 });
    expect(await response("AAV_EULAR_REMISSION")).toMatchObject({ status: "NON_RESPONDER", followUpScore: 6 });
    expect(await response("ADVOCATE_REMISSION", { glucocorticoidsForVasculitisPrior4Weeks: false })).toMatchObject({ status: "NON_RESPONDER", reason: expect.stringContaining("BVAS 6") });
  });
});
