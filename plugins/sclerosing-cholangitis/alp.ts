import { cutBands, numberInput } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";

/** ALP as a multiple of the reporting laboratory's upper limit of normal. */
export function alpTimesUln(inputs: Inputs): number {
  return (inputs.alp as number) / (inputs.alpUln as number);
}

/** The ULN bounds (10–1000 U/L) are those of real laboratories, so ALP (≤ 5000 U/L) is at most 500 × ULN. */
export const ALP_ULN = { min: 10, max: 1_000 };
export const ALP_MAX = 5_000;

export const ALP_PSC: InstrumentDefinition = {
  code: "ALP_PSC",
  name: "Alkaline phosphatase (× ULN)",
  description:
    "Serum alkaline phosphatase as a multiple of the reporting laboratory's upper limit of normal (ALP ÷ ULN), the measure the " +
    "trial-defined ALP endpoints of PSC read. Bands: normal ≤ 1 × ULN (a value equal to the ULN is normal), elevated > 1 × ULN. " +
    "ALP and its ULN are in U/L, as reported at the visit; both can be omitted in recordAssessment to take the visit's stored ALP result and its ULN.",
  version: "1.0.0",
  inputs: [
    numberInput("alp", "Alkaline phosphatase (ALP)", { unit: "U/L", min: 0, max: ALP_MAX, lab: { test: "ALP", as: "value" } }),
    numberInput("alpUln", "ALP upper limit of normal", { unit: "U/L", ...ALP_ULN, lab: { test: "ALP", as: "uln" } }),
  ],
  compute: (inputs) => ({ value: alpTimesUln(inputs), components: { alp: inputs.alp as number, alpUln: inputs.alpUln as number } }),
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: ALP_MAX / ALP_ULN.min },
  decimals: 2,
  bands: cutBands(
    [
      ["normal", "Normal (≤ ULN)"],
      ["elevated", "Elevated (> ULN)"],
    ],
    [{ value: 1, upperInclusive: true }],
  ),
  references: [
    "Goode EC, Clark AB, Mells GF, et al. Factors associated with outcomes of patients with primary sclerosing cholangitis and development and validation of a risk scoring system. Hepatology 2019;69:2120-2135 (ALP expressed as × ULN).",
  ],
  examples: [
    { inputs: { alp: 390, alpUln: 130 }, value: 3, category: "elevated", source: "Hand calculation: 390 / 130 = 3.00 × ULN" },
    { inputs: { alp: 130, alpUln: 130 }, value: 1, category: "normal", source: "Hand calculation: ALP equal to the ULN is 1.00 × ULN, normal (boundary inclusive)" },
    { inputs: { alp: 131, alpUln: 130 }, value: 1.01, category: "elevated", source: "Hand calculation: 131 / 130 = 1.0077 × ULN" },
  ],
};
