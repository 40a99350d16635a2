import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { ConfidenceInterval as Interval, Estimate, GeometricMeanFoldChange, NotEstimable, PairedTTest, Proportion, SampleSummary, SpearmanCorrelation, WilcoxonSignedRank } from "./statistics";
import { NotEstimableReason, SignedRankMethod } from "./statistics";

registerEnumType(NotEstimableReason, { name: "NotEstimableReason", description: "Why a statistic could not be computed." });
registerEnumType(SignedRankMethod, { name: "SignedRankMethod", description: "How the Wilcoxon signed-rank p-value was computed (R 4.2 wilcox.test conventions)." });

export enum PairedTest {
  WILCOXON = "WILCOXON",
  T_TEST = "T_TEST",
}
registerEnumType(PairedTest, { name: "PairedTest", description: "Test of follow-up against baseline: Wilcoxon signed-rank or paired t-test." });

@ObjectType({ description: "A statistic that could not be computed, and why." })
export class NotEstimableStatistic {
  @Field({ description: "Name of the field left null, e.g. \"sd\" or \"ci\"." }) statistic: string;
  @Field(() => NotEstimableReason) reason: NotEstimableReason;
  @Field() message: string;
}

@ObjectType({ description: "A two-sided confidence interval." })
export class ConfidenceInterval {
  @Field(() => Float) lower: number;
  @Field(() => Float) upper: number;
  @Field(() => Float, { description: "Confidence level, e.g. 0.95." }) level: number;
}

const interval = (ci: Interval) => Object.assign(new ConfidenceInterval(), ci);
const note = (statistic: string, e: NotEstimable) => Object.assign(new NotEstimableStatistic(), { statistic, reason: e.reason, message: e.message });

/** The value of an estimate, or null with a note saying why. */
function take<T, R>(estimate: Estimate<T>, statistic: string, notes: NotEstimableStatistic[], pick: (value: T) => R): R | null {
  if (estimate.estimable) return pick(estimate);
  notes.push(note(statistic, estimate));
  return null;
}

@ObjectType({ description: "Descriptive statistics of a sample. Figures that cannot be computed are null and listed in notEstimable with the reason." })
export class SampleSummaryResult {
  @Field(() => Int) n: number;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true, description: "Standard deviation (denominator n − 1)." }) sd: number | null;
  @Field(() => Float, { nullable: true }) median: number | null;
  @Field(() => Float, { nullable: true, description: "First quartile (R's quantile type 7)." }) q1: number | null;
  @Field(() => Float, { nullable: true, description: "Third quartile (R's quantile type 7)." }) q3: number | null;
  @Field(() => Float, { nullable: true }) min: number | null;
  @Field(() => Float, { nullable: true }) max: number | null;
  @Field(() => ConfidenceInterval, { nullable: true, description: "95 % t-based confidence interval of the mean." }) meanCi: ConfidenceInterval | null;
  @Field(() => [NotEstimableStatistic]) notEstimable: NotEstimableStatistic[];

  static of(s: SampleSummary): SampleSummaryResult {
    const notes: NotEstimableStatistic[] = [];
    const location = take(s.location, "location", notes, (l) => l);
    return Object.assign(new SampleSummaryResult(), {
      n: s.n,
      mean: location?.mean ?? null,
      median: location?.median ?? null,
      q1: location?.q1 ?? null,
      q3: location?.q3 ?? null,
      min: location?.min ?? null,
      max: location?.max ?? null,
      sd: take(s.sd, "sd", notes, (v) => v.value),
      meanCi: take(s.meanCi, "meanCi", notes, (m) => interval(m.ci)),
      notEstimable: notes,
    });
  }
}

@ObjectType({ description: "Geometric mean of the per-patient fold changes (value ÷ baseline) with its 95 % CI, t-based on the log scale." })
export class GeometricMeanFoldChangeResult {
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => ConfidenceInterval, { nullable: true }) ci: ConfidenceInterval | null;
  @Field(() => [NotEstimableStatistic]) notEstimable: NotEstimableStatistic[];

  static of(g: Estimate<GeometricMeanFoldChange>): GeometricMeanFoldChangeResult {
    const notes: NotEstimableStatistic[] = [];
    const value = take(g, "value", notes, (v) => v.value);
    const ci = g.estimable ? take(g.ci, "ci", notes, (c) => interval(c.interval)) : null;
    if (!g.estimable) notes.push(note("ci", g));
    return Object.assign(new GeometricMeanFoldChangeResult(), { value, ci, notEstimable: notes });
  }
}

@ObjectType({ description: "A paired test of follow-up against baseline. Null figures are listed in notEstimable with the reason." })
export class PairedTestResult {
  @Field(() => PairedTest) test: PairedTest;
  @Field(() => Int, { nullable: true, description: "Pairs the test used (Wilcoxon: non-zero differences)." }) n: number | null;
  @Field(() => Float, { nullable: true, description: "Wilcoxon: V, the sum of the ranks of the positive differences (R's V). t-test: t." }) statistic: number | null;
  @Field(() => Float, { nullable: true, description: "t-test: degrees of freedom." }) df: number | null;
  @Field(() => Float, { nullable: true, description: "Two-sided p-value, at most 1." }) p: number | null;
  @Field(() => ConfidenceInterval, { nullable: true, description: "t-test: 95 % CI of the mean difference." }) ci: ConfidenceInterval | null;
  @Field(() => SignedRankMethod, { nullable: true, description: "Wilcoxon: exact or normal approximation." }) signedRankMethod: SignedRankMethod | null;
  @Field(() => Boolean, { nullable: true, description: "Wilcoxon: tied absolute differences were found." }) ties: boolean | null;
  @Field(() => Int, { nullable: true, description: "Wilcoxon: zero differences dropped." }) zerosDropped: number | null;
  @Field({ description: "The method in words, e.g. \"Wilcoxon signed-rank (R 4.2 wilcox.test, paired): normal approximation with continuity correction, ties\"." }) method: string;
  @Field(() => [NotEstimableStatistic]) notEstimable: NotEstimableStatistic[];

  static wilcoxon(w: Estimate<WilcoxonSignedRank>): PairedTestResult {
    const notes: NotEstimableStatistic[] = [];
    const r = take(w, "p", notes, (v) => v);
    return Object.assign(new PairedTestResult(), {
      test: PairedTest.WILCOXON,
      n: r?.n ?? null,
      statistic: r?.v ?? null,
      df: null,
      p: r?.p ?? null,
      ci: null,
      signedRankMethod: r?.method ?? null,
      ties: r?.ties ?? null,
      zerosDropped: r?.zerosDropped ?? null,
      method: `Wilcoxon signed-rank (R 4.2 wilcox.test, paired)${r ? `: ${r.description}` : ""}`,
      notEstimable: notes,
    });
  }

  static tTest(t: Estimate<PairedTTest>): PairedTestResult {
    const notes: NotEstimableStatistic[] = [];
    const r = take(t, "p", notes, (v) => v);
    return Object.assign(new PairedTestResult(), {
      test: PairedTest.T_TEST,
      n: r?.n ?? null,
      statistic: r?.t ?? null,
      df: r?.df ?? null,
      p: r?.p ?? null,
      ci: r ? interval(r.ci) : null,
      signedRankMethod: null,
      ties: null,
      zerosDropped: null,
      method: "paired t-test (R t.test, paired)",
      notEstimable: notes,
    });
  }
}

@ObjectType({ description: "A proportion with its Wilson score 95 % CI without continuity correction (R's prop.test(x, n, correct = FALSE)$conf.int). Null figures are listed in notEstimable." })
export class ProportionResult {
  @Field(() => Int) successes: number;
  @Field(() => Int) n: number;
  @Field(() => Float, { nullable: true, description: "successes ÷ n; null when n = 0." }) estimate: number | null;
  @Field(() => ConfidenceInterval, { nullable: true }) ci: ConfidenceInterval | null;
  @Field(() => [NotEstimableStatistic]) notEstimable: NotEstimableStatistic[];

  static of(successes: number, n: number, p: Estimate<Proportion>): ProportionResult {
    const notes: NotEstimableStatistic[] = [];
    const r = take(p, "estimate", notes, (v) => v);
    if (!p.estimable) notes.push(note("ci", p));
    return Object.assign(new ProportionResult(), { successes, n, estimate: r?.estimate ?? null, ci: r ? interval(r.ci) : null, notEstimable: notes });
  }
}

@ObjectType({ description: "Spearman's rank correlation (average ranks for ties) with its two-sided p-value (exact over every pairing of the ranks for up to 9 pairs without ties, as R's cor.test; otherwise the t approximation on n − 2 df, as SciPy's spearmanr) and a Fisher-z 95 % CI with the Fieller–Hartley–Pearson variance 1.06/(n − 3). Null figures are listed in notEstimable." })
export class SpearmanResult {
  @Field(() => Int, { description: "Pairs used." }) n: number;
  @Field(() => Float, { nullable: true }) rho: number | null;
  @Field(() => Float, { nullable: true, description: "Two-sided, unadjusted." }) p: number | null;
  @Field(() => ConfidenceInterval, { nullable: true }) ci: ConfidenceInterval | null;
  @Field(() => [NotEstimableStatistic]) notEstimable: NotEstimableStatistic[];

  static of(n: number, s: Estimate<SpearmanCorrelation>): SpearmanResult {
    const notes: NotEstimableStatistic[] = [];
    const r = take(s, "rho", notes, (v) => v);
    if (!s.estimable) notes.push(note("p", s), note("ci", s));
    const ci = s.estimable ? take(s.ci, "ci", notes, (c) => interval(c.interval)) : null;
    return Object.assign(new SpearmanResult(), { n, rho: r?.rho ?? null, p: r?.p ?? null, ci, notEstimable: notes });
  }
}
