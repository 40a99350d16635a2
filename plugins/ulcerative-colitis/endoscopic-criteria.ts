import { percentChange } from "../../src/plugin-api";
import type { Inputs, ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";
import { FDA_UC_2016, RUTGEERTS_2005, SCHROEDER_1987 } from "./references";

/**
 * Endoscopic endpoints on the Mayo endoscopy subscore, from MAYO (original reading, friability allowed at 1)
 * or MODIFIED_MAYO (modified reading, 1 excludes friability).
 */

function endoscopic(baseline: Inputs, followUp: Inputs, limit: number, what: string): ResponseResult {
  const before = baseline.endoscopy as number;
  const after = followUp.endoscopy as number;
  const met = after <= limit;
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change: after - before,
    percentChange: percentChange(before, after),
    reason: `Follow-up endoscopy subscore ${after} is ${met ? "" : "not "}${what}`,
  };
}

const example = (instrument: string, baseline: Inputs, followUp: Inputs, status: ResponseExample["status"], source: string): ResponseExample => ({
  instrument,
  baseline: { inputs: baseline },
  followUp: { inputs: followUp },
  status,
  source,
});
const mayo = (endoscopy: number): Inputs => ({ stoolFrequency: 1, rectalBleeding: 1, endoscopy, physicianGlobal: 1 });
const modified = (endoscopy: number, friability = false): Inputs => ({ stoolFrequency: 1, rectalBleeding: 1, endoscopy, friability });

export const ENDOSCOPIC_IMPROVEMENT: ResponseCriterion = {
  code: "ENDOSCOPIC_IMPROVEMENT",
  name: "Endoscopic improvement (endoscopy subscore ≤ 1)",
  description:
    "Follow-up Mayo endoscopy subscore 0 or 1. ACT 1/2 (Rutgeerts 2005) called this 'mucosal healing'; FDA 2016 calls it " +
    "'endoscopic improvement' and requires 1 to exclude friability. From MAYO the original reading is used (friability allowed " +
    "at 1, as in ACT); from MODIFIED_MAYO the modified reading (no friability at 1, the FDA definition). Decided by the follow-up alone.",
  instruments: ["MODIFIED_MAYO", "MAYO"],
  basis: "INPUTS",
  categories: [],
  evaluate: ({ baseline, followUp }) => endoscopic(baseline.inputs!, followUp.inputs!, 1, "0 or 1"),
  references: [RUTGEERTS_2005, FDA_UC_2016, SCHROEDER_1987],
  examples: [
    example("MAYO", mayo(3), mayo(1), "RESPONDER", "ACT 1/2 definition: endoscopy 1 (original reading)"),
    example("MAYO", mayo(3), mayo(2), "NON_RESPONDER", "ACT 1/2 definition: endoscopy 2"),
    example("MODIFIED_MAYO", modified(3, true), modified(1), "RESPONDER", "FDA 2016 definition: endoscopy 1 without friability"),
    example("MODIFIED_MAYO", modified(3, true), modified(2, true), "NON_RESPONDER", "FDA 2016 definition: friability scores 2"),
    example("MAYO", mayo(0), mayo(0), "RESPONDER", "Zero baseline: decided by the follow-up alone"),
  ],
};

export const MUCOSAL_HEALING: ResponseCriterion = {
  code: "MUCOSAL_HEALING",
  name: "Mucosal healing (endoscopy subscore 0)",
  description:
    "Definition used here: follow-up Mayo endoscopy subscore 0 (normal or inactive mucosa), i.e. endoscopic remission; histology " +
    "is not part of it. NOT the ACT 1/2 'mucosal healing' (subscore ≤ 1), which is ENDOSCOPIC_IMPROVEMENT. Decided by the follow-up alone.",
  instruments: ["MODIFIED_MAYO", "MAYO"],
  basis: "INPUTS",
  categories: [],
  evaluate: ({ baseline, followUp }) => endoscopic(baseline.inputs!, followUp.inputs!, 0, "0"),
  references: [FDA_UC_2016, SCHROEDER_1987],
  examples: [
    example("MAYO", mayo(2), mayo(0), "RESPONDER", "Endoscopy 0"),
    example("MAYO", mayo(2), mayo(1), "NON_RESPONDER", "Endoscopy 1 is improvement, not healing"),
    example("MODIFIED_MAYO", modified(2, true), modified(0), "RESPONDER", "Endoscopy 0 (modified reading)"),
  ],
};

export const ENDOSCOPIC_CRITERIA = [ENDOSCOPIC_IMPROVEMENT, MUCOSAL_HEALING];
