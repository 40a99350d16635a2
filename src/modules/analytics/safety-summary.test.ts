import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IsNull } from "typeorm";
import { SqlLogger } from "../../db/sql-logger";
import { toGlobalId } from "../../graphql/global-id";
import { Patient } from "../patients/patient.entity";
import { AdverseEvent } from "../safety/adverse-event.entity";
import { Cohort } from "../study/cohort.entity";
import { plannedDoseDays } from "../study/dosing-regimen";
import { Site } from "../study/site.entity";
import { DoseAdministration } from "../visits/dose-administration.entity";
import { dateOfStudyDay, studyDayOf } from "../visits/study-day";
import { createTestApp } from "../../../tests/support/test-app";
import type { TestApp } from "../../../tests/support/test-app";
import { testDatabases } from "../../../tests/support/test-database";
import { poissonRate, proportion } from "./statistics";

const NOTES = "notEstimable { statistic reason message }";
const COMPLIANCE = `planned given missed proportion ${NOTES}`;
const QUERY = `query($filter: AnalysisFilter) {
  safetySummary(filter: $filter) {
    population { population maxMissedDoses description }
    exposureDefinition
    cohorts { ...group }
    pooled { ...group }
  }
}
fragment group on SafetyGroup {
  cohortCode diseaseId label patients events patientsWithEvent
  byGrade { grade relatedness events patients }
  byGradeAndRelatedness { grade relatedness events patients }
  gradeThreeOrMore { patients n estimate ci { lower upper level } ${NOTES} }
  rate { events patientMonths rate ci { lower upper level } method ${NOTES} }
  compliance { ${COMPLIANCE} }
  patientRows { patientId subjectCode cohortCode siteCode compliance { ${COMPLIANCE} } exposureDays patientMonths events severeEvents eventsInExposure }
}`;

const MONTH = 365.25 / 12;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const between = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

interface Expected {
  id: string;
  cohort: string;
  site: string;
  planned: number;
  given: number;
  exposureDays: number;
  events: AdverseEvent[];
  inExposure: number;
}

describe.each(testDatabases)("safetySummary on the demo trial (%s)", (kind) => {
  let t: TestApp;
  let cohortCodes: string[];
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    cohortCodes = (await t.dataSource.manager.find(Cohort, { order: { code: "ASC" } })).map((c) => c.code);
  }, 240_000);
  afterAll(() => t.close());

  /** The treated patients and their figures, read through TypeORM and computed here by the documented definitions. */
  async function independently(): Promise<Expected[]> {
    const m = t.dataSource.manager;
    const cohorts = new Map((await m.find(Cohort)).map((c) => [c.id, c]));
    const sites = new Map((await m.find(Site)).map((s) => [s.id, s.code]));
    const doses = await m.find(DoseAdministration, { where: { removedAt: IsNull(), given: true } });
    const events = await m.find(AdverseEvent, { where: { removedAt: IsNull() } });
    const today = new Date().toISOString().slice(0, 10);
    return (await m.find(Patient)).flatMap((p) => {
      const own = doses.filter((d) => d.patientId === p.id).map((d) => d.administeredOn).sort();
      if (!own.length) return [];
      const cohort = cohorts.get(p.cohortId)!;
      const [first, last] = [own[0], own[own.length - 1]];
      const ends = [addDays(last, cohort.regimen.maintenanceIntervalDays), addDays(today, 1), ...(p.status === "WITHDRAWN" ? [p.statusDate!] : [])].sort();
      const end = ends[0] < addDays(last, 1) ? addDays(last, 1) : ends[0];
      const days = plannedDoseDays(cohort.regimen);
      const planned =
        p.status === "WITHDRAWN" ? days.filter((d) => d < studyDayOf(p.treatmentStartDate!, p.statusDate!)).length : p.status === "COMPLETED" ? days.length : days.filter((d) => d <= studyDayOf(p.treatmentStartDate!, today)).length;
      const emergent = events.filter((e) => e.patientId === p.id && e.onsetDate >= first);
      return [{ id: toGlobalId("Patient", p.id), cohort: cohort.code, site: sites.get(p.siteId)!, planned, given: own.length, exposureDays: between(first, end), events: emergent, inExposure: emergent.filter((e) => e.onsetDate < end).length }];
    });
  }

  function expectGroup(group: any, patients: Expected[]) {
    expect(group.patients).toBe(patients.length);
    expect(group.patientRows.map((r: any) => r.patientId).sort()).toEqual(patients.map((p) => p.id).sort());
    for (const row of group.patientRows) {
      const p = patients.find((x) => x.id === row.patientId)!;
      expect(row.compliance).toMatchObject({ planned: p.planned, given: p.given, missed: Math.max(0, p.planned - p.given) });
      expect(row.exposureDays).toBe(p.exposureDays);
      expect(row.patientMonths).toBeCloseTo(p.exposureDays / MONTH, 12);
      expect([row.events, row.severeEvents, row.eventsInExposure]).toEqual([p.events.length, p.events.filter((e) => e.grade >= 3).length, p.inExposure]);
    }
    const events = patients.flatMap((p) => p.events);
    expect(group.events).toBe(events.length);
    expect(group.patientsWithEvent).toBe(patients.filter((p) => p.events.length).length);
    const cells = new Map<string, { events: number; patients: Set<number> }>();
    for (const e of events) {
      for (const key of [`${e.grade}|null`, `${e.grade}|${e.relatedness}`]) {
        const cell = cells.get(key) ?? { events: 0, patients: new Set<number>() };
        cell.events++;
        cell.patients.add(e.patientId);
        cells.set(key, cell);
      }
    }
    const seen = [...group.byGrade, ...group.byGradeAndRelatedness];
    expect(seen.length).toBe(cells.size);
    for (const c of seen) expect({ events: c.events, patients: c.patients }).toEqual({ events: cells.get(`${c.grade}|${c.relatedness}`)!.events, patients: cells.get(`${c.grade}|${c.relatedness}`)!.patients.size });
    const severe = patients.filter((p) => p.events.some((e) => e.grade >= 3)).length;
    expect(group.gradeThreeOrMore).toMatchObject({ patients: severe, n: patients.length });
    const wilson = proportion(severe, patients.length);
    if (wilson.estimable) expect(group.gradeThreeOrMore.ci.upper).toBeCloseTo(wilson.ci.upper, 12);
    const months = patients.reduce((s, p) => s + p.exposureDays, 0) / MONTH;
    const inExposure = patients.reduce((s, p) => s + p.inExposure, 0);
    expect(group.rate.events).toBe(inExposure);
    expect(group.rate.patientMonths).toBeCloseTo(months, 9);
    const poisson = poissonRate(inExposure, months);
    if (poisson.estimable) {
      expect(group.rate.rate).toBeCloseTo(poisson.rate, 12);
      expect(group.rate.ci.lower).toBeCloseTo(poisson.ci.lower, 12);
      expect(group.rate.ci.upper).toBeCloseTo(poisson.ci.upper, 12);
    }
    const planned = patients.reduce((s, p) => s + p.planned, 0);
    const given = patients.reduce((s, p) => s + p.given, 0);
    expect(group.compliance).toMatchObject({ planned, given });
    if (planned) expect(group.compliance.proportion).toBeCloseTo(given / planned, 12);
  }

  it("per cohort and pooled, the figures follow the documented definitions on independently read records", async () => {
    const expected = await independently();
    const { safetySummary: s } = await t.data(QUERY, {});
    expect(s.population).toMatchObject({ population: "ALL_TREATED", description: "all treated (at least one dose given)" });
    expect(s.exposureDefinition).toContain("last dose given plus the cohort's maintenance dosing interval");
    expect(s.cohorts.map((c: any) => c.cohortCode)).toEqual(cohortCodes);
    for (const group of s.cohorts) expectGroup(group, expected.filter((p) => p.cohort === group.cohortCode));
    expectGroup(s.pooled, expected);
    // The demo trial has events of grades 1 to 3, one generalised urticaria (grade 3) that led to withdrawal.
    expect(s.pooled.events).toBeGreaterThan(5);
    expect(s.pooled.gradeThreeOrMore.patients).toBe(1);
    expect(s.pooled.rate.ci.lower).toBeLessThan(s.pooled.rate.rate);
    expect(s.pooled.compliance.proportion).toBeGreaterThan(0.9);
    expect(s.pooled.compliance.proportion).toBeLessThanOrEqual(1);
  });

  it("counts a withdrawn patient's planned doses up to withdrawal and ends the exposure there", async () => {
    const { safetySummary: s } = await t.data(QUERY, {});
    const m = t.dataSource.manager;
    const withdrawn = (await m.find(Patient)).find((p) => p.status === "WITHDRAWN")!;
    const row = s.pooled.patientRows.find((r: any) => r.patientId === toGlobalId("Patient", withdrawn.id));
    const doses = (await m.find(DoseAdministration, { where: { patientId: withdrawn.id, given: true, removedAt: IsNull() } })).map((d) => d.studyDay!);
    // The demo's withdrawn patient stops after the day-15 dose and withdraws at the D29 visit.
    expect(Math.max(...doses)).toBe(15);
    const withdrawalDay = studyDayOf(withdrawn.treatmentStartDate!, withdrawn.statusDate!);
    const { regimen } = (await m.findOneBy(Cohort, { id: withdrawn.cohortId }))!;
    expect(withdrawalDay).toBeGreaterThan(15);
    expect(row.compliance.planned).toBe(plannedDoseDays(regimen).filter((d) => d < withdrawalDay).length);
    expect(row.exposureDays).toBe(Math.min(15 + regimen.maintenanceIntervalDays, withdrawalDay) - 1);
    expect(dateOfStudyDay(withdrawn.treatmentStartDate!, 1 + row.exposureDays) <= addDays(withdrawn.statusDate!, 0)).toBe(true);
    expect(row.severeEvents).toBe(1);

    // Per protocol over the whole treatment leaves the withdrawn patient out.
    const { safetySummary: pp } = await t.data(QUERY, { filter: { population: "PER_PROTOCOL" } });
    expect(pp.population).toMatchObject({ population: "PER_PROTOCOL", maxMissedDoses: 2 });
    expect(pp.pooled.patientRows.map((r: any) => r.patientId)).not.toContain(toGlobalId("Patient", withdrawn.id));
    expect(pp.pooled.gradeThreeOrMore.patients).toBe(0);
    for (const r of pp.pooled.patientRows) expect(r.compliance.missed).toBeLessThanOrEqual(2);
  });

  it("an empty population and an empty cohort answer with reasons, never NaN", async () => {
    const { safetySummary: s } = await t.data(QUERY, { filter: { minAge: 150 } });
    for (const group of [s.pooled, ...s.cohorts]) {
      expect(group).toMatchObject({ patients: 0, events: 0, byGrade: [], byGradeAndRelatedness: [], patientRows: [] });
      expect(group.gradeThreeOrMore).toMatchObject({ n: 0, estimate: null, ci: null, notEstimable: [{ statistic: "estimate", reason: "NO_OBSERVATIONS" }] });
      expect(group.rate).toMatchObject({ events: 0, patientMonths: 0, rate: null, ci: null, notEstimable: [{ statistic: "rate", reason: "NO_OBSERVATIONS", message: "no exposure time" }] });
      expect(group.compliance).toMatchObject({ planned: 0, proportion: null, notEstimable: [{ reason: "NO_OBSERVATIONS" }] });
    }
    expect(JSON.stringify(s)).not.toContain("NaN");
  });

  it("a site investigator sees only their site's patients and events; an analyst sees all", async () => {
    const expected = await independently();
    const investigator = await t.accessOf("demo-investigator-01");
    const { safetySummary: own } = await t.data(QUERY, {}, investigator);
    const ownPatients = expected.filter((p) => p.site === "01");
    expect(ownPatients.length).toBeGreaterThan(0);
    expect(ownPatients.length).toBeLessThan(expected.length);
    expect(new Set(own.pooled.patientRows.map((r: any) => r.siteCode))).toEqual(new Set(["01"]));
    expectGroup(own.pooled, ownPatients);
    for (const group of own.cohorts) expectGroup(group, ownPatients.filter((p) => p.cohort === group.cohortCode));

    const analyst = await t.accessOf("demo-analyst");
    const { safetySummary: all } = await t.data(QUERY, {}, analyst);
    expectGroup(all.pooled, expected);
    expect(all.pooled.patientRows.every((r: any) => typeof r.subjectCode === "string")).toBe(true);
  });

  it("the README's query (docs/queries/safety-summary.graphql) runs on the demo trial", async () => {
    const documented = readFileSync(join(__dirname, "..", "..", "..", "docs", "queries", "safety-summary.graphql"), "utf8");
    const { safetySummary: s } = await t.data(documented, { filter: { diseases: cohortCodes.slice(0, 2) } });
    expect(s.cohorts.map((c: any) => c.cohortCode)).toEqual(cohortCodes.slice(0, 2));
    expect(s.pooled.patientRows.length).toBe(s.pooled.patients);
    expect(s.pooled.rate.method).toContain("poisson.test");
  });

  it("costs the same statements for one cohort as for all, whatever the number of patients", async () => {
    const logger = t.dataSource.logger as SqlLogger;
    const count = async (filter: object | null) => {
      const before = logger.statements;
      const { safetySummary: s } = await t.data(QUERY, { filter });
      return { statements: logger.statements - before, patients: s.pooled.patients };
    };
    const one = await count({ diseases: [cohortCodes[0]] });
    const all = await count(null);
    expect(all.patients).toBeGreaterThan(one.patients * 3);
    expect(all.statements).toBe(one.statements);
    expect(all.statements).toBeLessThanOrEqual(5);
  });
});
