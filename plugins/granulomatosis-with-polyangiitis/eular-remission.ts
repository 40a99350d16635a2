import { atMost, percentChange } from "../../src/plugin-api";
import type { ResponseCriterion, ResponseResult } from "../../src/plugin-api";
import { HELLMICH_2007, MUKHTYAR_2009 } from "./references";

/**
 * EULAR remission in ANCA-associated vasculitis (Hellmich 2007): BVAS 0. The recommendation qualifies remission
 * "by the need for ongoing stable maintenance immunosuppressive therapy": maintenance therapy does not prevent
 * remission, so it is not a condition here. Remission is a state at follow-up, decided from the follow-up BVAS
 * alone: a patient enrolled with BVAS 0 who is still at 0 is in remission (the percentage change is then null).
 */
export function eularRemission(baseline: number, followUp: number): ResponseResult {
  const change = followUp - baseline;
  const percent = percentChange(baseline, followUp);
  const met = atMost(followUp, 0);
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change,
    percentChange: percent,
    reason: met ? "BVAS 0 at follow-up: remission" : `BVAS ${followUp} at follow-up: remission needs 0`,
  };
}

export const AAV_EULAR_REMISSION: ResponseCriterion = {
  code: "AAV_EULAR_REMISSION",
  name: "EULAR remission (BVAS 0)",
  description:
    "EULAR remission for ANCA-associated vasculitis (Hellmich 2007): BVAS v3 = 0 at follow-up (new/worse or persistent form alike). Ongoing stable " +
    "maintenance therapy is allowed and not checked. Decided from the follow-up alone: a zero baseline does not prevent remission.",
  instruments: ["BVAS_V3"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => eularRemission(baseline.value!, followUp.value!),
  references: [HELLMICH_2007, MUKHTYAR_2009],
  examples: [
    { instrument: "BVAS_V3", baseline: { value: 12 }, followUp: { value: 0 }, status: "RESPONDER", source: "Hand calculation: BVAS 0 at follow-up" },
    { instrument: "BVAS_V3", baseline: { value: 12 }, followUp: { value: 1 }, status: "NON_RESPONDER", source: "Hand calculation: BVAS 1, one point above the cut-off" },
    { instrument: "BVAS_V3", baseline: { value: 0 }, followUp: { value: 0 }, status: "RESPONDER", source: "Hand calculation: BVAS 0 at follow-up; a zero baseline does not matter" },
    { instrument: "BVAS_V3", baseline: { value: 0 }, followUp: { value: 2 }, status: "NON_RESPONDER", source: "Hand calculation: BVAS 2 at follow-up from a zero baseline" },
  ],
};
