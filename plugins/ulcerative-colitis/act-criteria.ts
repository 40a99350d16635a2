import { atLeast, atMost, percentChange, roundTo } from "../../src/plugin-api";
import type { Inputs, ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";
import { RUTGEERTS_2005, SCHROEDER_1987 } from "./references";

/** ACT 1/2 (Rutgeerts 2005) clinical response and clinical remission on the total Mayo score. */

const SUBSCORES = ["stoolFrequency", "rectalBleeding", "endoscopy", "physicianGlobal"] as const;
const total = (inputs: Inputs) => SUBSCORES.reduce((sum, name) => sum + (inputs[name] as number), 0);

export const RESPONSE_POINTS = 3;
export const RESPONSE_PERCENT = 30;

export function clinicalResponse(baseline: Inputs, followUp: Inputs): ResponseResult {
  const before = total(baseline);
  const after = total(followUp);
  const change = after - before;
  const percent = percentChange(before, after);
  if (percent === null) {
    return { status: "NOT_EVALUABLE", change, percentChange: null, reason: "Baseline total Mayo is 0: the 30% fall is undefined" };
  }
  const points = atLeast(-change, RESPONSE_POINTS);
  const relative = atLeast(-percent, RESPONSE_PERCENT);
  const bleedingFall = (baseline.rectalBleeding as number) - (followUp.rectalBleeding as number);
  const bleeding = atLeast(bleedingFall, 1) || atMost(followUp.rectalBleeding as number, 1);
  const met = points && relative && bleeding;
  const parts = [
    `total Mayo ${before} → ${after} (fall of ${-change} points ${points ? "≥" : "<"} ${RESPONSE_POINTS}, ${roundTo(-percent, 1)}% ${relative ? "≥" : "<"} ${RESPONSE_PERCENT}%)`,
    `rectal bleeding ${baseline.rectalBleeding} → ${followUp.rectalBleeding} (${bleeding ? "fell by ≥ 1 or is ≤ 1" : "neither fell by ≥ 1 nor is ≤ 1"})`,
  ];
  return { status: met ? "RESPONDER" : "NON_RESPONDER", change, percentChange: percent, reason: parts.join("; ") };
}

export function clinicalRemission(baseline: Inputs, followUp: Inputs): ResponseResult {
  const after = total(followUp);
  const high = SUBSCORES.filter((name) => (followUp[name] as number) > 1);
  const met = atMost(after, 2) && high.length === 0;
  const before = total(baseline);
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change: after - before,
    percentChange: percentChange(before, after),
    reason: `Follow-up total Mayo ${after} (${after <= 2 ? "≤ 2" : "> 2"}); subscores above 1: ${high.length ? high.join(", ") : "none"}`,
  };
}

const mayo = (stoolFrequency: number, rectalBleeding: number, endoscopy: number, physicianGlobal: number) => ({ stoolFrequency, rectalBleeding, endoscopy, physicianGlobal });
const example = (baseline: Inputs, followUp: Inputs, status: ResponseExample["status"], source: string): ResponseExample => ({
  instrument: "MAYO",
  baseline: { inputs: baseline },
  followUp: { inputs: followUp },
  status,
  source,
});

export const MAYO_CLINICAL_RESPONSE: ResponseCriterion = {
  code: "MAYO_CLINICAL_RESPONSE",
  name: "Mayo clinical response (ACT 1/2)",
  description:
    "ACT 1/2 clinical response (Rutgeerts 2005): the total Mayo score fell by at least 3 points AND by at least 30% from baseline, " +
    "AND the rectal bleeding subscore fell by at least 1 or is 0 or 1 at follow-up. All bounds inclusive. Needs the subscores " +
    "(INPUTS basis). A baseline total of 0 is NOT_EVALUABLE (the percentage is undefined).",
  instruments: ["MAYO"],
  basis: "INPUTS",
  categories: [],
  evaluate: ({ baseline, followUp }) => clinicalResponse(baseline.inputs!, followUp.inputs!),
  references: [RUTGEERTS_2005, SCHROEDER_1987],
  examples: [
    example(mayo(3, 2, 3, 2), mayo(1, 1, 2, 1), "RESPONDER", "Hand-computed: 10 → 5 (−5, −50%), rectal bleeding 2 → 1"),
    example(mayo(3, 2, 3, 2), mayo(2, 1, 2, 2), "RESPONDER", "Hand-computed: 10 → 7 is exactly −3 points and −30% (both bounds inclusive)"),
    example(mayo(3, 2, 3, 2), mayo(3, 1, 2, 2), "NON_RESPONDER", "Hand-computed: 10 → 8 is −2 points (−20%)"),
    example(mayo(3, 3, 3, 3), mayo(2, 3, 2, 2), "NON_RESPONDER", "Hand-computed: 12 → 9 is −3 points but −25%"),
    example(mayo(2, 2, 2, 2), mayo(2, 2, 0, 1), "NON_RESPONDER", "Hand-computed: 8 → 5 (−3, −37.5%) but rectal bleeding stays 2"),
    example(mayo(3, 1, 3, 3), mayo(1, 1, 2, 1), "RESPONDER", "Hand-computed: 10 → 5; rectal bleeding does not fall but is 1 (absolute ≤ 1)"),
    example(mayo(0, 0, 0, 0), mayo(0, 0, 0, 0), "NOT_EVALUABLE", "Zero baseline: the 30% fall is undefined"),
  ],
};

export const MAYO_CLINICAL_REMISSION: ResponseCriterion = {
  code: "MAYO_CLINICAL_REMISSION",
  name: "Mayo clinical remission (ACT 1/2)",
  description:
    "ACT 1/2 clinical remission (Rutgeerts 2005): follow-up total Mayo score ≤ 2 with no individual subscore above 1 " +
    "(endoscopy in the original reading, friability allowed at 1). Decided by the follow-up alone; any baseline, including 0, is evaluable.",
  instruments: ["MAYO"],
  basis: "INPUTS",
  categories: [],
  evaluate: ({ baseline, followUp }) => clinicalRemission(baseline.inputs!, followUp.inputs!),
  references: [RUTGEERTS_2005],
  examples: [
    example(mayo(3, 2, 3, 2), mayo(1, 0, 1, 0), "RESPONDER", "Hand-computed: total 2, every subscore ≤ 1"),
    example(mayo(3, 2, 3, 2), mayo(1, 1, 1, 0), "NON_RESPONDER", "Hand-computed: total 3 > 2"),
    example(mayo(3, 2, 3, 2), mayo(0, 0, 2, 0), "NON_RESPONDER", "Hand-computed: total 2 but endoscopy 2 > 1"),
    example(mayo(0, 0, 0, 0), mayo(0, 0, 0, 0), "RESPONDER", "Zero baseline: remission depends on the follow-up alone"),
  ],
};

export const ACT_CRITERIA = [MAYO_CLINICAL_RESPONSE, MAYO_CLINICAL_REMISSION];
