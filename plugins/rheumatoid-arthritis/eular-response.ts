import { atMost, greaterThan, percentChange, roundTo } from "../../src/plugin-api";
import type { ResponseCriterion, ResponseResult } from "../../src/plugin-api";
import { DAS28_INSTRUMENTS } from "./das28";

/**
 * EULAR response (van Gestel 1996) from the follow-up DAS28 and the improvement Δ = baseline − follow-up.
 *
 * | follow-up DAS28   | Δ > 1.2  | 0.6 < Δ ≤ 1.2 | Δ ≤ 0.6 |
 * | ≤ 3.2             | good     | moderate      | none    |
 * | > 3.2 and ≤ 5.1   | moderate | moderate      | none    |
 * | > 5.1             | moderate | none          | none    |
 *
 * Both DAS28 values are rounded to the 2 decimals they are reported with before comparing, so the result
 * matches what a clinician computes from the printed scores; comparisons then use an epsilon.
 */
export function eularResponse(baseline: number, followUp: number): ResponseResult {
  const before = roundTo(baseline, 2);
  const after = roundTo(followUp, 2);
  const improvement = before - after;
  const column = greaterThan(improvement, 1.2) ? "large" : greaterThan(improvement, 0.6) ? "medium" : "small";
  let category: "good" | "moderate" | "none";
  if (column === "small") category = "none";
  else if (atMost(after, 3.2)) category = column === "large" ? "good" : "moderate";
  else if (atMost(after, 5.1)) category = "moderate";
  else category = column === "large" ? "moderate" : "none";
  return {
    status: category === "none" ? "NON_RESPONDER" : "RESPONDER",
    category,
    change: after - before,
    percentChange: percentChange(before, after),
  };
}

const source = "Boundary case of the van Gestel 1996 response table";

export const EULAR_RESPONSE: ResponseCriterion = {
  code: "EULAR_RESPONSE",
  name: "EULAR response",
  description:
    "Good / moderate / no response from the follow-up DAS28 and its improvement from baseline (van Gestel 1996). " +
    "Good or moderate counts as a responder. Both DAS28 values are rounded to the 2 decimals they are reported with before comparing " +
    "(so 4.404 → 3.2 is Δ = 1.20, moderate), then compared with an epsilon against float noise (4.4 − 3.2 = 1.2000000000000002). " +
    "Use the same DAS28 variant at both visits.",
  instruments: DAS28_INSTRUMENTS.map((i) => i.code),
  basis: "SCORE",
  categories: [
    { code: "good", label: "Good response" },
    { code: "moderate", label: "Moderate response" },
    { code: "none", label: "No response" },
  ],
  evaluate: ({ baseline, followUp }) => eularResponse(baseline.value!, followUp.value!),
  references: [
    "van Gestel AM et al. Development and validation of the European League Against Rheumatism response criteria for rheumatoid arthritis. Arthritis Rheum 1996;39:34-40.",
  ],
  examples: [
    { instrument: "DAS28_ESR", baseline: { value: 5.0 }, followUp: { value: 3.0 }, status: "RESPONDER", category: "good", source },
    { instrument: "DAS28_ESR", baseline: { value: 4.4 }, followUp: { value: 3.2 }, status: "RESPONDER", category: "moderate", source: `${source}: Δ = 1.2 exactly (4.4 − 3.2 is 1.2000000000000002 in doubles)` },
    { instrument: "DAS28_ESR", baseline: { value: 4.41 }, followUp: { value: 3.2 }, status: "RESPONDER", category: "good", source },
    { instrument: "DAS28_ESR", baseline: { value: 3.8 }, followUp: { value: 3.2 }, status: "NON_RESPONDER", category: "none", source: `${source}: Δ = 0.6 exactly` },
    { instrument: "DAS28_ESR", baseline: { value: 3.81 }, followUp: { value: 3.2 }, status: "RESPONDER", category: "moderate", source },
    { instrument: "DAS28_CRP", baseline: { value: 7.0 }, followUp: { value: 5.2 }, status: "RESPONDER", category: "moderate", source },
    { instrument: "DAS28_CRP", baseline: { value: 6.0 }, followUp: { value: 5.2 }, status: "NON_RESPONDER", category: "none", source },
    { instrument: "DAS28_ESR", baseline: { value: 5.5 }, followUp: { value: 5.1 }, status: "NON_RESPONDER", category: "none", source },
    { instrument: "DAS28_ESR", baseline: { value: 6.0 }, followUp: { value: 5.1 }, status: "RESPONDER", category: "moderate", source },
    {
      instrument: "DAS28_ESR",
      baseline: { inputs: { tjc28: 10, sjc28: 8, esr: 40, patientGlobal: 60 } },
      followUp: { inputs: { tjc28: 2, sjc28: 1, esr: 12, patientGlobal: 20 } },
      status: "RESPONDER",
      category: "good",
      source: "Hand calculation from raw DAS28-ESR inputs: baseline 0.56·√10 + 0.28·√8 + 0.70·ln 40 + 0.014·60 = 5.985 → 5.99, follow-up 0.56·√2 + 0.28·√1 + 0.70·ln 12 + 0.014·20 = 3.091 → 3.09; Δ = 2.90 > 1.2 with follow-up ≤ 3.2",
    },
  ],
};
