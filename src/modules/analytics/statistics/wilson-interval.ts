import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { type ConfidenceInterval, type Estimate, NotEstimableReason, estimated, notEstimable } from "./estimate";

export interface Proportion {
  readonly successes: number;
  readonly n: number;
  readonly estimate: number;
  /** Wilson score interval without continuity correction (R's `prop.test(x, n, correct = FALSE)$conf.int`). */
  readonly ci: ConfidenceInterval;
}

/** A proportion with its Wilson score interval; n = 0 is not estimable. */
export function proportion(successes: number, n: number, level = 0.95): Estimate<Proportion> {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n) {
    throw new Error(`proportion: ${successes} of ${n} is not a count out of a total`);
  }
  if (n === 0) return notEstimable(NotEstimableReason.NO_OBSERVATIONS, "no patients in the denominator");
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return estimated({ successes, n, estimate: p, ci: { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), level } });
}
