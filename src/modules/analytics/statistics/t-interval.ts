import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { mean, variance } from "./moments";
import { type ConfidenceInterval, type Estimate, NotEstimableReason, estimated, notEstimable, plural } from "./estimate";

export interface MeanInterval {
  readonly mean: number;
  /** Standard error of the mean, SD/√n. */
  readonly standardError: number;
  readonly df: number;
  readonly ci: ConfidenceInterval;
}

/**
 * The t-based confidence interval of a mean (R's `t.test(x)$conf.int`): mean ± t(1 − α/2, n − 1)·SD/√n.
 * Needs two observations that are not all equal (R refuses "data are essentially constant" too).
 * Callers have already rejected non-finite values.
 */
export function tInterval(values: readonly number[], level = 0.95): Estimate<MeanInterval> {
  const n = values.length;
  if (n === 0) return notEstimable(NotEstimableReason.NO_OBSERVATIONS, "no observations");
  if (n === 1) return notEstimable(NotEstimableReason.TOO_FEW_OBSERVATIONS, "1 observation; a t interval needs at least 2");
  if (isConstant(values)) return notEstimable(NotEstimableReason.ZERO_VARIANCE, `all ${plural(n, "observation")} are equal; the standard error is zero`);
  const m = mean(values);
  const standardError = Math.sqrt(variance(values) / n);
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * standardError;
  return estimated({ mean: m, standardError, df: n - 1, ci: { lower: m - half, upper: m + half, level } });
}

/** Exactly equal values (tested directly: a two-pass variance of equal non-representable values may be 1e-33, not 0). */
export function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}
