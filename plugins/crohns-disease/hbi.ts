import { booleanInput, cutBands, integerInput } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { BEST_2006, HARVEY_BRADSHAW_1980, VERMEIRE_2010 } from "./references";

/**
 * Harvey–Bradshaw Index (Harvey & Bradshaw 1980): a one-day simplification of the CDAI. All items rate the
 * previous day; each complication present scores 1.
 */

export const HBI_COMPLICATIONS = [
  booleanInput("arthralgia", "Arthralgia"),
  booleanInput("uveitis", "Uveitis"),
  booleanInput("erythemaNodosum", "Erythema nodosum"),
  booleanInput("aphthousUlcers", "Aphthous ulcers"),
  booleanInput("pyodermaGangrenosum", "Pyoderma gangrenosum"),
  booleanInput("analFissure", "Anal fissure"),
  booleanInput("newFistula", "New fistula"),
  booleanInput("abscess", "Abscess"),
];

const STOOLS_MAX = 30; // a plausibility bound for one day, not part of the index

const inputs = [
  integerInput("generalWellBeing", "General well-being (previous day)", 0, 4, {
    options: [
      { value: 0, label: "Very well" },
      { value: 1, label: "Slightly below par" },
      { value: 2, label: "Poor" },
      { value: 3, label: "Very poor" },
      { value: 4, label: "Terrible" },
    ],
  }),
  integerInput("abdominalPain", "Abdominal pain (previous day)", 0, 3, {
    options: [
      { value: 0, label: "None" },
      { value: 1, label: "Mild" },
      { value: 2, label: "Moderate" },
      { value: 3, label: "Severe" },
    ],
  }),
  integerInput("liquidStools", "Number of liquid stools (previous day)", 0, STOOLS_MAX, {
    description: "Liquid stools on the previous day, 1 point each. Accepted up to 30 as a plausibility bound.",
  }),
  integerInput("abdominalMass", "Abdominal mass", 0, 3, {
    options: [
      { value: 0, label: "None" },
      { value: 1, label: "Dubious" },
      { value: 2, label: "Definite" },
      { value: 3, label: "Definite and tender" },
    ],
    description: "Coded 0–3 (not the 0/2/5 coding of the CDAI mass item).",
  }),
  ...HBI_COMPLICATIONS,
];

export function hbi(raw: Inputs) {
  const complications = HBI_COMPLICATIONS.filter((c) => raw[c.name] === true).length;
  const components = {
    generalWellBeing: raw.generalWellBeing as number,
    abdominalPain: raw.abdominalPain as number,
    liquidStools: raw.liquidStools as number,
    abdominalMass: raw.abdominalMass as number,
    complications,
  };
  return { value: Object.values(components).reduce((sum, term) => sum + term, 0), components };
}

/** Best 2006: < 5 remission, 5–7 mild, 8–16 moderate, > 16 severe (integer score). */
export const HBI_BANDS = cutBands(
  [
    ["remission", "Remission (< 5)"],
    ["mild", "Mild (5–7)"],
    ["moderate", "Moderate (8–16)"],
    ["severe", "Severe (> 16)"],
  ],
  [
    { value: 5, upperInclusive: false },
    { value: 8, upperInclusive: false },
    { value: 16, upperInclusive: true },
  ],
);

export const QUIET_HBI: Inputs = {
  generalWellBeing: 0,
  abdominalPain: 0,
  liquidStools: 0,
  abdominalMass: 0,
  ...Object.fromEntries(HBI_COMPLICATIONS.map((c) => [c.name, false])),
};

export const HBI: InstrumentDefinition = {
  code: "HBI",
  name: "Harvey–Bradshaw Index",
  description:
    "Harvey–Bradshaw Index (1980), items for the previous day: general well-being (0 very well – 4 terrible) + abdominal pain " +
    "(0 none – 3 severe) + number of liquid stools + abdominal mass (0 none, 1 dubious, 2 definite, 3 definite and tender) + " +
    "1 per complication (arthralgia, uveitis, erythema nodosum, aphthous ulcers, pyoderma gangrenosum, anal fissure, new fistula, abscess). " +
    "Bands (Best 2006): < 5 remission, 5–7 mild, 8–16 moderate, > 16 severe.",
  version: "1.0.0",
  inputs,
  compute: hbi,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 4 + 3 + STOOLS_MAX + 3 + HBI_COMPLICATIONS.length },
  decimals: 0,
  bands: HBI_BANDS,
  references: [HARVEY_BRADSHAW_1980, BEST_2006, VERMEIRE_2010],
  examples: [
    {
      inputs: { ...QUIET_HBI, generalWellBeing: 1, abdominalPain: 1, liquidStools: 2 },
      value: 4,
      category: "remission",
      source: "Hand-computed: 1 + 1 + 2 = 4, the highest remission score (Vermeire 2010: HBI ≤ 4 corresponds to CDAI ≤ 150)",
    },
    {
      inputs: { ...QUIET_HBI, generalWellBeing: 2, abdominalPain: 2, liquidStools: 3, abdominalMass: 1, arthralgia: true },
      value: 9,
      category: "moderate",
      source: "Hand-computed: 2 + 2 + 3 + 1 + 1 complication = 9",
    },
    {
      inputs: {
        ...QUIET_HBI,
        generalWellBeing: 3,
        abdominalPain: 3,
        liquidStools: 8,
        abdominalMass: 3,
        uveitis: true,
        newFistula: true,
      },
      value: 19,
      category: "severe",
      source: "Hand-computed: 3 + 3 + 8 + 3 + 2 complications = 19",
    },
  ],
};
