import { booleanInput, cutBands } from "../../src/plugin-api";
import type { FieldProblem, InputDefinition, InstrumentDefinition, InstrumentExample, Inputs } from "../../src/plugin-api";
import { ITAS_ITEMS } from "./itas-items";
import { ITAS_SECONDARY, MISRA_2013 } from "./references";

const RULE = "Tick only a feature that is new or worse in the past 3 months and due to active Takayasu arteritis.";

/** Headline items are required answers; sub-locations are optional detail under a ticked headline item. */
export const ITAS_INPUTS: InputDefinition[] = ITAS_ITEMS.flatMap((item) => [
  booleanInput(item.name, `${item.domain}: ${item.label}`, { description: `${item.label} (${item.weight} point${item.weight === 2 ? "s" : ""}). ${RULE}` }),
  ...(item.subLocations ?? []).map((sub) =>
    booleanInput(sub.name, `${item.label}: ${sub.label}`, {
      optional: true,
      description: `Sub-location of '${item.label}' (1 point; only with '${item.label}' ticked). Absent means not present. ${RULE}`,
    }),
  ),
]);

/** ITAS2010 total and its parts: headline points, sub-location points and each domain's points. */
/** `Nervous system` → `nervousSystemPoints`. */
const domainKey = (domain: string) => `${domain.toLowerCase().replace(/ (\w)/g, (_m, c: string) => c.toUpperCase())}Points`;

export function itas2010(inputs: Inputs) {
  let headline = 0;
  let subLocations = 0;
  const domains: Record<string, number> = Object.fromEntries(ITAS_ITEMS.map((item) => [domainKey(item.domain), 0]));
  for (const item of ITAS_ITEMS) {
    if (inputs[item.name] !== true) continue;
    const subs = (item.subLocations ?? []).filter((sub) => inputs[sub.name] === true).length;
    headline += item.weight;
    subLocations += subs;
    domains[domainKey(item.domain)] += item.weight + subs;
  }
  return { value: headline + subLocations, components: { headlinePoints: headline, subLocationPoints: subLocations, ...domains } };
}

/** CONVENTION (scores.md §7): a sub-location is accepted only with its headline item ticked. */
function validate(inputs: Inputs): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const item of ITAS_ITEMS) {
    if (inputs[item.name] === true) continue;
    for (const sub of item.subLocations ?? []) {
      if (inputs[sub.name] === true) {
        problems.push({ field: sub.name, message: `${sub.name} is a sub-location of ${item.name}: tick ${item.name} too, or leave ${sub.name} unticked` });
      }
    }
  }
  return problems;
}

/** Every headline item answered false; examples and tests switch items on from here. */
export function itasForm(ticked: string[] = []): Inputs {
  const form: Inputs = Object.fromEntries(ITAS_ITEMS.map((item) => [item.name, false]));
  for (const name of ticked) form[name] = true;
  return form;
}

const ALL_ITEMS = ITAS_ITEMS.flatMap((item) => [item.name, ...(item.subLocations ?? []).map((s) => s.name)]);

const examples: InstrumentExample[] = [
  { inputs: itasForm(), value: 0, category: "inactive", source: "Hand-computed: nothing new or worse gives 0" },
  { inputs: itasForm(["headache"]), value: 1, category: "inactive", source: "Hand-computed: one 1-point item (headache) gives 1, below the active cut-off 2" },
  { inputs: itasForm(["carotidynia"]), value: 2, category: "active", source: "Hand-computed: one 2-point item (carotidynia) gives 2, active (≥ 2; Misra 2013)" },
  { inputs: itasForm(["malaiseOrWeightLoss", "headache"]), value: 2, category: "active", source: "Hand-computed: two 1-point items give 2, active" },
  {
    inputs: itasForm(["bruits", "carotidBruitLeft", "subclavianBruitLeft", "newLossOfPulses", "radialPulseLossLeft", "malaiseOrWeightLoss"]),
    value: 8,
    category: "active",
    source: "Hand-computed: bruits 2 + two bruit sites 2 + new loss of pulses 2 + one artery 1 + malaise 1 = 8",
  },
  {
    inputs: itasForm(ALL_ITEMS),
    value: 51,
    category: "active",
    source: "GDL guideline test case 'all 44 items' = 51 (gdl-lang/common-clinical-models); 19 headline items 26 + 25 sub-locations",
  },
];

export const ITAS2010: InstrumentDefinition = {
  code: "ITAS2010",
  name: "Indian Takayasu Clinical Activity Score (ITAS2010)",
  description:
    "PROVISIONAL: the item list and weights come from secondary sources (MDCalc and independent implementations) that match the counts of Misra 2013 " +
    "(44 items, 33 cardiovascular, seven weighted 2) but were not checked against the published form; the 1 point per cardiovascular sub-location and " +
    "the rule that a sub-location needs its headline item are unconfirmed. " +
    "ITAS2010 (Misra 2013): only features new or worse in the past 3 months and due to active disease count. Seven items score 2 (diastolic BP > 90 mmHg, " +
    "stroke, bruits, pulse inequality, new loss of pulses, claudication, carotidynia), the other 12 headline items 1; each ticked cardiovascular " +
    "sub-location (6 bruit sites, pulse-and-BP inequality, 16 arteries with lost pulses, arm and leg claudication) adds 1. Range 0–51. " +
    "Active when ≥ 2, inactive below. ITAS-A (graded ESR/CRP) is not implemented: its grading could not be confirmed. " +
    "Components: headlinePoints, subLocationPoints and points per domain.",
  version: "1.0.0",
  inputs: ITAS_INPUTS,
  validate,
  compute: itas2010,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 51 },
  decimals: 0,
  bands: cutBands(
    [
      ["inactive", "Inactive (ITAS2010 < 2)"],
      ["active", "Active (ITAS2010 ≥ 2)"],
    ],
    [{ value: 2, upperInclusive: false }],
  ),
  references: [MISRA_2013, ITAS_SECONDARY],
  examples,
};
