import { percentChange } from "../../src/plugin-api";
import type { Inputs, ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";
import { FDA_UC_2016, SANDBORN_2021_TRUE_NORTH } from "./references";

/**
 * Modified-Mayo remission, in two stated variants (scores.md §9: the stool-frequency rule differs between
 * trials and must be chosen per protocol):
 * - MODIFIED_MAYO_REMISSION: stool frequency ≤ 1, rectal bleeding 0, endoscopy ≤ 1 without friability;
 * - MODIFIED_MAYO_REMISSION_SF_FALL: the same, and stool frequency at least 1 point below baseline.
 */

const total = (i: Inputs) => (i.stoolFrequency as number) + (i.rectalBleeding as number) + (i.endoscopy as number);

function remission(baseline: Inputs, followUp: Inputs, requireStoolFall: boolean): ResponseResult {
  const failures: string[] = [];
  if ((followUp.stoolFrequency as number) > 1) failures.push(`stool frequency ${followUp.stoolFrequency} > 1`);
  if (requireStoolFall && (baseline.stoolFrequency as number) - (followUp.stoolFrequency as number) < 1) {
    failures.push(`stool frequency ${baseline.stoolFrequency} → ${followUp.stoolFrequency} did not fall by ≥ 1`);
  }
  if ((followUp.rectalBleeding as number) !== 0) failures.push(`rectal bleeding ${followUp.rectalBleeding} ≠ 0`);
  // The MODIFIED_MAYO instrument refuses friability below subscore 2, so ≤ 1 here is "≤ 1 without friability".
  if ((followUp.endoscopy as number) > 1) failures.push(`endoscopy ${followUp.endoscopy} > 1`);
  const before = total(baseline);
  const after = total(followUp);
  return {
    status: failures.length === 0 ? "RESPONDER" : "NON_RESPONDER",
    change: after - before,
    percentChange: percentChange(before, after),
    reason: failures.length === 0 ? "All remission conditions met" : `Not met: ${failures.join("; ")}`,
  };
}

const m = (stoolFrequency: number, rectalBleeding: number, endoscopy: number, friability = false): Inputs => ({ stoolFrequency, rectalBleeding, endoscopy, friability });
const example = (baseline: Inputs, followUp: Inputs, status: ResponseExample["status"], source: string): ResponseExample => ({
  instrument: "MODIFIED_MAYO",
  baseline: { inputs: baseline },
  followUp: { inputs: followUp },
  status,
  source,
});

export const MODIFIED_MAYO_REMISSION: ResponseCriterion = {
  code: "MODIFIED_MAYO_REMISSION",
  name: "Modified-Mayo remission (SF ≤ 1, RB 0, ES ≤ 1 without friability)",
  description:
    "PROVISIONAL: the modified-Mayo remission rule differs between guidances and trials and was taken from secondary summaries; " +
    "the protocol must name its variant. Variant used: follow-up stool frequency subscore ≤ 1, rectal bleeding subscore 0 and modified endoscopy subscore ≤ 1 " +
    "(friability scores 2, so ≤ 1 means no friability), with no condition on the baseline (FDA 2016 modified Mayo). Trials that " +
    "also require the stool frequency to fall by ≥ 1 from baseline use MODIFIED_MAYO_REMISSION_SF_FALL. Any baseline is evaluable.",
  instruments: ["MODIFIED_MAYO"],
  basis: "INPUTS",
  categories: [],
  evaluate: ({ baseline, followUp }) => remission(baseline.inputs!, followUp.inputs!, false),
  references: [FDA_UC_2016],
  examples: [
    example(m(3, 2, 3), m(1, 0, 1), "RESPONDER", "Hand-computed: SF 1, RB 0, ES 1 without friability"),
    example(m(3, 2, 3), m(2, 0, 1), "NON_RESPONDER", "Hand-computed: SF 2 > 1"),
    example(m(3, 2, 3), m(1, 1, 1), "NON_RESPONDER", "Hand-computed: RB 1 ≠ 0"),
    example(m(3, 2, 3), m(1, 0, 2, true), "NON_RESPONDER", "Hand-computed: friability scores 2 (> 1)"),
    example(m(1, 0, 1), m(1, 0, 1), "RESPONDER", "Hand-computed: SF unchanged at 1 is enough in this variant"),
    example(m(0, 0, 0), m(0, 0, 0), "RESPONDER", "Zero baseline: decided by the follow-up alone"),
  ],
};

export const MODIFIED_MAYO_REMISSION_SF_FALL: ResponseCriterion = {
  code: "MODIFIED_MAYO_REMISSION_SF_FALL",
  name: "Modified-Mayo remission with a stool-frequency fall (True North variant)",
  description:
    "PROVISIONAL: taken from secondary summaries of True North, not from the trial protocol. " +
    "Variant used: follow-up stool frequency subscore ≤ 1 AND at least 1 point below baseline, rectal bleeding subscore 0, and " +
    "modified endoscopy subscore ≤ 1 (no friability), as in True North (ozanimod). A baseline stool frequency of 0 can therefore " +
    "never meet it (such patients are normally excluded by the entry criteria).",
  instruments: ["MODIFIED_MAYO"],
  basis: "INPUTS",
  categories: [],
  evaluate: ({ baseline, followUp }) => remission(baseline.inputs!, followUp.inputs!, true),
  references: [SANDBORN_2021_TRUE_NORTH, FDA_UC_2016],
  examples: [
    example(m(2, 2, 3), m(1, 0, 1), "RESPONDER", "Hand-computed: SF 2 → 1 (fall of exactly 1), RB 0, ES 1"),
    example(m(1, 2, 3), m(1, 0, 1), "NON_RESPONDER", "Hand-computed: SF 1 → 1 did not fall"),
    example(m(3, 2, 3), m(0, 0, 0), "RESPONDER", "Hand-computed: SF 3 → 0"),
    example(m(0, 0, 0), m(0, 0, 0), "NON_RESPONDER", "Zero baseline stool frequency cannot fall"),
  ],
};

export const MODIFIED_MAYO_REMISSION_CRITERIA = [MODIFIED_MAYO_REMISSION, MODIFIED_MAYO_REMISSION_SF_FALL];
