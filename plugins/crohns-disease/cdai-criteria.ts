import type { ResponseCriterion, ResponseExample } from "../../src/plugin-api";
import { QUIET_CDAI } from "./cdai";
import { BEST_1976, SANDBORN_2002 } from "./references";
import { fallOfAtLeast, followUpBelow } from "./thresholds";

const byValue = (baseline: number, followUp: number, status: ResponseExample["status"], source: string): ResponseExample => ({
  instrument: "CDAI_CROHNS",
  baseline: { value: baseline },
  followUp: { value: followUp },
  status,
  source,
});

function cdaiResponse(points: 70 | 100, examples: ResponseExample[]): ResponseCriterion {
  return {
    code: `CDAI_${points}`,
    name: `CDAI-${points} response`,
    description:
      `Crohn's disease clinical response (Sandborn 2002): the CDAI fell by at least ${points} points from baseline ` +
      "(baseline − follow-up ≥ " + points + ", boundary inclusive, 1e-9 tolerance). Points only, so a baseline of 0 is evaluable. " +
      "The trial's entry threshold (e.g. CDAI 220–450 at baseline) is an eligibility rule, not part of this criterion; " +
      "some trials define a composite 'fall ≥ 100 or CDAI < 150', which is not applied here (use CDAI_REMISSION alongside).",
    instruments: ["CDAI_CROHNS"],
    basis: "SCORE",
    categories: [],
    evaluate: ({ baseline, followUp }) => fallOfAtLeast("CDAI", baseline.value!, followUp.value!, points),
    references: [SANDBORN_2002, BEST_1976],
    examples,
  };
}

export const CDAI_70 = cdaiResponse(70, [
  byValue(300, 230, "RESPONDER", "Hand-computed: 300 → 230 is a fall of exactly 70 (boundary inclusive)"),
  byValue(300, 231, "NON_RESPONDER", "Hand-computed: 300 → 231 is a fall of 69"),
  byValue(128.2, 58.2, "RESPONDER", "Float noise: 128.2 − 58.2 is 69.99999999999999 in doubles; exactly 70"),
  byValue(0, 0, "NON_RESPONDER", "Zero baseline: no fall is possible, evaluable because no percentage is used"),
  byValue(200, 260, "NON_RESPONDER", "Hand-computed: worsening by 60"),
  {
    instrument: "CDAI_CROHNS",
    // Baseline: 35 stools (70) + pain 14 (70) + well-being 14 (98) = 238. Follow-up: 20 stools (40) + pain 7 (35) + well-being 13 (91) = 166.
    baseline: { inputs: { ...QUIET_CDAI, liquidStools7Days: 35, abdominalPain7Days: 14, wellBeing7Days: 14 } },
    followUp: { inputs: { ...QUIET_CDAI, liquidStools7Days: 20, abdominalPain7Days: 7, wellBeing7Days: 13 } },
    status: "RESPONDER",
    source: "Hand-computed from raw inputs: 238 → 166 is a fall of 72",
  },
]);

export const CDAI_100 = cdaiResponse(100, [
  byValue(320, 220, "RESPONDER", "Hand-computed: 320 → 220 is a fall of exactly 100 (boundary inclusive)"),
  byValue(320, 220.5, "NON_RESPONDER", "Hand-computed: 320 → 220.5 is a fall of 99.5"),
  byValue(128.2, 28.2, "RESPONDER", "Float noise: 128.2 − 28.2 is 99.99999999999999 in doubles; exactly 100"),
  byValue(0, 0, "NON_RESPONDER", "Zero baseline: no fall is possible, evaluable because no percentage is used"),
]);

export const CDAI_REMISSION_THRESHOLD = 150;

export const CDAI_REMISSION: ResponseCriterion = {
  code: "CDAI_REMISSION",
  name: "CDAI remission (< 150)",
  description:
    "Crohn's disease clinical remission: follow-up CDAI < 150 (strictly below; 150 itself is mildly active, as trials since " +
    "Sandborn 2002 define it; Best 1976 wrote '150 and below' for quiescent disease). Decided by the follow-up score alone, " +
    "so any baseline, including 0, is evaluable.",
  instruments: ["CDAI_CROHNS"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => followUpBelow("CDAI", baseline.value!, followUp.value!, CDAI_REMISSION_THRESHOLD),
  references: [SANDBORN_2002, BEST_1976],
  examples: [
    byValue(300, 149.99, "RESPONDER", "Hand-computed: 149.99 < 150"),
    byValue(300, 150, "NON_RESPONDER", "Hand-computed: 150 is not below 150 (mildly active)"),
    byValue(300, 149.99999999999997, "NON_RESPONDER", "Float noise: 149.99999999999997 is 150 within the tolerance, not below it"),
    byValue(0, 0, "RESPONDER", "Zero baseline: remission depends on the follow-up alone"),
    {
      instrument: "CDAI_CROHNS",
      baseline: { inputs: { ...QUIET_CDAI, liquidStools7Days: 35, abdominalPain7Days: 14, wellBeing7Days: 14 } },
      followUp: {
        inputs: { ...QUIET_CDAI, liquidStools7Days: 4, abdominalPain7Days: 1, wellBeing7Days: 1, arthritisArthralgia: true, antidiarrhoeal: true, haematocritPercent: 40, weightKg: 66.5, standardWeightKg: 70 },
      },
      status: "RESPONDER",
      source: "Hand-computed baseline 238 → readycalculator.com example 117 at follow-up: below 150",
    },
  ],
};

export const CDAI_CRITERIA = [CDAI_70, CDAI_100, CDAI_REMISSION];
