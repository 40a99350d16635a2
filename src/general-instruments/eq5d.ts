import { integerInput } from "../plugin-api";
import type { InputDefinition, InstrumentDefinition } from "../plugin-api";

const DIMENSIONS = [
  ["mobility", "Mobility"],
  ["selfCare", "Self-care"],
  ["usualActivities", "Usual activities"],
  ["painDiscomfort", "Pain / discomfort"],
  ["anxietyDepression", "Anxiety / depression"],
] as const;

const dimensionInputs: InputDefinition[] = DIMENSIONS.map(([name, label]) =>
  integerInput(name, label, 1, 5, { description: "1 = no problems … 5 = unable to / extreme problems" }),
);

/**
 * Unlike a ruler-measured VAS, the EQ-5D-5L form asks the respondent to write the number marked on the
 * 0–100 scale in a box, so the recorded value is a whole number (FHIR renderings of the form type it integer).
 */
const eqVas = integerInput("vas", "EQ VAS, health today", 0, 100, {
  description: "The number the respondent wrote in the 'your health today' box: 0 worst – 100 best imaginable health, a whole number.",
});

/**
 * EQ-5D-5L descriptive system and EQ VAS. The score is the EQ VAS; the utility index needs a national
 * value set (licensed per country) and is left to analysis. The profile and level sum are components.
 */
export const EQ5D_5L: InstrumentDefinition = {
  code: "EQ5D_5L",
  name: "EQ-5D-5L",
  description:
    "EuroQol five-dimension, five-level health status with the EQ VAS (0 worst – 100 best imaginable health). " +
    "The score is the EQ VAS; components hold each dimension level, the 5-digit profile and the level sum score (5–25). " +
    "No utility index is computed: it requires a country value set.",
  version: "1.0.0",
  inputs: [...dimensionInputs, eqVas],
  compute: (inputs) => {
    const levels = DIMENSIONS.map(([name]) => inputs[name] as number);
    const components: Record<string, number> = Object.fromEntries(DIMENSIONS.map(([name], i) => [name, levels[i]]));
    components.profile = Number(levels.join(""));
    components.levelSum = levels.reduce((a, b) => a + b, 0);
    return { value: inputs.vas as number, components };
  },
  direction: "HIGHER_IS_BETTER",
  range: { min: 0, max: 100 },
  decimals: 0,
  bands: [],
  references: [
    "Herdman M et al. Development and preliminary testing of the new five-level version of EQ-5D (EQ-5D-5L). Qual Life Res 2011;20:1727-1736.",
  ],
  examples: [
    {
      inputs: { mobility: 1, selfCare: 1, usualActivities: 2, painDiscomfort: 3, anxietyDepression: 1, vas: 70 },
      value: 70,
      source: "EQ-5D-5L user guide: health state 11231 is reported as its profile",
    },
  ],
};
