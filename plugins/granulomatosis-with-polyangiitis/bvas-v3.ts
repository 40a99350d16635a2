import { booleanInput, codeInput, cutBands } from "../../src/plugin-api";
import type { ComputedScore, FieldProblem, InputDefinition, InstrumentDefinition, InstrumentExample, Inputs } from "../../src/plugin-api";
import type { BvasSystem, CreatinineBand } from "./bvas-v3-items";
import { BOOLEAN_ITEMS, BVAS_V3_ITEMS, BVAS_V3_SYSTEMS, CREATININE_BAND_ROWS, NOT_PERSISTENT_ITEMS, systemRow } from "./bvas-v3-items";
import { BVAS_2003_GLOSSARY, BVAS_TRAINING_MANUAL, BVAS_V3_FRENCH_IMPLEMENTATION, BVAS_V3_RULES, BVAS_V3_SECOND_IMPLEMENTATION, HELLMICH_2007, MUKHTYAR_2009 } from "./references";

/**
 * BVAS version 3 (Mukhtyar 2009). Every item ticked scores its weight; each organ system is capped; the score is
 * the sum of the capped system scores. One form-level PERSISTENT box decides the column: when ticked, every item
 * scores its persistent weight under the persistent caps (total 0–33); otherwise every item scores its new/worse
 * weight under the new/worse caps (total 0–63). Weights and caps live in bvas-v3-items.ts (one table).
 *
 * Rules enforced here:
 * - items marked * ("not compatible with persistent disease") are refused on a persistent form, naming the item;
 * - the serum-creatinine bands are one `code` input (they are ranges of one value) and score only when the
 *   form's "first assessment" question is answered yes; at a later assessment the band is kept as entered but
 *   scores 0 ("can only be scored on the first assessment"), and the component creatinineBandScored says so.
 *
 * Every item and the PERSISTENT box are optional booleans: an absent item is not ticked, an absent PERSISTENT box
 * is not ticked. "Is this the patient's first assessment?" must be answered.
 */

export const MAX_NEW_WORSE = BVAS_V3_SYSTEMS.reduce((sum, s) => sum + s.newWorseCap, 0);
export const MAX_PERSISTENT = BVAS_V3_SYSTEMS.reduce((sum, s) => sum + s.persistentCap, 0);

const weights = (persistent: number | null, newWorse: number) =>
  persistent === null ? `new/worse ${newWorse}; marked *: not compatible with persistent disease (refused when PERSISTENT is ticked)` : `persistent ${persistent}, new/worse ${newWorse}`;

const ITEM_INPUTS: InputDefinition[] = BOOLEAN_ITEMS.map((item) =>
  booleanInput(item.name, item.label, {
    optional: true,
    description: `BVAS v3, ${systemRow(item.system).label}; weight ${weights(item.persistent, item.newWorse)}. Tick only if attributable to active vasculitis in the last 4 weeks. Absent = not ticked.`,
  }),
);

export const BVAS_V3_INPUTS: InputDefinition[] = [
  booleanInput("firstAssessment", "Is this the patient's first assessment?", {
    description: "The form's question. The serum-creatinine bands score only at the first assessment.",
  }),
  booleanInput("persistentDisease", "PERSISTENT box: all abnormalities are due to persistent disease", {
    optional: true,
    description:
      "Tick when all abnormalities are due to persistent disease (active vasculitis which is not new or worse in the prior 4 weeks): every item then " +
      "scores its persistent weight under the persistent caps (0–33). Absent or false: new/worse weights and caps (0–63).",
  }),
  ...ITEM_INPUTS,
  codeInput(
    "serumCreatinine",
    "Serum creatinine band (first assessment only)",
    CREATININE_BAND_ROWS.map((row) => ({ value: row.name, label: `${row.label} (${weights(row.persistent, row.newWorse)})` })),
    {
      optional: true,
      description: "At most one band (they are ranges of one value). Scores only when firstAssessment is true; at a later assessment it is stored but scores 0. Absent = below 125 µmol/L or not attributable to vasculitis.",
    },
  ),
];

/** Refuses items marked * on a persistent form, naming each one. */
export function validateBvasV3(inputs: Inputs): FieldProblem[] {
  if (inputs.persistentDisease !== true) return [];
  return NOT_PERSISTENT_ITEMS.filter((item) => inputs[item.name] === true).map((item) => ({
    field: item.name,
    message:
      `${item.label} is marked * on the BVAS v3 form: not compatible with persistent disease. It always indicates new or worse disease; ` +
      "untick the PERSISTENT box (score the form as new/worse) or untick the item",
    allowed: "false or absent when persistentDisease is true",
  }));
}

export interface BvasV3Score {
  total: number;
  persistentForm: boolean;
  /** Capped points per organ system. */
  bySystem: Record<BvasSystem, number>;
  /** Uncapped points per organ system. */
  uncapped: Record<BvasSystem, number>;
  creatinineBandScored: boolean;
  creatinineBandPoints: number;
  itemsPresent: number;
}

/** Scores validated inputs. */
export function scoreBvasV3(inputs: Inputs): BvasV3Score {
  const persistentForm = inputs.persistentDisease === true;
  const weightOf = (item: { persistent: number | null; newWorse: number }) => (persistentForm ? (item.persistent ?? 0) : item.newWorse);
  const uncapped = Object.fromEntries(BVAS_V3_SYSTEMS.map((s) => [s.system, 0])) as Record<BvasSystem, number>;
  let itemsPresent = 0;
  for (const item of BOOLEAN_ITEMS) {
    if (inputs[item.name] !== true) continue;
    itemsPresent++;
    uncapped[item.system] += weightOf(item);
  }
  const band = inputs.serumCreatinine as CreatinineBand | undefined | null;
  const creatinineBandScored = band != null && inputs.firstAssessment === true;
  let creatinineBandPoints = 0;
  if (band != null) {
    itemsPresent++;
    if (creatinineBandScored) {
      const row = BVAS_V3_ITEMS.find((item) => item.name === band)!;
      creatinineBandPoints = weightOf(row);
      uncapped.renal += creatinineBandPoints;
    }
  }
  const bySystem = {} as Record<BvasSystem, number>;
  let total = 0;
  for (const s of BVAS_V3_SYSTEMS) {
    bySystem[s.system] = Math.min(uncapped[s.system], persistentForm ? s.persistentCap : s.newWorseCap);
    total += bySystem[s.system];
  }
  return { total, persistentForm, bySystem, uncapped, creatinineBandScored, creatinineBandPoints, itemsPresent };
}

export function computeBvasV3(inputs: Inputs): ComputedScore {
  const score = scoreBvasV3(inputs);
  const components: Record<string, number> = {};
  for (const [system, points] of Object.entries(score.bySystem)) components[`${system}Points`] = points;
  components.persistentForm = score.persistentForm ? 1 : 0;
  components.creatinineBandScored = score.creatinineBandScored ? 1 : 0;
  components.creatinineBandPoints = score.creatinineBandPoints;
  components.itemsPresent = score.itemsPresent;
  return { value: score.total, components };
}

/** Inputs with the named boolean items ticked (for examples, tests and the demo). */
export function bvasInputs(firstAssessment: boolean, items: readonly string[] = [], extra: Inputs = {}): Inputs {
  const unknown = items.filter((name) => !BOOLEAN_ITEMS.some((item) => item.name === name));
  if (unknown.length > 0) throw new Error(`not BVAS v3 items: ${unknown.join(", ")}`);
  return { firstAssessment, ...Object.fromEntries(items.map((name) => [name, true])), ...extra };
}

export const ALL_ITEMS = BOOLEAN_ITEMS.map((item) => item.name);
export const PERSISTENT_COMPATIBLE_ITEMS = BOOLEAN_ITEMS.filter((item) => item.persistent !== null).map((item) => item.name);

const HAND = "Hand calculation from the BVAS v3 weights and caps (plugin table bvas-v3-items.ts)";

/*
 * No published worked example of a BVAS v3 total was found; these are hand calculations. None of them gives the
 * PERSISTENT box together with an item marked * (that combination is refused), so every example's set of inputs
 * is a valid form whatever the values of its booleans.
 */
const EXAMPLES: InstrumentExample[] = [
  {
    inputs: bvasInputs(true, ["myalgia", "arthralgiaArthritis", "fever", "infiltrate", "nodulesOrCavities", "haematuria", "proteinuria"], { serumCreatinine: "125_to_249" }),
    value: 21,
    category: "active",
    source: `${HAND}: first assessment, new/worse: general 1+1+2 = 4 → cap 3; chest 4+3 = 7 → cap 6; renal 6+4+4 (creatinine 125–249) = 14 → cap 12; total 21`,
  },
  {
    inputs: bvasInputs(false, ["myalgia", "arthralgiaArthritis", "fever", "infiltrate", "nodulesOrCavities", "haematuria", "proteinuria"], { serumCreatinine: "125_to_249" }),
    value: 19,
    category: "active",
    source: `${HAND}: the same form at a later assessment: the creatinine band scores 0, renal 6+4 = 10; total 3+6+10 = 19`,
  },
  {
    inputs: bvasInputs(false, ["arthralgiaArthritis", "paranasalSinusInvolvement", "haematuria", "proteinuria"], { persistentDisease: true }),
    value: 7,
    category: "active",
    source: `${HAND}: PERSISTENT ticked: arthralgia 1, paranasal sinus 1, haematuria 3 + proteinuria 2 = 7`,
  },
  { inputs: bvasInputs(false), value: 0, category: "remission", source: `${HAND}: nothing ticked = 0` },
  {
    inputs: bvasInputs(true, ALL_ITEMS, { serumCreatinine: "500_or_more" }),
    value: 63,
    category: "active",
    source: `${HAND}: every item ticked, new/worse: every system at its cap, 3+6+6+6+6+6+9+12+9 = 63 (the published maximum)`,
  },
  {
    inputs: bvasInputs(true, PERSISTENT_COMPATIBLE_ITEMS, { persistentDisease: true, serumCreatinine: "500_or_more" }),
    value: 33,
    category: "active",
    source: `${HAND}: every item compatible with persistent disease ticked, PERSISTENT: every system at its cap, 2+3+3+3+3+3+4+6+6 = 33 (the published maximum)`,
  },
];

const UNCONFIRMED =
  "PROVISIONAL: not every weight could be confirmed from the primary form. Confirmed from primary-derived texts: the rules, the new/worse caps, the " +
  "persistent caps of General, Cutaneous, Mucous membranes/eyes and Cardiovascular, and the weights of General, Cutaneous, Mucous membranes/eyes items 1–5, " +
  "Chest items 3–7 and Cardiovascular. From two independent public implementations only: Mucous membranes/eyes items 6–10, ENT, wheeze, nodules or " +
  "cavities, Abdominal, Renal and Nervous system items, which items are marked *, and the persistent caps of ENT, Renal and Nervous system (Chest 3 and " +
  "Abdominal 4 are the only pairing that gives the published 0–33). Disputed, value used [other reading]: bloody nasal discharge 2/4 [3/6], serum " +
  "creatinine 250–499 µmol/L 3/6 [3/5] and ≥ 500 µmol/L 4/8 [4/6], ischaemic abdominal pain new/worse 6 [2]. ";

export const BVAS_V3: InstrumentDefinition = {
  code: "BVAS_V3",
  name: "Birmingham Vasculitis Activity Score version 3 (BVAS v3)",
  description:
    UNCONFIRMED +
    "BVAS v3 (Mukhtyar 2009): 56 items in 9 organ systems, ticked only when attributable to active vasculitis in the last 4 weeks. One form-level " +
    "PERSISTENT box (persistentDisease): when ticked every item scores its persistent weight and each system its persistent cap (General 2, Cutaneous 3, " +
    "Mucous membranes/eyes 3, ENT 3, Chest 3, Cardiovascular 3, Abdominal 4, Renal 6, Nervous system 6; total 0–33); otherwise new/worse weights and caps " +
    "(3, 6, 6, 6, 6, 6, 9, 12, 9; total 0–63). Items marked * (sudden visual loss, nodules or cavities, rise in creatinine > 30% or fall in creatinine " +
    "clearance > 25%) are not compatible with persistent disease: on a persistent form they are refused with BAD_USER_INPUT naming the item (a protocol " +
    "choice; public calculators score them 0). The serum-creatinine bands are one code input (serumCreatinine) and score only when firstAssessment is true; " +
    "at a later assessment the band is stored but scores 0 (creatinineBandScored = 0). The score is the new/worse total or the persistent total. " +
    "Components: capped points per system, persistentForm, creatinineBandScored, creatinineBandPoints, itemsPresent. Bands (a CONVENTION): remission = 0 " +
    "(the EULAR definition of remission, Hellmich 2007), active ≥ 1. Weights and caps are in one table (bvas-v3-items.ts).",
  version: "1.0.0",
  inputs: BVAS_V3_INPUTS,
  validate: validateBvasV3,
  compute: computeBvasV3,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: MAX_NEW_WORSE },
  decimals: 0,
  bands: cutBands(
    [
      ["remission", "Remission (BVAS 0)"],
      ["active", "Active vasculitis (BVAS ≥ 1)"],
    ],
    [{ value: 0, upperInclusive: true }],
  ),
  references: [MUKHTYAR_2009, BVAS_V3_RULES, BVAS_2003_GLOSSARY, BVAS_TRAINING_MANUAL, BVAS_V3_FRENCH_IMPLEMENTATION, BVAS_V3_SECOND_IMPLEMENTATION, HELLMICH_2007],
  examples: EXAMPLES,
};
