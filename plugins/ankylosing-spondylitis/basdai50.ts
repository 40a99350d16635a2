import { atLeast, booleanInput, greaterThan, percentChange } from "../../src/plugin-api";
import type { ResponseCriterion, ResponseResult } from "../../src/plugin-api";
import { basdaiInputs } from "./basdai";

/**
 * BASDAI50 (Rudwaleit 2004): a relative improvement of at least 50%, follow-up ≤ half the baseline.
 * Some protocols (ASAS anti-TNF consensus, Braun 2003) also accept an absolute fall of ≥ 2 units; that is
 * off by default and switched on per evaluation with `countTwoUnitFall`.
 */
export function basdai50(baseline: number, followUp: number, countTwoUnitFall = false): ResponseResult {
  const change = followUp - baseline;
  if (!greaterThan(baseline, 0)) {
    return {
      status: "NOT_EVALUABLE",
      change,
      percentChange: null,
      reason: "Baseline BASDAI is 0: a relative improvement is undefined and a fall is impossible.",
    };
  }
  const percent = percentChange(baseline, followUp)!;
  if (atLeast(-percent, 50)) return { status: "RESPONDER", category: "response", change, percentChange: percent, reason: "BASDAI improved by ≥ 50%." };
  if (countTwoUnitFall && atLeast(-change, 2)) {
    return { status: "RESPONDER", category: "response_by_absolute_fall", change, percentChange: percent, reason: "BASDAI fell by ≥ 2 units (improvement < 50%)." };
  }
  return { status: "NON_RESPONDER", category: "no_response", change, percentChange: percent };
}

const source = "Boundary case by hand of the BASDAI50 rule";

export const BASDAI50: ResponseCriterion = {
  code: "BASDAI50",
  name: "BASDAI50",
  description:
    "Relative improvement of BASDAI of at least 50% from baseline (Rudwaleit 2004), inclusive, compared with a 1e-9 tolerance. " +
    "Strict rule by default: an absolute fall of ≥ 2 units counts only when the parameter countTwoUnitFall is true (ASAS anti-TNF " +
    "consensus variant, category response_by_absolute_fall). A baseline of 0 is NOT_EVALUABLE.",
  instruments: ["BASDAI"],
  basis: "SCORE",
  parameters: [
    booleanInput("countTwoUnitFall", "Also count an absolute fall of ≥ 2 units", {
      optional: true,
      description: "Protocol choice. Default false: only the ≥ 50% relative improvement counts.",
    }),
  ],
  categories: [
    { code: "response", label: "BASDAI improved by ≥ 50%" },
    { code: "response_by_absolute_fall", label: "BASDAI fell by ≥ 2 units (only with countTwoUnitFall)" },
    { code: "no_response", label: "No BASDAI50 response" },
  ],
  evaluate: ({ baseline, followUp, parameters }) => basdai50(baseline.value!, followUp.value!, parameters.countTwoUnitFall === true),
  references: [
    "Rudwaleit M, Listing J, Brandt J, Braun J, Sieper J. Prediction of a major clinical response (BASDAI 50) to tumour necrosis factor alpha blockers in ankylosing spondylitis. Ann Rheum Dis 2004;63:665-670.",
    "Braun J, Pham T, Sieper J, et al. International ASAS consensus statement for the use of anti-tumour necrosis factor agents in patients with ankylosing spondylitis. Ann Rheum Dis 2003;62:817-824 (≥ 50% or ≥ 2 units).",
  ],
  examples: [
    { instrument: "BASDAI", baseline: { value: 6 }, followUp: { value: 3 }, status: "RESPONDER", category: "response", source: `${source}: exactly 50%` },
    { instrument: "BASDAI", baseline: { value: 2.72 }, followUp: { value: 1.36 }, status: "RESPONDER", category: "response", source: `${source}: exactly 50% (−49.99999999999999% in doubles)` },
    { instrument: "BASDAI", baseline: { value: 6 }, followUp: { value: 3.1 }, status: "NON_RESPONDER", category: "no_response", source: `${source}: 48.3%` },
    { instrument: "BASDAI", baseline: { value: 6 }, followUp: { value: 3.8 }, status: "NON_RESPONDER", category: "no_response", source: `${source}: fall of 2.2 units (36.7%) does not count by default` },
    {
      instrument: "BASDAI",
      baseline: { value: 6 },
      followUp: { value: 3.8 },
      parameters: { countTwoUnitFall: true },
      status: "RESPONDER",
      category: "response_by_absolute_fall",
      source: `${source}: fall of 2.2 units with countTwoUnitFall`,
    },
    {
      instrument: "BASDAI",
      baseline: { value: 4.1 },
      followUp: { value: 2.1 },
      parameters: { countTwoUnitFall: true },
      status: "RESPONDER",
      category: "response_by_absolute_fall",
      source: `${source}: fall of exactly 2 units (1.9999999999999996 in doubles, 48.8%) with countTwoUnitFall`,
    },
    { instrument: "BASDAI", baseline: { value: 0 }, followUp: { value: 0 }, status: "NOT_EVALUABLE", source: `${source}: zero baseline` },
    {
      instrument: "BASDAI",
      baseline: { inputs: basdaiInputs(2, 10, 7, 1, 9, 3) },
      followUp: { inputs: basdaiInputs(1, 2, 3, 4, 5, 10) },
      status: "NON_RESPONDER",
      category: "no_response",
      source: "Published BASDAI values 5.2 (CamCOPS) → 3.5 (rheumtools): 32.7% improvement",
    },
    {
      instrument: "BASDAI",
      baseline: { inputs: basdaiInputs(2, 7, 1, 4, 9, 6) },
      followUp: { inputs: basdaiInputs(0, 0, 3, 4, 5, 0) },
      status: "RESPONDER",
      category: "response",
      source: "Published BASDAI values 4.3 (awell) → 1.9 (rheumtools): 55.8% improvement",
    },
  ],
};
