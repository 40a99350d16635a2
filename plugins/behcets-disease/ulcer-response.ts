import { atLeast, numberInput, percentChange, roundTo } from "../../src/plugin-api";
import type { ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";
import { HATEMI_2015, HATEMI_2019 } from "./references";

/**
 * Ulcer-count response, TRIAL-DEFINED: there are no standard Behçet's response criteria. The rule:
 * - baseline count 0 → NOT_EVALUABLE (nothing can fall; a percentage of 0 is undefined);
 * - follow-up count 0 → RESPONDER, `complete_response` (ulcer-free, the RELIEF complete response);
 * - a fall of at least `requiredFallPercent` (default 50 %, boundary inclusive) → RESPONDER, `partial_response`;
 * - otherwise NON_RESPONDER, `no_response`.
 * The 50 % default is a protocol choice, not a published criterion; a trial sets its own with the parameter.
 */
export const DEFAULT_REQUIRED_FALL_PERCENT = 50;

export const ULCER_RESPONSE_CATEGORIES = [
  { code: "complete_response", label: "Complete response: ulcer-free at follow-up" },
  { code: "partial_response", label: "Partial response: count fell by at least the required percentage" },
  { code: "no_response", label: "No response" },
];

export function ulcerCountResponse(site: string, baseline: number, followUp: number, requiredFallPercent = DEFAULT_REQUIRED_FALL_PERCENT): ResponseResult {
  const change = followUp - baseline;
  // A score-only request may carry any number in the instrument's range; an ulcer count is a whole number.
  if (!Number.isInteger(baseline) || !Number.isInteger(followUp)) {
    return { status: "NOT_EVALUABLE", change, percentChange: null, reason: `Ulcer counts are whole numbers (got ${baseline} → ${followUp})` };
  }
  const percent = percentChange(baseline, followUp);
  if (percent === null) {
    return { status: "NOT_EVALUABLE", change, percentChange: null, reason: `Baseline ${site}-ulcer count is 0: there is no ulcer whose fall could be a response` };
  }
  if (followUp === 0) {
    return { status: "RESPONDER", category: "complete_response", change, percentChange: percent, reason: `Ulcer-free at follow-up (${baseline} → 0)` };
  }
  const fall = -percent;
  const summary = `${site}-ulcer count ${baseline} → ${followUp} (${fall >= 0 ? "fell" : "rose"} by ${roundTo(Math.abs(fall), 1)}%); a partial response needs a fall of at least ${requiredFallPercent}%`;
  return atLeast(fall, requiredFallPercent)
    ? { status: "RESPONDER", category: "partial_response", change, percentChange: percent, reason: summary }
    : { status: "NON_RESPONDER", category: "no_response", change, percentChange: percent, reason: summary };
}

const requiredFall = numberInput("requiredFallPercent", "Required fall of the ulcer count for a partial response", {
  unit: "%",
  min: 0,
  minExclusive: true,
  max: 100,
  optional: true,
  description: `Trial-defined percentage fall from baseline that counts as a partial response (boundary inclusive); ${DEFAULT_REQUIRED_FALL_PERCENT}% when not given.`,
});

function criterion(code: string, site: "oral" | "genital", instrument: string, references: string[], examples: ResponseExample[]): ResponseCriterion {
  return {
    code,
    name: `${site === "oral" ? "Oral" : "Genital"} ulcer response (trial-defined)`,
    description:
      `TRIAL-DEFINED (no standard Behçet's response criteria exist): ${site}-ulcer count at follow-up against baseline. Complete response when the patient is ` +
      `${site}-ulcer-free at follow-up (as the RELIEF complete response); partial response when the count fell by at least requiredFallPercent ` +
      `(default ${DEFAULT_REQUIRED_FALL_PERCENT}%, a protocol choice; boundary inclusive, 1e-9 tolerance); otherwise no response. A baseline count of 0 is NOT_EVALUABLE. ` +
      "The RELIEF primary end point (area under the curve of oral-ulcer counts over 12 weeks) needs every visit and is left to the analysis.",
    instruments: [instrument],
    basis: "SCORE",
    parameters: [requiredFall],
    categories: ULCER_RESPONSE_CATEGORIES,
    evaluate: ({ baseline, followUp, parameters }) =>
      ulcerCountResponse(site, baseline.value!, followUp.value!, (parameters.requiredFallPercent as number | undefined) ?? DEFAULT_REQUIRED_FALL_PERCENT),
    references,
    examples,
  };
}

const byCount = (instrument: string, baseline: number, followUp: number, status: ResponseExample["status"], category: string | undefined, source: string, parameters?: Record<string, unknown>): ResponseExample => ({
  instrument,
  baseline: { value: baseline },
  followUp: { value: followUp },
  status,
  ...(category ? { category } : {}),
  ...(parameters ? { parameters } : {}),
  source,
});

export const ORAL_ULCER_RESPONSE = criterion("ORAL_ULCER_RESPONSE", "oral", "ORAL_ULCER_COUNT", [HATEMI_2019, HATEMI_2015], [
  byCount("ORAL_ULCER_COUNT", 4, 0, "RESPONDER", "complete_response", "Trial rule, hand-checked: 4 → 0 is ulcer-free (RELIEF complete response)"),
  byCount("ORAL_ULCER_COUNT", 4, 2, "RESPONDER", "partial_response", "Trial rule, hand-checked: 4 → 2 is exactly a 50% fall (boundary inclusive)"),
  byCount("ORAL_ULCER_COUNT", 5, 3, "NON_RESPONDER", "no_response", "Trial rule, hand-checked: 5 → 3 is a 40% fall"),
  byCount("ORAL_ULCER_COUNT", 2, 5, "NON_RESPONDER", "no_response", "Trial rule, hand-checked: 2 → 5 is a rise"),
  byCount("ORAL_ULCER_COUNT", 0, 0, "NOT_EVALUABLE", undefined, "Zero baseline: no ulcer to fall, percentage undefined"),
  byCount("ORAL_ULCER_COUNT", 0, 3, "NOT_EVALUABLE", undefined, "Zero baseline with new ulcers at follow-up: percentage undefined"),
  byCount("ORAL_ULCER_COUNT", 10, 3, "RESPONDER", "partial_response", "Trial rule with requiredFallPercent 70, hand-checked: 10 → 3 is exactly 70%", { requiredFallPercent: 70 }),
  byCount("ORAL_ULCER_COUNT", 10, 4, "NON_RESPONDER", "no_response", "Trial rule with requiredFallPercent 70, hand-checked: 10 → 4 is 60%", { requiredFallPercent: 70 }),
]);

export const GENITAL_ULCER_RESPONSE = criterion("GENITAL_ULCER_RESPONSE", "genital", "GENITAL_ULCER_COUNT", [HATEMI_2015], [
  byCount("GENITAL_ULCER_COUNT", 2, 0, "RESPONDER", "complete_response", "Trial rule, hand-checked: 2 → 0 is ulcer-free"),
  byCount("GENITAL_ULCER_COUNT", 2, 1, "RESPONDER", "partial_response", "Trial rule, hand-checked: 2 → 1 is exactly a 50% fall"),
  byCount("GENITAL_ULCER_COUNT", 3, 2, "NON_RESPONDER", "no_response", "Trial rule, hand-checked: 3 → 2 is a 33.3% fall"),
  byCount("GENITAL_ULCER_COUNT", 0, 1, "NOT_EVALUABLE", undefined, "Zero baseline: percentage undefined"),
]);
