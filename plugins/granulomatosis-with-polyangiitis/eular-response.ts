import { atLeast, percentChange } from "../../src/plugin-api";
import type { Inputs, ResponseCriterion, ResponseResult } from "../../src/plugin-api";
import { BOOLEAN_ITEMS } from "./bvas-v3-items";
import { bvasInputs } from "./bvas-v3";
import { HELLMICH_2007, MUKHTYAR_2009 } from "./references";

/**
 * EULAR response in ANCA-associated vasculitis (Hellmich 2007): a ≥ 50% reduction of BVAS from baseline and no new
 * manifestation. "New manifestation" needs the raw items, so the criterion has the INPUTS basis: an item ticked at
 * follow-up that was not ticked at baseline is new (whichever box, new/worse or PERSISTENT, the follow-up form has:
 * an item that appeared after baseline is new to the patient even when it has been stable for 4 weeks). Items
 * present at both visits are not new, even when scored new/worse (worse is not new). The serum-creatinine bands are
 * not compared (they score at the first assessment only); a rise in creatinine is its own item and is compared.
 * The 50% boundary counts (≥). A zero baseline is NOT_EVALUABLE.
 */
export function newManifestations(baseline: Inputs, followUp: Inputs): string[] {
  return BOOLEAN_ITEMS.filter((item) => followUp[item.name] === true && baseline[item.name] !== true).map((item) => item.name);
}

export function eularResponse(baselineValue: number, followUpValue: number, newItems: string[]): ResponseResult {
  const change = followUpValue - baselineValue;
  const percent = percentChange(baselineValue, followUpValue);
  if (percent === null) return { status: "NOT_EVALUABLE", change, percentChange: null, reason: "baseline BVAS is 0: a percentage fall is undefined" };
  const fallMet = atLeast(-percent, 50);
  const noNew = newItems.length === 0;
  const reason =
    `EULAR response ${fallMet && noNew ? "met" : "not met"}: BVAS ${baselineValue} → ${followUpValue} (fall ${Math.round(-percent * 10) / 10}%, ≥ 50% needed: ` +
    `${fallMet ? "met" : "NOT met"}); new manifestations: ${noNew ? "none (met)" : `${newItems.join(", ")} (NOT met)`}`;
  return { status: fallMet && noNew ? "RESPONDER" : "NON_RESPONDER", change, percentChange: percent, reason };
}

const HAND = "Hand calculation from the BVAS v3 weights";

export const AAV_EULAR_RESPONSE: ResponseCriterion = {
  code: "AAV_EULAR_RESPONSE",
  name: "EULAR response (BVAS fall ≥ 50%, no new manifestation)",
  description:
    "EULAR response for ANCA-associated vasculitis (Hellmich 2007): BVAS v3 falls by ≥ 50% from baseline (boundary included) and no new manifestation. " +
    "Decided from the raw BVAS v3 items (INPUTS basis): an item ticked at follow-up that was not ticked at baseline is a new manifestation, whether the " +
    "follow-up form is new/worse or PERSISTENT; an item present at both visits is not new even if worse. The serum-creatinine bands are not compared " +
    "(first assessment only); the creatinine-rise item is. A zero baseline is NOT_EVALUABLE.",
  instruments: ["BVAS_V3"],
  basis: "INPUTS",
  categories: [],
  evaluate: ({ baseline, followUp }) => {
    if (!baseline.inputs || !followUp.inputs || baseline.value === null || followUp.value === null) {
      return { status: "NOT_EVALUABLE", reason: "the raw BVAS v3 items are needed at both visits" };
    }
    return eularResponse(baseline.value, followUp.value, newManifestations(baseline.inputs, followUp.inputs));
  },
  references: [HELLMICH_2007, MUKHTYAR_2009],
  examples: [
    {
      instrument: "BVAS_V3",
      // first assessment: general 1+2 = 3, chest 4, renal 6+4+4 = 14 → 12: BVAS 19; follow-up: haematuria 6 + arthralgia 1 = 7 (fall 63%)
      baseline: { inputs: bvasInputs(true, ["arthralgiaArthritis", "fever", "infiltrate", "haematuria", "proteinuria"], { serumCreatinine: "125_to_249" }) },
      followUp: { inputs: bvasInputs(false, ["arthralgiaArthritis", "haematuria"]) },
      status: "RESPONDER",
      source: `${HAND}: 19 → 7, a 63% fall, no item absent at baseline`,
    },
    {
      instrument: "BVAS_V3",
      // 19 → 1 + 2 (purpura) = 3: fall 84%, but purpura is new
      baseline: { inputs: bvasInputs(true, ["arthralgiaArthritis", "fever", "infiltrate", "haematuria", "proteinuria"], { serumCreatinine: "125_to_249" }) },
      followUp: { inputs: bvasInputs(false, ["arthralgiaArthritis", "purpura"]) },
      status: "NON_RESPONDER",
      source: `${HAND}: 19 → 3 but purpura is new`,
    },
    {
      instrument: "BVAS_V3",
      // baseline haematuria 6 + proteinuria 4 = 10; follow-up haematuria 3 + proteinuria 2 persistent = 5: exactly 50%
      baseline: { inputs: bvasInputs(false, ["haematuria", "proteinuria"]) },
      followUp: { inputs: bvasInputs(false, ["haematuria", "proteinuria"], { persistentDisease: true }) },
      status: "RESPONDER",
      source: `${HAND}: 10 → 5, exactly 50% (boundary included)`,
    },
    {
      instrument: "BVAS_V3",
      // 10 → haematuria 6 = 6: a 40% fall
      baseline: { inputs: bvasInputs(false, ["haematuria", "proteinuria"]) },
      followUp: { inputs: bvasInputs(false, ["haematuria"]) },
      status: "NON_RESPONDER",
      source: `${HAND}: 10 → 6, a 40% fall`,
    },
    {
      instrument: "BVAS_V3",
      baseline: { inputs: bvasInputs(false) },
      followUp: { inputs: bvasInputs(false) },
      status: "NOT_EVALUABLE",
      source: "Zero baseline",
    },
  ],
};
