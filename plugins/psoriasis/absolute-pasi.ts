import { atMost, percentChange } from "../../src/plugin-api";
import type { ResponseCriterion, ResponseResult } from "../../src/plugin-api";
import { pasiInputs } from "./pasi";
import { byValue } from "./pasi-response";

/**
 * Absolute PASI ≤ 2 at follow-up (Mahil 2020, BADBIR: concordant with PASI90 in 90% of cases).
 * It depends on the follow-up score alone, so it stays evaluable when the baseline PASI is 0;
 * the change from baseline is still reported. Boundary inclusive, compared with `atMost`.
 */
export const ABSOLUTE_PASI_THRESHOLD = 2;

export function absolutePasi(baseline: number, followUp: number): ResponseResult {
  const met = atMost(followUp, ABSOLUTE_PASI_THRESHOLD);
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change: followUp - baseline,
    percentChange: percentChange(baseline, followUp),
    reason: `Follow-up PASI ${followUp} is ${met ? "at most" : "above"} ${ABSOLUTE_PASI_THRESHOLD}`,
  };
}

export const PASI_ABSOLUTE_2: ResponseCriterion = {
  code: "PASI_ABSOLUTE_2",
  name: "Absolute PASI ≤ 2",
  description:
    "Responder when the follow-up PASI is at most 2 (boundary inclusive, 1e-9 tolerance), whatever the baseline; " +
    "a treat-to-target endpoint that Mahil 2020 (BADBIR) found concordant with PASI90. " +
    "Evaluable with a baseline of 0, since it does not use the baseline.",
  instruments: ["PASI"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => absolutePasi(baseline.value!, followUp.value!),
  references: [
    "Mahil SK, Wilson N, Dand N, et al. Psoriasis treat to target: defining outcomes in psoriasis using data from a real-world, population-based cohort study (the British Association of Dermatologists Biologics and Immunomodulators Register, BADBIR). Br J Dermatol 2020;182:1158-1166.",
  ],
  examples: [
    byValue(20, 2, "RESPONDER", "Mahil 2020 threshold: follow-up PASI 2 is ≤ 2 (boundary inclusive)"),
    byValue(20, 2.1, "NON_RESPONDER", "Mahil 2020 threshold: follow-up PASI 2.1 is > 2"),
    byValue(1.5, 2.0000000000000004, "RESPONDER", "Float noise: 2.0000000000000004 is 2 within the tolerance"),
    byValue(0, 0, "RESPONDER", "Absolute endpoint: a zero baseline does not matter"),
    {
      instrument: "PASI",
      // Baseline: Louden 2004 patient 1, 13.2. Follow-up: lower limbs (2+2+1)·1·0.4 = 2.0.
      baseline: { inputs: pasiInputs({ head: [2, 2, 2, 1], upperLimbs: [2, 2, 2, 2], trunk: [2, 2, 2, 3], lowerLimbs: [2, 2, 2, 2] }) },
      followUp: { inputs: pasiInputs({ lowerLimbs: [2, 2, 1, 1] }) },
      status: "RESPONDER",
      source: "Louden 2004 patient 1 (PASI 13.2) → hand-calculated 2.0",
    },
  ],
};
