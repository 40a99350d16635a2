import { atLeast, percentChange, roundTo } from "../../src/plugin-api";
import type { ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";
import { pasiInputs } from "./pasi";

/**
 * PASIxx: a fall of at least xx % from the baseline PASI, boundary inclusive.
 *
 * The unrounded scores are compared (a PASI computed from inputs is already the nearest double to its
 * one-decimal value); the threshold test goes through `atLeast`, because 1.2 → 0.3 is a 75% fall that
 * doubles compute as 74.99999999999999%. A zero baseline leaves the percentage undefined: NOT_EVALUABLE.
 */
export function pasiImprovement(baseline: number, followUp: number, threshold: number): ResponseResult {
  const change = followUp - baseline;
  const percent = percentChange(baseline, followUp);
  if (percent === null) {
    return {
      status: "NOT_EVALUABLE",
      change,
      percentChange: null,
      reason: `Baseline PASI is 0: a percentage improvement from baseline is undefined, so PASI${threshold} cannot be evaluated`,
    };
  }
  const fall = -percent;
  const met = atLeast(fall, threshold);
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change,
    percentChange: percent,
    reason: `PASI ${fall < 0 ? "rose" : "fell"} by ${roundTo(Math.abs(fall), 1)}% from baseline; PASI${threshold} needs a fall of at least ${threshold}%`,
  };
}

export const PASI_RESPONSE_REFERENCES = [
  "Carlin CS, Feldman SR, Krueger JG, Menter A, Krueger GG. A 50% reduction in the Psoriasis Area and Severity Index (PASI 50) is a clinically significant endpoint in the assessment of psoriasis. J Am Acad Dermatol 2004;50:859-866.",
  "European Medicines Agency, CHMP. Guideline on clinical investigation of medicinal products indicated for the treatment of psoriasis (CHMP/EWP/2454/02), 2004: PASI75 as the responder definition.",
  "Puig L. PASI90 response: the new standard in therapeutic efficacy for psoriasis. J Eur Acad Dermatol Venereol 2015;29:645-648.",
  "Fredriksson T, Pettersson U. Severe psoriasis – oral therapy with a new retinoid. Dermatologica 1978;157:238-244.",
];

/** A criterion example given as two PASI scores. */
export const byValue = (baseline: number, followUp: number, status: ResponseExample["status"], source: string): ResponseExample => ({
  instrument: "PASI",
  baseline: { value: baseline },
  followUp: { value: followUp },
  status,
  source,
});

const ZERO = "Zero baseline: percentage undefined (scores.md cross-cutting pitfall 7)";

function pasiCriterion(threshold: 50 | 75 | 90 | 100, description: string, references: string[], examples: ResponseExample[]): ResponseCriterion {
  return {
    code: `PASI_${threshold}`,
    name: `PASI${threshold}`,
    description:
      `${description} Responder when the PASI fell by at least ${threshold}% from baseline: 100 × (baseline − follow-up) / baseline ≥ ${threshold}, ` +
      "boundary inclusive, compared on the unrounded scores with a 1e-9 tolerance against floating-point noise. " +
      "A baseline PASI of 0 is NOT_EVALUABLE.",
    instruments: ["PASI"],
    basis: "SCORE",
    categories: [],
    evaluate: ({ baseline, followUp }) => pasiImprovement(baseline.value!, followUp.value!, threshold),
    references,
    examples,
  };
}

export const PASI_50 = pasiCriterion(
  50,
  "PASI50 (Carlin 2004): a clinically significant improvement; often used as the minimum response in treatment algorithms.",
  [PASI_RESPONSE_REFERENCES[0], PASI_RESPONSE_REFERENCES[3]],
  [
    byValue(10, 5, "RESPONDER", "Hand calculation: 10 → 5 is exactly 50% (boundary inclusive)"),
    byValue(10, 5.1, "NON_RESPONDER", "Hand calculation: 10 → 5.1 is 49%"),
    byValue(20, 30, "NON_RESPONDER", "Hand calculation: worsening 20 → 30 is −50%"),
    byValue(0, 0, "NOT_EVALUABLE", ZERO),
    {
      instrument: "PASI",
      // Baseline: Louden 2004 patient 1, 13.2. Follow-up: trunk (2+2+2)·1·0.3 = 1.8 + lower limbs (2+2+2)·2·0.4 = 4.8 → 6.6; 6.6/13.2 = 50%.
      baseline: { inputs: pasiInputs({ head: [2, 2, 2, 1], upperLimbs: [2, 2, 2, 2], trunk: [2, 2, 2, 3], lowerLimbs: [2, 2, 2, 2] }) },
      followUp: { inputs: pasiInputs({ trunk: [2, 2, 2, 1], lowerLimbs: [2, 2, 2, 2] }) },
      status: "RESPONDER",
      source: "Louden 2004 patient 1 (PASI 13.2) → hand-calculated 6.6: exactly 50%",
    },
  ],
);

export const PASI_75 = pasiCriterion(
  75,
  "PASI75: the standard primary efficacy endpoint of psoriasis trials (EMA CHMP guideline).",
  [PASI_RESPONSE_REFERENCES[1], PASI_RESPONSE_REFERENCES[3]],
  [
    byValue(12, 3, "RESPONDER", "Hand calculation: 12 → 3 is exactly 75% (boundary inclusive)"),
    byValue(10, 2.5, "RESPONDER", "Hand calculation: 10 → 2.5 is exactly 75%"),
    byValue(1.2, 0.3, "RESPONDER", "Hand calculation: 1.2 → 0.3 is exactly 75% (74.99999999999999 in doubles)"),
    byValue(9.6, 2.4, "RESPONDER", "Hand calculation: 9.6 → 2.4 is exactly 75% (74.99999999999999 in doubles)"),
    byValue(12, 3.1, "NON_RESPONDER", "Hand calculation: 12 → 3.1 is 74.2%"),
    byValue(10, 12, "NON_RESPONDER", "Hand calculation: worsening 10 → 12"),
    byValue(0, 0, "NOT_EVALUABLE", ZERO),
    byValue(0, 4, "NOT_EVALUABLE", ZERO),
    {
      instrument: "PASI",
      // Baseline 13.2 (Louden 2004 patient 1). Follow-up: trunk (4+4+3)·1·0.3 = 3.3; 3.3/13.2 = 25% left, a 75% fall.
      baseline: { inputs: pasiInputs({ head: [2, 2, 2, 1], upperLimbs: [2, 2, 2, 2], trunk: [2, 2, 2, 3], lowerLimbs: [2, 2, 2, 2] }) },
      followUp: { inputs: pasiInputs({ trunk: [4, 4, 3, 1] }) },
      status: "RESPONDER",
      source: "Louden 2004 patient 1 (PASI 13.2) → hand-calculated 3.3: exactly 75%",
    },
    {
      instrument: "PASI",
      // Baseline lower limbs (1+1+1)·1·0.4 = 1.2; follow-up trunk (1+0+0)·1·0.3 = 0.3: exactly 75%.
      baseline: { inputs: pasiInputs({ lowerLimbs: [1, 1, 1, 1] }) },
      followUp: { inputs: pasiInputs({ trunk: [1, 0, 0, 1] }) },
      status: "RESPONDER",
      source: "Hand calculation from raw inputs: 1.2 → 0.3 is exactly 75%, a float-noise case",
    },
  ],
);

export const PASI_90 = pasiCriterion(
  90,
  "PASI90: almost clear skin; proposed as the new efficacy standard (Puig 2015).",
  [PASI_RESPONSE_REFERENCES[2], PASI_RESPONSE_REFERENCES[3]],
  [
    byValue(10, 1, "RESPONDER", "Hand calculation: 10 → 1 is exactly 90% (boundary inclusive)"),
    byValue(21, 2.1, "RESPONDER", "Hand calculation: 21 → 2.1 is exactly 90% (89.99999999999999 in doubles)"),
    byValue(37, 3.7, "RESPONDER", "Hand calculation: 37 → 3.7 is exactly 90% (89.99999999999999 in doubles)"),
    byValue(10, 1.1, "NON_RESPONDER", "Hand calculation: 10 → 1.1 is 89%"),
    byValue(0, 0, "NOT_EVALUABLE", ZERO),
    {
      instrument: "PASI",
      // Baseline lower limbs (3+3+3)·5·0.4 = 18 + trunk (4+4+2)·1·0.3 = 3 → 21. Follow-up trunk (3+2+2)·1·0.3 = 2.1.
      baseline: { inputs: pasiInputs({ trunk: [4, 4, 2, 1], lowerLimbs: [3, 3, 3, 5] }) },
      followUp: { inputs: pasiInputs({ trunk: [3, 2, 2, 1] }) },
      status: "RESPONDER",
      source: "Hand calculation from raw inputs: 21 → 2.1 is exactly 90%, a float-noise case",
    },
  ],
);

export const PASI_100 = pasiCriterion(
  100,
  "PASI100: complete clearance (follow-up PASI 0).",
  [PASI_RESPONSE_REFERENCES[2], PASI_RESPONSE_REFERENCES[3]],
  [
    byValue(12, 0, "RESPONDER", "Hand calculation: 12 → 0 is a 100% fall"),
    byValue(12, 0.1, "NON_RESPONDER", "Hand calculation: 12 → 0.1 is 99.2%"),
    byValue(0, 0, "NOT_EVALUABLE", ZERO),
  ],
);

export const PASI_RESPONSE_CRITERIA = [PASI_50, PASI_75, PASI_90, PASI_100];
