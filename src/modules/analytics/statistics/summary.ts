import { mean, variance } from "./moments";
import { quantileType7 } from "./quantile";
import { type Estimate, NotEstimableReason, estimated, nonFinite, notEstimable } from "./estimate";
import { type MeanInterval, tInterval } from "./t-interval";

export interface Location {
  readonly mean: number;
  readonly median: number;
  /** First and third quartiles, R's quantile type 7. */
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
}

/** Descriptive statistics of one sample; each part says on its own whether it could be computed. */
export interface SampleSummary {
  readonly n: number;
  /** Mean, median, quartiles, range: need one observation. */
  readonly location: Estimate<Location>;
  /** Standard deviation (denominator n − 1): needs two. */
  readonly sd: Estimate<{ readonly value: number }>;
  /** 95 % t-based confidence interval of the mean: needs two observations that are not all equal. */
  readonly meanCi: Estimate<MeanInterval>;
}

export function summarize(values: readonly number[], level = 0.95): SampleSummary {
  const n = values.length;
  const bad = nonFinite(values);
  if (bad) return { n, location: bad, sd: bad, meanCi: bad };
  if (n === 0) {
    const none = notEstimable(NotEstimableReason.NO_OBSERVATIONS, "no observations");
    return { n, location: none, sd: none, meanCi: none };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const location = estimated({
    mean: mean(values),
    median: quantileType7(sorted, 0.5),
    q1: quantileType7(sorted, 0.25),
    q3: quantileType7(sorted, 0.75),
    min: sorted[0],
    max: sorted[n - 1],
  });
  const sd = n === 1
    ? notEstimable(NotEstimableReason.TOO_FEW_OBSERVATIONS, "1 observation; a standard deviation needs at least 2")
    : estimated({ value: sorted[0] === sorted[n - 1] ? 0 : Math.sqrt(variance(values)) });
  return { n, location, sd, meanCi: tInterval(values, level) };
}
