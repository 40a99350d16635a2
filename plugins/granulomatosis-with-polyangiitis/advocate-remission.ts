import { atMost, booleanInput, percentChange } from "../../src/plugin-api";
import type { ResponseCriterion, ResponseResult } from "../../src/plugin-api";
import { JAYNE_2021, MUKHTYAR_2009 } from "./references";

/**
 * ADVOCATE remission (Jayne 2021, week 26): BVAS 0 and no glucocorticoids for vasculitis in the 4 weeks before the
 * assessment. Glucocorticoid use is not part of BVAS, so it is a parameter given at evaluation time. Sustained
 * remission at week 52 (no relapse between weeks 26 and 52) needs the visits in between and is not implemented.
 * Remission is a state at follow-up, decided from the follow-up alone: a zero baseline does not prevent it.
 */
export const GLUCOCORTICOID_PARAMETER = booleanInput("glucocorticoidsForVasculitisPrior4Weeks", "Glucocorticoids for vasculitis in the prior 4 weeks", {
  description: "True when the patient received any glucocorticoid for vasculitis in the 4 weeks before the follow-up assessment.",
});

export function advocateRemission(baseline: number, followUp: number, glucocorticoids: boolean): ResponseResult {
  const change = followUp - baseline;
  const percent = percentChange(baseline, followUp);
  const bvasZero = atMost(followUp, 0);
  const met = bvasZero && !glucocorticoids;
  const reason =
    `ADVOCATE remission ${met ? "met" : "not met"}: BVAS ${followUp} (0 needed: ${bvasZero ? "met" : "NOT met"}); ` +
    `glucocorticoids for vasculitis in the prior 4 weeks: ${glucocorticoids ? "yes (NOT met)" : "no (met)"}`;
  return { status: met ? "RESPONDER" : "NON_RESPONDER", change, percentChange: percent, reason };
}

export const ADVOCATE_REMISSION: ResponseCriterion = {
  code: "ADVOCATE_REMISSION",
  name: "ADVOCATE remission (BVAS 0, no glucocorticoids for 4 weeks)",
  description:
    "ADVOCATE week-26 remission (Jayne 2021): BVAS v3 = 0 at follow-up and no glucocorticoids for vasculitis in the prior 4 weeks (parameter " +
    "glucocorticoidsForVasculitisPrior4Weeks). Sustained remission at week 52 is not implemented. Decided from the follow-up alone: a zero baseline does not prevent remission.",
  instruments: ["BVAS_V3"],
  basis: "SCORE",
  parameters: [GLUCOCORTICOID_PARAMETER],
  categories: [],
  evaluate: ({ baseline, followUp, parameters }) => advocateRemission(baseline.value!, followUp.value!, parameters.glucocorticoidsForVasculitisPrior4Weeks === true),
  references: [JAYNE_2021, MUKHTYAR_2009],
  examples: [
    {
      instrument: "BVAS_V3",
      baseline: { value: 16 },
      followUp: { value: 0 },
      parameters: { glucocorticoidsForVasculitisPrior4Weeks: false },
      status: "RESPONDER",
      source: "Hand calculation: BVAS 0, no glucocorticoids",
    },
    {
      instrument: "BVAS_V3",
      baseline: { value: 16 },
      followUp: { value: 0 },
      parameters: { glucocorticoidsForVasculitisPrior4Weeks: true },
      status: "NON_RESPONDER",
      source: "Hand calculation: BVAS 0 but glucocorticoids in the prior 4 weeks",
    },
    {
      instrument: "BVAS_V3",
      baseline: { value: 16 },
      followUp: { value: 1 },
      parameters: { glucocorticoidsForVasculitisPrior4Weeks: false },
      status: "NON_RESPONDER",
      source: "Hand calculation: BVAS 1",
    },
    { instrument: "BVAS_V3", baseline: { value: 0 }, followUp: { value: 0 }, parameters: { glucocorticoidsForVasculitisPrior4Weeks: false }, status: "RESPONDER", source: "Hand calculation: BVAS 0, no glucocorticoids; a zero baseline does not matter" },
    { instrument: "BVAS_V3", baseline: { value: 0 }, followUp: { value: 0 }, parameters: { glucocorticoidsForVasculitisPrior4Weeks: true }, status: "NON_RESPONDER", source: "Hand calculation: zero baseline, BVAS 0 but glucocorticoids" },
  ],
};
