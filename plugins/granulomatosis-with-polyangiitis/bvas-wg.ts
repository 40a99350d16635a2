import { integerInput } from "../../src/plugin-api";
import type { FieldProblem, InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { BVAS_WG_INSTRUCTIONS, STONE_2001 } from "./references";

/**
 * BVAS/WG (Stone 2001), scored from counts because its item list could not be confirmed from a primary source.
 *
 * Confirmed (abstract): items are weighted minor (1 point, e.g. nasal crusting) or major (3 points, e.g. alveolar
 * haemorrhage); 38 items of the 1994 BVAS were removed, 9 revised and 7 added. The size of the 1994 BVAS that Stone
 * modified is not confirmed here: the "66" sometimes used (66 − 38 + 7 = 35) is the BVAS v2 item count given in the
 * BVAS v3 paper (Mukhtyar 2009), a later version, so 35 is a PROVISIONAL plausibility bound, not a confirmed item
 * count (other texts say 34). Major + minor + persistent counts distinct items, so their sum is bounded by it too. Confirmed (instructions manual): persistence is marked per item; at a first, untreated assessment
 * every abnormality is new/worse; at follow-up an item is new/worse if new or worse in the previous 28 days.
 * Not confirmed: which items are major, and the points of persistent items. So the score here is the new/worse
 * score only, 3 × major + 1 × minor; persistent items are recorded as a count and a component but not scored.
 * A score of 0 with persistent items present is therefore not BVAS/WG remission in the trials' sense.
 */
const ITEM_COUNT = 35;

/** Each item is marked once (major or minor, new/worse or persistent), so the three counts cannot exceed the item count together. */
export function validateBvasWg(inputs: Inputs): FieldProblem[] {
  const total = (inputs.majorItemsNewWorse as number) + (inputs.minorItemsNewWorse as number) + (inputs.persistentItems as number);
  if (total <= ITEM_COUNT) return [];
  return [
    {
      field: "persistentItems",
      message:
        `majorItemsNewWorse + minorItemsNewWorse + persistentItems = ${total} items, more than the ${ITEM_COUNT} BVAS/WG items ` +
        "(PROVISIONAL plausibility bound: the item list is unconfirmed)",
      allowed: `a total of at most ${ITEM_COUNT} items`,
    },
  ];
}

export function computeBvasWg(inputs: Inputs) {
  const major = inputs.majorItemsNewWorse as number;
  const minor = inputs.minorItemsNewWorse as number;
  const persistent = inputs.persistentItems as number;
  return { value: 3 * major + minor, components: { majorPoints: 3 * major, minorPoints: minor, persistentItems: persistent } };
}

const HAND = "Hand calculation: 3 × major + 1 × minor new/worse items (Stone 2001)";

export const BVAS_WG: InstrumentDefinition = {
  code: "BVAS_WG",
  name: "BVAS for Wegener's granulomatosis (BVAS/WG), new/worse score from item counts",
  description:
    "PROVISIONAL: the BVAS/WG item list (which items are major) and the points of persistent items could not be confirmed from a primary source, so " +
    "this is scored from counts entered by the assessor and only the new/worse part is scored. BVAS/WG (Stone 2001): new/worse score = 3 × major " +
    "items + 1 × minor items marked new/worse (new or worse in the previous 28 days; at a first, untreated assessment every abnormality is new/worse). " +
    "persistentItems (items present but neither new nor worse) is stored and reported as a component but adds no points: a score of 0 with " +
    `persistent items is not BVAS/WG remission. Counts are 0–${ITEM_COUNT} each and at most ${ITEM_COUNT} together (PROVISIONAL plausibility bound: ` +
    `the item count is unconfirmed). Range 0–${3 * ITEM_COUNT} (every item major and new/worse) is the bound the input limits allow, not a published maximum. No activity bands.`,
  version: "1.0.0",
  inputs: [
    integerInput("majorItemsNewWorse", "Major items, new/worse", 0, ITEM_COUNT, { unit: "items", description: "Number of BVAS/WG major items (3 points each) marked new/worse." }),
    integerInput("minorItemsNewWorse", "Minor items, new/worse", 0, ITEM_COUNT, { unit: "items", description: "Number of BVAS/WG minor items (1 point each) marked new/worse." }),
    integerInput("persistentItems", "Items persistent", 0, ITEM_COUNT, {
      unit: "items",
      description: "Number of BVAS/WG items marked persistent. Recorded, not scored (their points are not confirmed).",
    }),
  ],
  validate: validateBvasWg,
  compute: computeBvasWg,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 3 * ITEM_COUNT },
  decimals: 0,
  bands: [],
  references: [STONE_2001, BVAS_WG_INSTRUCTIONS],
  examples: [
    { inputs: { majorItemsNewWorse: 1, minorItemsNewWorse: 1, persistentItems: 0 }, value: 4, source: `${HAND}: alveolar haemorrhage (major, 3) + nasal crusting (minor, 1), the abstract's two examples = 4` },
    { inputs: { majorItemsNewWorse: 2, minorItemsNewWorse: 3, persistentItems: 2 }, value: 9, source: `${HAND}: 2 × 3 + 3 × 1 = 9; 2 persistent items add nothing` },
    { inputs: { majorItemsNewWorse: 0, minorItemsNewWorse: 0, persistentItems: 0 }, value: 0, source: `${HAND}: no item = 0` },
  ],
};
