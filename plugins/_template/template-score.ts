import { cutBands, defineInstrument, integerInput } from "../../src/plugin-api";

/** Replace with the real instrument: inputs with units and ranges, the formula, bands from the source. */
export const TEMPLATE_SCORE = defineInstrument({
  code: "TEMPLATE_SCORE",
  name: "Template score",
  description: "Sum of two 0–10 items. Describe the formula and every protocol choice here: clients read it.",
  version: "1.0.0",
  inputs: [integerInput("itemA", "Item A", 0, 10), integerInput("itemB", "Item B", 0, 10)],
  // `inputs` is typed from the declarations above: { itemA: number; itemB: number }.
  compute: (inputs) => ({ value: inputs.itemA + inputs.itemB }),
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 20 },
  decimals: 0,
  bands: cutBands(
    [
      ["inactive", "Inactive"],
      ["active", "Active"],
    ],
    [{ value: 4, upperInclusive: false }],
  ),
  references: ["Cite the primary publication of the instrument here."],
  examples: [{ inputs: { itemA: 1, itemB: 2 }, value: 3, category: "inactive", source: "Cite where the worked example is published." }],
});
