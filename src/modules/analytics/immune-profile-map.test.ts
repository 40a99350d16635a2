import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { In, IsNull } from "typeorm";
import { SqlLogger } from "../../db/sql-logger";
import { toGlobalId } from "../../graphql/global-id";
import { ImmuneMeasurement } from "../immunology/immune-measurement.entity";
import { ImmuneParameter } from "../immunology/immune-parameter.entity";
import { Patient } from "../patients/patient.entity";
import { Cohort } from "../study/cohort.entity";
import { PlannedVisit } from "../study/planned-visit.entity";
import { Site } from "../study/site.entity";
import { Visit } from "../visits/visit.entity";
import { createTestApp } from "../../../tests/support/test-app";
import type { TestApp } from "../../../tests/support/test-app";
import { testDatabases } from "../../../tests/support/test-database";
import { hierarchicalClustering, kMeansClustering, Linkage, principalComponents, standardise } from "./statistics";

const QUERY = `query($visit: String, $parameters: [String!], $minCoverage: Float, $components: Int, $k: Int, $seed: Int, $linkage: ClusterLinkage, $filter: AnalysisFilter) {
  immuneProfileMap(visit: $visit, parameters: $parameters, minCoverage: $minCoverage, components: $components, k: $k, seed: $seed, linkage: $linkage, filter: $filter) {
    visit baselineVisit population { description } method minCoverage parameters
    droppedParameters { parameter patientsWithFoldChange coverage reason }
    patientsMeasured patientsAnalysed patientsExcluded
    patients { patientId subjectCode cohortCode siteCode analysed note log2FoldChanges scores hierarchicalCluster kMeansCluster }
    pca { components { component eigenvalue proportion cumulative } loadings { parameter loadings } }
    hierarchical { linkage k sizes mergeHeights }
    kMeans { k seed restarts converged totalWithinSs totalSs clusters { cluster size centre withinSs } }
    notEstimable { statistic reason message }
  }
}`;

interface Profile { patientId: number; subjectCode: string; cohortId: number; cohort: string; site: string; folds: Map<string, number | null> }

/**
 * Each patient's log2 fold changes at a visit, read independently of the query: entities loaded through
 * TypeORM and paired in JavaScript. A fold change is null when a value is missing or below the detection limit.
 */
async function readProfiles(t: TestApp, visitCode: string): Promise<Profile[]> {
  const m = t.dataSource.manager;
  const parameters = new Map((await m.find(ImmuneParameter)).map((p) => [p.id, p.code]));
  const planned = new Map((await m.find(PlannedVisit)).map((p) => [p.id, p.code]));
  const visitCodes = new Map((await m.find(Visit, { where: { removedAt: IsNull() } })).map((v) => [v.id, planned.get(v.plannedVisitId!)]));
  const patients = new Map((await m.find(Patient)).map((p) => [p.id, p]));
  const cohorts = new Map((await m.find(Cohort)).map((c) => [c.id, c.code]));
  const sites = new Map((await m.find(Site)).map((s) => [s.id, s.code]));
  const values = await m.find(ImmuneMeasurement, { where: { removedAt: IsNull() } });
  const baseline = new Map(values.filter((v) => visitCodes.get(v.visitId) === "BASELINE").map((v) => [`${v.patientId}/${v.parameterId}`, v.value]));
  const byPatient = new Map<number, Profile>();
  for (const v of values.filter((v) => visitCodes.get(v.visitId) === visitCode)) {
    const p = patients.get(v.patientId)!;
    if (!byPatient.has(p.id)) byPatient.set(p.id, { patientId: p.id, subjectCode: p.subjectCode, cohortId: p.cohortId, cohort: cohorts.get(p.cohortId)!, site: sites.get(p.siteId)!, folds: new Map() });
    const b = baseline.get(`${v.patientId}/${v.parameterId}`);
    byPatient.get(p.id)!.folds.set(parameters.get(v.parameterId)!, b && v.value ? Math.log2(v.value / b) : null);
  }
  return [...byPatient.values()].sort((a, b) => a.cohortId - b.cohortId || a.subjectCode.localeCompare(b.subjectCode));
}

/** The documented rule, applied independently: coverage, then complete cases. */
function expectedMatrix(profiles: Profile[], parameters: string[], minCoverage = 0.8) {
  const kept = parameters.filter((code) => profiles.filter((p) => p.folds.get(code) != null).length / profiles.length >= minCoverage);
  const analysed = profiles.filter((p) => kept.every((code) => p.folds.get(code) != null));
  return { kept, analysed, rows: analysed.map((p) => kept.map((code) => p.folds.get(code)!)) };
}

const close = (actual: number[], expected: readonly number[]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
};

describe.each(testDatabases)("immuneProfileMap on the demo trial (%s)", (kind) => {
  let t: TestApp;
  let catalogue: string[];
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    catalogue = (await t.dataSource.manager.find(ImmuneParameter, { order: { id: "ASC" } })).map((p) => p.code);
  }, 240_000);
  afterAll(() => t.close());

  it("maps every patient's D8 profile: PCA and clusters are the statistics module's on independently read fold changes", async () => {
    const profiles = await readProfiles(t, "D8");
    const { kept, analysed, rows } = expectedMatrix(profiles, catalogue);
    expect(analysed.length).toBeGreaterThan(30);
    const { immuneProfileMap: r } = await t.data(QUERY, { components: 3 });
    expect(r).toMatchObject({ visit: "D8", baselineVisit: "BASELINE", minCoverage: 0.8, population: { description: "all treated (at least one dose given)" }, notEstimable: [] });
    expect(r.parameters).toEqual(kept);
    expect(r.patientsMeasured).toBe(profiles.length);
    expect(r.patientsAnalysed).toBe(analysed.length);
    expect(r.patientsExcluded).toBe(profiles.length - analysed.length);
    expect(r.patients.map((p: any) => p.patientId)).toEqual(profiles.map((p) => toGlobalId("Patient", p.patientId)));
    expect(r.patients.map((p: any) => [p.subjectCode, p.cohortCode, p.siteCode])).toEqual(profiles.map((p) => [p.subjectCode, p.cohort, p.site]));
    const onMap = r.patients.filter((p: any) => p.analysed);
    onMap.forEach((p: any, i: number) => close(p.log2FoldChanges, rows[i]));

    const pca = principalComponents(rows);
    if (!pca.estimable) throw new Error(pca.message);
    close(r.pca.components.map((c: any) => c.eigenvalue), pca.eigenvalues);
    close(r.pca.components.map((c: any) => c.proportion), pca.proportions);
    expect(r.pca.components.map((c: any) => c.eigenvalue).reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(kept.length, 9);
    r.pca.loadings.forEach((l: any, j: number) => {
      expect(l.parameter).toBe(kept[j]);
      close(l.loadings, pca.loadings.slice(0, 3).map((c) => c[j]));
    });
    onMap.forEach((p: any, i: number) => close(p.scores, pca.scores[i].slice(0, 3)));
    // Low-dose IL-2 drives the Treg parameters together: they load on PC1 with the same sign.
    const pc1 = new Map(r.pca.loadings.map((l: any) => [l.parameter, l.loadings[0]]));
    expect(Math.sign(pc1.get("TREG_PCT_CD4") as number)).toBe(Math.sign(pc1.get("TREG_CD25_MFI") as number));

    const z = standardise(rows);
    const tree = hierarchicalClustering(z, 3, Linkage.WARD);
    const km = kMeansClustering(z, 3, 1);
    if (!tree.estimable || !km.estimable) throw new Error("clustering not estimable");
    expect(onMap.map((p: any) => p.hierarchicalCluster)).toEqual(tree.clusters);
    expect(onMap.map((p: any) => p.kMeansCluster)).toEqual(km.clusters);
    close(r.hierarchical.mergeHeights, tree.mergeHeights);
    expect(r.hierarchical).toMatchObject({ linkage: "WARD", k: 3 });
    expect(r.hierarchical.sizes.reduce((a: number, b: number) => a + b, 0)).toBe(analysed.length);
    expect(r.kMeans).toMatchObject({ k: 3, seed: 1, restarts: 10 });
    expect(r.kMeans.totalWithinSs).toBeCloseTo(km.totalWithinSs, 9);
    expect(r.kMeans.totalSs).toBeCloseTo((analysed.length - 1) * kept.length, 9); // standardised: each column's SS is n − 1
    r.kMeans.clusters.forEach((c: any, i: number) => close(c.centre, km.centres[i].centre));
    expect(r.method).toContain("complete cases");
    expect(JSON.stringify(r)).not.toContain("NaN");
  });

  it("the seed and linkage are applied, and the same arguments give the same map", async () => {
    const variables = { k: 4, seed: 7, linkage: "AVERAGE", parameters: ["TREG_PCT_CD4", "TREG_CD25_MFI", "NK_CD56BRIGHT_PCT_NK", "EOSINOPHIL_COUNT"] };
    const { immuneProfileMap: a } = await t.data(QUERY, variables);
    const { immuneProfileMap: b } = await t.data(QUERY, variables);
    expect(a).toEqual(b);
    expect(a.parameters).toEqual(variables.parameters);
    const { rows } = expectedMatrix(await readProfiles(t, "D8"), variables.parameters);
    const z = standardise(rows);
    const tree = hierarchicalClustering(z, 4, Linkage.AVERAGE);
    const km = kMeansClustering(z, 4, 7);
    if (!tree.estimable || !km.estimable) throw new Error("clustering not estimable");
    expect(a.patients.filter((p: any) => p.analysed).map((p: any) => [p.hierarchicalCluster, p.kMeansCluster])).toEqual(tree.clusters.map((c, i) => [c, km.clusters[i]]));
    expect(a.kMeans.clusters).toHaveLength(4);
  });

  it("a site investigator's map covers their site's patients only", async () => {
    const own = (await readProfiles(t, "D8")).filter((p) => p.site === "01");
    expect(own.length).toBeGreaterThanOrEqual(3);
    const investigator = await t.accessOf("demo-investigator-01");
    const { immuneProfileMap: r } = await t.data(QUERY, {}, investigator);
    expect(r.patients.map((p: any) => p.patientId)).toEqual(own.map((p) => toGlobalId("Patient", p.patientId)));
    const pca = principalComponents(expectedMatrix(own, catalogue).rows);
    if (!pca.estimable) throw new Error(pca.message);
    close(r.pca.components.map((c: any) => c.eigenvalue), pca.eigenvalues);
    const analyst = await t.accessOf("demo-analyst");
    const { immuneProfileMap: all } = await t.data(QUERY, {}, analyst);
    expect(all.patients.every((p: any) => p.subjectCode && p.cohortCode)).toBe(true);
  });

  it("fewer than 3 patients, or no patient: not estimable with the reason, never NaN", async () => {
    const profiles = await readProfiles(t, "D8");
    const counts = new Map<string, number>();
    for (const p of profiles) counts.set(`${p.cohort}/${p.site}`, (counts.get(`${p.cohort}/${p.site}`) ?? 0) + 1);
    const [few] = [...counts].find(([, n]) => n <= 2) ?? [];
    expect(few, "a cohort with at most 2 patients at one site").toBeDefined();
    const [cohort, site] = few!.split("/");
    const { immuneProfileMap: r } = await t.data(QUERY, { filter: { diseases: [cohort], sites: [site] } });
    expect(r).toMatchObject({ pca: null, hierarchical: null, kMeans: null, patientsAnalysed: counts.get(few!) });
    expect(r.notEstimable.map((n: any) => [n.statistic, n.reason])).toEqual(["pca", "hierarchical", "kMeans"].map((s) => [s, "TOO_FEW_OBSERVATIONS"]));
    expect(r.notEstimable[0].message).toMatch(/needs at least 3/);
    expect(r.patients.every((p: any) => p.scores === null && p.kMeansCluster === null)).toBe(true);
    const { immuneProfileMap: none } = await t.data(QUERY, { filter: { minAge: 150 } });
    expect(none).toMatchObject({ patientsMeasured: 0, patients: [], parameters: [], pca: null });
    expect(none.notEstimable.map((n: any) => n.reason)).toEqual(["NO_OBSERVATIONS", "NO_OBSERVATIONS", "NO_OBSERVATIONS"]);
    expect(JSON.stringify([r, none])).not.toContain("NaN");
  });

  it("costs the same number of statements for one cohort as for all", async () => {
    const logger = t.dataSource.logger as SqlLogger;
    const cohorts = (await t.dataSource.manager.find(Cohort, { order: { code: "ASC" } })).map((c) => c.code);
    const count = async (filter: object | null) => {
      const before = logger.statements;
      const { immuneProfileMap: r } = await t.data(QUERY, { filter });
      return { statements: logger.statements - before, patients: r.patients.length };
    };
    const one = await count({ diseases: [cohorts[0]] });
    const all = await count(null);
    expect(all.patients).toBeGreaterThan(one.patients * 3);
    expect(all.statements).toBe(one.statements);
    expect(all.statements).toBeLessThanOrEqual(6);
  });

  it("refuses out-of-range arguments and unknown codes, naming the field", async () => {
    for (const [variables, field] of [
      [{ k: 1 }, "k"],
      [{ k: 11 }, "k"],
      [{ components: 0 }, "components"],
      [{ minCoverage: 0 }, "minCoverage"],
      [{ minCoverage: 1.5 }, "minCoverage"],
      [{ seed: -1 }, "seed"],
      [{ parameters: ["TREG_PCT_CD4", "NOPE"] }, "parameters"],
      [{ parameters: ["TREG_PCT_CD4"] }, "parameters"],
      [{ visit: "D999" }, "visit"],
    ] as const) {
      const result = await t.execute(QUERY, variables);
      expect(result.errors?.[0].extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message.startsWith(`${field} `), `${JSON.stringify(variables)}: ${result.errors?.[0].message}`).toBe(true);
    }
  });

  // Last: it changes the demo data (D29 values only).
  it("missing values: a sparse parameter is dropped, then an incomplete patient left out, both stated", async () => {
    const m = t.dataSource.manager;
    const parameters = new Map((await m.find(ImmuneParameter)).map((p) => [p.code, p.id]));
    const d29 = (await m.find(PlannedVisit, { where: { code: "D29" } })).map((p) => p.id);
    const visits = (await m.find(Visit, { where: { plannedVisitId: In(d29), removedAt: IsNull() } })).map((v) => v.id);
    const ki67 = await m.find(ImmuneMeasurement, { where: { visitId: In(visits), parameterId: parameters.get("TREG_KI67_PCT"), removedAt: IsNull() }, order: { id: "ASC" } });
    // Below the detection limit for 30 % of the patients: coverage 70 % < 80 %.
    const below = ki67.slice(0, Math.ceil(ki67.length * 0.3));
    await m.update(ImmuneMeasurement, { id: In(below.map((v) => v.id)) }, { value: null, belowDetectionLimit: true });
    // One patient also lacks a CD4 count fold change.
    const cd4 = await m.findOneByOrFail(ImmuneMeasurement, { visitId: In(visits), parameterId: parameters.get("CD4_COUNT"), patientId: ki67[ki67.length - 1].patientId, removedAt: IsNull() });
    await m.update(ImmuneMeasurement, { id: cd4.id }, { value: null, belowDetectionLimit: true });

    const profiles = await readProfiles(t, "D29");
    const { kept, analysed, rows } = expectedMatrix(profiles, catalogue);
    expect(kept).not.toContain("TREG_KI67_PCT");
    const { immuneProfileMap: r } = await t.data(QUERY, { visit: "D29" });
    expect(r.parameters).toEqual(kept);
    expect(r.droppedParameters).toEqual([
      { parameter: "TREG_KI67_PCT", patientsWithFoldChange: ki67.length - below.length, coverage: expect.closeTo((ki67.length - below.length) / profiles.length, 12), reason: expect.stringContaining("below the 80 % required") },
    ]);
    expect(r).toMatchObject({ patientsMeasured: profiles.length, patientsAnalysed: analysed.length, patientsExcluded: 1 });
    const left = r.patients.find((p: any) => !p.analysed);
    expect(left).toMatchObject({ patientId: toGlobalId("Patient", cd4.patientId), scores: null, hierarchicalCluster: null, note: "no fold change of CD4_COUNT (value below the detection limit)" });
    expect(left.log2FoldChanges[kept.indexOf("CD4_COUNT")]).toBeNull();
    const pca = principalComponents(rows);
    if (!pca.estimable) throw new Error(pca.message);
    close(r.pca.components.map((c: any) => c.eigenvalue), pca.eigenvalues);

    // A lower coverage keeps the sparse parameter and leaves out its patients instead.
    const { immuneProfileMap: loose } = await t.data(QUERY, { visit: "D29", minCoverage: 0.5 });
    expect(loose.parameters).toContain("TREG_KI67_PCT");
    expect(loose.patientsExcluded).toBe(below.length + (below.some((v) => v.patientId === cd4.patientId) ? 0 : 1));
    // Two parameters asked for, one of them too sparse: one column is too few for a map.
    const { immuneProfileMap: narrow } = await t.data(QUERY, { visit: "D29", parameters: ["TREG_KI67_PCT", "TREG_PCT_CD4"] });
    expect(narrow).toMatchObject({ parameters: ["TREG_PCT_CD4"], pca: null });
    expect(narrow.notEstimable[0]).toMatchObject({ statistic: "pca", reason: "TOO_FEW_OBSERVATIONS", message: "1 parameter; needs at least 2" });
  });
});
