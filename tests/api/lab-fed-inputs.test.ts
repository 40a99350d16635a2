import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sclerosingCholangitis from "../../plugins/sclerosing-cholangitis";
import { createTestApp, snapshotDatabase } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`;
const RECORD_LAB = `mutation($input: RecordLabResultInput!) { recordLabResult(input: $input) { id } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordAssessmentInput!) {
  recordAssessment(input: $input) { id score category { code } inputs labSources { input labResultId } }
}`;
const CORRECT_ASSESSMENT = `mutation($id: ID!, $expectedVersion: Int!, $reason: String, $input: RecordAssessmentInput!) {
  correctAssessment(id: $id, expectedVersion: $expectedVersion, reason: $reason, input: $input) { id score inputs labSources { input labResultId } }
}`;

describe.each(testDatabases)("lab-fed instrument inputs on %s", (kind) => {
  let t: TestApp;
  let visits: Record<string, string>;
  const labs: Record<string, string> = {};

  async function visit(patientId: string, plannedVisits: Array<{ id: string; code: string }>, code: string, date: string) {
    const planned = plannedVisits.find((v) => v.code === code)!;
    return (await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: planned.id, visitDate: date } })).recordVisit.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true, plugins: [sclerosingCholangitis] });
    const { study } = await t.data(`{ study { sites { id } cohorts { id plannedVisits { id code } } } }`);
    const cohort = study.cohorts[0];
    const { createPatient } = await t.data(CREATE_PATIENT, {
      input: { cohortId: cohort.id, siteId: study.sites[0].id, subjectCode: "PSC-LAB-001", sex: "MALE", yearOfBirth: 1969, ageAtInclusion: 55, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" },
    });
    visits = {
      BASELINE: await visit(createPatient.id, cohort.plannedVisits, "BASELINE", "2024-03-04"),
      D29: await visit(createPatient.id, cohort.plannedVisits, "D29", "2024-04-01"),
      D85: await visit(createPatient.id, cohort.plannedVisits, "D85", "2024-05-27"),
    };
    for (const visitKey of ["BASELINE", "D29"]) {
      for (const [testCode, value, referenceHigh] of [["ALP", 390, 130], ["BILI", 51.3, 21], ["ALB", 32, 50], ["AST", 120, 40]] as const) {
        const { recordLabResult } = await t.data(RECORD_LAB, { input: { visitId: visits[visitKey], testCode, value, referenceHigh } });
        labs[`${visitKey}.${testCode}`] = recordLabResult.id;
      }
    }
  });
  afterAll(() => t.close());

  it("declares the lab-fed inputs in the catalogue", async () => {
    const { instrument } = await t.data(`{ instrument(code: "MAYO_PSC_RISK") { inputs { name lab { test as unitInput } } } }`);
    const byName = Object.fromEntries(instrument.inputs.map((i: any) => [i.name, i.lab]));
    expect(byName).toMatchObject({ bilirubin: { test: "BILI", as: "value", unitInput: "bilirubinUnit" }, ast: { test: "AST", as: "value", unitInput: null }, age: null });
  });

  it("takes omitted inputs from the visit's lab results and records which results it used", async () => {
    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId: visits.BASELINE, instrument: "ALP_PSC", inputs: {} } });
    // 390 / 130 = 3 × ULN: the value and the ULN both come from the one ALP result.
    expect(recordAssessment).toMatchObject({ score: 3, category: { code: "elevated" }, inputs: { alp: 390, alpUln: 130 } });
    expect(recordAssessment.labSources).toEqual([
      { input: "alp", labResultId: labs["BASELINE.ALP"] },
      { input: "alpUln", labResultId: labs["BASELINE.ALP"] },
    ]);
    const { node } = await t.data(`query($id: ID!) { node(id: $id) { ... on LabResult { testCode value referenceHigh } } }`, { id: recordAssessment.labSources[0].labResultId });
    expect(node).toEqual({ testCode: "ALP", value: 390, referenceHigh: 130 });
  });

  it("fills the unit input with the catalogue unit when the client chose none (no conversion)", async () => {
    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId: visits.BASELINE, instrument: "MAYO_PSC_RISK", inputs: { age: 55, varicealBleeding: true } } });
    expect(recordAssessment.inputs).toEqual({ age: 55, varicealBleeding: true, bilirubin: 51.3, bilirubinUnit: "µmol/L", albumin: 32, albuminUnit: "g/L", ast: 120 });
    // Hand-calculated: bilirubin 3 mg/dL, albumin 3.2 g/dL, AST 120 → R = 3.3466 (high).
    expect(recordAssessment.score).toBeCloseTo(3.3465749403181158, 10);
    expect(recordAssessment.category.code).toBe("high");
    expect(recordAssessment.labSources.map((s: any) => [s.input, s.labResultId])).toEqual([
      ["bilirubin", labs["BASELINE.BILI"]],
      ["albumin", labs["BASELINE.ALB"]],
      ["ast", labs["BASELINE.AST"]],
    ]);
  });

  it("converts to the unit the client chose: µmol/L ÷ 17.1 to mg/dL, g/L ÷ 10 to g/dL", async () => {
    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, {
      input: { visitId: visits.D29, instrument: "MAYO_PSC_RISK", inputs: { age: 55, varicealBleeding: true, bilirubinUnit: "mg/dL", albuminUnit: "g/dL" } },
    });
    expect(recordAssessment.inputs.bilirubin).toBeCloseTo(3, 12);
    expect(recordAssessment.inputs.albumin).toBeCloseTo(3.2, 12);
    expect(recordAssessment.score).toBeCloseTo(3.3465749403181158, 10);
  });

  it("uses the values the client entered and records no lab result for them", async () => {
    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId: visits.D29, instrument: "ALP_PSC", inputs: { alp: 200, alpUln: 100 } } });
    expect(recordAssessment).toMatchObject({ score: 2, inputs: { alp: 200, alpUln: 100 }, labSources: [] });
  });

  it("refuses an omitted input when no result is stored at the visit, naming the input, and stores nothing", async () => {
    const before = await snapshotDatabase(t.dataSource);
    const result = await t.execute(RECORD_ASSESSMENT, { input: { visitId: visits.D85, instrument: "MAYO_PSC_RISK", inputs: { age: 55, varicealBleeding: false, albumin: 40, albuminUnit: "g/L" } } });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const problems = result.errors![0].extensions!.problems;
    expect(problems.map((p: any) => p.field)).toEqual(["inputs.bilirubin", "inputs.ast"]);
    expect(problems[0].message).toMatch(/inputs\.bilirubin was omitted and no BILI result is stored at this visit/);
    expect(await snapshotDatabase(t.dataSource)).toBe(before);
  });

  it("takes the lab results again when an assessment is corrected", async () => {
    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId: visits.D85, instrument: "ALP_PSC", inputs: { alp: 150, alpUln: 100 } } });
    const { recordLabResult } = await t.data(RECORD_LAB, { input: { visitId: visits.D85, testCode: "ALP", value: 260, referenceHigh: 130 } });
    const { correctAssessment } = await t.data(CORRECT_ASSESSMENT, {
      id: recordAssessment.id, expectedVersion: 1, reason: "take the laboratory's report", input: { visitId: visits.D85, instrument: "ALP_PSC", inputs: {} },
    });
    expect(correctAssessment).toMatchObject({ score: 2, inputs: { alp: 260, alpUln: 130 } });
    expect(correctAssessment.labSources.map((s: any) => s.labResultId)).toEqual([recordLabResult.id, recordLabResult.id]);
  });
});
