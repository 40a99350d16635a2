import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IsNull } from "typeorm";
import { SqlLogger } from "../../db/sql-logger";
import { toGlobalId } from "../../graphql/global-id";
import { ImmuneMeasurement } from "../immunology/immune-measurement.entity";
import { ImmuneParameter } from "../immunology/immune-parameter.entity";
import { Patient } from "../patients/patient.entity";
import { Cohort } from "../study/cohort.entity";
import { plannedDoseDays } from "../study/dosing-regimen";
import { PlannedVisit } from "../study/planned-visit.entity";
import { DoseAdministration } from "../visits/dose-administration.entity";
import { Visit } from "../visits/visit.entity";
import { createTestApp } from "../../../tests/support/test-app";
import type { TestApp } from "../../../tests/support/test-app";
import { testDatabases } from "../../../tests/support/test-database";
import { plannedDosesBefore } from "./analysis-set";

describe("plannedDosesBefore", () => {
  it("counts the regimen's planned dose days before a study day, as plannedDoseDays lists them", () => {
    const regimens = [
      { drug: "x", dose: 1, doseUnit: "MIU", route: "SC", inductionDays: 5, maintenanceStartDay: 15, maintenanceIntervalDays: 14, maintenanceEndDay: 180 },
      { drug: "x", dose: 1, doseUnit: "MIU", route: "SC", inductionDays: 5, maintenanceStartDay: 15, maintenanceIntervalDays: 7, maintenanceEndDay: 180 },
      { drug: "x", dose: 1, doseUnit: "MIU", route: "SC", inductionDays: 0, maintenanceStartDay: 1, maintenanceIntervalDays: 3, maintenanceEndDay: 10 },
      { drug: "x", dose: 1, doseUnit: "MIU", route: "SC", inductionDays: 3, maintenanceStartDay: 20, maintenanceIntervalDays: 5, maintenanceEndDay: 10 },
    ];
    for (const r of regimens) {
      const days = plannedDoseDays(r);
      for (let day = -1; day <= 260; day++) expect(plannedDosesBefore(r, day), `${JSON.stringify(r)} day ${day}`).toBe(days.filter((d) => d < day).length);
    }
  });
});

const QUERY = `query($visit: String, $filter: AnalysisFilter) {
  immuneResponse(visit: $visit, filter: $filter) {
    population { population maxMissedDoses presentAtVisit description }
    pooled { n patients { patientId } }
  }
}`;

describe.each(testDatabases)("analysis populations (%s)", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
  }, 240_000);
  afterAll(() => t.close());

  /**
   * Patients with a Treg value at `visitCode`, and per patient the missed doses before that visit,
   * computed here from the entities with `plannedDoseDays` (independently of the SQL).
   */
  async function independently(visitCode: string) {
    const m = t.dataSource.manager;
    const [treg] = await m.findBy(ImmuneParameter, { code: "TREG_PCT_CD4" });
    const planned = new Map((await m.find(PlannedVisit)).map((p) => [p.id, p]));
    const visits = (await m.find(Visit, { where: { removedAt: IsNull() } })).filter((v) => planned.get(v.plannedVisitId!)?.code === visitCode);
    const cohorts = new Map((await m.find(Cohort)).map((c) => [c.id, c]));
    const patients = new Map((await m.find(Patient)).map((p) => [p.id, p]));
    const doses = await m.find(DoseAdministration, { where: { removedAt: IsNull() } });
    const measured = new Set(
      (await m.find(ImmuneMeasurement, { where: { parameterId: treg.id, removedAt: IsNull() } })).filter((x) => visits.some((v) => v.id === x.visitId)).map((x) => x.patientId),
    );
    return [...measured].map((patientId) => {
      const visit = visits.find((v) => v.patientId === patientId)!;
      const day = visit.studyDay ?? planned.get(visit.plannedVisitId!)!.studyDay;
      const own = doses.filter((d) => d.patientId === patientId && d.given);
      const plannedCount = plannedDoseDays(cohorts.get(patients.get(patientId)!.cohortId)!.regimen).filter((d) => d < day).length;
      return { id: toGlobalId("Patient", patientId), patientId, treated: own.length > 0, present: visit.performed, missed: Math.max(0, plannedCount - own.filter((d) => d.studyDay! < day).length) };
    });
  }

  const ids = (r: any) => r.pooled.patients.map((p: any) => p.patientId).sort();

  it("ALL_TREATED (the default) leaves out a patient with no dose given, and says so", async () => {
    const before = await independently("D8");
    const untreated = before[0];
    await t.dataSource.manager.update(DoseAdministration, { patientId: untreated.patientId }, { given: false, notGivenReason: "test: never dosed" });
    const { immuneResponse: r } = await t.data(QUERY, {});
    expect(r.population).toEqual({ population: "ALL_TREATED", maxMissedDoses: null, presentAtVisit: null, description: "all treated (at least one dose given)" });
    const expected = (await independently("D8")).filter((p) => p.treated).map((p) => p.id).sort();
    expect(expected).not.toContain(untreated.id);
    expect(expected.length).toBe(before.length - 1);
    expect(ids(r)).toEqual(expected);
  });

  it("PER_PROTOCOL keeps patients with at most maxMissedDoses missed before the visit, present at it", async () => {
    const m = t.dataSource.manager;
    const patients = (await independently("D183")).filter((p) => p.treated);
    // Two patients miss doses on purpose: one 3 maintenance doses, one a single dose; a third did not attend.
    const [many, one, absent] = patients.filter((p) => p.missed === 0);
    const maintenance = (id: number) => m.find(DoseAdministration, { where: { patientId: id, given: true, removedAt: IsNull() }, order: { studyDay: "ASC" } }).then((d) => d.filter((x) => x.studyDay! > 5));
    for (const dose of (await maintenance(many.patientId)).slice(0, 3)) await m.update(DoseAdministration, dose.id, { given: false, notGivenReason: "test" });
    await m.update(DoseAdministration, (await maintenance(one.patientId))[0].id, { given: false, notGivenReason: "test" });
    const [d183] = await m.find(PlannedVisit, { where: { code: "D183" } });
    await m.update(Visit, { patientId: absent.patientId, plannedVisitId: d183.id }, { performed: false });

    const now = await independently("D183");
    expect(now.find((p) => p.patientId === many.patientId)!.missed).toBe(3);
    expect(now.find((p) => p.patientId === one.patientId)!.missed).toBe(1);
    const { immuneResponse: pp } = await t.data(QUERY, { visit: "D183", filter: { population: "PER_PROTOCOL" } });
    expect(pp.population).toMatchObject({ population: "PER_PROTOCOL", maxMissedDoses: 2, presentAtVisit: true });
    expect(pp.population.description).toMatch(/^per protocol \(at most 2 missed doses before the analysed visit, present at it/);
    const expected = now.filter((p) => p.treated && p.present && p.missed <= 2).map((p) => p.id).sort();
    expect(ids(pp)).toEqual(expected);
    expect(expected).toContain(one.id);
    expect(expected).not.toContain(many.id);
    expect(expected).not.toContain(absent.id);

    const { immuneResponse: strict } = await t.data(QUERY, { visit: "D183", filter: { population: "PER_PROTOCOL", maxMissedDoses: 0 } });
    expect(ids(strict)).toEqual(now.filter((p) => p.treated && p.present && p.missed === 0).map((p) => p.id).sort());
    expect(ids(strict)).not.toContain(one.id);

    const { immuneResponse: anyAttendance } = await t.data(QUERY, { visit: "D183", filter: { population: "PER_PROTOCOL", presentAtVisit: false } });
    expect(ids(anyAttendance)).toEqual(now.filter((p) => p.treated && p.missed <= 2).map((p) => p.id).sort());
    expect(ids(anyAttendance)).toContain(absent.id);

    // At D8 nobody has missed a maintenance dose yet: only the induction counts.
    const { immuneResponse: early } = await t.data(QUERY, { visit: "D8", filter: { population: "PER_PROTOCOL", maxMissedDoses: 0 } });
    expect(ids(early)).toEqual((await independently("D8")).filter((p) => p.treated && p.present && p.missed === 0).map((p) => p.id).sort());
    expect(ids(early)).toContain(many.id);
  });

  it("kinetics applies the population at each point's visit, in as many statements", async () => {
    const KINETICS = `query($filter: AnalysisFilter) { immuneKinetics(filter: $filter) { population { population } curves { points { visit value { n } } } } }`;
    const logger = t.dataSource.logger as SqlLogger;
    const before = logger.statements;
    const { immuneKinetics: all } = await t.data(KINETICS, {});
    const statementsAll = logger.statements - before;
    const mid = logger.statements;
    const { immuneKinetics: k } = await t.data(KINETICS, { filter: { population: "PER_PROTOCOL", maxMissedDoses: 0 } });
    expect(logger.statements - mid).toBe(statementsAll);
    for (const visit of ["D8", "D183"]) {
      const seen = k.curves.flatMap((c: any) => c.points.filter((p: any) => p.visit === visit)).reduce((s: number, p: any) => s + p.value.n, 0);
      expect(seen, visit).toBe((await independently(visit)).filter((p) => p.treated && p.present && p.missed === 0).length);
    }
    const total = (x: any, visit: string) => x.curves.flatMap((c: any) => c.points.filter((p: any) => p.visit === visit)).reduce((s: number, p: any) => s + p.value.n, 0);
    expect(total(k, "D183")).toBeLessThan(total(all, "D183"));
  });

  it("refuses per-protocol parameters outside PER_PROTOCOL and a negative threshold, naming the field", async () => {
    for (const [filter, field] of [
      [{ maxMissedDoses: 1 }, "filter.maxMissedDoses"],
      [{ presentAtVisit: false }, "filter.presentAtVisit"],
      [{ population: "PER_PROTOCOL", maxMissedDoses: -1 }, "filter.maxMissedDoses"],
    ] as const) {
      const result = await t.execute(QUERY, { filter });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(filter)).toBe("BAD_USER_INPUT");
      expect(JSON.stringify(result.errors?.[0]), JSON.stringify(filter)).toContain(field);
    }
  });
});
