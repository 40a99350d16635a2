import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId } from "../../src/graphql/global-id";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const ACTIVITY = `{ study { cohorts { code disease { primaryInstrument } patients(first: 10) { nodes { id
  latestActivity { id version instrumentCode visit { visitDate } }
  assessments(first: 50) { totalCount nodes { id instrumentCode visit { visitDate } } }
} } } } }`;
const REMOVE = `mutation($id: ID!, $v: Int!, $reason: String!) { removeRecord(id: $id, expectedVersion: $v, reason: $reason) { version } }`;
const RESTORE = `mutation($id: ID!, $v: Int!, $reason: String!) { restoreRecord(id: $id, expectedVersion: $v, reason: $reason) { version } }`;

interface Assessment { id: string; version?: number; instrumentCode: string; visit: { visitDate: string } }
interface PatientActivity { id: string; latestActivity: Assessment | null; assessments: { totalCount: number; nodes: Assessment[] } }

/** What "latest" means, worked out from the patient's whole list: the latest visit date, then the latest entered. */
function expectedLatest(assessments: Assessment[], primary: string): string | null {
  const key = (a: Assessment) => [a.visit.visitDate, fromGlobalId(a.id)!.key] as const;
  const candidates = assessments.filter((a) => a.instrumentCode === primary).sort((a, b) => {
    const [dateA, idA] = key(a);
    const [dateB, idB] = key(b);
    return dateA === dateB ? idA - idB : dateA.localeCompare(dateB);
  });
  return candidates.at(-1)?.id ?? null;
}

describe.each(testDatabases)("a patient's latest activity on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
  });
  afterAll(() => t.close());

  const cohorts = async () =>
    (await t.data(ACTIVITY)).study.cohorts as Array<{ code: string; disease: { primaryInstrument: string }; patients: { nodes: PatientActivity[] } }>;

  it("is the assessment of the disease's primary instrument at the patient's latest visit, for every patient of the page", async () => {
    let checked = 0;
    for (const cohort of await cohorts()) {
      for (const patient of cohort.patients.nodes) {
        expect(patient.assessments.nodes).toHaveLength(patient.assessments.totalCount);
        expect(patient.latestActivity?.id ?? null, `${cohort.code} ${patient.id}`).toBe(expectedLatest(patient.assessments.nodes, cohort.disease.primaryInstrument));
        if (patient.latestActivity) checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("falls back to the previous assessment when the latest is removed, and comes back when it is restored", async () => {
    const patient = (await cohorts())[0].patients.nodes.find((p) => p.latestActivity !== null)!;
    const latest = patient.latestActivity!;
    const removed = await t.data(REMOVE, { id: latest.id, v: latest.version, reason: "entered for the wrong patient" });
    const after = (await cohorts()).flatMap((c) => c.patients.nodes.map((p) => ({ p, primary: c.disease.primaryInstrument }))).find(({ p }) => p.id === patient.id)!;
    expect(after.p.assessments.nodes.map((a) => a.id)).not.toContain(latest.id);
    expect(after.p.latestActivity?.id ?? null).toBe(expectedLatest(after.p.assessments.nodes, after.primary));
    expect(after.p.latestActivity?.id).not.toBe(latest.id);
    expect(after.p.latestActivity!.visit.visitDate <= latest.visit.visitDate).toBe(true);
    await t.data(RESTORE, { id: latest.id, v: removed.removeRecord.version, reason: "it was this patient's after all" });
    const restored = (await cohorts()).flatMap((c) => c.patients.nodes).find((p) => p.id === patient.id)!;
    expect(restored.latestActivity?.id).toBe(latest.id);
  });
});
