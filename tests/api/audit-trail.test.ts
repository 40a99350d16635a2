import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/global-id";
import { Access } from "../../src/modules/access/access";
import { Role } from "../../src/modules/access/role";
import { grantRole, revokeRole, setActive, setPassword } from "../../src/modules/access/accounts";
import { User } from "../../src/modules/access/user.entity";
import { chainHash } from "../../src/modules/audit/audit-chain";
import { auditKeyOf } from "../../src/modules/audit/audit-key";
import { AuditAction, AuditEvent } from "../../src/modules/audit/audit-event.entity";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";

const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
const CHANGE_STATUS = `mutation($input: ChangePatientStatusInput!) { changePatientStatus(input: $input) { id status } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`;
const RECORD_DOSE = `mutation($input: RecordDoseInput!) { recordDose(input: $input) { id } }`;
const RECORD_IMMUNE = `mutation($input: RecordImmuneMeasurementInput!) { recordImmuneMeasurement(input: $input) { id } }`;
const RECORD_LAB = `mutation($input: RecordLabResultInput!) { recordLabResult(input: $input) { id } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }`;
const RECORD_AE = `mutation($input: RecordAdverseEventInput!) { recordAdverseEvent(input: $input) { id } }`;
const RECORD_CM = `mutation($input: RecordConcomitantMedicationInput!) { recordConcomitantMedication(input: $input) { id } }`;
const AUDIT_TRAIL = `query($patientId: ID, $visitId: ID, $entityId: ID, $actions: [AuditAction!], $entityType: String, $field: String, $first: Int, $after: String) {
  auditTrail(patientId: $patientId, visitId: $visitId, entityId: $entityId, actions: $actions, entityType: $entityType, field: $field, first: $first, after: $after) {
    nodes { id sequence occurredAt actorUsername actorRoles action entityType entityId patientId visitId field oldValue newValue reason previousHash hash }
    endCursor hasNextPage
  }
}`;
const VERIFY = `{ verifyAuditTrail { valid checked firstBrokenId } }`;

interface Row {
  sequence: number;
  occurredAt: string;
  actorUsername: string;
  actorRoles: string;
  action: string;
  entityType: string;
  entityId: string;
  patientId: string | null;
  visitId: string | null;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
}

describe.each(testDatabases)("audit trail on %s", (kind) => {
  let t: TestApp;
  let investigator: Access;
  let auditor: Access;
  let ra: { id: string; plannedVisits: Array<{ id: string; code: string }> };
  let siteId: string;
  let patientId: string;
  let visitId: string;

  const auditCount = () => t.dataSource.manager.count(AuditEvent);
  const trail = async (variables: Record<string, unknown>, access?: Access): Promise<Row[]> =>
    (await t.data(AUDIT_TRAIL, { first: 500, ...variables }, access ?? auditor)).auditTrail.nodes;
  const fieldsOf = (rows: Row[], entityType: string) => Object.fromEntries(rows.filter((r) => r.entityType === entityType).map((r) => [r.field, r.newValue]));

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    investigator = await t.accessOf("demo-investigator-01");
    auditor = await t.accessOf("demo-auditor");
    const { study } = await t.data(`{ study { cohorts { id diseaseId plannedVisits { id code } } } }`);
    ra = study.cohorts.find((c: any) => c.diseaseId === "rheumatoid-arthritis");
    siteId = toGlobalId("Site", investigator.assignments[0].siteId!);
  });
  afterAll(() => t.close());

  it("records the demo load as one IMPORT, with the demo accounts' creation and roles, and the chain verifies", async () => {
    const rows = await trail({});
    const imports = rows.filter((r) => r.action === "IMPORT");
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ actorUsername: "system", entityType: "Study", reason: "demo trial generated" });
    expect(JSON.parse(imports[0].newValue!)).toMatchObject({ patients: expect.any(Number), visits: expect.any(Number), seed: "basketql-demo" });
    // Nothing else: no clinical row of the generated trial has its own audit record.
    expect(new Set(rows.map((r) => r.entityType))).toEqual(new Set(["User", "RoleAssignment", "Study"]));
    const grants = rows.filter((r) => r.action === "ROLE_GRANTED").map((r) => r.newValue);
    expect(grants).toContain("demo-investigator-01: INVESTIGATOR at site 01 of TRANSREG");
    expect(grants).toHaveLength(8);
    expect(rows.filter((r) => r.entityType === "User").every((r) => r.action === "CREATE" && r.field !== "passwordHash")).toBe(true);
    expect((await t.data(VERIFY, {}, auditor)).verifyAuditTrail).toEqual({ valid: true, checked: rows.length, firstBrokenId: null });
  });

  it("audits the initial entry of every field, with the actor and their roles, for every mutation", async () => {
    const before = await auditCount();
    const { createPatient } = await t.data(
      CREATE_PATIENT,
      { input: { cohortId: ra.id, siteId, subjectCode: "AUD-001", sex: "FEMALE", yearOfBirth: 1970, ageAtInclusion: 54, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" } },
      investigator,
    );
    patientId = createPatient.id;
    const patientRows = await trail({ entityId: patientId });
    expect(patientRows.every((r) => r.action === "CREATE" && r.oldValue === null && r.actorUsername === "demo-investigator-01")).toBe(true);
    expect(patientRows[0].actorRoles).toMatch(/^INVESTIGATOR@study:\d+\/site:\d+$/);
    expect(patientRows.every((r) => r.patientId === patientId && r.entityId === patientId)).toBe(true);
    expect(patientRows[0].occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(fieldsOf(patientRows, "Patient")).toMatchObject({
      subjectCode: "AUD-001", sex: "FEMALE", yearOfBirth: "1970", ageAtInclusion: "54", inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED", statusReason: null,
    });
    expect(patientRows.map((r) => r.field)).not.toContain("id");
    expect(await auditCount()).toBe(before + patientRows.length);

    const baseline = ra.plannedVisits.find((v) => v.code === "BASELINE")!;
    visitId = (await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: baseline.id, visitDate: "2024-03-04" } }, investigator)).recordVisit.id;
    await t.data(RECORD_DOSE, { input: { patientId, visitId, administeredOn: "2024-03-04", dose: 1, doseUnit: "MIU", route: "SC", lot: "L1" } }, investigator);
    await t.data(RECORD_IMMUNE, { input: { visitId, parameterCode: "TREG_PCT_CD4", value: 5.4 } }, investigator);
    await t.data(RECORD_LAB, { input: { visitId, testCode: "CRP", value: 12, referenceHigh: 5 } }, investigator);
    await t.data(RECORD_ASSESSMENT, { input: { visitId, instrument: "DAS28_ESR", inputs: { tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 12 } } }, investigator);
    await t.data(RECORD_AE, { input: { patientId, visitId, term: "Injection site reaction", grade: 1, relatedness: "DEFINITE", onsetDate: "2024-03-05", outcome: "RECOVERED" } }, investigator);
    await t.data(RECORD_CM, { input: { patientId, drug: "methotrexate", dose: 15, doseUnit: "mg", frequency: "weekly", startDate: "2020-01-01" } }, investigator);
    await t.data(CHANGE_STATUS, { input: { patientId, expectedVersion: 1, status: "WITHDRAWN", date: "2024-04-01", reason: "moved abroad" } }, investigator);

    const rows = await trail({ patientId });
    expect(rows.every((r) => r.actorUsername === "demo-investigator-01")).toBe(true);
    expect(new Set(rows.map((r) => r.entityType))).toEqual(
      new Set(["Patient", "Visit", "DoseAdministration", "ImmuneMeasurement", "LabResult", "ClinicalAssessment", "AdverseEvent", "ConcomitantMedication"]),
    );
    expect(fieldsOf(rows, "Visit")).toMatchObject({ visitDate: "2024-03-04", studyDay: "1", outOfWindow: "false" });
    expect(fieldsOf(rows, "DoseAdministration")).toMatchObject({ dose: "1", doseUnit: "MIU", route: "SC", lot: "L1", given: "true" });
    expect(fieldsOf(rows, "ImmuneMeasurement")).toMatchObject({ value: "5.4" });
    expect(fieldsOf(rows, "LabResult")).toMatchObject({ value: "12", referenceHigh: "5" });
    expect(JSON.parse(fieldsOf(rows, "ClinicalAssessment").inputs!)).toEqual({ tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 12 });
    expect(fieldsOf(rows, "AdverseEvent")).toMatchObject({ term: "Injection site reaction", grade: "1" });
    expect(fieldsOf(rows, "ConcomitantMedication")).toMatchObject({ drug: "methotrexate", frequency: "weekly" });

    const updates = rows.filter((r) => r.action === "UPDATE");
    expect(updates.map(({ field, oldValue, newValue, reason }) => ({ field, oldValue, newValue, reason }))).toEqual(
      expect.arrayContaining([
        { field: "status", oldValue: "INCLUDED", newValue: "WITHDRAWN", reason: "moved abroad" },
        { field: "statusReason", oldValue: null, newValue: "moved abroad", reason: "moved abroad" },
      ]),
    );
    expect(updates.every((r) => r.entityType === "Patient")).toBe(true);

    // Records of the visit carry its id; the visit filter finds them.
    const visitRows = await trail({ visitId });
    expect(new Set(visitRows.map((r) => r.entityType))).toEqual(new Set(["Visit", "DoseAdministration", "ImmuneMeasurement", "LabResult", "ClinicalAssessment", "AdverseEvent"]));
  });

  it("pages through the trail in order", async () => {
    const all = await trail({ patientId });
    const first = (await t.data(AUDIT_TRAIL, { patientId, first: 5 }, auditor)).auditTrail;
    expect(first.hasNextPage).toBe(true);
    const second = (await t.data(AUDIT_TRAIL, { patientId, first: 5, after: first.endCursor }, auditor)).auditTrail;
    expect([...first.nodes, ...second.nodes].map((r: Row) => r.sequence)).toEqual(all.slice(0, 10).map((r) => r.sequence));
  });

  it("writes no audit record for a rejected mutation", async () => {
    const before = await auditCount();
    const invalid = await t.execute(CREATE_PATIENT, { input: { cohortId: ra.id, siteId, subjectCode: "AUD-001", sex: "FEMALE", status: "INCLUDED" } }, investigator);
    expect(invalid.errors).toBeDefined();
    const badDate = await t.execute(CHANGE_STATUS, { input: { patientId, status: "COMPLETED", date: "2000-01-01" } }, investigator);
    expect(badDate.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const otherSite = await t.accessOf("demo-investigator-02");
    const refused = await t.execute(RECORD_CM, { input: { patientId, drug: "prednisone" } }, otherSite);
    // Another site's patient: refused (reported as an unknown patient, so that its existence does not leak).
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "patientId" });
    expect(await auditCount()).toBe(before);
  });

  it("audits sign-in successes and failures, a failure in its own transaction", async () => {
    await t.dataSource.transaction((manager) => setPassword(manager, SYSTEM_ACTOR, "demo-monitor-02", "correct horse battery"));
    const signIn = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`;
    const anonymous = Access.anonymous();
    const wrong = await t.execute(signIn, { u: "demo-monitor-02", p: "wrong" }, anonymous);
    expect(wrong.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    await t.execute(signIn, { u: "nobody", p: "x" }, anonymous);
    await t.execute(signIn, { u: "n".repeat(100_000), p: "x" }, anonymous);
    await t.data(signIn, { u: "demo-monitor-02", p: "correct horse battery" }, anonymous);
    const user = await t.dataSource.manager.findOneByOrFail(User, { username: "demo-monitor-02" });
    const rows = await t.dataSource.manager.find(AuditEvent, { where: [{ action: AuditAction.SIGN_IN }, { action: AuditAction.SIGN_IN_FAILED }], order: { id: "ASC" } });
    expect(rows.map(({ action, actorId, actorUsername, entityId, reason }) => ({ action, actorId, actorUsername, entityId, reason }))).toEqual([
      { action: "SIGN_IN_FAILED", actorId: user.id, actorUsername: "demo-monitor-02", entityId: String(user.id), reason: "wrong password" },
      { action: "SIGN_IN_FAILED", actorId: null, actorUsername: "nobody", entityId: "nobody", reason: "unknown username" },
      // What was typed, cut to the length a username can have.
      { action: "SIGN_IN_FAILED", actorId: null, actorUsername: `${"n".repeat(64)}… (100000 characters)`, entityId: `${"n".repeat(64)}… (100000 characters)`, reason: "unknown username" },
      { action: "SIGN_IN", actorId: user.id, actorUsername: "demo-monitor-02", entityId: String(user.id), reason: null },
    ]);
    expect(rows[3].actorRoles).toMatch(/^MONITOR@/);
  });

  it("audits account administration: passwords (never their value), roles granted and revoked, deactivation", async () => {
    const admin = { actorId: null, actorUsername: "operator@db-host", actorRoles: "COMMAND_LINE" };
    await t.dataSource.transaction(async (manager) => {
      await setPassword(manager, admin, "demo-analyst", "a long enough password");
      await grantRole(manager, admin, { username: "demo-analyst", role: Role.MONITOR, siteCode: "02", expiresOn: "2030-12-31" }, "monitoring visit");
      await revokeRole(manager, admin, { username: "demo-analyst", role: Role.MONITOR, siteCode: "02" }, "visit over");
      await setActive(manager, admin, "demo-analyst", false, "left the study");
    });
    const rows = await trail({ actions: ["UPDATE", "ROLE_GRANTED", "ROLE_REVOKED"], entityType: undefined });
    const mine = rows.filter((r) => r.actorUsername === "operator@db-host");
    expect(mine.map(({ action, entityType, field, oldValue, newValue, reason, actorRoles }) => ({ action, entityType, field, oldValue, newValue, reason, actorRoles }))).toEqual([
      { action: "UPDATE", entityType: "User", field: "password", oldValue: null, newValue: "(changed)", reason: null, actorRoles: "COMMAND_LINE" },
      { action: "ROLE_GRANTED", entityType: "RoleAssignment", field: "role", oldValue: null, newValue: "demo-analyst: MONITOR at site 02 of TRANSREG until 2030-12-31", reason: "monitoring visit", actorRoles: "COMMAND_LINE" },
      { action: "ROLE_REVOKED", entityType: "RoleAssignment", field: "role", oldValue: "demo-analyst: MONITOR at site 02 of TRANSREG until 2030-12-31", newValue: null, reason: "visit over", actorRoles: "COMMAND_LINE" },
      { action: "UPDATE", entityType: "User", field: "active", oldValue: "true", newValue: "false", reason: "left the study", actorRoles: "COMMAND_LINE" },
    ]);
    // The filters: by action, by type and by field.
    expect((await trail({ actions: ["ROLE_REVOKED"] })).map((r) => r.reason)).toEqual(["visit over"]);
    expect((await trail({ entityType: "User", field: "active" })).map((r) => r.newValue)).toEqual([...Array(8).fill("true"), "false"]);
    const refused = await t.execute(AUDIT_TRAIL, { actions: ["DROP"] }, auditor);
    expect(refused.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    // A grant that expired before it starts, or that the user already holds, is refused.
    await expect(t.dataSource.transaction((m) => grantRole(m, admin, { username: "demo-analyst", role: Role.MONITOR, siteCode: "02", expiresOn: "2020-01-01" }))).rejects.toThrow(
      "expiresOn 2020-01-01 is in the past",
    );
    await expect(t.dataSource.transaction((m) => grantRole(m, admin, { username: "demo-analyst", role: Role.ANALYST }))).rejects.toThrow("demo-analyst already holds ANALYST of TRANSREG");
    // Revoking a role the user does not hold is refused, naming it.
    await expect(t.dataSource.transaction((m) => revokeRole(m, admin, { username: "demo-analyst", role: Role.MONITOR, siteCode: "02" }))).rejects.toThrow(
      "role: demo-analyst does not hold MONITOR at site 02 of TRANSREG",
    );
    // Reasons have the same bounds as everywhere: at most 500 characters.
    await expect(t.dataSource.transaction((m) => setActive(m, admin, "demo-analyst", true, "x".repeat(501)))).rejects.toThrow("reason must be at most 500 characters");
    await t.dataSource.transaction((m) => setActive(m, admin, "demo-analyst", true));
  });

  it("is readable by auditors and data managers only", async () => {
    const dataManager = await t.accessOf("demo-data-manager");
    expect((await t.data(AUDIT_TRAIL, { patientId }, dataManager)).auditTrail.nodes.length).toBeGreaterThan(0);
    for (const username of ["demo-investigator-01", "demo-monitor-02", "demo-analyst", "demo-admin"]) {
      const access = await t.accessOf(username);
      for (const query of [AUDIT_TRAIL, VERIFY]) {
        const result = await t.execute(query, { patientId }, access);
        expect(result.errors?.[0].extensions?.code, `${username}`).toBe("FORBIDDEN");
        expect(result.data ?? null).toBeNull();
      }
    }
  });

  it("refuses UPDATE, DELETE (and TRUNCATE on PostgreSQL) of audit records in the database itself", async () => {
    const before = await auditCount();
    await expect(t.dataSource.query(`UPDATE audit_event SET "newValue" = 'forged' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_event WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    if (kind === "postgres") await expect(t.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect(await auditCount()).toBe(before);
  });

  it("verifies an untouched chain", async () => {
    const { verifyAuditTrail } = await t.data(VERIFY, {}, auditor);
    expect(verifyAuditTrail).toEqual({ valid: true, checked: await auditCount(), firstBrokenId: null });
  });

  // Last: it breaks the chain on purpose.
  it("detects a changed record once the trigger has been dropped", async () => {
    const rows = await t.dataSource.manager.find(AuditEvent, { where: { field: "subjectCode" }, order: { id: "ASC" } });
    const target = rows[0].id;
    await t.dataSource.query(kind === "postgres" ? `DROP TRIGGER audit_event_no_update ON audit_event` : `DROP TRIGGER audit_event_no_update`);
    await t.dataSource.query(`UPDATE audit_event SET "newValue" = 'AUD-999' WHERE id = ${target}`);
    const { verifyAuditTrail } = await t.data(VERIFY, {}, auditor);
    expect(verifyAuditTrail).toEqual({ valid: false, checked: target, firstBrokenId: target });

    // Recomputing the forged row's own hash, even with the audit key, does not help: the next row's link breaks.
    const forged = await t.dataSource.manager.findOneByOrFail(AuditEvent, { id: target });
    const rehashed = chainHash(auditKeyOf(t.dataSource), forged.previousHash, forged);
    expect(rehashed).not.toBe(forged.hash);
    await t.dataSource.query(`UPDATE audit_event SET "hash" = '${rehashed}' WHERE id = ${target}`);
    expect((await t.data(VERIFY, {}, auditor)).verifyAuditTrail).toEqual({ valid: false, checked: target + 1, firstBrokenId: target + 1 });
  });
});
