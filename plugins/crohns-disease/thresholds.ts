import { atLeast, lessThan, percentChange } from "../../src/plugin-api";
import type { ResponseResult } from "../../src/plugin-api";

/**
 * Point-based rules shared by the CDAI and HBI criteria. No percentage is involved, so a baseline of 0 is
 * evaluable (it simply cannot fall); the percentage change is still reported (null for a zero baseline).
 */

/** Responder when the score fell by at least `points` from baseline (boundary inclusive, 1e-9 tolerance). */
export function fallOfAtLeast(instrument: string, baseline: number, followUp: number, points: number): ResponseResult {
  const change = followUp - baseline;
  const met = atLeast(-change, points);
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change,
    percentChange: percentChange(baseline, followUp),
    reason: `${instrument} ${change <= 0 ? "fell" : "rose"} by ${Math.abs(change)} points; the criterion needs a fall of at least ${points}`,
  };
}

/** Responder when the follow-up score is strictly below `threshold` (1e-9 tolerance), whatever the baseline. */
export function followUpBelow(instrument: string, baseline: number, followUp: number, threshold: number): ResponseResult {
  const met = lessThan(followUp, threshold);
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change: followUp - baseline,
    percentChange: percentChange(baseline, followUp),
    reason: `Follow-up ${instrument} ${followUp} is ${met ? "below" : "not below"} ${threshold}`,
  };
}
