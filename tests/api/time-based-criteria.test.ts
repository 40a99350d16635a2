import { afterAll, beforeAll, describe, expect, it } from "vitest";
import autoimmuneHepatitis from "../../plugins/autoimmune-hepatitis";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id studyDay } }`;
const RECORD_LAB = `mutation($input: RecordLabResultInput!) { recordLabResult(input: $input) { id } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id score labSources { input } } }`;
const RESPONSE = `query($id: ID!, $criterion: String!, $visit: String!, $parameters: JSONObject) {
  node(id: $id) { ... on Patient { response(criterion: $criterion, visit: $visit, parameters: $parameters) { status category { code } reason } } }
}`;
const EVALUATE = `query($criterion: String!, $baseline: TimePointInput!, $followUp: TimePointInput!, $parameters: JSONObject) {
  evaluateResponse(criterion: $criterion, instrument: "AIH_BIOCHEMISTRY", baseline: $baseline, followUp: $followUp, parameters: $parameters) { status category { code } reason }
}`;

/** ALT, AST (ULN 40 U/L) and IgG (ULN 16 g/L) at each visit: a patient who normalises by month 6. */
const LABS: Record<string, [number, number, number]> = {
  BASELINE: [240, 180, 25],
  D29: [96, 70, 21],
  D183: [32, 28, 14],
  D240: [30, 26, 13],
};

describe.each(testDatabases)("time-based response criteria on %s", (kind) => {
  let t: TestApp;
  let cohort: { id: string; plannedVisits: Array<{ id: string; code: string }> };
  let siteId: string;

  /** A patient starting treatment on 2024-03-04 (day 1) with the given visit dates, labs and lab-fed assessments. */
  async function patient(subjectCode: string, dates: Record<string, string>) {
    const { createPatient } = await t.data(CREATE_PATIENT, {
      input: { cohortId: cohort.id, siteId, subjectCode, sex: "FEMALE", yearOfBirth: 1980, ageAtInclusion: 44, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" },
    });
    const studyDays: Record<string, number> = {};
    for (const [code, date] of Object.entries(dates)) {
      const plannedVisitId = cohort.plannedVisits.find((v) => v.code === code)!.id;
      const { recordVisit } = await t.data(RECORD_VISIT, { input: { patientId: createPatient.id, plannedVisitId, visitDate: date } });
      studyDays[code] = recordVisit.studyDay;
      const [alt, ast, igg] = LABS[code];
      for (const [testCode, value, referenceHigh] of [["ALT", alt, 40], ["AST", ast, 40], ["IGG", igg, 16]] as const) {
        await t.data(RECORD_LAB, { input: { visitId: recordVisit.id, testCode, value, referenceHigh } });
      }
      const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId: recordVisit.id, instrument: "AIH_BIOCHEMISTRY", inputs: {} } });
      expect(recordAssessment.labSources).toHaveLength(6);
    }
    return { id: createPatient.id as string, studyDays };
  }

  const response = async (id: string, criterion: string, visit: string) => (await t.data(RESPONSE, { id, criterion, visit })).node.response;

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true, plugins: [autoimmuneHepatitis] });
    const { study } = await t.data(`{ study { sites { id } cohorts { id plannedVisits { id code } } } }`);
    cohort = study.cohorts[0];
    siteId = study.sites[0].id;
  });
  afterAll(() => t.close());

  it("decides from the visits' dates: CBR at month 6, a ≥ 50 % fall at week 4, nothing after the 6-month window", async () => {
    const { id, studyDays } = await patient("AIH-T-001", { BASELINE: "2024-03-04", D29: "2024-04-01", D183: "2024-09-02", D240: "2024-10-29" });
    expect(studyDays).toEqual({ BASELINE: 1, D29: 29, D183: 183, D240: 240 });
    expect(await response(id, "AIH_BIOCHEMICAL_RESPONSE", "D183")).toMatchObject({ status: "RESPONDER", category: { code: "complete_biochemical_response" } });
    // ALT 6 → 2.4 × ULN and AST 4.5 → 1.75 × ULN: falls of 60 % and 61 % by day 29.
    expect(await response(id, "AIH_EARLY_TRANSAMINASE_FALL", "D29")).toMatchObject({ status: "RESPONDER", category: { code: "early_fall_50" } });
    const late = await response(id, "AIH_BIOCHEMICAL_RESPONSE", "D240");
    expect(late).toMatchObject({ status: "NOT_EVALUABLE", category: null });
    expect(late.reason).toMatch(/study day 240, after the 6-month window/);
    // Not normal at day 29, long before month 6: insufficient response cannot be called yet.
    expect((await response(id, "AIH_BIOCHEMICAL_RESPONSE", "D29")).reason).toMatch(/before the 6-month window/);
    expect((await response(id, "AIH_EARLY_TRANSAMINASE_FALL", "D183")).reason).toMatch(/after the 4-week window/);
  });

  it("gives a different answer for the same values when the visit falls outside the window", async () => {
    // The month-6 visit on day 195 (out of its ±7-day window): the same normal values no longer count as "by 6 months".
    const { id, studyDays } = await patient("AIH-T-002", { BASELINE: "2024-03-04", D29: "2024-04-05", D183: "2024-09-14" });
    expect(studyDays).toMatchObject({ D29: 33, D183: 195 });
    expect(await response(id, "AIH_BIOCHEMICAL_RESPONSE", "D183")).toMatchObject({ status: "NOT_EVALUABLE", reason: expect.stringMatching(/study day 195/) });
    expect(await response(id, "AIH_EARLY_TRANSAMINASE_FALL", "D29")).toMatchObject({ status: "NOT_EVALUABLE", reason: expect.stringMatching(/study day 33, after the 4-week window/) });
  });

  it("is NOT_EVALUABLE with a reason when the visit is missing", async () => {
    const { id } = await patient("AIH-T-003", { BASELINE: "2024-03-04" });
    expect(await response(id, "AIH_BIOCHEMICAL_RESPONSE", "D183")).toMatchObject({ status: "NOT_EVALUABLE", reason: "no D183 visit recorded" });
  });

  it("refuses study days as parameters for stored assessments: they come from the visits", async () => {
    const { id } = await patient("AIH-T-004", { BASELINE: "2024-03-04" });
    const result = await t.execute(RESPONSE, { id, criterion: "AIH_BIOCHEMICAL_RESPONSE", visit: "D183", parameters: { followUpStudyDay: 100 } });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["parameters.followUpStudyDay"]);
  });

  it("takes the study days as parameters when evaluating raw values, refusing day 0", async () => {
    const point = (code: string) => ({ inputs: { alt: LABS[code][0], altUln: 40, ast: LABS[code][1], astUln: 40, igg: LABS[code][2], iggUln: 16 } });
    const evaluate = (parameters: Record<string, unknown>) => t.execute(EVALUATE, { criterion: "AIH_BIOCHEMICAL_RESPONSE", baseline: point("BASELINE"), followUp: point("D183"), parameters });
    expect((await evaluate({ baselineStudyDay: 1, followUpStudyDay: 183 })).data?.evaluateResponse).toMatchObject({ status: "RESPONDER", category: { code: "complete_biochemical_response" } });
    expect((await evaluate({ baselineStudyDay: 1, followUpStudyDay: 240 })).data?.evaluateResponse.status).toBe("NOT_EVALUABLE");
    expect((await evaluate({})).data?.evaluateResponse.reason).toMatch(/parameters\.followUpStudyDay/);
    const zero = await evaluate({ followUpStudyDay: 0 });
    expect(zero.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(["parameters.followUpStudyDay"]);
  });

  it("lists the criterion as time-based with its study-day parameters in the catalogue", async () => {
    const { responseCriteria } = await t.data(`{ responseCriteria(diseaseId: "autoimmune-hepatitis") { code timeBased parameters { name required } } }`);
    for (const criterion of responseCriteria) {
      expect(criterion).toMatchObject({ timeBased: true, parameters: [{ name: "baselineStudyDay", required: false }, { name: "followUpStudyDay", required: false }] });
    }
  });
});
