import { atLeast, atMost, lessThan, percentChange, roundTo } from "../../src/plugin-api";
import type { ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";

/**
 * The ALP endpoints of PSC are trial-defined: no single standard exists (scores.md §11), so each is a
 * separate yes/no criterion on ALP × ULN and each description starts with TRIAL-DEFINED.
 */
const FLAG = "TRIAL-DEFINED endpoint (PSC has no single standard ALP endpoint; the trial chooses which to report).";

const byValue = (baseline: number, followUp: number, status: ResponseExample["status"], source: string): ResponseExample => ({
  instrument: "ALP_PSC",
  baseline: { value: baseline },
  followUp: { value: followUp },
  status,
  source,
});

const x = (value: number) => `${roundTo(value, 2)} × ULN`;

/** A threshold on the follow-up ALP alone; the change from baseline is reported for information. */
function thresholdResult(baseline: number, followUp: number, met: boolean, rule: string): ResponseResult {
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change: followUp - baseline,
    percentChange: percentChange(baseline, followUp),
    reason: `Follow-up ALP ${x(followUp)}: ${met ? "meets" : "does not meet"} ${rule}`,
  };
}

export const PSC_ALP_NORMALISATION: ResponseCriterion = {
  code: "PSC_ALP_NORMALISATION",
  name: "ALP normalisation (≤ ULN)",
  description: `${FLAG} Responder when the follow-up ALP is at most the upper limit of normal (≤ 1 × ULN, boundary inclusive, 1e-9 tolerance).`,
  instruments: ["ALP_PSC"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => thresholdResult(baseline.value!, followUp.value!, atMost(followUp.value!, 1), "ALP ≤ 1 × ULN"),
  references: ["Trial-defined; normalisation as used in the PSC literature reviewed in scores.md §11 (no single standard)."],
  examples: [
    byValue(2.5, 1, "RESPONDER", "Hand calculation: 1.00 × ULN is ≤ ULN (boundary inclusive)"),
    byValue(2.5, 1.01, "NON_RESPONDER", "Hand calculation: 1.01 × ULN is above the ULN"),
    byValue(0, 0.5, "RESPONDER", "Absolute endpoint: a zero baseline does not matter"),
  ],
};

export const PSC_ALP_BELOW_1_5_ULN: ResponseCriterion = {
  code: "PSC_ALP_BELOW_1_5_ULN",
  name: "ALP < 1.5 × ULN",
  description: `${FLAG} Responder when the follow-up ALP is below 1.5 × ULN (strict: exactly 1.5 × ULN is not a response), after Al Mamari 2013.`,
  instruments: ["ALP_PSC"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => thresholdResult(baseline.value!, followUp.value!, lessThan(followUp.value!, 1.5), "ALP < 1.5 × ULN"),
  references: [
    "Al Mamari S, Djordjevic J, Halliday JS, Chapman RW. Improvement of serum alkaline phosphatase to <1.5 upper limit of normal predicts better outcome and reduced risk of cholangiocarcinoma in primary sclerosing cholangitis. J Hepatol 2013;58:329-334.",
  ],
  examples: [
    byValue(3, 1.49, "RESPONDER", "Hand calculation: 1.49 × ULN is < 1.5"),
    byValue(3, 1.5, "NON_RESPONDER", "Hand calculation: exactly 1.5 × ULN is not < 1.5 (strict)"),
    byValue(3, 1.4999999999999998, "NON_RESPONDER", "Float noise: 1.4999999999999998 is 1.5 within the tolerance, not below it"),
  ],
};

export const ALP_FALL_THRESHOLD = 40;

export function alpFall(baseline: number, followUp: number): ResponseResult {
  const change = followUp - baseline;
  const percent = percentChange(baseline, followUp);
  if (percent === null) {
    return { status: "NOT_EVALUABLE", change, percentChange: null, reason: "Baseline ALP is 0: a percentage fall from baseline is undefined" };
  }
  const fall = -percent;
  const met = atLeast(fall, ALP_FALL_THRESHOLD);
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change,
    percentChange: percent,
    reason: `ALP (× ULN) ${fall < 0 ? "rose" : "fell"} by ${roundTo(Math.abs(fall), 1)}% from baseline; the endpoint needs a fall of at least ${ALP_FALL_THRESHOLD}%`,
  };
}

export const PSC_ALP_FALL_40: ResponseCriterion = {
  code: "PSC_ALP_FALL_40",
  name: "ALP fall ≥ 40 % from baseline",
  description:
    `${FLAG} Responder when ALP fell by at least 40 % from baseline (boundary inclusive, 1e-9 tolerance), after Lindström 2013. ` +
    "Computed on ALP × ULN, which equals the fall in U/L when the laboratory's ULN is unchanged and corrects for a change of laboratory. " +
    "A baseline ALP of 0 is NOT_EVALUABLE.",
  instruments: ["ALP_PSC"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => alpFall(baseline.value!, followUp.value!),
  references: [
    "Lindström L, Hultcrantz R, Boberg KM, Friis-Liby I, Bergquist A. Association between reduced levels of alkaline phosphatase and survival times of patients with primary sclerosing cholangitis. Clin Gastroenterol Hepatol 2013;11:841-846.",
  ],
  examples: [
    byValue(5, 3, "RESPONDER", "Hand calculation: 5 → 3 is exactly a 40 % fall (boundary inclusive)"),
    byValue(3.3, 1.98, "RESPONDER", "Hand calculation: 3.3 → 1.98 is exactly 40 % (39.99999999999999 in doubles)"),
    byValue(5, 3.01, "NON_RESPONDER", "Hand calculation: 5 → 3.01 is a 39.8 % fall"),
    byValue(2, 3, "NON_RESPONDER", "Hand calculation: a rise"),
    byValue(0, 0, "NOT_EVALUABLE", "Zero baseline: percentage undefined (scores.md cross-cutting pitfall 7)"),
    {
      instrument: "ALP_PSC",
      baseline: { inputs: { alp: 500, alpUln: 125 } },
      followUp: { inputs: { alp: 300, alpUln: 125 } },
      status: "RESPONDER",
      source: "Hand calculation from raw inputs: 4.0 → 2.4 × ULN (500 → 300 U/L) is exactly 40 %",
    },
  ],
};

export const PSC_ALP_BELOW_2_4_ULN: ResponseCriterion = {
  code: "PSC_ALP_BELOW_2_4_ULN",
  name: "ALP < 2.4 × ULN",
  description:
    `${FLAG} Responder when the follow-up ALP is below 2.4 × ULN; ALP ≥ 2.4 × ULN (boundary included, as in Goode 2019) is NON_RESPONDER. ` +
    "Goode 2019 measured it 1 year after diagnosis; the visit is the caller's choice and is not checked here.",
  instruments: ["ALP_PSC"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => thresholdResult(baseline.value!, followUp.value!, lessThan(followUp.value!, 2.4), "ALP < 2.4 × ULN"),
  references: [
    "Goode EC, Clark AB, Mells GF, et al. Factors associated with outcomes of patients with primary sclerosing cholangitis and development and validation of a risk scoring system. Hepatology 2019;69:2120-2135 (ALP ≥ 2.4 × ULN at 1 year predicts a poor 10-year outcome).",
  ],
  examples: [
    byValue(4, 2.39, "RESPONDER", "Hand calculation: 2.39 × ULN is < 2.4"),
    byValue(4, 2.4, "NON_RESPONDER", "Goode 2019 threshold: exactly 2.4 × ULN is ≥ 2.4 (poor-outcome side)"),
    byValue(4, 2.4000000000000004, "NON_RESPONDER", "Float noise: 2.4000000000000004 is 2.4 within the tolerance"),
    {
      instrument: "ALP_PSC",
      baseline: { inputs: { alp: 600, alpUln: 120 } },
      followUp: { inputs: { alp: 288, alpUln: 120 } },
      status: "NON_RESPONDER",
      source: "Hand calculation from raw inputs: 288 / 120 = 2.4 × ULN exactly",
    },
  ],
};

export const ALP_ENDPOINTS = [PSC_ALP_NORMALISATION, PSC_ALP_BELOW_1_5_ULN, PSC_ALP_FALL_40, PSC_ALP_BELOW_2_4_ULN];
