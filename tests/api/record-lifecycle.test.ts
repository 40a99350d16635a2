import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/global-id";
import type { Access } from "../../src/modules/access/access";
import { setPassword } from "../../src/modules/access/accounts";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";

const PASSWORD = "correct horse battery staple";
const VISIT_FIELDS = `id version state performed visitDate signature { signerName signerUsername meaning signedAt contentHash contentMatches } signatures { voidedAt voidReason }`;
const STEP = (name: string) => `mutation($input: VisitStepInput!) { ${name}(input: $input) { ${VISIT_FIELDS} } }`;
const SIGN = `mutation($input: SignVisitInput!) { signVisit(input: $input) { ${VISIT_FIELDS} } }`;
const VISIT = `query($id: ID!) { node(id: $id) { ... on Visit { ${VISIT_FIELDS} } } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id version } }`;
const RECORD_LAB = `mutation($input: RecordLabResultInput!) { recordLabResult(input: $input) { id version value } }`;
const CORRECT_LAB = `mutation($id: ID!, $v: Int!, $reason: String, $input: RecordLabResultInput!) {
  correctLabResult(id: $id, expectedVersion: $v, reason: $reason, input: $input) { id version value referenceHigh }
}`;
const REMOVE = `mutation($id: ID!, $v: Int!, $reason: String!) { removeRecord(id: $id, expectedVersion: $v, reason: $reason) { version removedAt removalReason } }`;
const RESTORE = `mutation($id: ID!, $v: Int!, $reason: String!) { restoreRecord(id: $id, expectedVersion: $v, reason: $reason) { version removedAt removalReason } }`;
const LAB = `query($id: ID!) { node(id: $id) { ... on LabResult { id version value removedAt removalReason } } }`;
const AUDIT = `query($entityId: ID) { auditTrail(entityId: $entityId, first: 500) { nodes { action field oldValue newValue reason actorUsername } } }`;

describe.each(testDatabases)("record lifecycle on %s", (kind) => {
  let t: TestApp;
  let investigator: Access;
  let coordinator: Access;
  let dataManager: Access;
  let auditor: Access;
  let patientId: string;
  let plannedVisits: Array<{ id: string; code: string }>;
  let next = 0;

  const errorOf = async (query: string, variables: Record<string, unknown>, access: Access) => {
    const result = await t.execute(query, variables, access);
    expect(result.errors, JSON.stringify(result.data)).toBeDefined();
    return { message: result.errors![0].message, code: result.errors![0].extensions?.code, field: result.errors![0].extensions?.field };
  };
  const visit = async (id: string) => (await t.data(VISIT, { id }, dataManager)).node;
  const lab = async (id: string) => (await t.data(LAB, { id }, dataManager)).node;
  const trail = async (entityId: string) => (await t.data(AUDIT, { entityId }, auditor)).auditTrail.nodes as Array<Record<string, string | null>>;

  /** A new visit IN_PROGRESS with one CRP result. */
  async function visitWithLab(): Promise<{ visitId: string; labId: string }> {
    const planned = plannedVisits[next++ % plannedVisits.length];
    const patient = await t.data(
      `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`,
      {
        input: {
          cohortId: cohortId, siteId, subjectCode: `LC-${kind}-${next}`, sex: "MALE", yearOfBirth: 1980, ageAtInclusion: 44,
          inclusionDate: "2024-01-02", treatmentStartDate: "2024-01-03", status: "INCLUDED",
        },
      },
      investigator,
    );
    patientId = patient.createPatient.id;
    const visitId = (await t.data(RECORD_VISIT, { input: { patientId, plannedVisitId: planned.id, visitDate: "2024-01-03" } }, coordinator)).recordVisit.id;
    const labId = (await t.data(RECORD_LAB, { input: { visitId, testCode: "CRP", value: 12, referenceHigh: 5 } }, coordinator)).recordLabResult.id;
    return { visitId, labId };
  }
  let cohortId: string;
  let siteId: string;

  async function signedVisit() {
    const made = await visitWithLab();
    let v = await visit(made.visitId);
    v = (await t.data(STEP("completeVisit"), { input: { visitId: made.visitId, expectedVersion: v.version } }, coordinator)).completeVisit;
    v = (await t.data(SIGN, { input: { visitId: made.visitId, expectedVersion: v.version, password: PASSWORD, meaning: "APPROVAL" } }, investigator)).signVisit;
    return { ...made, visit: v };
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    await t.dataSource.transaction((manager) => setPassword(manager, SYSTEM_ACTOR, "demo-investigator-01", PASSWORD));
    investigator = await t.accessOf("demo-investigator-01");
    coordinator = await t.accessOf("demo-coordinator-01");
    dataManager = await t.accessOf("demo-data-manager");
    auditor = await t.accessOf("demo-auditor");
    const { study } = await t.data(`{ study { cohorts { id diseaseId plannedVisits { id code } } } }`);
    const ra = study.cohorts.find((c: any) => c.diseaseId === "rheumatoid-arthritis");
    cohortId = ra.id;
    plannedVisits = ra.plannedVisits;
    siteId = toGlobalId("Site", investigator.assignments[0].siteId!);
  });
  afterAll(() => t.close());

  it("corrects a record with its version, auditing old and new values; a stale version gets CONFLICT and writes nothing", async () => {
    const { visitId, labId } = await visitWithLab();
    const input = (value: number) => ({ visitId, testCode: "CRP", value, referenceHigh: 5 });
    const corrected = await t.data(CORRECT_LAB, { id: labId, v: 1, input: input(14) }, coordinator);
    expect(corrected.correctLabResult).toMatchObject({ version: 2, value: 14 });
    const stale = await errorOf(CORRECT_LAB, { id: labId, v: 1, input: input(99) }, coordinator);
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/expectedVersion 1, but it is now at version 2/);
    expect((await lab(labId)).value).toBe(14);
    const updates = (await trail(labId)).filter((r) => r.action === "UPDATE");
    expect(updates).toEqual([{ action: "UPDATE", field: "value", oldValue: "12", newValue: "14", reason: null, actorUsername: "demo-coordinator-01" }]);
  });

  it("refuses to move a record to another visit through a correction", async () => {
    const a = await visitWithLab();
    const b = await visitWithLab();
    const moved = await errorOf(CORRECT_LAB, { id: a.labId, v: 1, input: { visitId: b.visitId, testCode: "CRP", value: 3 } }, coordinator);
    expect(moved).toMatchObject({ code: "BAD_USER_INPUT", field: "visitId" });
  });

  it("of two concurrent writers on one record, one succeeds and the other gets CONFLICT; nothing is lost", async () => {
    const { visitId, labId } = await visitWithLab();
    const write = (value: number) => t.execute(CORRECT_LAB, { id: labId, v: 1, input: { visitId, testCode: "CRP", value, referenceHigh: 5 } }, coordinator);
    const results = await Promise.all([write(21), write(22)]);
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].errors![0].extensions?.code).toBe("CONFLICT");
    const winner = winners[0].data!.correctLabResult;
    expect(await lab(labId)).toMatchObject({ version: 2, value: winner.value });
    const updates = (await trail(labId)).filter((r) => r.action === "UPDATE");
    expect(updates.map((u) => [u.oldValue, u.newValue])).toEqual([["12", String(winner.value)]]);
  });

  it("removes a record with a reason, leaves it out of every list, count and filter, shows it by id and restores it", async () => {
    const { visitId, labId } = await visitWithLab();
    const counts = async () =>
      (
        await t.data(
          `query($visitId: ID!, $patientId: ID!) {
            visit: node(id: $visitId) { ... on Visit { labResults { totalCount } } }
            labResults(where: { patient: { id: { eq: $patientId } } }) { totalCount aggregates { count value { max } } }
            patients(where: { id: { eq: $patientId }, labResults: { some: { testCode: { eq: "CRP" } } } }) { totalCount }
          }`,
          { visitId, patientId },
          investigator,
        )
      );
    expect(await counts()).toEqual({ visit: { labResults: { totalCount: 1 } }, labResults: { totalCount: 1, aggregates: { count: 1, value: { max: 12 } } }, patients: { totalCount: 1 } });
    expect((await errorOf(REMOVE, { id: labId, v: 1, reason: "  " }, coordinator)).field).toBe("reason");
    const removed = (await t.data(REMOVE, { id: labId, v: 1, reason: "entered for the wrong patient" }, coordinator)).removeRecord;
    expect(removed).toMatchObject({ version: 2, removalReason: "entered for the wrong patient" });
    expect(removed.removedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await counts()).toEqual({ visit: { labResults: { totalCount: 0 } }, labResults: { totalCount: 0, aggregates: { count: 0, value: { max: null } } }, patients: { totalCount: 0 } });
    expect(await lab(labId)).toMatchObject({ value: 12, removalReason: "entered for the wrong patient" });

    // A new CRP may be entered in its place; the removed one then cannot come back beside it.
    const replacement = (await t.data(RECORD_LAB, { input: { visitId, testCode: "CRP", value: 7 } }, coordinator)).recordLabResult.id;
    expect((await errorOf(RESTORE, { id: labId, v: 2, reason: "was right after all" }, coordinator)).message).toMatch(/equivalent LabResult/);
    await t.data(REMOVE, { id: replacement, v: 1, reason: "duplicate" }, coordinator);
    const restored = (await t.data(RESTORE, { id: labId, v: 2, reason: "was right after all" }, coordinator)).restoreRecord;
    expect(restored).toEqual({ version: 3, removedAt: null, removalReason: null });
    expect((await counts()).labResults.totalCount).toBe(1);
    expect((await trail(labId)).filter((r) => r.action !== "CREATE").map((r) => [r.action, r.field, r.reason])).toEqual([
      ["REMOVE", "removedAt", "entered for the wrong patient"],
      ["REMOVE", "removalReason", "entered for the wrong patient"],
      ["RESTORE", "removedAt", "was right after all"],
      ["RESTORE", "removalReason", "was right after all"],
    ]);
  });

  it("removes a visit only once none of its records is left", async () => {
    const { visitId, labId } = await visitWithLab();
    const v = await visit(visitId);
    expect((await errorOf(REMOVE, { id: visitId, v: v.version, reason: "wrong visit" }, coordinator)).message).toMatch(/1 record\(s\) still part of the data/);
    await t.data(REMOVE, { id: labId, v: 1, reason: "wrong visit" }, coordinator);
    const after = await visit(visitId);
    expect((await t.data(REMOVE, { id: visitId, v: after.version, reason: "wrong visit" }, coordinator)).removeRecord.removalReason).toBe("wrong visit");
    const listed = await t.data(`query($id: ID!) { node(id: $id) { ... on Patient { visits { totalCount } } } }`, { id: patientId }, investigator);
    expect(listed.node.visits.totalCount).toBe(0);
  });

  it("requires a reason for a change once the visit is complete, and adds records only to a visit in progress", async () => {
    const { visitId, labId } = await visitWithLab();
    const v = await visit(visitId);
    await t.data(STEP("completeVisit"), { input: { visitId, expectedVersion: v.version } }, coordinator);
    const noReason = await errorOf(CORRECT_LAB, { id: labId, v: 1, input: { visitId, testCode: "CRP", value: 13 } }, coordinator);
    expect(noReason).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    expect(noReason.message).toMatch(/the visit is COMPLETE/);
    await t.data(CORRECT_LAB, { id: labId, v: 1, reason: "transcription error", input: { visitId, testCode: "CRP", value: 13 } }, coordinator);
    const adding = await errorOf(RECORD_LAB, { input: { visitId, testCode: "ESR", value: 20 } }, coordinator);
    expect(adding).toMatchObject({ code: "BAD_USER_INPUT", field: "visitId" });
    expect(adding.message).toMatch(/reopen it/);
    const current = await visit(visitId);
    expect((await errorOf(STEP("reopenVisit"), { input: { visitId, expectedVersion: current.version } }, coordinator)).field).toBe("reason");
    const reopened = (await t.data(STEP("reopenVisit"), { input: { visitId, expectedVersion: current.version, reason: "ESR result arrived" } }, coordinator)).reopenVisit;
    expect(reopened.state).toBe("IN_PROGRESS");
    await t.data(RECORD_LAB, { input: { visitId, testCode: "ESR", value: 20 } }, coordinator);
  });

  it("signs a complete visit after checking the investigator's password, recording name, time, meaning and content hash", async () => {
    const { visitId } = await visitWithLab();
    let v = await visit(visitId);
    v = (await t.data(STEP("completeVisit"), { input: { visitId, expectedVersion: v.version } }, coordinator)).completeVisit;
    const byCoordinator = await errorOf(SIGN, { input: { visitId, expectedVersion: v.version, password: PASSWORD, meaning: "APPROVAL" } }, coordinator);
    expect(byCoordinator.code).toBe("FORBIDDEN");
    const wrong = await errorOf(SIGN, { input: { visitId, expectedVersion: v.version, password: "not the password", meaning: "APPROVAL" } }, investigator);
    expect(wrong).toMatchObject({ code: "BAD_USER_INPUT", field: "password" });
    expect((await trail(visitId)).filter((r) => r.action === "SIGN_FAILED")).toHaveLength(1);
    // …and in the patient's trail.
    const patientTrail = (await t.data(`query($p: ID) { auditTrail(patientId: $p, actions: [SIGN_FAILED]) { nodes { visitId } } }`, { p: patientId }, auditor)).auditTrail.nodes;
    expect(patientTrail).toEqual([{ visitId }]);
    expect((await visit(visitId)).state).toBe("COMPLETE");

    const signed = (await t.data(SIGN, { input: { visitId, expectedVersion: v.version, password: PASSWORD, meaning: "APPROVAL" } }, investigator)).signVisit;
    expect(signed.state).toBe("SIGNED");
    expect(signed.signature).toMatchObject({ signerUsername: "demo-investigator-01", meaning: "APPROVAL", contentMatches: true });
    expect(signed.signature.signerName.length).toBeGreaterThan(0);
    expect(signed.signature.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.signature.signedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect((await trail(visitId)).some((r) => r.action === "SIGN" && r.field === "state" && r.newValue === "SIGNED")).toBe(true);
  });

  it("voids the signature when a signed visit's data changes, and returns the visit to COMPLETE", async () => {
    const { visitId, labId, visit: signed } = await signedVisit();
    expect(signed.state).toBe("SIGNED");
    await t.data(CORRECT_LAB, { id: labId, v: 1, reason: "lab re-reported the value", input: { visitId, testCode: "CRP", value: 9 } }, coordinator);
    const after = await visit(visitId);
    expect(after.state).toBe("COMPLETE");
    expect(after.signature).toBeNull();
    expect(after.signatures).toEqual([{ voidedAt: expect.stringMatching(/^\d{4}-/), voidReason: "lab re-reported the value" }]);
    expect((await trail(visitId)).some((r) => r.action === "UPDATE" && r.field === "state" && r.oldValue === "SIGNED" && r.newValue === "COMPLETE")).toBe(true);
  });

  it("corrects a signed visit's own fields in one write: the version returned is the one stored, each change audited once", async () => {
    const { visitId, visit: signed } = await signedVisit();
    const CORRECT_VISIT = `mutation($id: ID!, $v: Int!, $reason: String, $input: RecordVisitInput!) {
      correctVisit(id: $id, expectedVersion: $v, reason: $reason, input: $input) { ${VISIT_FIELDS} }
    }`;
    const { node } = await t.data(`query($id: ID!) { node(id: $id) { ... on Visit { plannedVisit { id } } } }`, { id: visitId }, coordinator);
    const input = { patientId, plannedVisitId: node.plannedVisit.id, visitDate: "2024-01-04" };
    const corrected = (await t.data(CORRECT_VISIT, { id: visitId, v: signed.version, reason: "date mistyped", input }, coordinator)).correctVisit;
    expect(corrected).toMatchObject({ version: signed.version + 1, state: "COMPLETE", visitDate: "2024-01-04", signature: null, signatures: [{ voidReason: "date mistyped" }] });
    expect(await visit(visitId)).toMatchObject({ version: corrected.version, state: "COMPLETE" });
    const changes = (await trail(visitId)).filter((r) => r.reason === "date mistyped").map((r) => [r.action, r.field, r.oldValue, r.newValue]);
    expect(changes).toEqual([
      ["UPDATE", "visitDate", "2024-01-03", "2024-01-04"],
      ["UPDATE", "studyDay", "1", "2"],
      ["UPDATE", "state", "SIGNED", "COMPLETE"],
    ]);
    // The version it returned is current: the next write based on it succeeds.
    await t.data(STEP("reopenVisit"), { input: { visitId, expectedVersion: corrected.version, reason: "more data" } }, coordinator);
  });

  it("the database itself refuses a second live visit for the same planned visit", async () => {
    const { visitId } = await visitWithLab();
    const [row] = await t.dataSource.query(`SELECT "patientId", "plannedVisitId" FROM "visit" WHERE "id" = ${Number(Buffer.from(visitId, "base64url").toString().split(":")[1])}`);
    await expect(
      t.dataSource.query(`INSERT INTO "visit" ("patientId", "plannedVisitId", "visitDate", "outOfWindow", "state") VALUES (${row.patientId}, ${row.plannedVisitId}, '2024-01-10', ${kind === "postgres" ? "false" : 0}, 'IN_PROGRESS')`),
    ).rejects.toThrow(/unique/i);
  });

  it("locks a signed visit (data manager only); a locked visit refuses every write until unlocked with a reason", async () => {
    const { visitId, labId, visit: signed } = await signedVisit();
    expect((await errorOf(STEP("lockVisit"), { input: { visitId, expectedVersion: signed.version } }, investigator)).code).toBe("FORBIDDEN");
    const lockedVisit = (await t.data(STEP("lockVisit"), { input: { visitId, expectedVersion: signed.version } }, dataManager)).lockVisit;
    expect(lockedVisit.state).toBe("LOCKED");
    const writes: Array<[string, Record<string, unknown>]> = [
      [CORRECT_LAB, { id: labId, v: 1, reason: "x", input: { visitId, testCode: "CRP", value: 1 } }],
      [REMOVE, { id: labId, v: 1, reason: "x" }],
      [RECORD_LAB, { input: { visitId, testCode: "ALT", value: 20 } }],
      [STEP("reopenVisit"), { input: { visitId, expectedVersion: lockedVisit.version, reason: "x" } }],
    ];
    for (const [query, variables] of writes) expect((await errorOf(query, variables, coordinator)).code).toBe("LOCKED");
    expect((await errorOf(STEP("unlockVisit"), { input: { visitId, expectedVersion: lockedVisit.version } }, dataManager)).field).toBe("reason");
    const unlocked = (await t.data(STEP("unlockVisit"), { input: { visitId, expectedVersion: lockedVisit.version, reason: "query from monitoring" } }, dataManager)).unlockVisit;
    expect(unlocked).toMatchObject({ state: "SIGNED", signature: { contentMatches: true } });
    expect((await trail(visitId)).filter((r) => r.action === "LOCK" || r.action === "UNLOCK").map((r) => [r.action, r.newValue, r.reason])).toEqual([
      ["LOCK", "LOCKED", null],
      ["UNLOCK", "SIGNED", "query from monitoring"],
    ]);
  });

  it("a study lock freezes every clinical write of the study until a data manager unlocks it with a reason", async () => {
    const { visitId, labId } = await visitWithLab();
    const { study } = await t.data(`{ study { id } }`);
    expect((await errorOf(`mutation($id: ID!) { lockStudy(studyId: $id, reason: "final analysis") { lockedAt } }`, { id: study.id }, investigator)).code).toBe("FORBIDDEN");
    const locked = await t.data(`mutation($id: ID!) { lockStudy(studyId: $id, reason: "database lock for the final analysis") { lockedAt lockReason } }`, { id: study.id }, dataManager);
    expect(locked.lockStudy.lockReason).toBe("database lock for the final analysis");
    try {
      const writes: Array<[string, Record<string, unknown>]> = [
        [CORRECT_LAB, { id: labId, v: 1, input: { visitId, testCode: "CRP", value: 1 } }],
        [RECORD_LAB, { input: { visitId, testCode: "ALT", value: 20 } }],
        [RECORD_VISIT, { input: { patientId, visitDate: "2024-02-01" } }],
        [`mutation($input: ChangePatientStatusInput!) { changePatientStatus(input: $input) { id } }`, { input: { patientId, expectedVersion: 1, status: "COMPLETED", date: "2024-06-01" } }],
      ];
      for (const [query, variables] of writes) expect((await errorOf(query, variables, coordinator)).code).toBe("LOCKED");
    } finally {
      await t.data(`mutation($id: ID!) { unlockStudy(studyId: $id, reason: "analysis reopened by protocol amendment") { lockedAt } }`, { id: study.id }, dataManager);
    }
    await t.data(CORRECT_LAB, { id: labId, v: 1, input: { visitId, testCode: "CRP", value: 1 } }, coordinator);
  });
});
