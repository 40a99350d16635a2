import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IsNull } from "typeorm";
import { SqlLogger } from "../../db/sql-logger";
import { toGlobalId } from "../../graphql/global-id";
import { ImmuneMeasurement } from "../immunology/immune-measurement.entity";
import { Patient } from "../patients/patient.entity";
import { Cohort } from "../study/cohort.entity";
import { PlannedVisit } from "../study/planned-visit.entity";
import { Site } from "../study/site.entity";
import { Visit } from "../visits/visit.entity";
import { ImmuneParameter } from "../immunology/immune-parameter.entity";
import { createTestApp } from "../../../tests/support/test-app";
import type { TestApp } from "../../../tests/support/test-app";
import { testDatabases } from "../../../tests/support/test-database";
import { geometricMeanFoldChange, pairedTTest, summarize, wilcoxonSignedRank } from "./statistics";

const SUMMARY = "n mean sd median q1 q3 min max meanCi { lower upper level } notEstimable { statistic reason message }";
const QUERY = `query($parameter: String, $visit: String, $test: PairedTest, $filter: AnalysisFilter) {
  immuneResponse(parameter: $parameter, visit: $visit, test: $test, filter: $filter) {
    parameter unit visit baselineVisit test
    population { diseases sites sex minAge maxAge population maxMissedDoses presentAtVisit description }
    cohorts { ...group }
    pooled { ...group }
  }
}
fragment group on ImmuneResponseGroup {
  cohortCode diseaseId label n missingBaseline belowDetectionLimit
  value { ${SUMMARY} } baseline { ${SUMMARY} } change { ${SUMMARY} }
  geometricMeanFoldChange { value ci { lower upper } notEstimable { statistic reason message } }
  test { test n statistic df p ci { lower upper } signedRankMethod ties zerosDropped method notEstimable { statistic reason message } }
  patients { patientId subjectCode cohortCode siteCode baseline value change foldChange analysed note }
}`;

interface Pair { patientId: number; cohort: string; site: string; sex: string; baseline: number | null | undefined; value: number | null }

/** The pairs read independently of the query: entities loaded through TypeORM and matched in JavaScript. */
async function readPairs(t: TestApp, parameterCode: string, visitCode: string): Promise<Pair[]> {
  const m = t.dataSource.manager;
  const [parameter] = await m.findBy(ImmuneParameter, { code: parameterCode });
  const planned = new Map((await m.find(PlannedVisit)).map((p) => [p.id, p.code]));
  const visits = new Map((await m.find(Visit, { where: { removedAt: IsNull() } })).map((v) => [v.id, v]));
  const patients = new Map((await m.find(Patient)).map((p) => [p.id, p]));
  const cohorts = new Map((await m.find(Cohort)).map((c) => [c.id, c.code]));
  const sites = new Map((await m.find(Site)).map((s) => [s.id, s.code]));
  const values = await m.find(ImmuneMeasurement, { where: { parameterId: parameter.id, removedAt: IsNull() } });
  const at = (code: string) => values.filter((v) => visits.has(v.visitId) && planned.get(visits.get(v.visitId)!.plannedVisitId!) === code);
  const baseline = new Map(at("BASELINE").map((v) => [v.patientId, v.value]));
  return at(visitCode).map((v) => {
    const p = patients.get(v.patientId)!;
    return { patientId: v.patientId, cohort: cohorts.get(p.cohortId)!, site: sites.get(p.siteId)!, sex: p.sex, baseline: baseline.get(v.patientId), value: v.value };
  });
}

const complete = (pairs: Pair[]) => pairs.filter((p) => p.baseline !== undefined && p.baseline !== null && p.value !== null) as Array<Pair & { baseline: number; value: number }>;

function expectGroupMatches(group: any, pairs: Pair[]) {
  const used = complete(pairs);
  const base = used.map((p) => p.baseline);
  const value = used.map((p) => p.value);
  expect(group.n).toBe(used.length);
  expect(group.patients.map((p: any) => p.patientId).sort()).toEqual(pairs.map((p) => toGlobalId("Patient", p.patientId)).sort());
  const change = summarize(value.map((v, i) => v - base[i]));
  if (change.location.estimable) expect(group.change.mean).toBeCloseTo(change.location.mean, 10);
  if (change.meanCi.estimable) expect(group.change.meanCi.lower).toBeCloseTo(change.meanCi.ci.lower, 10);
  const vs = summarize(value);
  if (vs.location.estimable) expect([group.value.median, group.value.q1, group.value.q3]).toEqual([vs.location.median, vs.location.q1, vs.location.q3].map((x) => expect.closeTo(x, 10)));
  const gm = geometricMeanFoldChange(value.map((v, i) => v / base[i]));
  if (gm.estimable) expect(group.geometricMeanFoldChange.value).toBeCloseTo(gm.value, 10);
  else expect(group.geometricMeanFoldChange.notEstimable[0].reason).toBe(gm.reason);
  const w = wilcoxonSignedRank(base, value);
  if (w.estimable) {
    expect(group.test.statistic).toBe(w.v);
    expect(group.test.p).toBeCloseTo(w.p, 12);
    expect(group.test.signedRankMethod).toBe(w.method);
  } else expect(group.test).toMatchObject({ p: null, notEstimable: [{ reason: w.reason }] });
}

describe.each(testDatabases)("immuneResponse on the demo trial (%s)", (kind) => {
  let t: TestApp;
  let cohortCodes: string[];
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    cohortCodes = (await t.dataSource.manager.find(Cohort, { order: { code: "ASC" } })).map((c) => c.code);
  }, 240_000); // loading the demo trial into PostgreSQL on a busy machine takes more than the default minute
  afterAll(() => t.close());

  it("per cohort and pooled, the figures are the statistics module's on independently read values", async () => {
    const pairs = await readPairs(t, "TREG_PCT_CD4", "D8");
    expect(complete(pairs).length).toBeGreaterThan(10);
    const { immuneResponse: r } = await t.data(QUERY, {});
    expect(r).toMatchObject({ parameter: "TREG_PCT_CD4", visit: "D8", baselineVisit: "BASELINE", test: "WILCOXON", population: { description: "all treated (at least one dose given)", population: "ALL_TREATED", maxMissedDoses: null, diseases: null } });
    expect(r.cohorts.map((c: any) => c.cohortCode)).toEqual(cohortCodes);
    for (const group of r.cohorts) expectGroupMatches(group, pairs.filter((p) => p.cohort === group.cohortCode));
    expectGroupMatches(r.pooled, pairs);
    // Low-dose IL-2 expands Tregs: the demo data are generated so, and the pooled test must see it.
    expect(r.pooled.geometricMeanFoldChange.value).toBeGreaterThan(1);
    expect(r.pooled.test.p).toBeLessThan(0.05);
    for (const p of r.pooled.patients.filter((p: any) => p.analysed)) {
      expect(p.change).toBeCloseTo(p.value - p.baseline, 12);
      expect(p.foldChange).toBeCloseTo(p.value / p.baseline, 12);
    }
  });

  it("the paired t-test and a later visit follow the same path", async () => {
    const pairs = await readPairs(t, "TREG_PCT_CD4", "D29");
    const { immuneResponse: r } = await t.data(QUERY, { visit: "D29", test: "T_TEST" });
    const used = complete(pairs);
    const tt = pairedTTest(used.map((p) => p.baseline), used.map((p) => p.value));
    if (!tt.estimable) throw new Error(tt.message);
    expect(r.pooled.test).toMatchObject({ test: "T_TEST", n: used.length, df: used.length - 1 });
    expect(r.pooled.test.statistic).toBeCloseTo(tt.t, 10);
    expect(r.pooled.test.p).toBeCloseTo(tt.p, 12);
    expect(r.pooled.test.ci.lower).toBeCloseTo(tt.ci.lower, 10);
  });

  it("names the filter back and applies it", async () => {
    const [first, second] = cohortCodes;
    const filter = { diseases: [first, second], sex: "FEMALE", minAge: 18, maxAge: 70 };
    const { immuneResponse: r } = await t.data(QUERY, { filter });
    expect(r.population).toEqual({ ...filter, sites: null, population: "ALL_TREATED", maxMissedDoses: null, presentAtVisit: null, description: `all treated (at least one dose given); cohorts ${first}, ${second}; female; age 18–70` });
    expect(r.cohorts.map((c: any) => c.cohortCode)).toEqual([first, second]);
    const patients = new Map((await t.dataSource.manager.find(Patient)).map((p) => [toGlobalId("Patient", p.id), p]));
    for (const row of r.pooled.patients) {
      const p = patients.get(row.patientId)!;
      expect(p.sex).toBe("FEMALE");
      expect(p.ageAtInclusion).toBeGreaterThanOrEqual(18);
      expect(p.ageAtInclusion).toBeLessThanOrEqual(70);
    }
    const expected = (await readPairs(t, "TREG_PCT_CD4", "D8")).filter((p) => [first, second].includes(p.cohort) && p.sex === "FEMALE" && (() => {
      const age = patients.get(toGlobalId("Patient", p.patientId))!.ageAtInclusion;
      return age !== null && age >= 18 && age <= 70;
    })());
    expectGroupMatches(r.pooled, expected);
  });

  it("an empty population answers with reasons, never NaN", async () => {
    const { immuneResponse: r } = await t.data(QUERY, { filter: { minAge: 150 } });
    expect(r.pooled).toMatchObject({ n: 0, patients: [], value: { n: 0, mean: null, sd: null, meanCi: null }, geometricMeanFoldChange: { value: null }, test: { p: null, statistic: null } });
    expect(r.pooled.value.notEstimable.map((n: any) => n.reason)).toEqual(["NO_OBSERVATIONS", "NO_OBSERVATIONS", "NO_OBSERVATIONS"]);
    expect(r.pooled.test.notEstimable).toEqual([{ statistic: "p", reason: "NO_OBSERVATIONS", message: "no pairs" }]);
    expect(JSON.stringify(r)).not.toContain("NaN");
  });

  it("a site investigator sees only their site's patients; an analyst sees all, de-identified", async () => {
    const pairs = await readPairs(t, "TREG_PCT_CD4", "D8");
    const investigator = await t.accessOf("demo-investigator-01");
    const { immuneResponse: own } = await t.data(QUERY, {}, investigator);
    const ownPairs = pairs.filter((p) => p.site === "01");
    expect(ownPairs.length).toBeGreaterThan(0);
    expect(ownPairs.length).toBeLessThan(pairs.length);
    expect(new Set(own.pooled.patients.map((p: any) => p.siteCode))).toEqual(new Set(["01"]));
    expectGroupMatches(own.pooled, ownPairs);
    // Another site's code is unknown to them, like a made-up one.
    const other = await t.execute(QUERY, { filter: { sites: ["02"] } }, investigator);
    expect(other.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");

    const analyst = await t.accessOf("demo-analyst");
    const { immuneResponse: all } = await t.data(QUERY, {}, analyst);
    expectGroupMatches(all.pooled, pairs);
  });

  it("refuses unknown codes with what exists, and a follow-up that is the baseline itself", async () => {
    for (const [variables, field] of [
      [{ parameter: "NOPE" }, "parameter"],
      [{ visit: "D999" }, "visit"],
      [{ filter: { diseases: ["XX"] } }, "filter.diseases"],
      [{ visit: "BASELINE" }, "visit"],
      [{ filter: { maxAge: -1 } }, "filter.maxAge"],
      [{ filter: { minAge: 200 } }, "filter.minAge"],
    ] as const) {
      const result = await t.execute(QUERY, variables);
      expect(result.errors?.[0].extensions, JSON.stringify(variables)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("kinetics: one curve per cohort over its immunomonitoring visits, figures as the module's", async () => {
    const KINETICS = `query($filter: AnalysisFilter) { immuneKinetics(filter: $filter) { parameter unit baselineVisit population { description }
      curves { cohortCode points { visit studyDay value { n mean median } change { n mean meanCi { lower upper } notEstimable { reason } } geometricMeanFoldChange { value } } } } }`;
    const logger = t.dataSource.logger as SqlLogger;
    const before = logger.statements;
    const { immuneKinetics: k } = await t.data(KINETICS, {});
    const statementsAll = logger.statements - before;
    expect(k.curves.map((c: any) => c.cohortCode)).toEqual(cohortCodes);
    const schedule = await t.dataSource.manager.find(PlannedVisit);
    const cohorts = await t.dataSource.manager.find(Cohort);
    for (const curve of k.curves) {
      const cohort = cohorts.find((c) => c.code === curve.cohortCode)!;
      const planned = schedule.filter((v) => v.cohortId === cohort.id && v.immunomonitoring).sort((a, b) => a.studyDay - b.studyDay);
      expect(curve.points.map((p: any) => p.visit)).toEqual(planned.map((v) => v.code));
      for (const point of curve.points) {
        const pairs = (await readPairs(t, "TREG_PCT_CD4", point.visit)).filter((p) => p.cohort === curve.cohortCode);
        const values = pairs.flatMap((p) => (p.value === null ? [] : [p.value]));
        expect(point.value.n).toBe(values.length);
        const vs = summarize(values);
        if (vs.location.estimable) expect(point.value.median).toBeCloseTo(vs.location.median, 10);
        const used = complete(pairs);
        const change = summarize(used.map((p) => p.value - p.baseline));
        expect(point.change.n).toBe(used.length);
        if (change.location.estimable) expect(point.change.mean).toBeCloseTo(change.location.mean, 10);
        if (point.visit === "BASELINE") {
          expect(point.change.mean).toBe(0);
          expect(point.change.notEstimable.map((n: any) => n.reason)).toContain("ZERO_VARIANCE");
          expect(point.geometricMeanFoldChange.value).toBe(1);
        }
      }
    }
    expect(k.curves.some((c: any) => c.points.some((p: any) => p.value.n > 0 && p.visit !== "BASELINE"))).toBe(true);
    const mid = logger.statements;
    await t.data(KINETICS, { filter: { diseases: [cohortCodes[0]] } });
    expect(logger.statements - mid).toBe(statementsAll);
    const investigator = await t.accessOf("demo-investigator-01");
    const own = await t.data(KINETICS, {}, investigator);
    const ownD8 = (await readPairs(t, "TREG_PCT_CD4", "D8")).filter((p) => p.site === "01" && p.value !== null);
    const seenD8 = own.immuneKinetics.curves.flatMap((c: any) => c.points.filter((p: any) => p.visit === "D8").map((p: any) => p.value.n));
    expect(seenD8.reduce((a: number, b: number) => a + b, 0)).toBe(ownD8.length);
  });

  it("costs the same number of statements for one cohort as for all, whatever the number of patients", async () => {
    const logger = t.dataSource.logger as SqlLogger;
    const count = async (filter: object | null) => {
      const before = logger.statements;
      const { immuneResponse: r } = await t.data(QUERY, { filter });
      return { statements: logger.statements - before, patients: r.pooled.patients.length, cohorts: r.cohorts.length };
    };
    const one = await count({ diseases: [cohortCodes[0]] });
    const all = await count(null);
    expect(all.patients).toBeGreaterThan(one.patients * 3);
    expect(all.cohorts).toBeGreaterThan(one.cohorts);
    expect(all.statements).toBe(one.statements);
    expect(all.statements).toBeLessThanOrEqual(5);
  });
});
