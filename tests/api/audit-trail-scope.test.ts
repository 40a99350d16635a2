import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/global-id";
import { createUser, grantRole } from "../../src/modules/access/accounts";
import { RoleAssignment } from "../../src/modules/access/role-assignment.entity";
import { Role } from "../../src/modules/access/role";
import { Site } from "../../src/modules/study/site.entity";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import type { HttpTrial } from "../support/http-trial";
import { startHttpTrial } from "../support/http-trial";
import { testDatabases } from "../support/test-database";

/**
 * Audit trail reads stay within the sites the reader holds an audit role for. An AUDITOR and a
 * DATA_MANAGER whose assignments name site 01 (stored directly: role grants give these roles study-wide
 * only, and a stored assignment naming a site must not be widened), who also monitor site 02 (a role that
 * opens no audit trail), ask auditTrail over HTTP for the whole trail and for site 02's patient, visit and record: they see site 01's records only, and a site-02
 * id answers exactly as an id that does not exist.
 */
const AUDIT_TRAIL = `query($patientId: ID, $visitId: ID, $entityId: ID) {
  auditTrail(patientId: $patientId, visitId: $visitId, entityId: $entityId, first: 500) {
    nodes { action entityType entityId patientId visitId } endCursor hasNextPage
  }
}`;
const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;
const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`;
const MISSING_KEY = 987_654;
const SITE_LIMITED_READERS = [
  ["site-01-auditor", Role.AUDITOR],
  ["site-01-data-manager", Role.DATA_MANAGER],
] as const;

interface Entered {
  patientId: string;
  visitId: string;
}

describe.each(testDatabases)("audit trail scope over HTTP on %s", (kind) => {
  let trial: HttpTrial;
  const entered = new Map<string, Entered>();

  const ask = async (username: string, variables: Record<string, unknown> = {}) => {
    const { status, body } = await trial.post(username, AUDIT_TRAIL, variables);
    expect(status).toBe(200);
    return body;
  };

  /** A patient and its baseline visit entered by the site's investigator, so that both sites have audited clinical records. */
  async function enterAt(siteCode: string, sites: any[], cohort: any): Promise<Entered> {
    const investigator = `demo-investigator-${siteCode}`;
    const siteId = sites.find((s) => s.code === siteCode).id;
    const input = { cohortId: cohort.id, siteId, subjectCode: `SCOPE-${siteCode}`, sex: "FEMALE", yearOfBirth: 1970, ageAtInclusion: 54, inclusionDate: "2024-03-01", treatmentStartDate: "2024-03-04", status: "INCLUDED" };
    const patient = await trial.post(investigator, CREATE_PATIENT, { input });
    const patientId = patient.body.data!.createPatient.id;
    const baseline = cohort.plannedVisits.find((v: any) => v.code === "BASELINE");
    const visit = await trial.post(investigator, RECORD_VISIT, { input: { patientId, plannedVisitId: baseline.id, visitDate: "2024-03-04" } });
    return { patientId, visitId: visit.body.data!.recordVisit.id };
  }

  beforeAll(async () => {
    trial = await startHttpTrial(kind);
    const { body } = await trial.post("demo-data-manager", `{ study { sites { id code } cohorts { id diseaseId plannedVisits { id code } } } }`);
    const { sites, cohorts } = body.data!.study;
    const cohort = cohorts.find((c: any) => c.diseaseId === "rheumatoid-arthritis");
    for (const code of ["01", "02"]) entered.set(code, await enterAt(code, sites, cohort));
    const manager = trial.server.app.dataSource.manager;
    const site01 = await manager.findOneByOrFail(Site, { code: "01" });
    for (const [username, role] of SITE_LIMITED_READERS) {
      const user = await createUser(manager, SYSTEM_ACTOR, { username, displayName: username });
      await manager.insert(RoleAssignment, { userId: user.id, studyId: site01.studyId, role, siteId: site01.id, expiresOn: null });
      await grantRole(manager, SYSTEM_ACTOR, { username, role: Role.MONITOR, siteCode: "02" });
    }
  });
  afterAll(() => trial.stop());

  it("a study-wide auditor reads both sites' records and the service's administration records", async () => {
    const { data } = await ask("demo-auditor");
    const patients = new Set(data!.auditTrail.nodes.map((n: any) => n.patientId));
    expect(patients).toEqual(new Set([null, entered.get("01")!.patientId, entered.get("02")!.patientId]));
    expect(data!.auditTrail.nodes.some((n: any) => n.action === "ROLE_GRANTED")).toBe(true);
    expect((await ask("demo-auditor", { patientId: entered.get("02")!.patientId })).data!.auditTrail.nodes.length).toBeGreaterThan(0);
  });

  it.each(SITE_LIMITED_READERS)("%s reads site 01's records only, and no administration record", async (username) => {
    const { data, errors } = await ask(username);
    expect(errors).toBeUndefined();
    const { patientId, visitId } = entered.get("01")!;
    expect(data!.auditTrail.nodes.length).toBeGreaterThan(0);
    expect(new Set(data!.auditTrail.nodes.map((n: any) => n.patientId))).toEqual(new Set([patientId]));
    expect(data!.auditTrail.nodes.some((n: any) => n.entityId === visitId)).toBe(true);
  });

  it.each(SITE_LIMITED_READERS)("%s asking for site 02's patient, visit or record gets what a nonexistent one gets", async (username) => {
    const { patientId, visitId } = entered.get("02")!;
    const probes: Array<[variables: Record<string, unknown>, missing: Record<string, unknown>]> = [
      [{ patientId }, { patientId: toGlobalId("Patient", MISSING_KEY) }],
      [{ visitId }, { visitId: toGlobalId("Visit", MISSING_KEY) }],
      [{ entityId: patientId }, { entityId: toGlobalId("Patient", MISSING_KEY) }],
      [{ entityId: visitId }, { entityId: toGlobalId("Visit", MISSING_KEY) }],
    ];
    for (const [variables, missing] of probes) {
      const answer = await ask(username, variables);
      expect(answer).toEqual(await ask(username, missing));
      expect(answer).toEqual({ data: { auditTrail: { nodes: [], endCursor: null, hasNextPage: false } } });
    }
  });
});
