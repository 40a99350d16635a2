import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sclerosingCholangitis from "../../plugins/sclerosing-cholangitis";
import { definePlugin, numberInput } from "../../src/plugin-api";
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

/** A plugin whose inputs are declared in units other than the catalogue's, to check the conversions. */
const unitsPlugin = definePlugin({
  id: "lab-units-check",
  apiVersion: "^1.1.0",
  name: "Lab units check",
  shortName: "LUC",
  description: "Test plugin: lab-fed inputs in non-catalogue units.",
  instruments: [
    {
      code: "LAB_UNITS_CHECK",
      name: "Lab units check",
      description: "Bilirubin in mg/dL, albumin in g/dL and ALT as × ULN, all lab-fed.",
      version: "1.0.0",
      inputs: [
        numberInput("bilirubinMgDl", "Bilirubin", { unit: "mg/dL", min: 0, max: 60, lab: { test: "BILI", as: "value" } }),
        numberInput("albuminGdL", "Albumin", { unit: "g/dL", min: 0, max: 8, lab: { test: "ALB", as: "value" } }),
        numberInput("altTimesUln", "ALT", { unit: "× ULN", min: 0, max: 1000, lab: { test: "ALT", as: "timesUln" } }),
      ],
      compute: (inputs) => ({ value: inputs.bilirubinMgDl as number }),
      direction: "HIGHER_IS_WORSE",
      range: { min: 0, max: 60 },
      decimals: 2,
      bands: [],
      references: ["test"],
      examples: [],
    },
  ],
  primaryInstrument: "LAB_UNITS_CHECK",
  responseCriteria: [],
  demo: { assessments: () => [{ instrument: "LAB_UNITS_CHECK", inputs: {} }] },
});

describe.each(testDatabases)("lab-fed instrument inputs on %s", (kind) => {
  let t: TestApp;
  let visits: Record<string, string>;
  const labs: Record<string, string> = {};
  let unitsCohort: { id: string; plannedVisits: Array<{ id: string; code: string }> };
  let siteId: string;

  async function visit(patientId: string, plannedVisits: Array<{ id: string; code: string }>, code: string, date: string) {
    const planned = plannedVisits.find((v) => v.code === code)!;
    return (await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: planned.id, visitDate: date } })).recordVisit.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true, plugins: [sclerosingCholangitis, unitsPlugin] });
    const { study } = await t.data(`{ study { sites { id } cohorts { id diseaseId plannedVisits { id code } } } }`);
    const cohort = study.cohorts.find((c: any) => c.diseaseId === "sclerosing-cholangitis");
    unitsCohort = study.cohorts.find((c: any) => c.diseaseId === "lab-units-check");
    siteId = study.sites[0].id;
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
    const { instrument } = await t.data(`{ instrument(code: "MAYO_PSC_RISK") { inputs { name lab { test as } } } }`);
    const byName = Object.fromEntries(instrument.inputs.map((i: any) => [i.name, i.lab]));
    expect(byName).toMatchObject({ bilirubinUmolL: { test: "BILI", as: "value" }, bilirubinMgDl: { test: "BILI", as: "value" }, ast: { test: "AST", as: "value" }, age: null });
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

  it("fills the first of alternative inputs (the catalogue unit), and none when the client gave one", async () => {
    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId: visits.BASELINE, instrument: "MAYO_PSC_RISK", inputs: { age: 55, varicealBleeding: true } } });
    expect(recordAssessment.inputs).toEqual({ age: 55, varicealBleeding: true, bilirubinUmolL: 51.3, albuminGL: 32, ast: 120 });
    // Hand-calculated: bilirubin 3 mg/dL, albumin 3.2 g/dL, AST 120 → R = 3.3466 (high).
    expect(recordAssessment.score).toBeCloseTo(3.3465749403181158, 10);
    expect(recordAssessment.category.code).toBe("high");
    expect(recordAssessment.labSources.map((s: any) => [s.input, s.labResultId])).toEqual([
      ["bilirubinUmolL", labs["BASELINE.BILI"]],
      ["albuminGL", labs["BASELINE.ALB"]],
      ["ast", labs["BASELINE.AST"]],
    ]);
    // Albumin typed in g/dL: the lab's albumin is not added beside it; bilirubin and AST still come from the labs.
    const typed = await t.data(RECORD_ASSESSMENT, { input: { visitId: visits.D29, instrument: "MAYO_PSC_RISK", inputs: { age: 55, varicealBleeding: true, albuminGdL: 3.2 } } });
    expect(typed.recordAssessment.inputs).toEqual({ age: 55, varicealBleeding: true, albuminGdL: 3.2, bilirubinUmolL: 51.3, ast: 120 });
    expect(typed.recordAssessment.labSources.map((s: any) => s.input)).toEqual(["bilirubinUmolL", "ast"]);
  });

  it("converts from the catalogue unit: µmol/L ÷ 17.1 to mg/dL, g/L ÷ 10 to g/dL, and value ÷ ULN", async () => {
    const { createPatient } = await t.data(CREATE_PATIENT, {
      input: { cohortId: unitsCohort.id, siteId, subjectCode: "LUC-LAB-001", sex: "MALE", yearOfBirth: 1969, ageAtInclusion: 55, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" },
    });
    const visitId = await visit(createPatient.id, unitsCohort.plannedVisits, "BASELINE", "2024-03-04");
    for (const [testCode, value, referenceHigh] of [["BILI", 51.3, 21], ["ALB", 32, 50], ["ALT", 100, 40]] as const) {
      await t.data(RECORD_LAB, { input: { visitId, testCode, value, referenceHigh } });
    }
    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId, instrument: "LAB_UNITS_CHECK", inputs: {} } });
    expect(recordAssessment.inputs.bilirubinMgDl).toBeCloseTo(3, 12);
    expect(recordAssessment.inputs.albuminGdL).toBeCloseTo(3.2, 12);
    expect(recordAssessment.inputs.altTimesUln).toBe(2.5);
    expect(recordAssessment.labSources).toHaveLength(3);
  });

  it("uses the values the client entered and records no lab result for them", async () => {
    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, { input: { visitId: visits.D29, instrument: "ALP_PSC", inputs: { alp: 200, alpUln: 100 } } });
    expect(recordAssessment).toMatchObject({ score: 2, inputs: { alp: 200, alpUln: 100 }, labSources: [] });
  });

  it("refuses an omitted input when no result is stored at the visit, naming the input, and stores nothing", async () => {
    const before = await snapshotDatabase(t.dataSource);
    const refused = async (inputs: Record<string, unknown>) => {
      const result = await t.execute(RECORD_ASSESSMENT, { input: { visitId: visits.D85, instrument: "MAYO_PSC_RISK", inputs } });
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      return result.errors![0].extensions!.problems as Array<{ field: string; message: string; allowed: string }>;
    };
    // A required input: the core says no result is stored, and what the input accepts.
    const [ast] = await refused({ age: 55, varicealBleeding: false, albuminGL: 40, bilirubinMgDl: 1 });
    expect(ast.field).toBe("inputs.ast");
    expect(ast.message).toMatch(/^inputs\.ast was omitted and no AST result is stored at this visit: enter ast \(a number from 1 to 10000 U\/L\)/);
    expect(ast.allowed).toBe("a number from 1 to 10000 U/L");
    // Optional alternatives: the plugin's rule asks for one of them, or the lab result.
    const problems = await refused({ age: 55, varicealBleeding: false, albuminGL: 40, ast: 50 });
    expect(problems.map((p) => p.field)).toEqual(["inputs.bilirubinUmolL"]);
    expect(problems[0].message).toMatch(/give bilirubinUmolL or bilirubinMgDl, or record the visit's BILI result/);
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
