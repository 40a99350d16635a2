/**
 * Text the database cannot store as given — a lone UTF-16 surrogate (stored as U+FFFD) or a NUL
 * character (refused by PostgreSQL) — is refused for every operation before it runs, naming the path,
 * over HTTP against the real server: nothing is written and the audit trail still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEvent } from "../../src/modules/audit/audit-event.entity";
import { Patient } from "../../src/modules/patients/patient.entity";
import { bearer } from "../support/bearer";
import { startTestServer } from "../support/http-test-server";
import type { TestServer } from "../support/http-test-server";
import { testDatabases } from "../support/test-database";

const LONE_SURROGATE = "\ud800";
const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`;
const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id subjectCode } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }`;
const VERIFY = `{ verifyAuditTrail { valid checked firstBrokenId } }`;

describe.each(testDatabases)("text the database cannot store, over HTTP on %s", (kind) => {
  let t: TestServer;
  let investigator: Record<string, string>;
  let auditor: Record<string, string>;
  let site: string;
  let cohort: string;
  let visit: string;

  async function post(body: unknown, headers: Record<string, string> = {}) {
    // JSON.stringify writes a lone surrogate as the escape \ud800, as a client would send it.
    const response = await fetch(t.server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  }
  const audits = () => t.server.app.dataSource.manager.count(AuditEvent);
  const patients = () => t.server.app.dataSource.manager.count(Patient);

  async function expectRefused(body: unknown, headers: Record<string, string>, fields: string[]) {
    const [auditsBefore, patientsBefore] = [await audits(), await patients()];
    const { status, body: result } = await post(body, headers);
    expect(status).toBe(200); // a request error, answered 200 to application/json clients
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(result.errors[0].extensions.problems.map((p: { field: string }) => p.field)).toEqual(fields);
    expect(result.errors[0].extensions.field).toBe(fields[0]);
    expect([await audits(), await patients()]).toEqual([auditsBefore, patientsBefore]);
    const { body: verified } = await post({ query: VERIFY }, auditor);
    expect(verified.data.verifyAuditTrail).toEqual({ valid: true, checked: await audits(), firstBrokenId: null });
  }

  beforeAll(async () => {
    t = await startTestServer(kind, { BASKETQL_DEMO: "1" });
    auditor = await bearer(t.server, "demo-auditor");
    const { body: sites } = await post({ query: `{ study { sites { id code } } }` }, auditor);
    site = sites.data.study.sites[0].id;
    // An investigator of that site enters its data (the demo has one per site for the first sites).
    investigator = await bearer(t.server, `demo-investigator-${sites.data.study.sites[0].code}`);
    const { body } = await post({ query: `{ study { cohorts { id patients(first: 1) { nodes { visits(first: 1) { nodes { id } } } } } } }` }, investigator);
    cohort = body.data.study.cohorts[0].id;
    visit = body.data.study.cohorts[0].patients.nodes[0].visits.nodes[0].id;
  }, 120_000);
  afterAll(() => t?.stop());

  it("refuses an anonymous sign-in whose username holds a lone surrogate, writing no audit record", async () => {
    await expectRefused({ query: SIGN_IN, variables: { u: `x${LONE_SURROGATE}`, p: "whatever" } }, {}, ["$u"]);
  });

  it("refuses a NUL character in a string literal, naming the field and argument", async () => {
    await expectRefused({ query: `mutation { signIn(username: "x\\u0000", password: "p") { token } }` }, {}, ["signIn.username"]);
  });

  it("refuses a text field of a mutation, and stores the same mutation with well-formed text", async () => {
    const input = { siteId: site, cohortId: cohort, sex: "FEMALE", subjectCode: `NUL-\u0000-1` };
    await expectRefused({ query: CREATE_PATIENT, variables: { input } }, investigator, ["$input.subjectCode"]);
    await expectRefused({ query: CREATE_PATIENT, variables: { input: { ...input, subjectCode: `S-${LONE_SURROGATE}` } } }, investigator, ["$input.subjectCode"]);
    const { body } = await post({ query: CREATE_PATIENT, variables: { input: { ...input, subjectCode: "TEXT-😀-1" } } }, investigator);
    expect(body.errors).toBeUndefined();
    expect(body.data.createPatient.subjectCode).toBe("TEXT-😀-1");
    const { body: verified } = await post({ query: VERIFY }, auditor);
    expect(verified.data.verifyAuditTrail.valid).toBe(true);
  });

  it("refuses text anywhere inside a JSON input: values, nested values and keys", async () => {
    const inputs = { tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 12, note: { lines: ["ok", `bad${LONE_SURROGATE}`] } };
    await expectRefused({ query: RECORD_ASSESSMENT, variables: { input: { visitId: visit, instrument: "DAS28_ESR", inputs } } }, investigator, ["$input.inputs.note.lines.1"]);
    const keyed = { tjc28: 4, [`k${LONE_SURROGATE}`]: 1 };
    await expectRefused({ query: RECORD_ASSESSMENT, variables: { input: { visitId: visit, instrument: "DAS28_ESR", inputs: keyed } } }, investigator, [`$input.inputs.${JSON.stringify(`k${LONE_SURROGATE}`)}`]);
    const literal = `mutation { recordAssessment(input: { visitId: "${visit}", instrument: "DAS28_ESR", inputs: { tjc28: 4, note: "a\\u0000b" } }) { id } }`;
    await expectRefused({ query: literal }, investigator, ["recordAssessment.input.inputs.note"]);
  });
});
