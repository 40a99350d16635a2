import { describe, expect, it } from "vitest";
import type { EfficacyEndpoint, InstrumentDefinition, ResponseCriterion } from "../../plugin-api";
import type { Cohort } from "../study/cohort.entity";
import type { AnalysisPopulation } from "./analysis-filter";
import { type ResolvedEndpoint, clinicalEfficacy, evaluateCohort } from "./clinical-efficacy";
import { PValueAdjustment, crossDiseaseRows } from "./cross-disease-efficacy";
import type { EndpointPatient, EndpointVisit } from "./endpoint-assessments";
import { immuneClinicalCorrelation } from "./immune-clinical-correlation";
import type { ImmunePair } from "./immune-pairs";
import { responseGroup } from "./immune-response";
import type { CohortPrimaryOutcomes } from "./primary-outcomes";
import { expectClose } from "./statistics/reference/expect-close";
import { PairedTest } from "./statistics-types";

// Reference values: statistics/reference/efficacy-reference.py (SciPy 1.17.1), quoted with its inputs.

const INSTRUMENT: InstrumentDefinition = {
  code: "TEST_SCORE",
  name: "Test score",
  description: "",
  version: "1.0.0",
  inputs: [],
  compute: () => ({ value: 0 }),
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 10 },
  decimals: 0,
  bands: [],
  references: ["r"],
  examples: [],
};
/** Responder when the score falls by at least 50 %; a zero baseline is not evaluable. */
const CRITERION: ResponseCriterion = {
  code: "TEST_50",
  name: "Test 50",
  description: "",
  instruments: ["TEST_SCORE"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) =>
    baseline.value === 0
      ? { status: "NOT_EVALUABLE", reason: "baseline score is 0" }
      : { status: (baseline.value! - followUp.value!) / baseline.value! >= 0.5 ? "RESPONDER" : "NON_RESPONDER" },
  references: ["r"],
  examples: [],
};
const endpoint = (kind: "CHANGE" | "RESPONSE"): EfficacyEndpoint =>
  kind === "CHANGE"
    ? { code: "T_CHANGE", label: "T", kind, role: "PRIMARY", instrument: "TEST_SCORE", defaultVisit: "D183" }
    : { code: "T_RESPONSE", label: "T", kind, role: "SECONDARY", instrument: "TEST_SCORE", criterion: "TEST_50", defaultVisit: "D183" };
const resolved = (kind: "CHANGE" | "RESPONSE"): ResolvedEndpoint => ({ endpoint: endpoint(kind), diseaseId: "test-disease", instrument: INSTRUMENT, criterion: kind === "RESPONSE" ? CRITERION : undefined });

let nextId = 1;
const visit = (score: number | null | undefined, performed = true): EndpointVisit => ({
  visitId: nextId++,
  performed,
  studyDay: undefined,
  assessments: score === undefined ? new Map() : new Map([["TEST_SCORE", { instrumentCode: "TEST_SCORE", score, inputs: {}, components: {} }]]),
});
const patient = (id: number, cohortId: number, baseline: EndpointVisit | null, followUp: EndpointVisit | null): EndpointPatient => ({
  patientId: id,
  subjectCode: `S-${id}`,
  cohortId,
  siteCode: "01",
  baseline,
  followUp,
});

// Cohort A: six evaluable patients (scores A_BASE → A_FOLLOW of the script) and one of each reason not to be.
const A_BASE = [6, 5, 4, 8, 3, 0];
const A_FOLLOW = [3, 5, 2, 4, 3, 1];
const COHORT_A: EndpointPatient[] = [
  ...A_BASE.map((b, i) => patient(i + 1, 1, visit(b), visit(A_FOLLOW[i]))),
  patient(7, 1, null, visit(2)),
  patient(8, 1, visit(4), null),
  patient(9, 1, visit(4), visit(2, false)),
  patient(10, 1, visit(4), visit(undefined)),
  patient(11, 1, visit(null), visit(3)),
];
const B_BASE = [10, 9, 8, 7, 6];
const B_FOLLOW = [4, 5, 3, 6, 2];
const COHORT_B: EndpointPatient[] = B_BASE.map((b, i) => patient(20 + i, 2, visit(b), visit(B_FOLLOW[i])));

const cohort = (id: number, code: string) => ({ id, code, name: `Cohort ${code}`, diseaseId: "test-disease" }) as Cohort;
const POPULATION = { diseases: null, sites: null, sex: null, minAge: null, maxAge: null, description: "all" } as AnalysisPopulation;

describe("clinicalEfficacy of one declared endpoint", () => {
  it("CHANGE: counts each reason not to be evaluable, and summarises change and percent change (zero baseline kept out of the percentages)", () => {
    const r = clinicalEfficacy(resolved("CHANGE"), cohort(1, "A"), "D183", POPULATION, COHORT_A);
    expect(r).toMatchObject({ patients: 11, evaluable: 6, responders: null, responderRate: null });
    expect(r.notEvaluable.map((c) => [c.reason, c.count])).toEqual([
      ["NO_BASELINE_VISIT", 1],
      ["NO_FOLLOW_UP_VISIT", 1],
      ["VISIT_NOT_PERFORMED", 1],
      ["MISSING_FOLLOW_UP_ASSESSMENT", 1],
      ["NO_SCORE", 1],
    ]);
    // A CHANGE n mean lower upper: 6 -1.33333333333333 -3.39692695308935 0.730260286422679
    expect(r.change.n).toBe(6);
    expectClose(r.change.mean!, -1.33333333333333);
    expectClose(r.change.meanCi!.lower, -3.39692695308935);
    expectClose(r.change.meanCi!.upper, 0.730260286422679);
    // A PERCENT_CHANGE n mean lower upper: 5 -30 -64.0043690329128 4.00436903291278
    expect(r.percentChange.n).toBe(5);
    expectClose(r.percentChange.mean!, -30);
    expectClose(r.percentChange.meanCi!.lower, -64.0043690329128);
    // A PERCENT_IMPROVEMENT n mean lower upper: 5 30 -4.00436903291278 64.0043690329128 (higher is worse: a fall is an improvement)
    expectClose(r.percentImprovement.mean!, 30);
    expectClose(r.percentImprovement.meanCi!.upper, 64.0043690329128);
    const zero = r.patientRows.find((p) => p.subjectCode === "S-6")!;
    expect(zero).toMatchObject({ evaluable: true, change: 1, percentChange: null, percentImprovement: null, note: "baseline TEST_SCORE is 0: no percent change" });
    expect(r.patientRows.find((p) => p.subjectCode === "S-9")).toMatchObject({ evaluable: false, reason: "VISIT_NOT_PERFORMED", note: "D183 visit not performed" });
  });

  it("RESPONSE: the criterion's NOT_EVALUABLE is a reason of its own; responder rate with the Wilson interval", () => {
    const r = clinicalEfficacy(resolved("RESPONSE"), cohort(1, "A"), "D183", POPULATION, COHORT_A);
    expect(r).toMatchObject({ evaluable: 5, responders: 3 });
    expect(r.notEvaluable.find((c) => c.reason === "CRITERION_NOT_EVALUABLE")?.count).toBe(1);
    // A RESPONDERS 3/5 lower upper: 0.230724281276013 0.882379225767352
    expect(r.responderRate).toMatchObject({ successes: 3, n: 5, estimate: 0.6, notEstimable: [] });
    expectClose(r.responderRate!.ci!.lower, 0.230724281276013);
    expectClose(r.responderRate!.ci!.upper, 0.882379225767352);
    expect(r.patientRows.find((p) => p.subjectCode === "S-6")).toMatchObject({ evaluable: false, reason: "CRITERION_NOT_EVALUABLE", note: "baseline score is 0", status: null });
  });

  it("n = 0 and n = 1: not estimable with reasons, never NaN", () => {
    const none = clinicalEfficacy(resolved("RESPONSE"), cohort(1, "A"), "D183", POPULATION, []);
    expect(none).toMatchObject({ patients: 0, evaluable: 0, responders: 0, notEvaluable: [], patientRows: [] });
    expect(none.responderRate).toMatchObject({ estimate: null, ci: null, notEstimable: [{ statistic: "estimate", reason: "NO_OBSERVATIONS" }, { statistic: "ci", reason: "NO_OBSERVATIONS" }] });
    expect(none.change).toMatchObject({ n: 0, mean: null, meanCi: null });
    const one = clinicalEfficacy(resolved("CHANGE"), cohort(1, "A"), "D183", POPULATION, COHORT_A.slice(0, 1));
    expect(one.change).toMatchObject({ n: 1, mean: -3, sd: null, meanCi: null });
    expect(one.change.notEstimable.map((n) => n.reason)).toEqual(["TOO_FEW_OBSERVATIONS", "TOO_FEW_OBSERVATIONS"]);
    expect(JSON.stringify([none, one])).not.toMatch(/NaN|Infinity/);
  });
});

describe("cross-disease rows and the immune ↔ clinic correlation", () => {
  const IA_BASE = [2.0, 3.0, 4.0, 5.0, 2.5, 3.0];
  const IA_D8 = [4.0, 5.5, 9.0, 8.0, 5.0, 6.3];
  const IB_BASE = [3.0, 2.0, 4.0, 3.5, 2.2];
  const IB_D8 = [3.3, 4.4, 7.0, 3.4, 4.0];
  const pair = (patientId: number, cohortId: number, baseline: number, value: number): ImmunePair => ({ patientId, parameter: "TREG_PCT_CD4", subjectCode: `S-${patientId}`, cohortId, siteCode: "01", visit: "D8", hasBaseline: true, baseline, value });
  const pairsA = IA_BASE.map((b, i) => pair(i + 1, 1, b, IA_D8[i]));
  const pairsB = IB_BASE.map((b, i) => pair(20 + i, 2, b, IB_D8[i]));
  const outcomes = (id: number, code: string, patients: EndpointPatient[]): CohortPrimaryOutcomes => ({
    cohort: cohort(id, code),
    score: resolved("CHANGE"),
    response: resolved("RESPONSE"),
    visit: "D183",
    patients: patients.length,
    scoreOutcomes: evaluateCohort(resolved("CHANGE"), patients, "D183"),
    responseOutcomes: evaluateCohort(resolved("RESPONSE"), patients, "D183"),
  });
  const primary = [outcomes(1, "A", COHORT_A), outcomes(2, "B", COHORT_B), outcomes(3, "C", [])];
  const group = (pairs: ImmunePair[]) => responseGroup(pairs, () => "X", PairedTest.WILCOXON, { cohortCode: "X", diseaseId: "d", label: "X" });
  const immune = [group(pairsA), group(pairsB), group([])];

  it("one row per disease with estimates, CIs and Holm-adjusted p-values; a disease without patients is not estimable", () => {
    const [a, b, c] = crossDiseaseRows(primary, immune, PairedTest.WILCOXON, PValueAdjustment.HOLM);
    // A PERCENT_IMPROVEMENT 5 30 -4.00436903291278 64.0043690329128; A SCORE p 0.201242620957724 (normal approximation: zeros and ties)
    expect(a.percentImprovement.n).toBe(5);
    expectClose(a.percentImprovement.estimate!, 30);
    expectClose(a.percentImprovement.ci!.lower, -4.00436903291278);
    expectClose(a.percentImprovement.p!, 0.201242620957724);
    // B PERCENT_IMPROVEMENT n mean lower upper: 5 49.5793650793651 22.9521309787603 76.2065991799698; B SCORE p 0.0579072654172972
    expectClose(b.percentImprovement.estimate!, 49.5793650793651);
    expectClose(b.percentImprovement.ci!.upper, 76.2065991799698);
    expectClose(b.percentImprovement.p!, 0.0579072654172972);
    // HOLM score: 0.201242620957724 0.115814530834594
    expectClose(a.percentImprovement.pAdjusted!, 0.201242620957724);
    expectClose(b.percentImprovement.pAdjusted!, 0.115814530834594);
    // Responder rates 3/5 each (Wilson 0.230724281276013 0.882379225767352); no test, no p.
    expectClose(b.responderRate!.ci!.lower, 0.230724281276013);
    expect(b.responderRate).toMatchObject({ n: 5, estimate: 0.6, p: null, pAdjusted: null });
    // A IMMUNE gmfc lower upper: 1.95270754176367 1.72441042753114 2.21122923103634, p 0.0355223366234146; B IMMUNE 1.49547900229464 0.967366721930444 2.31190240019955, p 0.125 (exact)
    expectClose(a.immuneResponse.estimate!, 1.95270754176367);
    expectClose(a.immuneResponse.ci!.upper, 2.21122923103634);
    expectClose(b.immuneResponse.ci!.lower, 0.967366721930444);
    expectClose(a.immuneResponse.p!, 0.0355223366234146);
    expectClose(b.immuneResponse.p!, 0.125);
    // HOLM immune: 0.0710446732468292 0.125
    expectClose(a.immuneResponse.pAdjusted!, 0.0710446732468292);
    expectClose(b.immuneResponse.pAdjusted!, 0.125);
    // C has no patient: every figure not estimable, and its missing p does not count as a test.
    expect(c.percentImprovement).toMatchObject({ n: 0, estimate: null, ci: null, p: null, pAdjusted: null });
    expect(c.percentImprovement.notEstimable.map((n) => n.reason)).toContain("NO_OBSERVATIONS");
    expect(c.responderRate).toMatchObject({ n: 0, estimate: null });
    expect(c.immuneResponse).toMatchObject({ n: 0, estimate: null, p: null });
    expect(JSON.stringify([a, b, c])).not.toMatch(/NaN|Infinity/);
  });

  it("Benjamini–Hochberg on request", () => {
    const [a, b] = crossDiseaseRows(primary, immune, PairedTest.WILCOXON, PValueAdjustment.BH);
    // BH score: 0.201242620957724 0.115814530834594
    expectClose(a.percentImprovement.pAdjusted!, 0.201242620957724);
    expectClose(b.percentImprovement.pAdjusted!, 0.115814530834594);
    // With two p-values Holm and BH agree here; a third disease with A's immune data (p 0.0355223366234146 twice,
    // 0.125) tells them apart — worked out by hand from the definitions (R's p.adjust gives the same):
    //   Holm: 3 × 0.0355223366234146 = 0.106567009870244 for both, 0.125;  BH: 3/2 × 0.0355223366234146 = 0.0532835049351219 for both, 0.125
    const third = [...immune.slice(0, 2), group(pairsA)];
    const withD = [...primary.slice(0, 2), outcomes(4, "D", COHORT_A)];
    const bh = crossDiseaseRows(withD, third, PairedTest.WILCOXON, PValueAdjustment.BH);
    const holm = crossDiseaseRows(withD, third, PairedTest.WILCOXON, PValueAdjustment.HOLM);
    expectClose(bh[0].immuneResponse.pAdjusted!, 0.0532835049351219);
    expectClose(bh[2].immuneResponse.pAdjusted!, 0.0532835049351219);
    expectClose(bh[1].immuneResponse.pAdjusted!, 0.125);
    expectClose(holm[0].immuneResponse.pAdjusted!, 0.106567009870244);
    expectClose(holm[2].immuneResponse.pAdjusted!, 0.106567009870244);
  });

  it("Spearman of fold change with percent improvement, pooled, over the patients with both (ties in both variables)", () => {
    const r = immuneClinicalCorrelation(primary, [...pairsA, ...pairsB]);
    // POOLED spearman n rho p lower upper: 10 -0.225325814235688 0.531372040784376 -0.758195430328681 0.488004100901744
    expect(r.pooled.spearman.n).toBe(10);
    expectClose(r.pooled.spearman.rho!, -0.225325814235688);
    expectClose(r.pooled.spearman.p!, 0.531372040784376);
    expectClose(r.pooled.spearman.ci!.lower, -0.758195430328681);
    expectClose(r.pooled.spearman.ci!.upper, 0.488004100901744);
    // A's zero-baseline patient has a fold change but no percent improvement: not a point.
    expect(r.cohorts[0].points.map((p) => p.subjectCode)).toEqual(["S-1", "S-2", "S-3", "S-4", "S-5"]);
    expect(r.cohorts[2]).toMatchObject({ cohortCode: "C", points: [], spearman: { n: 0, rho: null, p: null, ci: null } });
    expect(r.cohorts[2].spearman.notEstimable.map((n) => n.reason)).toEqual(["NO_OBSERVATIONS", "NO_OBSERVATIONS", "NO_OBSERVATIONS"]);
  });
});
