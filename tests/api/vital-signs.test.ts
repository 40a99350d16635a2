import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/global-id";
import type { Access } from "../../src/modules/access/access";
import { setPassword } from "../../src/modules/access/accounts";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const PASSWORD = "correct horse battery staple";
const FIELDS = "id version weightKg heightCm systolicBp diastolicBp heartRate temperatureC bmi removedAt removalReason visit { id }";
const RECORD = `mutation($input: RecordVitalSignsInput!) { recordVitalSigns(input: $input) { ${FIELDS} } }`;
const CORRECT = `mutation($id: ID!, $v: Int!, $reason: String, $input: RecordVitalSignsInput!) {
  correctVitalSigns(id: $id, expectedVersion: $v, reason: $reason, input: $input) { ${FIELDS} }
}`;
const REMOVE = `mutation($id: ID!, $v: Int!, $reason: String!) { removeRecord(id: $id, expectedVersion: $v, reason: $reason) { version removedAt removalReason } }`;
const RESTORE = `mutation($id: ID!, $v: Int!, $reason: String!) { restoreRecord(id: $id, expectedVersion: $v, reason: $reason) { version removedAt removalReason } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on VitalSigns { ${FIELDS} } } }`;
const VISIT_FIELDS = "id version state signature { contentHash } signatures { voidedAt voidReason }";
const STEP = (name: string) => `mutation($input: VisitStepInput!) { ${name}(input: $input) { ${VISIT_FIELDS} } }`;
const SIGN = `mutation($input: SignVisitInput!) { signVisit(input: $input) { ${VISIT_FIELDS} } }`;
const VISIT = `query($id: ID!) { node(id: $id) { ... on Visit { ${VISIT_FIELDS} } } }`;
const AUDIT = `query($entityId: ID) { auditTrail(entityId: $entityId, first: 500) { nodes { action entityType field oldValue newValue reason actorUsername } } }`;

const NORMAL = { weightKg: 70, heightCm: 175, systolicBp: 124, diastolicBp: 78, heartRate: 72, temperatureC: 36.8 };

describe.each(testDatabases)("vital signs on %s", (kind) => {
  let t: TestApp;
  let investigator: Access;
  let coordinator: Access;
  let dataManager: Access;
  let auditor: Access;
  let analyst: Access;
  let otherSite: Access;
  let cohortId: string;
  let siteId: string;
  let plannedVisits: Array<{ id: string; code: string }>;
  let made = 0;

  const errorOf = async (query: string, variables: Record<string, unknown>, access: Access) => {
    const result = await t.execute(query, variables, access);
    expect(result.errors, JSON.stringify(result.data)).toBeDefined();
    const [error] = result.errors!;
    return { message: error.message, code: error.extensions?.code, field: error.extensions?.field, problems: error.extensions?.problems as Array<{ field: string; allowed?: string }> | undefined };
  };
  const record = async (input: Record<string, unknown>) => (await t.data(RECORD, { input }, coordinator)).recordVitalSigns;
  const node = async (id: string) => (await t.data(NODE, { id }, dataManager)).node;
  const trail = async (entityId: string) => (await t.data(AUDIT, { entityId }, auditor)).auditTrail.nodes as Array<Record<string, string | null>>;

  /** A new patient of site 01 with a visit IN_PROGRESS at each of the first `count` planned visits. */
  async function patientWithVisits(count = 1): Promise<{ patientId: string; visitIds: string[] }> {
    made++;
    const { createPatient } = await t.data(
      `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`,
      {
        input: {
          cohortId, siteId, subjectCode: `VS-${kind}-${made}`, sex: "FEMALE", yearOfBirth: 1975, ageAtInclusion: 49,
          inclusionDate: "2024-01-02", treatmentStartDate: "2024-01-03", status: "INCLUDED",
        },
      },
      investigator,
    );
    const visitIds: string[] = [];
    for (const [i, planned] of plannedVisits.slice(0, count).entries()) {
      const input = { patientId: createPatient.id, plannedVisitId: planned.id, visitDate: `2024-0${1 + i}-10` };
      visitIds.push((await t.data(`mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`, { input }, coordinator)).recordVisit.id);
    }
    return { patientId: createPatient.id, visitIds };
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    await t.dataSource.transaction((manager) => setPassword(manager, SYSTEM_ACTOR, "demo-investigator-01", PASSWORD));
    investigator = await t.accessOf("demo-investigator-01");
    coordinator = await t.accessOf("demo-coordinator-01");
    dataManager = await t.accessOf("demo-data-manager");
    auditor = await t.accessOf("demo-auditor");
    analyst = await t.accessOf("demo-analyst");
    otherSite = await t.accessOf("demo-investigator-02");
    const { study } = await t.data(`{ study { cohorts { id diseaseId plannedVisits { id code studyDay } } } }`);
    const ra = study.cohorts.find((c: any) => c.diseaseId === "rheumatoid-arthritis");
    cohortId = ra.id;
    plannedVisits = [...ra.plannedVisits].sort((a: any, b: any) => a.studyDay - b.studyDay);
    siteId = toGlobalId("Site", investigator.assignments[0].siteId!);
  });
  afterAll(() => t.close());

  it("records vital signs at a visit in progress, with the BMI computed from weight and height", async () => {
    const { visitIds: [visitId] } = await patientWithVisits();
    const recorded = await record({ visitId, ...NORMAL });
    // 70 kg / (1.75 m)² = 22.857… kg/m²
    expect(recorded).toMatchObject({ ...NORMAL, version: 1, bmi: 22.9, removedAt: null, visit: { id: visitId } });
    expect(await node(recorded.id)).toEqual(recorded);

    // Height is often measured once: without it there is no BMI, and a measure not taken stays null.
    const { visitIds: [other] } = await patientWithVisits();
    expect(await record({ visitId: other, weightKg: 81.4, systolicBp: 131 })).toMatchObject({ weightKg: 81.4, heightCm: null, systolicBp: 131, diastolicBp: null, bmi: null });

    const trailed = await trail(recorded.id);
    expect(trailed.every((row) => row.action === "CREATE" && row.entityType === "VitalSigns" && row.actorUsername === "demo-coordinator-01")).toBe(true);
    expect(trailed.find((row) => row.field === "weightKg")?.newValue).toBe("70");
    expect(trailed.find((row) => row.field === "systolicBp")?.newValue).toBe("124");
  });

  it("refuses measures outside their plausible range, naming each field with its range and unit, and writes nothing", async () => {
    const { patientId, visitIds: [visitId] } = await patientWithVisits();
    const refused = await errorOf(RECORD, { input: { visitId, weightKg: 0.5, heightCm: 251, systolicBp: 301, diastolicBp: 19, heartRate: 251, temperatureC: 45.5 } }, coordinator);
    expect(refused.code).toBe("BAD_USER_INPUT");
    expect(refused.problems!.map((p) => [p.field, p.allowed])).toEqual([
      ["weightKg", "a number from 1 to 400 kg"],
      ["heightCm", "a number from 30 to 250 cm"],
      ["systolicBp", "an integer from 40 to 300 mmHg"],
      ["diastolicBp", "an integer from 20 to 200 mmHg"],
      ["heartRate", "an integer from 20 to 250 beats/min"],
      ["temperatureC", "a number from 30 to 45 °C"],
    ]);
    expect(refused.message).toContain("weightKg must be a number from 1 to 400 kg (got 0.5)");
    expect(refused.message).toContain("temperatureC must be a number from 30 to 45 °C (got 45.5)");

    // Each limit itself is allowed (checked on a correction, which replaces the whole form).
    const low = await record({ visitId, weightKg: 1, heightCm: 30, systolicBp: 40, diastolicBp: 20, heartRate: 20, temperatureC: 30 });
    const high = { weightKg: 400, heightCm: 250, systolicBp: 300, diastolicBp: 200, heartRate: 250, temperatureC: 45 };
    expect((await t.data(CORRECT, { id: low.id, v: 1, input: { visitId, ...high } }, coordinator)).correctVitalSigns).toMatchObject(high);
    await t.data(REMOVE, { id: low.id, v: 2, reason: "limits tried out" }, coordinator);

    const inverted = await errorOf(RECORD, { input: { visitId, systolicBp: 80, diastolicBp: 80 } }, coordinator);
    expect(inverted).toMatchObject({ field: "diastolicBp", message: "diastolicBp must be below systolicBp (80 mmHg; got 80)" });
    const empty = await errorOf(RECORD, { input: { visitId } }, coordinator);
    expect(empty).toMatchObject({ field: "input" });
    expect(empty.message).toMatch(/at least one measure \(weightKg, heightCm, systolicBp, diastolicBp, heartRate, temperatureC\)/);
    // Pressures and the heart rate are whole numbers: the schema types them Int.
    const fractional = await t.execute(RECORD, { input: { visitId, systolicBp: 120.5 } }, coordinator);
    expect(fractional.errors?.[0].message).toMatch(/systolicBp.*Int/);

    const listed = await t.data(`query($p: ID!) { vitalSigns(where: { patient: { id: { eq: $p } } }) { totalCount } }`, { p: patientId }, dataManager);
    expect(listed.vitalSigns.totalCount).toBe(0);
  });

  it("holds one set per visit: a second is refused, one removed may be entered again and then cannot be restored beside it", async () => {
    const { visitIds: [visitId] } = await patientWithVisits();
    const first = await record({ visitId, ...NORMAL });
    const duplicate = await errorOf(RECORD, { input: { visitId, weightKg: 71 } }, coordinator);
    expect(duplicate).toMatchObject({ code: "BAD_USER_INPUT", field: "visitId" });
    expect(duplicate.message).toMatch(/already has vital signs recorded/);

    expect((await errorOf(REMOVE, { id: first.id, v: 1, reason: " " }, coordinator)).field).toBe("reason");
    const removed = (await t.data(REMOVE, { id: first.id, v: 1, reason: "entered at the wrong visit" }, coordinator)).removeRecord;
    expect(removed).toMatchObject({ version: 2, removalReason: "entered at the wrong visit" });
    expect(removed.removedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const visitList = `query($id: ID!) { node(id: $id) { ... on Visit { vitalSigns { totalCount nodes { id } } } } }`;
    expect((await t.data(visitList, { id: visitId }, investigator)).node.vitalSigns.totalCount).toBe(0);
    expect(await node(first.id)).toMatchObject({ weightKg: 70, removalReason: "entered at the wrong visit" });

    const second = await record({ visitId, weightKg: 72 });
    expect((await errorOf(RESTORE, { id: first.id, v: 2, reason: "was right after all" }, coordinator)).message).toMatch(/equivalent VitalSigns/);
    await t.data(REMOVE, { id: second.id, v: 1, reason: "duplicate" }, coordinator);
    expect((await t.data(RESTORE, { id: first.id, v: 2, reason: "was right after all" }, coordinator)).restoreRecord).toEqual({ version: 3, removedAt: null, removalReason: null });
    expect((await t.data(visitList, { id: visitId }, investigator)).node.vitalSigns).toEqual({ totalCount: 1, nodes: [{ id: first.id }] });
    expect((await trail(first.id)).filter((r) => r.action !== "CREATE").map((r) => [r.action, r.field, r.reason])).toEqual([
      ["REMOVE", "removedAt", "entered at the wrong visit"],
      ["REMOVE", "removalReason", "entered at the wrong visit"],
      ["RESTORE", "removedAt", "was right after all"],
      ["RESTORE", "removalReason", "was right after all"],
    ]);
  });

  it("lists, filters, orders, aggregates and groups vital signs under the root, a patient and a visit", async () => {
    const { patientId, visitIds } = await patientWithVisits(3);
    const sets = [
      { weightKg: 62.5, heightCm: 160, systolicBp: 118, diastolicBp: 74, heartRate: 66, temperatureC: 36.6 },
      { weightKg: 64, systolicBp: 86, diastolicBp: 52, heartRate: 104, temperatureC: 37.9 },
      { weightKg: 63.1, systolicBp: 122, diastolicBp: 80, heartRate: 70 },
    ];
    const ids: string[] = [];
    for (const [i, set] of sets.entries()) ids.push((await record({ visitId: visitIds[i], ...set })).id);

    const { root, patient, visit, hypotensive } = await t.data(
      `query($p: ID!, $v: ID!) {
        root: vitalSigns(where: { patient: { id: { eq: $p } }, systolicBp: { gte: 100 } }, orderBy: [{ field: WEIGHT_KG, direction: DESC }]) {
          totalCount nodes { id weightKg bmi }
          aggregates { count weightKg { min max mean count } systolicBp { min max } temperatureC { count } }
        }
        patient: node(id: $p) { ... on Patient { vitalSigns(where: { heartRate: { gt: 100 } }) { nodes { id heartRate } } } }
        visit: node(id: $v) { ... on Visit { vitalSigns { nodes { id weightKg } } } }
        hypotensive: patients(where: { id: { eq: $p }, vitalSigns: { some: { systolicBp: { lt: 90 } } } }) { totalCount }
      }`,
      { p: patientId, v: visitIds[1] },
      investigator,
    );
    expect(root.totalCount).toBe(2);
    // 62.5 kg / (1.60 m)² = 24.41… kg/m²
    expect(root.nodes).toEqual([{ id: ids[2], weightKg: 63.1, bmi: null }, { id: ids[0], weightKg: 62.5, bmi: 24.4 }]);
    expect(root.aggregates).toEqual({ count: 2, weightKg: { min: 62.5, max: 63.1, mean: 62.8, count: 2 }, systolicBp: { min: 118, max: 122 }, temperatureC: { count: 1 } });
    expect(patient.vitalSigns.nodes).toEqual([{ id: ids[1], heartRate: 104 }]);
    expect(visit.vitalSigns.nodes).toEqual([{ id: ids[1], weightKg: 64 }]);
    expect(hypotensive.totalCount).toBe(1);

    const byDiastolic = await t.data(
      `query($p: ID!) { vitalSigns(where: { patient: { id: { eq: $p } }, diastolicBp: { lt: 80 } }, orderBy: [{ field: DIASTOLIC_BP }]) { nodes { diastolicBp } } }`,
      { p: patientId },
      investigator,
    );
    expect(byDiastolic.vitalSigns.nodes).toEqual([{ diastolicBp: 52 }, { diastolicBp: 74 }]);

    const { vitalSignsGroups } = await t.data(
      `query($p: ID!) { vitalSignsGroups(by: [VISIT], where: { patient: { id: { eq: $p } } }) { key { visit cohort } count systolicBp { mean } heartRate { max } } }`,
      { p: patientId },
      investigator,
    );
    expect(vitalSignsGroups).toEqual(
      plannedVisits.slice(0, 3).map((planned, i) => ({ key: { visit: planned.code, cohort: null }, count: 1, systolicBp: { mean: sets[i].systolicBp }, heartRate: { max: sets[i].heartRate } })),
    );
  });

  it("corrects vital signs with the version read: a stale version gets CONFLICT, the change is audited", async () => {
    const { visitIds: [visitId] } = await patientWithVisits();
    const recorded = await record({ visitId, ...NORMAL });
    const corrected = (await t.data(CORRECT, { id: recorded.id, v: 1, input: { visitId, ...NORMAL, weightKg: 68.2 } }, coordinator)).correctVitalSigns;
    expect(corrected).toMatchObject({ version: 2, weightKg: 68.2, heightCm: 175, bmi: 22.3 });
    const stale = await errorOf(CORRECT, { id: recorded.id, v: 1, input: { visitId, ...NORMAL, weightKg: 99 } }, coordinator);
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/expectedVersion 1, but it is now at version 2/);
    const outOfRange = await errorOf(CORRECT, { id: recorded.id, v: 2, input: { visitId, ...NORMAL, heartRate: 400 } }, coordinator);
    expect(outOfRange).toMatchObject({ code: "BAD_USER_INPUT", field: "heartRate" });
    expect((await node(recorded.id)).weightKg).toBe(68.2);
    expect((await trail(recorded.id)).filter((r) => r.action === "UPDATE").map((r) => [r.field, r.oldValue, r.newValue])).toEqual([["weightKg", "70", "68.2"]]);
  });

  it("is part of the visit's signed content: correcting the vital signs of a signed visit voids its signature", async () => {
    const { visitIds: [visitId] } = await patientWithVisits();
    const recorded = await record({ visitId, ...NORMAL });
    let visit = (await t.data(VISIT, { id: visitId }, dataManager)).node;
    visit = (await t.data(STEP("completeVisit"), { input: { visitId, expectedVersion: visit.version } }, coordinator)).completeVisit;
    visit = (await t.data(SIGN, { input: { visitId, expectedVersion: visit.version, password: PASSWORD, meaning: "APPROVAL" } }, investigator)).signVisit;
    expect(visit.state).toBe("SIGNED");

    expect((await errorOf(CORRECT, { id: recorded.id, v: 1, input: { visitId, ...NORMAL, systolicBp: 96 } }, coordinator)).field).toBe("reason");
    await t.data(CORRECT, { id: recorded.id, v: 1, reason: "read from the wrong arm", input: { visitId, ...NORMAL, systolicBp: 96 } }, coordinator);
    const after = (await t.data(VISIT, { id: visitId }, dataManager)).node;
    expect(after).toMatchObject({ state: "COMPLETE", signature: null, signatures: [{ voidReason: "read from the wrong arm" }] });
  });

  it("shows analysts the measures and hides the removal reason", async () => {
    const { visitIds: [visitId] } = await patientWithVisits();
    const recorded = await record({ visitId, weightKg: 93.7, heightCm: 182, systolicBp: 141, diastolicBp: 88, heartRate: 77, temperatureC: 37.1 });
    await t.data(REMOVE, { id: recorded.id, v: 1, reason: "Mrs Example's form, not this patient's" }, coordinator);
    await t.data(RESTORE, { id: recorded.id, v: 2, reason: "it was this patient's after all" }, coordinator);
    const seen = await t.data(
      `{ vitalSigns(where: { weightKg: { eq: 93.7 }, systolicBp: { eq: 141 } }) { totalCount nodes { id weightKg heightCm systolicBp diastolicBp heartRate temperatureC bmi removalReason } aggregates { weightKg { mean } } } }`,
      undefined,
      analyst,
    );
    expect(seen.vitalSigns.totalCount).toBe(1);
    expect(seen.vitalSigns.nodes).toEqual([{ id: recorded.id, weightKg: 93.7, heightCm: 182, systolicBp: 141, diastolicBp: 88, heartRate: 77, temperatureC: 37.1, bmi: 28.3, removalReason: null }]);
    expect(seen.vitalSigns.aggregates.weightKg.mean).toBe(93.7);
  });

  it("keeps another site's investigator out: none is listed, fetched, grouped or correctable, answered as not existing", async () => {
    const { patientId, visitIds: [visitId] } = await patientWithVisits();
    const recorded = await record({ visitId, ...NORMAL, heartRate: 131 });
    const seen = await t.data(
      `query($p: ID!, $id: ID!, $v: ID!) {
        vitalSigns(where: { patient: { id: { eq: $p } } }) { totalCount nodes { id } }
        fast: vitalSigns(where: { heartRate: { eq: 131 } }) { totalCount }
        vitalSignsGroups(by: [SITE], where: { heartRate: { eq: 131 } }) { count }
        record: node(id: $id) { id }
        visit: node(id: $v) { id }
        patients(where: { vitalSigns: { some: { heartRate: { eq: 131 } } } }) { totalCount }
      }`,
      { p: patientId, id: recorded.id, v: visitId },
      otherSite,
    );
    expect(seen).toEqual({ vitalSigns: { totalCount: 0, nodes: [] }, fast: { totalCount: 0 }, vitalSignsGroups: [], record: null, visit: null, patients: { totalCount: 0 } });
    // Site 01 itself sees it.
    expect((await t.data(`{ vitalSigns(where: { heartRate: { eq: 131 } }) { totalCount } }`, undefined, investigator)).vitalSigns.totalCount).toBe(1);

    const input = { visitId, ...NORMAL, heartRate: 60 };
    const theirs = await errorOf(CORRECT, { id: recorded.id, v: 1, reason: "x", input }, otherSite);
    const missingId = toGlobalId("VitalSigns", 99_999_999);
    const missing = await errorOf(CORRECT, { id: missingId, v: 1, reason: "x", input }, otherSite);
    expect(theirs.code).toBe(missing.code);
    expect(theirs.message.replace(recorded.id, "<id>")).toBe(missing.message.replace(missingId, "<id>"));
    expect((await errorOf(RECORD, { input: { visitId: visitId, weightKg: 60 } }, otherSite)).message).toMatch(/visit/);
    expect((await errorOf(REMOVE, { id: recorded.id, v: 1, reason: "x" }, otherSite)).code).toBe(missing.code);
    expect(await node(recorded.id)).toMatchObject({ version: 1, heartRate: 131 });
  });
});
