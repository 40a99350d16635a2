import { atLeast, percentChange } from "../../src/plugin-api";
import type { ResponseCriterion, ResponseResult } from "../../src/plugin-api";
import { ASDAS_INSTRUMENTS, asdasInputs } from "./asdas";

export const CLINICALLY_IMPORTANT_IMPROVEMENT = 1.1;
export const MAJOR_IMPROVEMENT = 2.0;

/**
 * ASDAS improvement (Machado 2011): Δ = baseline − follow-up; Δ ≥ 1.1 is clinically important, Δ ≥ 2.0 major.
 * Compared on the unrounded scores with a 1e-9 tolerance (2.4 − 1.3 is 1.0999999999999999 in doubles), the
 * same way the activity bands are applied.
 */
export function asdasImprovement(baseline: number, followUp: number): ResponseResult {
  const improvement = baseline - followUp;
  const category = atLeast(improvement, MAJOR_IMPROVEMENT)
    ? "major_improvement"
    : atLeast(improvement, CLINICALLY_IMPORTANT_IMPROVEMENT)
      ? "clinically_important_improvement"
      : "no_important_improvement";
  return {
    status: category === "no_important_improvement" ? "NON_RESPONDER" : "RESPONDER",
    category,
    change: followUp - baseline,
    // ASDAS-ESR can be 0 at baseline; percentChange then gives null rather than dividing by zero.
    percentChange: percentChange(baseline, followUp),
  };
}

const source = "Boundary case by hand of the Machado 2011 improvement cut-offs";

export const ASDAS_IMPROVEMENT: ResponseCriterion = {
  code: "ASDAS_IMPROVEMENT",
  name: "ASDAS improvement",
  description:
    "Decrease of ASDAS from baseline (Machado 2011): Δ ≥ 2.0 is a major improvement, Δ ≥ 1.1 a clinically important improvement " +
    "(both count as responders), anything less no important improvement. Both cut-offs are inclusive and compared on the unrounded " +
    "scores with a 1e-9 tolerance. Use the same ASDAS version (CRP or ESR) at both visits.",
  instruments: ASDAS_INSTRUMENTS.map((i) => i.code),
  basis: "SCORE",
  categories: [
    { code: "major_improvement", label: "Major improvement (Δ ≥ 2.0)" },
    { code: "clinically_important_improvement", label: "Clinically important improvement (Δ ≥ 1.1)" },
    { code: "no_important_improvement", label: "No clinically important improvement (Δ < 1.1)" },
  ],
  evaluate: ({ baseline, followUp }) => asdasImprovement(baseline.value!, followUp.value!),
  references: [
    "Machado P, Landewé R, Lie E, et al. Ankylosing Spondylitis Disease Activity Score (ASDAS): defining cut-off values for disease activity states and improvement scores. Ann Rheum Dis 2011;70:47-53.",
  ],
  examples: [
    { instrument: "ASDAS_CRP", baseline: { value: 2.4 }, followUp: { value: 1.3 }, status: "RESPONDER", category: "clinically_important_improvement", source: `${source}: Δ = 1.1 exactly (1.0999999999999999 in doubles)` },
    { instrument: "ASDAS_CRP", baseline: { value: 2.4 }, followUp: { value: 1.31 }, status: "NON_RESPONDER", category: "no_important_improvement", source: `${source}: Δ = 1.09` },
    { instrument: "ASDAS_CRP", baseline: { value: 3.3 }, followUp: { value: 1.3 }, status: "RESPONDER", category: "major_improvement", source: `${source}: Δ = 2.0 exactly (1.9999999999999998 in doubles)` },
    { instrument: "ASDAS_CRP", baseline: { value: 3.3 }, followUp: { value: 1.31 }, status: "RESPONDER", category: "clinically_important_improvement", source: `${source}: Δ = 1.99` },
    { instrument: "ASDAS_ESR", baseline: { value: 1.5 }, followUp: { value: 2.5 }, status: "NON_RESPONDER", category: "no_important_improvement", source: `${source}: worsening, Δ = −1.0` },
    {
      instrument: "ASDAS_ESR",
      baseline: { inputs: asdasInputs(0, 0, 2, 4, { esr: 100 }) },
      followUp: { inputs: asdasInputs(1, 0, 7, 5, { esr: 0 }) },
      status: "RESPONDER",
      category: "major_improvement",
      source: "Computed from raw inputs by hand: 3.500 → 1.300, Δ = 2.2",
    },
  ],
};
