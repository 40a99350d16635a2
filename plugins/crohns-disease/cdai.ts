import { booleanInput, codeInput, cutBands, defineInstrument, integerInput, numberInput } from "../../src/plugin-api";
import type { FieldProblem, InputValues, Inputs } from "../../src/plugin-api";
import { CDAI_HAEMATOCRIT_REFERENCE, CDAI_WEIGHTS, CDAI_WEIGHT_TERM_FLOOR } from "./cdai-weights";
import { BEST_1976, SANDBORN_2002 } from "./references";

/**
 * Crohn's Disease Activity Index (Best 1976). Code CDAI_CROHNS: "CDAI" alone also names the RA Clinical
 * Disease Activity Index (CDAI_RA). The three diary items are entered as 7-day SUMS, the haematocrit in %
 * (not the SI fraction L/L), weight and standard weight in kg.
 */

export const CDAI_COMPLICATIONS = [
  booleanInput("arthritisArthralgia", "Arthritis or arthralgia"),
  booleanInput("iritisUveitis", "Iritis or uveitis"),
  booleanInput("skinOrMouthLesions", "Erythema nodosum, pyoderma gangrenosum or aphthous stomatitis"),
  booleanInput("analFissureFistulaAbscess", "Anal fissure, fistula or abscess"),
  booleanInput("otherFistula", "Other fistula"),
  booleanInput("feverAbove378", "Fever over 37.8 °C (100 °F) during the past week"),
];

/** Accepted weight/standard-weight ratio: outside it the two weights are almost surely in different units. */
export const WEIGHT_RATIO_LIMITS = { min: 0.5, max: 2 };

const HAEMATOCRIT = { min: 10, max: 70 };
const STOOLS_MAX = 210; // 30 liquid or very soft stools a day for 7 days: a plausibility bound, not part of the index

const inputs = [
  integerInput("liquidStools7Days", "Number of liquid or very soft stools, summed over the 7 diary days", 0, STOOLS_MAX, {
    description: "Sum of the daily counts of the past 7 days (not a daily average). Accepted up to 210 (30 a day) as a plausibility bound.",
  }),
  integerInput("abdominalPain7Days", "Abdominal pain ratings, summed over the 7 diary days", 0, 21, {
    description: "Sum of 7 daily ratings: 0 none, 1 mild, 2 moderate, 3 severe.",
  }),
  integerInput("wellBeing7Days", "General well-being ratings, summed over the 7 diary days", 0, 28, {
    description: "Sum of 7 daily ratings: 0 generally well, 1 slightly under par, 2 poor, 3 very poor, 4 terrible.",
  }),
  ...CDAI_COMPLICATIONS,
  booleanInput("antidiarrhoeal", "Taking Lomotil (diphenoxylate) or opiates for diarrhoea"),
  integerInput("abdominalMass", "Abdominal mass", 0, 5, {
    options: [
      { value: 0, label: "None" },
      { value: 2, label: "Questionable" },
      { value: 5, label: "Definite" },
    ],
    description: "Coded 0 none, 2 questionable, 5 definite (Best 1976); 1, 3 and 4 are not codes of this item.",
  }),
  codeInput("sex", "Sex (selects the haematocrit reference: 47 % male, 42 % female)", [
    { value: "MALE", label: "Male" },
    { value: "FEMALE", label: "Female" },
  ]),
  numberInput("haematocritPercent", "Haematocrit (%)", {
    unit: "%",
    min: HAEMATOCRIT.min,
    max: HAEMATOCRIT.max,
    description: "Haematocrit in percent (42, not the SI fraction 0.42 L/L: multiply a fraction by 100). Values outside 10–70 % are refused.",
  }),
  numberInput("weightKg", "Body weight (kg)", {
    unit: "kg",
    min: 20,
    max: 250,
    description: "Current body weight in kg (divide pounds by 2.2046). Must be in the same unit as the standard weight.",
  }),
  numberInput("standardWeightKg", "Standard weight (kg)", {
    unit: "kg",
    min: 30,
    max: 150,
    description:
      "Standard weight for the patient's sex and height in kg, from the protocol's height-weight table (Keys' approximation: 22.1·h² for men, 20.8·h² for women, h in metres).",
  }),
];

type CdaiValues = InputValues<typeof inputs>;

/** 100 × (1 − weight/standard weight): percent below standard weight, with the −10 floor convention. */
export function weightTerm(weightKg: number, standardWeightKg: number): number {
  const below = 100 * (1 - weightKg / standardWeightKg);
  return CDAI_WEIGHT_TERM_FLOOR === null ? below : Math.max(CDAI_WEIGHT_TERM_FLOOR, below);
}

export function cdai(v: CdaiValues) {
  const w = CDAI_WEIGHTS;
  const complications = CDAI_COMPLICATIONS.filter((c) => v[c.name]).length;
  const components = {
    liquidStools: w.liquidStools * v.liquidStools7Days,
    abdominalPain: w.abdominalPain * v.abdominalPain7Days,
    wellBeing: w.wellBeing * v.wellBeing7Days,
    complications: w.complication * complications,
    antidiarrhoeal: v.antidiarrhoeal ? w.antidiarrhoeal : 0,
    abdominalMass: w.abdominalMass * v.abdominalMass,
    // Signed on purpose: a haematocrit above the sex reference subtracts (no floor in Best 1976).
    haematocrit: w.haematocrit * (CDAI_HAEMATOCRIT_REFERENCE[v.sex] - v.haematocritPercent),
    weight: w.weight * weightTerm(v.weightKg, v.standardWeightKg),
  };
  const value = Object.values(components).reduce((sum, term) => sum + term, 0);
  return { value, components: { ...components, complicationCount: complications } };
}

function validate(v: CdaiValues): FieldProblem[] {
  const ratio = v.weightKg / v.standardWeightKg;
  if (ratio >= WEIGHT_RATIO_LIMITS.min && ratio <= WEIGHT_RATIO_LIMITS.max) return [];
  const percent = Math.round(ratio * 100);
  return [
    {
      field: "weightKg",
      message:
        `weightKg is ${percent}% of standardWeightKg: both must be in kg (a weight in lb against a standard weight in kg, or the reverse, ` +
        `gives about 220% or 45%); accepted ratio ${WEIGHT_RATIO_LIMITS.min}–${WEIGHT_RATIO_LIMITS.max}`,
      allowed: `a weight in kg between ${WEIGHT_RATIO_LIMITS.min} and ${WEIGHT_RATIO_LIMITS.max} times standardWeightKg`,
    },
  ];
}

/** Best 1976 / Sandborn 2002: < 150 remission; 150–219 mild to moderate; 220–450 moderate to severe; > 450 severe to fulminant. */
export const CDAI_BANDS = cutBands(
  [
    ["remission", "Remission (CDAI < 150)"],
    ["mild", "Mildly to moderately active (150–219)"],
    ["moderate", "Moderately to severely active (220–450)"],
    ["severe", "Severely active to fulminant (> 450)"],
  ],
  [
    { value: 150, upperInclusive: false },
    { value: 220, upperInclusive: false },
    { value: 450, upperInclusive: true },
  ],
);

const w = CDAI_WEIGHTS;
const floor = CDAI_WEIGHT_TERM_FLOOR ?? 100 * (1 - WEIGHT_RATIO_LIMITS.max);
/** Theoretical range given the accepted inputs. */
export const CDAI_RANGE = {
  min: w.haematocrit * (CDAI_HAEMATOCRIT_REFERENCE.FEMALE - HAEMATOCRIT.max) + w.weight * floor,
  max:
    w.liquidStools * STOOLS_MAX +
    w.abdominalPain * 21 +
    w.wellBeing * 28 +
    w.complication * 6 +
    w.antidiarrhoeal +
    w.abdominalMass * 5 +
    w.haematocrit * (CDAI_HAEMATOCRIT_REFERENCE.MALE - HAEMATOCRIT.min) +
    w.weight * 100 * (1 - WEIGHT_RATIO_LIMITS.min),
};

/** Inputs of a patient with nothing to score: the base the examples and tests vary. */
export const QUIET_CDAI: Inputs = {
  liquidStools7Days: 0,
  abdominalPain7Days: 0,
  wellBeing7Days: 0,
  arthritisArthralgia: false,
  iritisUveitis: false,
  skinOrMouthLesions: false,
  analFissureFistulaAbscess: false,
  otherFistula: false,
  feverAbove378: false,
  antidiarrhoeal: false,
  abdominalMass: 0,
  sex: "MALE",
  haematocritPercent: 47,
  weightKg: 70,
  standardWeightKg: 70,
};

export const CDAI_CROHNS = defineInstrument({
  code: "CDAI_CROHNS",
  name: "CDAI (Crohn's Disease Activity Index)",
  description:
    "PROVISIONAL: the −10 floor of the weight term is a common convention not confirmed from Best 1976, and whether the haematocrit term " +
    "may be negative (kept signed here) is not confirmed either. Crohn's Disease Activity Index (Best 1976; not the RA CDAI_RA): " +
    "2 × liquid/very soft stools summed over 7 days + 5 × abdominal pain ratings (0–3) summed over 7 days + 7 × general well-being " +
    "ratings (0–4) summed over 7 days + 20 × number of complication categories (6) + 30 × Lomotil/opiates for diarrhoea + " +
    "10 × abdominal mass (0/2/5) + 6 × (47 − haematocrit % for males, 42 − haematocrit % for females; negative when above) + " +
    "100 × (1 − weight/standard weight), floored at −10. Haematocrit in % (not L/L), weights in kg; a weight/standard-weight ratio " +
    "outside 0.5–2 is refused as a likely unit mix-up. Total not floored at 0. Bands: < 150 remission, 150–219 mild to moderate, " +
    "220–450 moderate to severe, > 450 severe to fulminant.",
  version: "1.0.0",
  inputs,
  validate,
  compute: cdai,
  direction: "HIGHER_IS_WORSE",
  range: CDAI_RANGE,
  // 2 decimals so that a printed score never contradicts its band (149.96 is remission; 0 decimals would print 150).
  decimals: 2,
  bands: CDAI_BANDS,
  references: [BEST_1976, SANDBORN_2002],
  examples: [
    {
      inputs: {
        ...QUIET_CDAI,
        liquidStools7Days: 4,
        abdominalPain7Days: 1,
        wellBeing7Days: 1,
        arthritisArthralgia: true,
        antidiarrhoeal: true,
        haematocritPercent: 40,
        weightKg: 66.5,
        standardWeightKg: 70,
      },
      value: 117,
      category: "remission",
      source:
        "readycalculator.com CDAI calculator, documented example: 8 + 5 + 7 + 20 + 30 + 0 + 42 + 5 = 117 (component points published; " +
        "raw inputs inferred from them: 4 stools, pain sum 1, well-being sum 1, one complication, antidiarrhoeal, male Hct 40 %, 5 % below standard weight)",
    },
    {
      inputs: { ...QUIET_CDAI, haematocritPercent: 40 },
      value: 42,
      category: "remission",
      source: "Merck Manual CDAI calculator note: a male patient with a haematocrit of 40 % has a deviation of 7 (× 6 = 42 points)",
    },
    {
      inputs: { ...QUIET_CDAI, sex: "MALE", haematocritPercent: 42 },
      value: 30,
      category: "remission",
      source: "scores.md §8 sex pitfall (hand-computed): haematocrit 42 % in a male gives 6 × (47 − 42) = 30",
    },
    {
      inputs: { ...QUIET_CDAI, sex: "FEMALE", haematocritPercent: 42 },
      value: 0,
      category: "remission",
      source: "scores.md §8 sex pitfall (hand-computed): haematocrit 42 % in a female gives 6 × (42 − 42) = 0",
    },
    {
      inputs: {
        ...QUIET_CDAI,
        liquidStools7Days: 35,
        abdominalPain7Days: 14,
        wellBeing7Days: 14,
        arthritisArthralgia: true,
        analFissureFistulaAbscess: true,
        antidiarrhoeal: true,
        abdominalMass: 2,
        sex: "FEMALE",
        haematocritPercent: 36,
        weightKg: 54,
        standardWeightKg: 60,
      },
      value: 374,
      category: "moderate",
      source: "Hand-computed: 70 + 70 + 98 + 40 + 30 + 20 + 6 × (42 − 36) = 36 + 100 × (1 − 54/60) = 10 → 374",
    },
    {
      inputs: { ...QUIET_CDAI, weightKg: 84, standardWeightKg: 70 },
      value: -10,
      category: "remission",
      source: "Hand-computed: 20 % above standard weight gives −20, floored at −10 (weight-term convention)",
    },
  ],
});
