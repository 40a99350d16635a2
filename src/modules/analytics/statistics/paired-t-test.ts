import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { type ConfidenceInterval, type Estimate, NotEstimableReason, capP, estimated, nonFinite, notEstimable } from "./estimate";
import { tInterval } from "./t-interval";

export interface PairedTTest {
  readonly n: number;
  readonly meanDifference: number;
  readonly t: number;
  readonly df: number;
  /** Two-sided. */
  readonly p: number;
  readonly ci: ConfidenceInterval;
}

/**
 * Paired t-test of follow-up − baseline against 0, as R's `t.test(followUp, baseline, paired = TRUE)`:
 * t = mean(d)/(SD(d)/√n), df = n − 1, two-sided p, t-based CI of the mean difference.
 */
export function pairedTTest(baseline: readonly number[], followUp: readonly number[], level = 0.95): Estimate<PairedTTest> {
  if (baseline.length !== followUp.length) throw new Error("pairedTTest: samples of different lengths");
  const bad = nonFinite([...baseline, ...followUp]);
  if (bad) return bad;
  const d = followUp.map((v, i) => v - baseline[i]);
  const interval = tInterval(d, level);
  if (!interval.estimable) {
    return interval.reason === NotEstimableReason.ZERO_VARIANCE
      ? notEstimable(NotEstimableReason.ZERO_VARIANCE, `all ${d.length} differences are equal (${d[0]}); the t statistic is undefined`)
      : interval;
  }
  const t = interval.mean / interval.standardError;
  return estimated({ n: d.length, meanDifference: interval.mean, t, df: interval.df, p: capP(2 * tCdf(-Math.abs(t), interval.df)), ci: interval.ci });
}
