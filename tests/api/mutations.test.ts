import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, snapshotDatabase } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id subjectCode status cohort { code } site { code } } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id studyDay outOfWindow plannedVisit { code } } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id instrumentCode score display category { code } calculatorVersion inputs } }`;
const RECORD_DOSE = `mutation($input: RecordDoseInput!) { recordDose(input: $input) { id studyDay given visit { id } } }`;
const RECORD_AE = `mutation($input: RecordAdverseEventInput!) { recordAdverseEvent(input: $input) { id grade term } }`;
const RECORD_IMMUNE = `mutation($input: RecordImmuneMeasurementInput!) { recordImmuneMeasurement(input: $input) { id value unit parameter { code } } }`;
const RECORD_LAB = `mutation($input: RecordLabResultInput!) { recordLabResult(input: $input) { id value unit aboveUpperLimit } }`;
const RECORD_CM = `mutation($input: RecordConcomitantMedicationInput!) { recordConcomitantMedication(input: $input) { id drug } }`;

describe.each(testDatabases)("mutations on %s", (kind) => {
  let t: TestApp;
  let ra: { id: string; plannedVisits: Array<{ id: string; code: string }> };
  let otherCohort: { id: string; plannedVisits: Array<{ id: string; code: string }> };
  let siteId: string;
  let patientId: string;
  let baselineVisitId: string;
  let otherPatientVisitId: string;

  /** Runs a mutation expected to be refused; checks the error names `field` and that nothing changed. */
  async function expectRejected(mutation: string, input: Record<string, unknown>, field: string) {
    const before = await snapshotDatabase(t.dataSource);
    const result = await t.execute(mutation, { input });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].extensions?.problems.map((p: any) => p.field)).toContain(field);
    expect(result.errors?.[0].message).toContain(field);
    expect(await snapshotDatabase(t.dataSource)).toBe(before);
    return result.errors![0];
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    const { study } = await t.data(`{ study { sites { id } cohorts { id diseaseId plannedVisits { id code } } } }`);
    siteId = study.sites[0].id;
    ra = study.cohorts.find((c: any) => c.diseaseId === "rheumatoid-arthritis");
    otherCohort = study.cohorts.find((c: any) => c.diseaseId !== "rheumatoid-arthritis");
    const { patients } = await t.data(`query($c: ID) { patients(where: { cohortId: { eq: $c } }) { nodes { visits { nodes { id } } } } }`, { c: otherCohort.id });
    otherPatientVisitId = patients.nodes[0].visits.nodes[0].id;
  });
  afterAll(() => t.close());

  it("records a patient, visits, doses, immune values, labs, an assessment and an adverse event", async () => {
    const { createPatient } = await t.data(CREATE_PATIENT, {
      input: { cohortId: ra.id, siteId, subjectCode: "RA-NEW-001", sex: "FEMALE", yearOfBirth: 1970, ageAtInclusion: 54, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" },
    });
    patientId = createPatient.id;
    expect(createPatient).toMatchObject({ subjectCode: "RA-NEW-001", status: "INCLUDED", cohort: { code: "RA" } });

    const baseline = ra.plannedVisits.find((v) => v.code === "BASELINE")!;
    const { recordVisit } = await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: baseline.id, visitDate: "2024-03-04" } });
    baselineVisitId = recordVisit.id;
    expect(recordVisit).toMatchObject({ studyDay: 1, outOfWindow: false, plannedVisit: { code: "BASELINE" } });
    const d8 = ra.plannedVisits.find((v) => v.code === "D8")!;
    const late = await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: d8.id, visitDate: "2024-03-14" } });
    expect(late.recordVisit).toMatchObject({ studyDay: 11, outOfWindow: true });

    const dose = await t.data(RECORD_DOSE, { input: { patientId, visitId: baselineVisitId, administeredOn: "2024-03-04", dose: 1, doseUnit: "MIU", route: "SC", lot: "L1" } });
    expect(dose.recordDose).toMatchObject({ studyDay: 1, given: true, visit: { id: baselineVisitId } });

    const immune = await t.data(RECORD_IMMUNE, { input: { visitId: baselineVisitId, parameterCode: "TREG_PCT_CD4", value: 5.4 } });
    expect(immune.recordImmuneMeasurement).toMatchObject({ value: 5.4, unit: "%", parameter: { code: "TREG_PCT_CD4" } });
    const lab = await t.data(RECORD_LAB, { input: { visitId: baselineVisitId, testCode: "CRP", value: 12, referenceHigh: 5 } });
    expect(lab.recordLabResult).toMatchObject({ value: 12, unit: "mg/L", aboveUpperLimit: true });

    const { recordAssessment } = await t.data(RECORD_ASSESSMENT, {
      input: { visitId: baselineVisitId, instrument: "DAS28_ESR", inputs: { tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 12 } },
    });
    expect(recordAssessment).toMatchObject({ instrumentCode: "DAS28_ESR", display: "4.56", category: { code: "moderate" }, calculatorVersion: "1.0.0" });
    expect(recordAssessment.inputs).toEqual({ tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 12 });

    const ae = await t.data(RECORD_AE, {
      input: { patientId, visitId: baselineVisitId, term: "Injection site reaction", grade: 1, relatedness: "DEFINITE", onsetDate: "2024-03-05", outcome: "RECOVERED" },
    });
    expect(ae.recordAdverseEvent).toMatchObject({ grade: 1, term: "Injection site reaction" });
    const cm = await t.data(RECORD_CM, { input: { patientId, drug: "methotrexate", dose: 15, doseUnit: "mg", frequency: "weekly", startDate: "2020-01-01" } });
    expect(cm.recordConcomitantMedication.drug).toBe("methotrexate");

    const { patient } = await t.data(`query($id: ID!) { patient(id: $id) { visits { totalCount } doses { totalCount } adverseEvents { totalCount } assessments { nodes { score } } concomitantMedications { nodes { drug } } } }`, { id: patientId });
    expect(patient.visits.totalCount).toBe(2);
    expect(patient.doses.totalCount).toBe(1);
    expect(patient.adverseEvents.totalCount).toBe(1);
    expect(patient.assessments.nodes[0].score).toBeCloseTo(4.5633, 3);
  });

  it("evaluates EULAR response from the stored baseline and follow-up assessments", async () => {
    const d85 = ra.plannedVisits.find((v) => v.code === "D85")!;
    const query = `query($id: ID!) { patient(id: $id) { response(criterion: "EULAR_RESPONSE", visit: "D85") { status category { code } instrument baselineScore followUpScore reason } } }`;
    const missing = await t.data(query, { id: patientId });
    expect(missing.patient.response).toMatchObject({ status: "NOT_EVALUABLE", reason: "no D85 visit recorded" });
    const { recordVisit } = await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: d85.id, visitDate: "2024-05-27" } });
    await t.data(RECORD_ASSESSMENT, { input: { visitId: recordVisit.id, instrument: "DAS28_ESR", inputs: { tjc28: 0, sjc28: 0, esr: 10, patientGlobal: 10 } } });
    const { patient } = await t.data(query, { id: patientId });
    // 4.56 → 0.70·ln 10 + 0.014·10 = 1.75: improvement 2.81 > 1.2 and follow-up ≤ 3.2
    expect(patient.response).toMatchObject({ status: "RESPONDER", category: { code: "good" }, instrument: "DAS28_ESR", followUpScore: expect.closeTo(1.7518, 3) });
  });

  it("rejects an out-of-range joint count, naming the field and range, and writes nothing", async () => {
    const error = await expectRejected(RECORD_ASSESSMENT, { visitId: baselineVisitId, instrument: "DAS28_CRP", inputs: { tjc28: 29, sjc28: 5, crp: 4, patientGlobal: 12 } }, "inputs.tjc28");
    expect(error.message).toContain("an integer from 0 to 28");
  });

  it("rejects a negative CRP in an assessment and in a lab result", async () => {
    await expectRejected(RECORD_ASSESSMENT, { visitId: baselineVisitId, instrument: "DAS28_CRP", inputs: { tjc28: 2, sjc28: 5, crp: -1, patientGlobal: 12 } }, "inputs.crp");
    await expectRejected(RECORD_LAB, { visitId: baselineVisitId, testCode: "ESR", value: -3 }, "value");
  });

  it("rejects an unknown instrument and another disease's instrument", async () => {
    await expectRejected(RECORD_ASSESSMENT, { visitId: baselineVisitId, instrument: "NOT_AN_INSTRUMENT", inputs: {} }, "instrument");
    const foreign = (await t.data(`query($id: String!) { instruments(diseaseId: $id) { code } }`, { id: (otherCohort as any).diseaseId })).instruments[0].code;
    await expectRejected(RECORD_ASSESSMENT, { visitId: baselineVisitId, instrument: foreign, inputs: {} }, "instrument");
  });

  it("rejects a visit of another patient", async () => {
    await expectRejected(RECORD_DOSE, { patientId, visitId: otherPatientVisitId, administeredOn: "2024-03-05", dose: 1, doseUnit: "MIU", route: "SC" }, "visitId");
    await expectRejected(RECORD_AE, { patientId, visitId: otherPatientVisitId, term: "Headache", grade: 1, relatedness: "POSSIBLE", onsetDate: "2024-03-05", outcome: "RECOVERED" }, "visitId");
  });

  it("rejects a planned visit of another cohort, a duplicate planned visit and an id of the wrong type", async () => {
    await expectRejected(RECORD_VISIT, { patientId, plannedVisitId: otherCohort.plannedVisits[1].id, visitDate: "2024-03-11" }, "plannedVisitId");
    await expectRejected(RECORD_VISIT, { patientId, plannedVisitId: ra.plannedVisits[0].id, visitDate: "2024-03-04" }, "plannedVisitId");
    await expectRejected(RECORD_VISIT, { patientId: baselineVisitId, visitDate: "2024-03-04" }, "patientId");
  });

  it("rejects invalid patients and adverse events with every problem named", async () => {
    const error = await expectRejected(
      CREATE_PATIENT,
      { cohortId: ra.id, siteId, subjectCode: "RA-NEW-001", sex: "MALE", ageAtInclusion: 12, inclusionDate: "2024-03-01", treatmentStartDate: "2024-02-01", diseaseDurationYears: -1 },
      "subjectCode",
    );
    expect(error.extensions!.problems.map((p: any) => p.field)).toEqual(expect.arrayContaining(["ageAtInclusion", "treatmentStartDate", "diseaseDurationYears"]));
    const before = await snapshotDatabase(t.dataSource);
    const badDate = await t.execute(CREATE_PATIENT, { input: { cohortId: ra.id, siteId, subjectCode: "RA-NEW-002", sex: "MALE", inclusionDate: "2024-02-30" } });
    expect(badDate.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(badDate.errors?.[0].message).toContain("inclusionDate");
    expect(await snapshotDatabase(t.dataSource)).toBe(before);
    await expectRejected(RECORD_AE, { patientId, term: "Rash", grade: 6, relatedness: "POSSIBLE", onsetDate: "2024-03-05", resolutionDate: "2024-03-01", outcome: "RECOVERED" }, "grade");
    await expectRejected(RECORD_AE, { patientId, term: "Rash", grade: 2, relatedness: "POSSIBLE", onsetDate: "2024-03-05", resolutionDate: "2024-03-01", outcome: "RECOVERED" }, "resolutionDate");
    await expectRejected(RECORD_DOSE, { patientId, administeredOn: "2024-03-06", dose: 1, doseUnit: "MIU", route: "SC", given: false }, "notGivenReason");
    await expectRejected(RECORD_DOSE, { patientId, administeredOn: "2024-03-01", dose: 1, doseUnit: "MIU", route: "SC" }, "administeredOn");
    await expectRejected(RECORD_AE, { patientId, term: "Sepsis", grade: 3, relatedness: "UNLIKELY", onsetDate: "2024-03-05", outcome: "FATAL" }, "grade");
    await expectRejected(CREATE_PATIENT, { cohortId: ra.id, siteId, subjectCode: "RA-NEW-009", sex: "MALE", status: "WITHDRAWN" }, "status");
    await expectRejected(RECORD_LAB, { visitId: baselineVisitId, testCode: "ALT", value: 3, belowDetectionLimit: true }, "value");
    await expectRejected(RECORD_IMMUNE, { visitId: baselineVisitId, parameterCode: "TREG_PCT_CD4", value: 140 }, "value");
    await expectRejected(RECORD_IMMUNE, { visitId: baselineVisitId, parameterCode: "TREGS", value: 4 }, "parameterCode");
  });
});
