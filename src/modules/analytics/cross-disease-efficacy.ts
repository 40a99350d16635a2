import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { ScoreDirection } from "../catalogue/catalogue-types";
import { AnalysisPopulation } from "./analysis-filter";
import type { ImmuneResponseGroup } from "./immune-response";
import type { CohortPrimaryOutcomes } from "./primary-outcomes";
import { type Estimate, NotEstimableReason, pAdjust, pairedTTest, proportion, summarize, wilcoxonSignedRank } from "./statistics";
import type { MeanInterval } from "./statistics";
import { ConfidenceInterval, NotEstimableStatistic, PairedTest, PairedTestResult } from "./statistics-types";

export enum PValueAdjustment {
  HOLM = "HOLM",
  BH = "BH",
}
registerEnumType(PValueAdjustment, { name: "PValueAdjustment", description: "Multiplicity adjustment across diseases, as R's p.adjust: HOLM (family-wise error) or BH (Benjamini–Hochberg false discovery rate)." });

const METHOD = { [PValueAdjustment.HOLM]: "holm", [PValueAdjustment.BH]: "BH" } as const;
const METHOD_NAME = { [PValueAdjustment.HOLM]: "Holm", [PValueAdjustment.BH]: "Benjamini–Hochberg" } as const;

@ObjectType({ description: "One estimate of a forest plot: point estimate and 95 % CI, with the p-value and its adjusted value where the estimate has a test." })
export class ForestEstimate {
  @Field(() => Int, { description: "Patients the estimate is computed on." }) n: number;
  @Field(() => Float, { nullable: true }) estimate: number | null;
  @Field(() => ConfidenceInterval, { nullable: true }) ci: ConfidenceInterval | null;
  @Field(() => Float, { nullable: true, description: "Unadjusted two-sided p-value of the paired test; null where the estimate has no test (responder rate) or it is not estimable." }) p: number | null;
  @Field(() => Float, { nullable: true, description: "p adjusted across the diseases of the table with an estimable p (method in CrossDiseaseEfficacy.adjustment)." }) pAdjusted: number | null;
  @Field(() => [NotEstimableStatistic]) notEstimable: NotEstimableStatistic[];
}

@ObjectType({ description: "One disease (cohort) of the cross-disease table." })
export class CrossDiseaseRow {
  @Field() cohortCode: string;
  @Field() diseaseId: string;
  @Field() label: string;
  @Field(() => String, { nullable: true, description: "Planned visit the clinical figures are read at; null when the disease declares no endpoints." }) visit: string | null;
  @Field(() => Int, { description: "Patients of the cohort in the population." }) patients: number;
  @Field(() => String, { nullable: true, description: "Instrument of the disease's PRIMARY endpoint, whose percent improvement is reported." }) scoreInstrument: string | null;
  @Field(() => ScoreDirection, { nullable: true }) scoreDirection: ScoreDirection | null;
  @Field(() => ForestEstimate, {
    description:
      "Mean percent improvement of the primary score from baseline (−100 × change ÷ baseline when a higher score is worse, so improvement is positive) with its t-based 95 % CI, over patients with a positive baseline score; p is the paired test of the score at the visit against baseline.",
  })
  percentImprovement: ForestEstimate;
  @Field(() => String, { nullable: true, description: "Code of the response endpoint whose responder rate is reported: the PRIMARY endpoint when it is a response, else the first RESPONSE endpoint declared; null when there is none." }) responseEndpoint: string | null;
  @Field(() => ForestEstimate, { nullable: true, description: "Responders ÷ evaluable patients with the Wilson 95 % CI (R prop.test, correct = FALSE); null without a response endpoint." }) responderRate: ForestEstimate | null;
  @Field(() => ForestEstimate, { description: "Geometric mean fold change of the immune parameter (visit ÷ baseline) with its 95 % CI (t on the log scale); p is the paired test of the values." }) immuneResponse: ForestEstimate;
}

@ObjectType({ description: "Primary clinical and immunological figures of every disease on a common footing, ready for a forest plot." })
export class CrossDiseaseEfficacy {
  @Field(() => String, { nullable: true, description: "The visit asked for; null when each disease is read at its primary endpoint's default visit." }) visit: string | null;
  @Field() immuneParameter: string;
  @Field() immuneVisit: string;
  @Field() baselineVisit: string;
  @Field(() => PairedTest, { description: "Paired test behind every p of the table." }) test: PairedTest;
  @Field(() => PValueAdjustment) adjustment: PValueAdjustment;
  @Field({ description: "The adjustment in words, e.g. \"p-values adjusted across 11 diseases (Holm, R p.adjust), separately for the clinical and the immunological tests; p is unadjusted\"." }) adjustmentNote: string;
  @Field(() => AnalysisPopulation) population: AnalysisPopulation;
  @Field(() => [CrossDiseaseRow], { description: "One per cohort of the population, in cohort-code order, including those without any evaluable patient." }) rows: CrossDiseaseRow[];
}

const notes = (statistic: string, e: Estimate<unknown>): NotEstimableStatistic[] =>
  e.estimable ? [] : [Object.assign(new NotEstimableStatistic(), { statistic, reason: e.reason, message: e.message })];

function forest(n: number, estimate: number | null, ci: ConfidenceInterval | null, p: number | null, notEstimable: NotEstimableStatistic[]): ForestEstimate {
  return Object.assign(new ForestEstimate(), { n, estimate, ci, p, pAdjusted: null, notEstimable });
}

const ci = (lower: number, upper: number, level: number) => Object.assign(new ConfidenceInterval(), { lower, upper, level });

function percentImprovement(row: CohortPrimaryOutcomes, test: PairedTest): ForestEstimate {
  const evaluable = row.scoreOutcomes.map((e) => e.outcome).filter((o) => o.evaluable);
  const percents = evaluable.flatMap((o) => (o.percentImprovement === null ? [] : [o.percentImprovement]));
  const summary = summarize(percents);
  const interval: Estimate<MeanInterval> = summary.meanCi;
  const baseline = evaluable.map((o) => o.baseline!);
  const value = evaluable.map((o) => o.value!);
  const paired = test === PairedTest.WILCOXON ? PairedTestResult.wilcoxon(wilcoxonSignedRank(baseline, value)) : PairedTestResult.tTest(pairedTTest(baseline, value));
  return forest(
    percents.length,
    summary.location.estimable ? summary.location.mean : null,
    interval.estimable ? ci(interval.ci.lower, interval.ci.upper, interval.ci.level) : null,
    paired.p,
    [...notes("estimate", summary.location), ...notes("ci", interval), ...paired.notEstimable],
  );
}

function responderRate(row: CohortPrimaryOutcomes): ForestEstimate | null {
  if (!row.response) return null;
  const evaluable = row.responseOutcomes.map((e) => e.outcome).filter((o) => o.evaluable);
  const responders = evaluable.filter((o) => o.status === "RESPONDER").length;
  const rate = proportion(responders, evaluable.length);
  return forest(evaluable.length, rate.estimable ? rate.estimate : null, rate.estimable ? ci(rate.ci.lower, rate.ci.upper, rate.ci.level) : null, null, notes("estimate", rate));
}

function immune(group: ImmuneResponseGroup): ForestEstimate {
  const g = group.geometricMeanFoldChange;
  return forest(group.n, g.value, g.ci, group.test.p, [...g.notEstimable, ...group.test.notEstimable]);
}

/** The table: one row per cohort, p-values adjusted across the rows, clinical and immunological tests separately. */
export function crossDiseaseRows(primary: readonly CohortPrimaryOutcomes[], immuneGroups: readonly ImmuneResponseGroup[], test: PairedTest, adjustment: PValueAdjustment): CrossDiseaseRow[] {
  const rows = primary.map((row, i) => {
    const withoutEndpoints = row.score === null;
    const score = withoutEndpoints
      ? forest(0, null, null, null, [Object.assign(new NotEstimableStatistic(), { statistic: "estimate", reason: NotEstimableReason.NO_OBSERVATIONS, message: `the ${row.cohort.diseaseId} plugin declares no efficacy endpoints` })])
      : percentImprovement(row, test);
    return Object.assign(new CrossDiseaseRow(), {
      cohortCode: row.cohort.code,
      diseaseId: row.cohort.diseaseId,
      label: row.cohort.name,
      visit: row.visit,
      patients: row.patients,
      scoreInstrument: row.score?.endpoint.instrument ?? null,
      scoreDirection: (row.score?.instrument.direction as ScoreDirection | undefined) ?? null,
      percentImprovement: score,
      responseEndpoint: row.response?.endpoint.code ?? null,
      responderRate: responderRate(row),
      immuneResponse: immune(immuneGroups[i]),
    });
  });
  for (const pick of [(r: CrossDiseaseRow) => r.percentImprovement, (r: CrossDiseaseRow) => r.immuneResponse]) {
    const adjusted = pAdjust(rows.map((r) => pick(r).p), METHOD[adjustment]);
    rows.forEach((r, i) => (pick(r).pAdjusted = adjusted[i]));
  }
  return rows;
}

export function adjustmentNote(rows: readonly CrossDiseaseRow[], adjustment: PValueAdjustment): string {
  const count = (pick: (r: CrossDiseaseRow) => ForestEstimate) => rows.filter((r) => pick(r).p !== null).length;
  return (
    `pAdjusted: ${METHOD_NAME[adjustment]} adjustment (R p.adjust "${METHOD[adjustment]}") across the diseases with an estimable p — ` +
    `${count((r) => r.percentImprovement)} for the clinical score, ${count((r) => r.immuneResponse)} for the immune response, adjusted separately; p is unadjusted`
  );
}
