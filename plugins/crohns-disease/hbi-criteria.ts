import type { ResponseCriterion, ResponseExample } from "../../src/plugin-api";
import { QUIET_HBI } from "./hbi";
import { BEST_2006, HARVEY_BRADSHAW_1980, VERMEIRE_2010 } from "./references";
import { fallOfAtLeast, followUpBelow } from "./thresholds";

const byValue = (baseline: number, followUp: number, status: ResponseExample["status"], source: string): ResponseExample => ({
  instrument: "HBI",
  baseline: { value: baseline },
  followUp: { value: followUp },
  status,
  source,
});

export const HBI_RESPONSE_POINTS = 3;
export const HBI_REMISSION_THRESHOLD = 5;

export const HBI_RESPONSE: ResponseCriterion = {
  code: "HBI_RESPONSE",
  name: "HBI response (fall ≥ 3)",
  description:
    "CONVENTION: HBI fell by at least 3 points from baseline (boundary inclusive). Not defined by Harvey & Bradshaw 1980; " +
    "Vermeire 2010 (PRECiSE 1/2) found a 3-point HBI change to correspond to a 100-point CDAI change. Points only, so a " +
    "baseline of 0 is evaluable.",
  instruments: ["HBI"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => fallOfAtLeast("HBI", baseline.value!, followUp.value!, HBI_RESPONSE_POINTS),
  references: [VERMEIRE_2010, HARVEY_BRADSHAW_1980],
  examples: [
    byValue(10, 7, "RESPONDER", "Hand-computed: 10 → 7 is a fall of exactly 3 (boundary inclusive)"),
    byValue(10, 8, "NON_RESPONDER", "Hand-computed: 10 → 8 is a fall of 2"),
    byValue(4.1, 1.1, "RESPONDER", "Float noise (defensive; HBI is an integer): 4.1 − 1.1 is 2.9999999999999996 in doubles"),
    byValue(0, 0, "NON_RESPONDER", "Zero baseline: no fall is possible, evaluable because no percentage is used"),
    {
      instrument: "HBI",
      baseline: { inputs: { ...QUIET_HBI, generalWellBeing: 2, abdominalPain: 2, liquidStools: 3, abdominalMass: 1, arthralgia: true } },
      followUp: { inputs: { ...QUIET_HBI, generalWellBeing: 1, abdominalPain: 1, liquidStools: 2, arthralgia: true } },
      status: "RESPONDER",
      source: "Hand-computed from raw inputs: 9 → 5 is a fall of 4",
    },
  ],
};

export const HBI_REMISSION: ResponseCriterion = {
  code: "HBI_REMISSION",
  name: "HBI remission (< 5)",
  description:
    "Follow-up HBI < 5, i.e. ≤ 4 (Best 2006 remission band; Vermeire 2010: HBI ≤ 4 corresponds to CDAI ≤ 150). " +
    "Decided by the follow-up score alone, so any baseline, including 0, is evaluable.",
  instruments: ["HBI"],
  basis: "SCORE",
  categories: [],
  evaluate: ({ baseline, followUp }) => followUpBelow("HBI", baseline.value!, followUp.value!, HBI_REMISSION_THRESHOLD),
  references: [BEST_2006, VERMEIRE_2010],
  examples: [
    byValue(10, 4, "RESPONDER", "Best 2006 band: 4 is remission"),
    byValue(10, 5, "NON_RESPONDER", "Best 2006 band: 5 is mild, not remission"),
    byValue(0, 0, "RESPONDER", "Zero baseline: remission depends on the follow-up alone"),
    {
      instrument: "HBI",
      baseline: { inputs: { ...QUIET_HBI, generalWellBeing: 3, abdominalPain: 3, liquidStools: 8, abdominalMass: 3, uveitis: true, newFistula: true } },
      followUp: { inputs: { ...QUIET_HBI, generalWellBeing: 1, abdominalPain: 1, liquidStools: 2 } },
      status: "RESPONDER",
      source: "Hand-computed from raw inputs: 19 → 4",
    },
  ],
};

export const HBI_CRITERIA = [HBI_RESPONSE, HBI_REMISSION];
