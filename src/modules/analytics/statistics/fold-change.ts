import { mean } from "./moments";
import { type ConfidenceInterval, type Estimate, NotEstimableReason, estimated, nonFinite, notEstimable, plural } from "./estimate";
import { tInterval } from "./t-interval";

/** One patient's fold change, value ÷ baseline; both must be positive (the analysis is on the log scale). */
export function foldChange(baseline: number | null | undefined, value: number): Estimate<{ readonly value: number }> {
  if (baseline === null || baseline === undefined) return notEstimable(NotEstimableReason.MISSING_BASELINE, "no baseline value");
  const bad = nonFinite([baseline, value]);
  if (bad) return bad;
  if (baseline <= 0) return notEstimable(NotEstimableReason.NON_POSITIVE_VALUE, `baseline ${baseline} is not positive`);
  if (value <= 0) return notEstimable(NotEstimableReason.NON_POSITIVE_VALUE, `value ${value} is not positive`);
  return estimated({ value: value / baseline });
}

export interface GeometricMeanFoldChange {
  readonly n: number;
  /** exp(mean(log fold change)). */
  readonly value: number;
  /** exp of the t-based interval of the mean log fold change; not estimable with one patient or equal fold changes. */
  readonly ci: Estimate<{ readonly interval: ConfidenceInterval }>;
}

/**
 * Geometric mean of per-patient fold changes with its t-based confidence interval on the log scale,
 * back-transformed. Fold changes that are zero or negative have no logarithm: rather than silently
 * dropping them (which would bias the mean upwards, since a fall to zero is the largest fall), the
 * geometric mean is then not estimable and says how many there were.
 */
export function geometricMeanFoldChange(folds: readonly number[], level = 0.95): Estimate<GeometricMeanFoldChange> {
  const n = folds.length;
  if (n === 0) return notEstimable(NotEstimableReason.NO_OBSERVATIONS, "no fold changes");
  const bad = nonFinite(folds, "fold change");
  if (bad) return bad;
  const nonPositive = folds.filter((f) => f <= 0).length;
  if (nonPositive) return notEstimable(NotEstimableReason.NON_POSITIVE_VALUE, `${plural(nonPositive, "fold change")} ≤ 0 of ${n}; a geometric mean needs positive fold changes`);
  const logs = folds.map(Math.log);
  const interval = tInterval(logs, level);
  const ci: GeometricMeanFoldChange["ci"] = interval.estimable
    ? estimated({ interval: { lower: Math.exp(interval.ci.lower), upper: Math.exp(interval.ci.upper), level } })
    : interval;
  return estimated({ n, value: Math.exp(mean(logs)), ci });
}
