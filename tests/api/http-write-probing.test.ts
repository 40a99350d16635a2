import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlLogger } from "../../src/db/sql-logger";
import { toGlobalId } from "../../src/graphql/global-id";
import type { HttpAnswer, HttpTrial } from "../support/http-trial";
import { startHttpTrial } from "../support/http-trial";
import { testDatabases } from "../support/test-database";

/**
 * An investigator of site 01 probes, over HTTP, every write with ids of site 02 and with ids that do
 * not exist. Each pair of answers must be the same once the id is replaced: same code, same message,
 * same number of SQL statements, and nothing written. Otherwise the answers enumerate another site's
 * patients, visits, adverse events, lab results…
 */
const PROBE = "demo-investigator-01";
const MISSING_KEY = 987_654;

const TRIAL = `{ patients(first: 100) { nodes { id version site { code }
  visits(first: 3) { nodes { id version
    labResults(first: 1) { nodes { id version } } immuneMeasurements(first: 1) { nodes { id version } }
    assessments(first: 1) { nodes { id version } } doses(first: 1) { nodes { id version } } } }
  adverseEvents(first: 1) { nodes { id version } } concomitantMedications(first: 1) { nodes { id version } } } } }`;

interface Known {
  patient: { id: string; version: number };
  visit: { id: string; version: number };
  /** One record of each kind at the site, by kind. */
  records: Map<string, { id: string; version: number; patientId: string; visitId: string | null }>;
}

/** A visit of site 01 and one record of every kind at site 02, as the data manager (who sees every site) reads them. */
async function knownRecords(trial: HttpTrial, siteCode: string): Promise<Known> {
  const { body } = await trial.post("demo-data-manager", TRIAL);
  const patients = body.data.patients.nodes.filter((p: any) => p.site.code === siteCode);
  const records: Known["records"] = new Map();
  const keep = (kind: string, nodes: any[], patientId: string, visitId: string | null) => {
    if (nodes[0] && !records.has(kind)) records.set(kind, { ...nodes[0], patientId, visitId });
  };
  for (const p of patients) {
    for (const v of p.visits.nodes) {
      keep("Visit", [v], p.id, v.id);
      for (const [kind, field] of [["LabResult", "labResults"], ["ImmuneMeasurement", "immuneMeasurements"], ["ClinicalAssessment", "assessments"], ["DoseAdministration", "doses"]]) {
        keep(kind, v[field].nodes, p.id, v.id);
      }
    }
    keep("AdverseEvent", p.adverseEvents.nodes, p.id, null);
    keep("ConcomitantMedication", p.concomitantMedications.nodes, p.id, null);
  }
  const visitRecord = records.get("Visit")!;
  return { patient: { id: patients[0].id, version: patients[0].version }, visit: { id: visitRecord.id, version: visitRecord.version }, records };
}

const missing = (type: string) => toGlobalId(type, MISSING_KEY);

/** The correction mutation of each kind, with an input that passes GraphQL validation (its parents are the record's own). */
function correction(kind: string, parents: { patientId: string; visitId: string | null }): { mutation: string; type: string; input: object } {
  const on = "2024-03-01";
  switch (kind) {
    case "Visit":
      return { mutation: "correctVisit", type: "RecordVisitInput", input: { patientId: parents.patientId, visitDate: on } };
    case "DoseAdministration":
      return { mutation: "correctDose", type: "RecordDoseInput", input: { patientId: parents.patientId, visitId: parents.visitId, administeredOn: on, dose: 1, doseUnit: "MIU", route: "SC" } };
    case "ConcomitantMedication":
      return { mutation: "correctConcomitantMedication", type: "RecordConcomitantMedicationInput", input: { patientId: parents.patientId, drug: "methotrexate" } };
    case "ImmuneMeasurement":
      return { mutation: "correctImmuneMeasurement", type: "RecordImmuneMeasurementInput", input: { visitId: parents.visitId, parameterCode: "TREG_PCT_CD4", value: 5 } };
    case "LabResult":
      return { mutation: "correctLabResult", type: "RecordLabResultInput", input: { visitId: parents.visitId, testCode: "CRP", value: 3 } };
    case "ClinicalAssessment":
      return { mutation: "correctAssessment", type: "RecordAssessmentInput", input: { visitId: parents.visitId, instrument: "DAS28_ESR", inputs: {} } };
    case "AdverseEvent":
      return {
        mutation: "correctAdverseEvent",
        type: "RecordAdverseEventInput",
        input: { patientId: parents.patientId, term: "Headache", grade: 1, onsetDate: on, outcome: "RECOVERED", relatedness: "UNLIKELY" },
      };
    default:
      throw new Error(`no correction for ${kind}`);
  }
}

/** A write naming `id` (another site's, or one that does not exist): its answer and the statements it cost. */
type Probe = (id: string) => { query: string; variables: Record<string, unknown> };

describe.each(testDatabases)("writes probed with other sites' ids over HTTP on %s", (kind) => {
  let trial: HttpTrial;
  let own: Known;
  let other: Known;
  let before: string;

  /** The whole data of site 02 as the data manager reads it: nothing a probe does may change it. */
  const siteData = async () => JSON.stringify((await trial.post("demo-data-manager", TRIAL)).body);

  beforeAll(async () => {
    trial = await startHttpTrial(kind);
    own = await knownRecords(trial, "01");
    other = await knownRecords(trial, "02");
    before = await siteData();
    await trial.post(PROBE, "{ __typename }"); // signs the probe in before statements are counted
  }, 120_000);
  afterAll(() => trial?.stop());

  async function send(probe: Probe, id: string): Promise<{ answer: string; statements: number; raw: HttpAnswer }> {
    const logger = trial.server.app.dataSource.logger as SqlLogger;
    const { query, variables } = probe(id);
    const start = logger.statements;
    const raw = await trial.post(PROBE, query, variables);
    return { answer: JSON.stringify({ status: raw.status, ...raw.body }).replaceAll(id, "<id>"), statements: logger.statements - start, raw };
  }

  /** The answer to another site's id is the answer to an id that does not exist: not found, same words, same cost. */
  async function expectIndistinguishable(name: string, probe: Probe, otherSiteId: string, missingId: string) {
    const seen = await send(probe, otherSiteId);
    const absent = await send(probe, missingId);
    expect(seen.raw.body.errors?.[0]?.extensions?.code, `${name}: ${seen.answer}`).toBe("BAD_USER_INPUT");
    expect(seen.raw.body.errors?.[0]?.message, name).toMatch(/does not name an existing/);
    expect(seen.answer, name).toBe(absent.answer);
    expect(seen.statements, `${name}: SQL statements`).toBe(absent.statements);
  }

  it("finds records of every kind at both sites (so that every probe below has something to find)", () => {
    for (const site of [own, other]) expect([...site.records.keys()].sort()).toEqual(["AdverseEvent", "ClinicalAssessment", "ConcomitantMedication", "DoseAdministration", "ImmuneMeasurement", "LabResult", "Visit"]);
  });

  it("removeRecord, restoreRecord and every correction answer an id of site 02 as one that does not exist", async () => {
    for (const [type, record] of other.records) {
      const remove: Probe = (id) => ({ query: `mutation($id: ID!, $v: Int!) { removeRecord(id: $id, expectedVersion: $v, reason: "probe") { version } }`, variables: { id, v: record.version } });
      const restore: Probe = (id) => ({ query: `mutation($id: ID!, $v: Int!) { restoreRecord(id: $id, expectedVersion: $v, reason: "probe") { version } }`, variables: { id, v: record.version } });
      const fix = correction(type, record);
      const correct: Probe = (id) => ({
        query: `mutation($id: ID!, $v: Int!, $input: ${fix.type}!) { ${fix.mutation}(id: $id, expectedVersion: $v, reason: "probe", input: $input) { version } }`,
        variables: { id, v: record.version, input: fix.input },
      });
      await expectIndistinguishable(`removeRecord ${type}`, remove, record.id, missing(type));
      await expectIndistinguishable(`restoreRecord ${type}`, restore, record.id, missing(type));
      await expectIndistinguishable(`${fix.mutation}`, correct, record.id, missing(type));
    }
  });

  it("the same writes on the investigator's own site reach the record (the probes above are not refused for another reason)", async () => {
    const [type, record] = [...own.records].find(([t]) => t === "LabResult")!;
    const { raw } = await send((id) => ({ query: `mutation($id: ID!) { removeRecord(id: $id, expectedVersion: 999, reason: "probe") { version } }`, variables: { id } }), record.id);
    expect(raw.body.errors?.[0]?.extensions?.code, type).toBe("CONFLICT");
  });

  it("every record* mutation, patient status change and visit step answers a parent of site 02 as one that does not exist", async () => {
    const theirPatient = other.patient.id;
    const theirVisit = other.visit.id;
    const myPatient = own.records.get("Visit")!.patientId;
    const myVisit = own.visit.id;
    const mutation = (name: string, type: string, input: (id: string) => object): Probe => (id) => ({ query: `mutation($input: ${type}!) { ${name}(input: $input) { id } }`, variables: { input: input(id) } });
    const dose = { administeredOn: "2024-03-01", dose: 1, doseUnit: "MIU", route: "SC" };
    const event = { term: "Headache", grade: 1, onsetDate: "2024-03-01", outcome: "RECOVERED", relatedness: "UNLIKELY" };
    const step = (name: string, extra: object = {}) => mutation(name, name === "signVisit" ? "SignVisitInput" : "VisitStepInput", (visitId) => ({ visitId, expectedVersion: other.visit.version, reason: "probe", ...extra }));
    const probes: Array<[string, Probe, string, string]> = [
      ["recordVisit", mutation("recordVisit", "RecordVisitInput", (patientId) => ({ patientId, visitDate: "2024-03-01" })), theirPatient, missing("Patient")],
      ["recordDose (patient)", mutation("recordDose", "RecordDoseInput", (patientId) => ({ patientId, ...dose })), theirPatient, missing("Patient")],
      ["recordDose (their visit, my patient)", mutation("recordDose", "RecordDoseInput", (visitId) => ({ patientId: myPatient, visitId, ...dose })), theirVisit, missing("Visit")],
      ["recordDose (my visit, their patient)", mutation("recordDose", "RecordDoseInput", (patientId) => ({ patientId, visitId: myVisit, ...dose })), theirPatient, missing("Patient")],
      ["recordConcomitantMedication", mutation("recordConcomitantMedication", "RecordConcomitantMedicationInput", (patientId) => ({ patientId, drug: "methotrexate" })), theirPatient, missing("Patient")],
      ["recordImmuneMeasurement", mutation("recordImmuneMeasurement", "RecordImmuneMeasurementInput", (visitId) => ({ visitId, parameterCode: "TREG_PCT_CD4", value: 5 })), theirVisit, missing("Visit")],
      ["recordLabResult", mutation("recordLabResult", "RecordLabResultInput", (visitId) => ({ visitId, testCode: "CRP", value: 3 })), theirVisit, missing("Visit")],
      ["recordAssessment", mutation("recordAssessment", "RecordAssessmentInput", (visitId) => ({ visitId, instrument: "DAS28_ESR", inputs: {} })), theirVisit, missing("Visit")],
      ["recordAdverseEvent (patient)", mutation("recordAdverseEvent", "RecordAdverseEventInput", (patientId) => ({ patientId, ...event })), theirPatient, missing("Patient")],
      ["recordAdverseEvent (their visit, my patient)", mutation("recordAdverseEvent", "RecordAdverseEventInput", (visitId) => ({ patientId: myPatient, visitId, ...event })), theirVisit, missing("Visit")],
      [
        "changePatientStatus",
        mutation("changePatientStatus", "ChangePatientStatusInput", (patientId) => ({ patientId, expectedVersion: other.patient.version, status: "WITHDRAWN", date: "2024-03-01", reason: "probe" })),
        theirPatient,
        missing("Patient"),
      ],
      ["completeVisit", step("completeVisit"), theirVisit, missing("Visit")],
      ["reopenVisit", step("reopenVisit"), theirVisit, missing("Visit")],
      ["lockVisit", step("lockVisit"), theirVisit, missing("Visit")],
      ["unlockVisit", step("unlockVisit"), theirVisit, missing("Visit")],
      ["signVisit", step("signVisit", { meaning: "APPROVAL", password: "not-the-password", reason: undefined }), theirVisit, missing("Visit")],
    ];
    const { body } = await trial.post("demo-data-manager", `{ study { sites { id code } cohorts { id } } }`);
    const theirSite = body.data.study.sites.find((site: any) => site.code === "02").id;
    const cohortId = body.data.study.cohorts[0].id;
    probes.push([
      "createPatient",
      mutation("createPatient", "CreatePatientInput", (siteId) => ({ siteId, cohortId, subjectCode: "PROBE-001", sex: "FEMALE", status: "SCREENED" })),
      theirSite,
      missing("Site"),
    ]);
    for (const [name, probe, theirs, absent] of probes) await expectIndistinguishable(name, probe, theirs, absent);
  });

  it("left site 02's data as it was", async () => {
    expect(await siteData()).toBe(before);
  });
});
