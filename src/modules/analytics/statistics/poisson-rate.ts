import gammaQuantile from "@stdlib/stats-base-dists-gamma-quantile";
import { type ConfidenceInterval, type Estimate, NotEstimableReason, estimated, notEstimable } from "./estimate";

export interface PoissonRate {
  readonly events: number;
  /** Person-time the events were counted over, in the caller's unit (e.g. patient-months). */
  readonly exposure: number;
  /** events ÷ exposure. */
  readonly rate: number;
  /** Exact (Garwood) interval, as R's `poisson.test(events, exposure)$conf.int`. */
  readonly ci: ConfidenceInterval;
}

/**
 * An event rate with its exact Poisson confidence interval: lower = qgamma(α/2, x) / T (0 when x = 0),
 * upper = qgamma(1 − α/2, x + 1) / T — R's poisson.test, the chi-square form qchisq(·, 2x)/2T being the
 * same numbers. No exposure time is not estimable.
 */
export function poissonRate(events: number, exposure: number, level = 0.95): Estimate<PoissonRate> {
  if (!Number.isInteger(events) || events < 0) throw new Error(`poissonRate: ${events} is not a count of events`);
  if (!Number.isFinite(exposure) || exposure < 0) return notEstimable(NotEstimableReason.NON_FINITE_VALUE, `exposure ${exposure} is not a non-negative number`);
  if (exposure === 0) return notEstimable(NotEstimableReason.NO_OBSERVATIONS, "no exposure time");
  const alpha = 1 - level;
  const lower = events === 0 ? 0 : gammaQuantile(alpha / 2, events, 1) / exposure;
  const upper = gammaQuantile(1 - alpha / 2, events + 1, 1) / exposure;
  return estimated({ events, exposure, rate: events / exposure, ci: { lower, upper, level } });
}
