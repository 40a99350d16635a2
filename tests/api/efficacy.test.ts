import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IsNull } from "typeorm";
import { plugins } from "../../plugins";
import { SqlLogger } from "../../src/db/sql-logger";
import { ClinicalAssessment } from "../../src/modules/assessments/clinical-assessment.entity";
import { pAdjust, summarize } from "../../src/modules/analytics/statistics";
import { Patient } from "../../src/modules/patients/patient.entity";
import { Cohort } from "../../src/modules/study/cohort.entity";
import { PlannedVisit } from "../../src/modules/study/planned-visit.entity";
import { Site } from "../../src/modules/study/site.entity";
import { Visit } from "../../src/modules/visits/visit.entity";
import { demoCohort } from "../support/demo-cohort";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";

const SUMMARY = "n mean sd meanCi { lower upper } notEstimable { statistic reason }";
const EFFICACY = `query($disease: String!, $endpoint: String, $visit: String, $filter: AnalysisFilter) {
  clinicalEfficacy(disease: $disease, endpoint: $endpoint, visit: $visit, filter: $filter) {
    cohortCode diseaseId visit patients evaluable notEvaluable { reason count } responders
    endpoint { code kind role instrument direction criterion defaultVisit }
    population { description }
    responderRate { successes n estimate ci { lower upper } notEstimable { statistic reason } }
    change { ${SUMMARY} } percentChange { ${SUMMARY} } percentImprovement { ${SUMMARY} }
    patientRows { subjectCode cohortCode siteCode evaluable reason note baseline value change percentChange percentImprovement status category }
  }
}`;
const FOREST = "n estimate ci { lower upper } p pAdjusted notEstimable { statistic reason message }";
const CROSS = `query($visit: String, $adjust: PValueAdjustment, $filter: AnalysisFilter) {
  crossDiseaseEfficacy(visit: $visit, adjust: $adjust, filter: $filter) {
    visit immuneParameter immuneVisit baselineVisit test adjustment adjustmentNote population { description }
    rows { cohortCode diseaseId label visit patients scoreInstrument scoreDirection responseEndpoint
      percentImprovement { ${FOREST} } responderRate { ${FOREST} } immuneResponse { ${FOREST} } }
  }
}`;
const CORRELATION = `query($filter: AnalysisFilter) {
  immuneClinicalCorrelation(filter: $filter) {
    immuneParameter immuneVisit visit
    cohorts { cohortCode scoreInstrument spearman { n rho p ci { lower upper } notEstimable { statistic reason } } points { subjectCode cohortCode foldChange percentImprovement } }
    pooled { spearman { n rho p ci { lower upper } } points { subjectCode cohortCode foldChange percentImprovement } }
  }
}`;

interface ScorePair { subjectCode: string; site: string; baseline: number; value: number }

/** An instrument's scores at baseline and a visit, read independently of the queries: entities through TypeORM, matched in JavaScript. */
async function readScores(t: TestApp, cohortCode: string, instrument: string, visitCode: string): Promise<ScorePair[]> {
  const m = t.dataSource.manager;
  const cohort = await m.findOneByOrFail(Cohort, { code: cohortCode });
  const planned = new Map((await m.findBy(PlannedVisit, { cohortId: cohort.id })).map((p) => [p.id, p]));
  const visits = new Map((await m.find(Visit, { where: { removedAt: IsNull() } })).filter((v) => planned.has(v.plannedVisitId!)).map((v) => [v.id, v]));
  const sites = new Map((await m.find(Site)).map((s) => [s.id, s.code]));
  const patients = new Map((await m.findBy(Patient, { cohortId: cohort.id })).map((p) => [p.id, p]));
  const scores = (await m.find(ClinicalAssessment, { where: { instrumentCode: instrument, removedAt: IsNull() } })).filter((a) => visits.has(a.visitId));
  const at = (pick: (p: PlannedVisit) => boolean) => new Map(scores.filter((a) => pick(planned.get(visits.get(a.visitId)!.plannedVisitId!)!)).map((a) => [a.patientId, a.score!]));
  const baseline = at((p) => p.isBaseline);
  const value = at((p) => p.code === visitCode);
  return [...patients.values()]
    .filter((p) => baseline.has(p.id) && value.has(p.id))
    .map((p) => ({ subjectCode: p.subjectCode, site: sites.get(p.siteId)!, baseline: baseline.get(p.id)!, value: value.get(p.id)! }));
}

describe.each(testDatabases)("efficacy endpoints on the demo trial (%s)", (kind) => {
  let t: TestApp;
  let cohortCodes: string[];
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    cohortCodes = (await t.dataSource.manager.find(Cohort, { order: { code: "ASC" } })).map((c) => c.code);
  }, 240_000);
  afterAll(() => t.close());

  it("lists the endpoints every disease declares, one PRIMARY each", async () => {
    const { efficacyEndpoints } = await t.data(`{ efficacyEndpoints { code kind role diseaseId instrument criterion defaultVisit } }`);
    expect(new Set(efficacyEndpoints.map((e: any) => e.diseaseId))).toEqual(new Set(plugins.map((p) => p.id)));
    for (const plugin of plugins) expect(efficacyEndpoints.filter((e: any) => e.diseaseId === plugin.id && e.role === "PRIMARY")).toHaveLength(1);
    const { efficacyEndpoints: ra } = await t.data(`{ efficacyEndpoints(disease: "RA") { code } }`);
    expect(ra.map((e: any) => e.code)).toEqual(["RA_DAS28_CRP_CHANGE", "RA_EULAR_RESPONSE", "RA_ACR20", "RA_CDAI_CHANGE"]);
  });

  it("RA's primary endpoint by default: DAS28-CRP change at D183, the figures of independently read scores", async () => {
    const { cohort } = await demoCohort(t, "rheumatoid-arthritis");
    expect(cohort.plannedVisits.map((v) => v.code)).toContain("D183");
    const { clinicalEfficacy: r } = await t.data(EFFICACY, { disease: "RA" });
    expect(r).toMatchObject({ cohortCode: "RA", visit: "D183", responders: null, responderRate: null, endpoint: { code: "RA_DAS28_CRP_CHANGE", kind: "CHANGE", role: "PRIMARY", instrument: "DAS28_CRP", direction: "HIGHER_IS_WORSE" } });
    const pairs = await readScores(t, "RA", "DAS28_CRP", "D183");
    expect(pairs.length).toBeGreaterThan(2);
    expect(r.evaluable).toBe(pairs.length);
    expect(r.patients).toBe(r.evaluable + r.notEvaluable.reduce((s: number, c: any) => s + c.count, 0));
    const change = summarize(pairs.map((p) => p.value - p.baseline));
    if (!change.meanCi.estimable) throw new Error(change.meanCi.message);
    expect(r.change.mean).toBeCloseTo(change.meanCi.mean, 10);
    expect(r.change.meanCi.lower).toBeCloseTo(change.meanCi.ci.lower, 10);
    const improvement = summarize(pairs.map((p) => (-100 * (p.value - p.baseline)) / p.baseline));
    if (!improvement.meanCi.estimable) throw new Error(improvement.meanCi.message);
    expect(r.percentImprovement.mean).toBeCloseTo(improvement.meanCi.mean, 10);
    expect(r.percentImprovement.meanCi.upper).toBeCloseTo(improvement.meanCi.ci.upper, 10);
    expect(r.percentChange.mean).toBeCloseTo(-improvement.meanCi.mean, 10);
    for (const row of r.patientRows.filter((p: any) => p.evaluable)) {
      const pair = pairs.find((p) => p.subjectCode === row.subjectCode)!;
      expect(row).toMatchObject({ baseline: pair.baseline, value: pair.value, siteCode: pair.site });
    }
  });

  it.each([
    ["RA", "RA_EULAR_RESPONSE", "EULAR_RESPONSE", "DAS28_CRP"],
    ["AIH", "AIH_COMPLETE_BIOCHEMICAL_RESPONSE", "AIH_BIOCHEMICAL_RESPONSE", "AIH_BIOCHEMISTRY"], // time-based: study days from the visits' dates
  ])("a RESPONSE endpoint (%s %s) gives each patient the status the stored-response evaluation gives, and the Wilson interval of the rate", async (disease, endpoint, criterion, instrument) => {
    const { clinicalEfficacy: r } = await t.data(EFFICACY, { disease, endpoint });
    const { patients } = await t.data(`query($criterion: String!, $instrument: String) { patients(first: 100) { nodes { subjectCode cohort { code }
      response(criterion: $criterion, visit: "D183", instrument: $instrument) { status } } } }`, { criterion, instrument });
    const expected = new Map(patients.nodes.filter((p: any) => p.cohort.code === disease).map((p: any) => [p.subjectCode, p.response.status]));
    expect(r.patientRows.map((p: any) => p.subjectCode).sort()).toEqual([...expected.keys()].sort());
    for (const row of r.patientRows) expect(row.status ?? "NOT_EVALUABLE", row.subjectCode).toBe(expected.get(row.subjectCode));
    const responders = [...expected.values()].filter((s) => s === "RESPONDER").length;
    const evaluable = [...expected.values()].filter((s) => s !== "NOT_EVALUABLE").length;
    expect(evaluable).toBeGreaterThan(0);
    expect(r).toMatchObject({ responders, evaluable, responderRate: { successes: responders, n: evaluable } });
    expect(r.responderRate.ci.lower).toBeLessThanOrEqual(r.responderRate.estimate);
    expect(r.responderRate.ci.upper).toBeGreaterThanOrEqual(r.responderRate.estimate);
  });

  it("Behçet's disease-specific oral-ulcer endpoint; another visit; not evaluable patients counted per reason", async () => {
    const { clinicalEfficacy: r } = await t.data(EFFICACY, { disease: "BD", endpoint: "BD_ORAL_ULCER_COUNT_CHANGE", visit: "D85" });
    expect(r).toMatchObject({ visit: "D85", endpoint: { role: "DISEASE_SPECIFIC", instrument: "ORAL_ULCER_COUNT" } });
    expect(r.evaluable).toBe((await readScores(t, "BD", "ORAL_ULCER_COUNT", "D85")).length);
    const { clinicalEfficacy: sle } = await t.data(EFFICACY, { disease: "SLE" });
    const counted = sle.notEvaluable.reduce((s: number, c: any) => s + c.count, 0);
    expect(sle.patientRows.filter((p: any) => !p.evaluable)).toHaveLength(counted);
    for (const c of sle.notEvaluable) expect(sle.patientRows.filter((p: any) => p.reason === c.reason)).toHaveLength(c.count);
  });

  it("refuses unknown diseases, endpoints of another disease and visits without disease scores, naming the field and what is allowed", async () => {
    for (const [variables, field] of [
      [{ disease: "XX" }, "disease"],
      [{ disease: "RA", endpoint: "PSO_PASI_75" }, "endpoint"],
      [{ disease: "RA", visit: "D8" }, "visit"],
      [{ disease: "RA", visit: "BASELINE" }, "visit"],
    ] as const) {
      const result = await t.execute(EFFICACY, variables);
      expect(result.errors?.[0].extensions, JSON.stringify(variables)).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(result.errors?.[0].extensions?.allowed).toBeTruthy();
    }
  });

  it("refuses an unknown immune parameter and an immune visit that is the baseline itself, naming the argument", async () => {
    for (const [query, field] of [
      ['{ crossDiseaseEfficacy(immuneParameter: "NOPE") { visit } }', "immuneParameter"],
      ['{ crossDiseaseEfficacy(immuneVisit: "BASELINE") { visit } }', "immuneVisit"],
      ['{ immuneClinicalCorrelation(immuneVisit: "BASELINE") { visit } }', "immuneVisit"],
    ] as const) {
      const result = await t.execute(query, {});
      expect(result.errors?.[0].extensions, query).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("the cross-disease table: one row per disease, p-values adjusted across diseases as p.adjust does", async () => {
    const { crossDiseaseEfficacy: r } = await t.data(CROSS, {});
    expect(r).toMatchObject({ visit: null, immuneParameter: "TREG_PCT_CD4", immuneVisit: "D8", test: "WILCOXON", adjustment: "HOLM" });
    expect(r.rows.map((row: any) => row.cohortCode)).toEqual(cohortCodes);
    expect(r.rows).toHaveLength(plugins.length);
    for (const row of r.rows) {
      expect(row.scoreInstrument, row.cohortCode).toBeTruthy();
      expect(row.percentImprovement.estimate, row.cohortCode).toBeTypeOf("number");
      expect(row.immuneResponse.estimate, row.cohortCode).toBeGreaterThan(1);
    }
    expect(r.rows.find((row: any) => row.cohortCode === "RA")).toMatchObject({ scoreInstrument: "DAS28_CRP", responseEndpoint: "RA_EULAR_RESPONSE" });
    // Takayasu declares no response criterion: no responder rate, said so by a null endpoint.
    expect(r.rows.find((row: any) => row.cohortCode === "TAK")).toMatchObject({ responseEndpoint: null, responderRate: null });
    // The same figures as clinicalEfficacy for the primary score.
    const { clinicalEfficacy: ra } = await t.data(EFFICACY, { disease: "RA" });
    const raRow = r.rows.find((row: any) => row.cohortCode === "RA");
    expect(raRow.percentImprovement.estimate).toBeCloseTo(ra.percentImprovement.mean, 12);
    expect(raRow.percentImprovement.ci.lower).toBeCloseTo(ra.percentImprovement.meanCi.lower, 12);
    for (const pick of ["percentImprovement", "immuneResponse"]) {
      const ps = r.rows.map((row: any) => row[pick].p);
      expect(r.rows.map((row: any) => row[pick].pAdjusted)).toEqual(pAdjust(ps, "holm"));
    }
    expect(r.adjustmentNote).toMatch(/^pAdjusted: Holm adjustment .* across the diseases with an estimable p — 11 for the clinical score, 11 for the immune response/);
    const { crossDiseaseEfficacy: bh } = await t.data(CROSS, { adjust: "BH" });
    expect(bh.rows.map((row: any) => row.immuneResponse.pAdjusted)).toEqual(pAdjust(bh.rows.map((row: any) => row.immuneResponse.p), "BH"));
    expect(bh.adjustmentNote).toMatch(/Benjamini–Hochberg/);
  });

  it("the correlation: points are the patients with both a fold change and a percent improvement, pseudonymous codes only", async () => {
    const { immuneClinicalCorrelation: r } = await t.data(CORRELATION, {});
    expect(r.cohorts.map((c: any) => c.cohortCode)).toEqual(cohortCodes);
    expect(r.pooled.points).toHaveLength(r.cohorts.reduce((s: number, c: any) => s + c.points.length, 0));
    expect(r.pooled.spearman.n).toBe(r.pooled.points.length);
    expect(r.pooled.spearman.rho).toBeGreaterThanOrEqual(-1);
    const { clinicalEfficacy: ra } = await t.data(EFFICACY, { disease: "RA" });
    const raPoints = r.cohorts.find((c: any) => c.cohortCode === "RA").points;
    for (const point of raPoints) expect(point.percentImprovement).toBe(ra.patientRows.find((p: any) => p.subjectCode === point.subjectCode).percentImprovement);
    expect(Object.keys(raPoints[0]).sort()).toEqual(["cohortCode", "foldChange", "percentImprovement", "subjectCode"]);
  });

  it("statements do not grow with the number of diseases or patients", async () => {
    const logger = t.dataSource.logger as SqlLogger;
    const count = async (query: string, filter: object | null) => {
      const before = logger.statements;
      await t.data(query, { filter });
      return logger.statements - before;
    };
    for (const query of [CROSS, CORRELATION]) {
      const one = await count(query, { diseases: [cohortCodes[0]] });
      const all = await count(query, null);
      expect(all).toBe(one);
      expect(all).toBeLessThanOrEqual(8);
    }
    const ra = await count(EFFICACY.replace("$disease: String!", "$disease: String! = \"RA\""), null);
    expect(ra).toBeLessThanOrEqual(5);
  });

  it("a site investigator's figures cover their site's patients only; an analyst runs everything de-identified", async () => {
    const investigator = await t.accessOf("demo-investigator-01");
    const { clinicalEfficacy: own } = await t.data(EFFICACY, { disease: "RA" }, investigator);
    const ownPairs = (await readScores(t, "RA", "DAS28_CRP", "D183")).filter((p) => p.site === "01");
    expect(own.evaluable).toBe(ownPairs.length);
    expect(new Set(own.patientRows.map((p: any) => p.siteCode))).toEqual(own.patientRows.length ? new Set(["01"]) : new Set());
    const { immuneClinicalCorrelation: corr } = await t.data(CORRELATION, {}, investigator);
    const site01 = await t.dataSource.manager.findOneByOrFail(Site, { code: "01" });
    const ownCodes = new Set((await t.dataSource.manager.findBy(Patient, { siteId: site01.id })).map((p) => p.subjectCode));
    expect(corr.pooled.points.length).toBeGreaterThan(0);
    for (const point of corr.pooled.points) expect(ownCodes.has(point.subjectCode), point.subjectCode).toBe(true);
    const { crossDiseaseEfficacy: cross } = await t.data(CROSS, {}, investigator);
    const { crossDiseaseEfficacy: all } = await t.data(CROSS, {});
    expect(cross.rows.reduce((s: number, r: any) => s + r.patients, 0)).toBeLessThan(all.rows.reduce((s: number, r: any) => s + r.patients, 0));

    const analyst = await t.accessOf("demo-analyst");
    for (const [query, variables] of [[EFFICACY, { disease: "RA" }], [CROSS, {}], [CORRELATION, {}]] as const) {
      const result = await t.execute(query, variables, analyst);
      expect(result.errors).toBeUndefined();
    }
    const { clinicalEfficacy: seen } = await t.data(EFFICACY, { disease: "RA", endpoint: "RA_ACR20" }, analyst);
    expect(seen.patientRows[0].subjectCode).toMatch(/^RA-/);
    expect(seen.patientRows.some((p: any) => p.note !== null)).toBe(true);
  });

  it("the per-protocol population is decided at the analysed visit: a patient whose visit was not performed is left out of it, kept (not evaluable) among all treated", async () => {
    const m = t.dataSource.manager;
    const ra = await m.findOneByOrFail(Cohort, { code: "RA" });
    const d183 = await m.findOneByOrFail(PlannedVisit, { cohortId: ra.id, code: "D183" });
    const visit = await m.findOneOrFail(Visit, { where: { plannedVisitId: d183.id, performed: true }, order: { id: "ASC" } });
    const subject = (await m.findOneByOrFail(Patient, { id: visit.patientId })).subjectCode;
    await m.update(Visit, visit.id, { performed: false });
    try {
      const lenient = { population: "PER_PROTOCOL", maxMissedDoses: 1000 };
      const { clinicalEfficacy: perProtocol } = await t.data(EFFICACY, { disease: "RA", visit: "D183", filter: lenient });
      const { clinicalEfficacy: treated } = await t.data(EFFICACY, { disease: "RA", visit: "D183" });
      expect(perProtocol.population.description).toMatch(/per protocol/i);
      expect(treated.patientRows.find((p: any) => p.subjectCode === subject)).toMatchObject({ evaluable: false, reason: "VISIT_NOT_PERFORMED" });
      expect(perProtocol.patientRows.map((p: any) => p.subjectCode)).not.toContain(subject);
      expect(perProtocol.notEvaluable.map((c: any) => c.reason)).not.toContain("VISIT_NOT_PERFORMED");
      // the others are the same patients with the same figures
      const kept = treated.patientRows.filter((p: any) => p.reason !== "VISIT_NOT_PERFORMED" && p.reason !== "NO_FOLLOW_UP_VISIT");
      expect(perProtocol.patientRows).toEqual(kept);
    } finally {
      await m.update(Visit, visit.id, { performed: true });
    }
  });

  it("an empty population and a disease without any evaluable patient: not estimable with reasons, never NaN", async () => {
    const { crossDiseaseEfficacy: empty } = await t.data(CROSS, { filter: { minAge: 150 } });
    for (const row of empty.rows) {
      expect(row).toMatchObject({ patients: 0, percentImprovement: { n: 0, estimate: null, p: null, pAdjusted: null }, immuneResponse: { n: 0, estimate: null } });
      expect(row.percentImprovement.notEstimable.map((n: any) => n.reason)).toContain("NO_OBSERVATIONS");
    }
    expect(empty.adjustmentNote).toMatch(/0 for the clinical score, 0 for the immune response/);
    // Remove every PASI of the psoriasis cohort at D183: its patients stay, none is evaluable.
    const m = t.dataSource.manager;
    const pso = await m.findOneByOrFail(Cohort, { code: "PSO" });
    const d183 = await m.findOneByOrFail(PlannedVisit, { cohortId: pso.id, code: "D183" });
    const visits = (await m.findBy(Visit, { plannedVisitId: d183.id })).map((v) => v.id);
    await m.createQueryBuilder().update(ClinicalAssessment).set({ removedAt: new Date() } as never).where(`"visitId" IN (:...visits)`, { visits }).execute();
    const { clinicalEfficacy: none } = await t.data(EFFICACY, { disease: "PSO", endpoint: "PSO_PASI_75" });
    expect(none).toMatchObject({ evaluable: 0, responders: 0, responderRate: { n: 0, estimate: null, ci: null } });
    expect(none.notEvaluable.map((c: any) => c.reason)).toContain("MISSING_FOLLOW_UP_ASSESSMENT");
    expect(none.patients).toBeGreaterThan(0);
    const { crossDiseaseEfficacy: cross } = await t.data(CROSS, {});
    const row = cross.rows.find((r: any) => r.cohortCode === "PSO");
    expect(row).toMatchObject({ percentImprovement: { n: 0, estimate: null, p: null, pAdjusted: null }, responderRate: { n: 0, estimate: null } });
    expect(cross.adjustmentNote).toMatch(/10 for the clinical score, 11 for the immune response/);
    const ps = cross.rows.map((r: any) => r.percentImprovement.p);
    expect(cross.rows.map((r: any) => r.percentImprovement.pAdjusted)).toEqual(pAdjust(ps, "holm"));
    expect(JSON.stringify([empty, none, cross])).not.toMatch(/NaN|Infinity/);
  });

  it("scores computed by calculators of another MAJOR version are not compared: not evaluable with the reason, in endpoints and a patient's response", async () => {
    const m = t.dataSource.manager;
    const ra = await m.findOneByOrFail(Cohort, { code: "RA" });
    const baselinePlan = await m.findOneByOrFail(PlannedVisit, { cohortId: ra.id, isBaseline: true });
    const visit = await m.findOneOrFail(Visit, { where: { plannedVisitId: baselinePlan.id }, order: { id: "ASC" } });
    const patient = await m.findOneByOrFail(Patient, { id: visit.patientId });
    const baselineScore = await m.findOneByOrFail(ClinicalAssessment, { visitId: visit.id, instrumentCode: "DAS28_CRP" });
    const RESPONSE = `query($id: ID!) { node(id: $id) { ... on Patient { response(criterion: "EULAR_RESPONSE", visit: "D183", instrument: "DAS28_CRP") { status reason } } } }`;
    const rowOf = (efficacy: any) => efficacy.patientRows.find((p: any) => p.subjectCode === patient.subjectCode);
    const { clinicalEfficacy: current } = await t.data(EFFICACY, { disease: "RA" });
    expect(rowOf(current)).toMatchObject({ evaluable: true, reason: null });
    const { node: { response: currentResponse } } = await t.data(RESPONSE, { id: patient.nodeId });
    expect(currentResponse.status).toMatch(/^(RESPONDER|NON_RESPONDER)$/);
    try {
      // Another MINOR or PATCH of the same MAJOR gives the same scores: still compared, same figures.
      await m.update(ClinicalAssessment, baselineScore.id, { calculatorVersion: "1.4.2" });
      expect((await t.data(EFFICACY, { disease: "RA" })).clinicalEfficacy).toEqual(current);

      await m.update(ClinicalAssessment, baselineScore.id, { calculatorVersion: "0.9.0" });
      const { clinicalEfficacy: mixed } = await t.data(EFFICACY, { disease: "RA" });
      const note = "DAS28_CRP was computed by calculator 0.9.0 at baseline and 1.0.0 at D183: versions of another MAJOR are not comparable (re-score them with `assessments rescore`)";
      expect(rowOf(mixed)).toMatchObject({ evaluable: false, reason: "INCOMPATIBLE_CALCULATORS", note, change: null });
      expect(mixed.notEvaluable).toContainEqual({ reason: "INCOMPATIBLE_CALCULATORS", count: 1 });
      expect(mixed.evaluable).toBe(current.evaluable - 1);
      expect(mixed.change.n).toBe(current.change.n - 1);
      const { node: { response } } = await t.data(RESPONSE, { id: patient.nodeId });
      expect(response).toEqual({ status: "NOT_EVALUABLE", reason: note });
    } finally {
      await m.update(ClinicalAssessment, baselineScore.id, { calculatorVersion: baselineScore.calculatorVersion });
    }
  });
});
