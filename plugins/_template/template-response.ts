import { atLeast, percentChange } from "../../src/plugin-api";
import type { ResponseCriterion } from "../../src/plugin-api";

/** Replace with the real criterion. Percentages need a non-zero baseline: say NOT_EVALUABLE, never divide by zero. */
export const TEMPLATE_RESPONSE: ResponseCriterion = {
  code: "TEMPLATE_50",
  name: "Template 50% improvement",
  description: "Responder when the score falls by at least 50% from baseline.",
  instruments: ["TEMPLATE_SCORE"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => {
    const change = followUp.value! - baseline.value!;
    const percent = percentChange(baseline.value!, followUp.value!);
    if (percent === null) return { status: "NOT_EVALUABLE", change, percentChange: null, reason: "baseline score is 0" };
    return { status: atLeast(-percent, 50) ? "RESPONDER" : "NON_RESPONDER", change, percentChange: percent };
  },
  references: ["Cite the publication that defines the criterion."],
  examples: [
    { instrument: "TEMPLATE_SCORE", baseline: { value: 10 }, followUp: { value: 5 }, status: "RESPONDER", source: "Boundary: exactly 50%" },
    { instrument: "TEMPLATE_SCORE", baseline: { value: 0 }, followUp: { value: 0 }, status: "NOT_EVALUABLE", source: "Zero baseline" },
  ],
};
