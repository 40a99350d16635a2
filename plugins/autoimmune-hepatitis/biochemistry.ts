import { atMost, cutBands, numberInput } from "../../src/plugin-api";
import type { FieldProblem, InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { ULN_IS_NORMAL } from "./protocol";

/**
 * Declared bounds: ULNs within those of real laboratories, so every accepted combination is a finite
 * multiple of the ULN (ALT, AST ≤ 1000 × ULN; IgG ≤ 20 × ULN) without a cross-field rule.
 */
export const TRANSAMINASE = { max: 10_000, ulnMin: 10, ulnMax: 1_000 };
export const IGG = { max: 100, ulnMin: 5, ulnMax: 50 };

export const ratio = (inputs: Inputs, name: "alt" | "ast" | "igg"): number | null =>
  inputs[name] == null ? null : (inputs[name] as number) / (inputs[`${name}Uln`] as number);

/** Whether a multiple of the ULN is normal: ≤ 1 (ULN_IS_NORMAL) or < 1, with a 1e-9 tolerance. */
export function isNormal(timesUln: number): boolean {
  return ULN_IS_NORMAL ? atMost(timesUln, 1) : timesUln < 1 - 1e-9;
}

function validate(inputs: Inputs): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if ((inputs.igg == null) !== (inputs.iggUln == null)) {
    const missing = inputs.igg == null ? "igg" : "iggUln";
    problems.push({ field: missing, message: `${missing} is required when ${missing === "igg" ? "iggUln" : "igg"} is given: IgG is read as a multiple of its ULN` });
  }
  return problems;
}

export const AIH_BIOCHEMISTRY: InstrumentDefinition = {
  code: "AIH_BIOCHEMISTRY",
  name: "AIH biochemistry: transaminases and IgG (× ULN)",
  description:
    "ALT, AST and IgG with the reporting laboratory's upper limits of normal, the values the IAIHG 2022 response criteria read. " +
    "The score is ALT ÷ ULN; components give ALT, AST and IgG × ULN. Bands: normal ≤ 1 × ULN (a value equal to the ULN counts as normal), " +
    "elevated > 1 × ULN. Every value can be omitted in recordAssessment to take the visit's stored ALT, AST and IGG results and their ULNs; " +
    "IgG is optional (needed for complete biochemical response), and IgG and its ULN are given together.",
  version: "1.0.0",
  inputs: [
    numberInput("alt", "Alanine aminotransferase (ALT)", { unit: "U/L", min: 0, max: TRANSAMINASE.max, lab: { test: "ALT", as: "value" } }),
    numberInput("altUln", "ALT upper limit of normal", { unit: "U/L", min: TRANSAMINASE.ulnMin, max: TRANSAMINASE.ulnMax, lab: { test: "ALT", as: "uln" } }),
    numberInput("ast", "Aspartate aminotransferase (AST)", { unit: "U/L", min: 0, max: TRANSAMINASE.max, lab: { test: "AST", as: "value" } }),
    numberInput("astUln", "AST upper limit of normal", { unit: "U/L", min: TRANSAMINASE.ulnMin, max: TRANSAMINASE.ulnMax, lab: { test: "AST", as: "uln" } }),
    numberInput("igg", "Immunoglobulin G (IgG)", { unit: "g/L", min: 0, max: IGG.max, optional: true, lab: { test: "IGG", as: "value" } }),
    numberInput("iggUln", "IgG upper limit of normal", { unit: "g/L", min: IGG.ulnMin, max: IGG.ulnMax, optional: true, lab: { test: "IGG", as: "uln" } }),
  ],
  validate,
  compute: (inputs) => {
    const components: Record<string, number> = { altTimesUln: ratio(inputs, "alt")!, astTimesUln: ratio(inputs, "ast")! };
    const igg = ratio(inputs, "igg");
    if (igg !== null) components.iggTimesUln = igg;
    return { value: components.altTimesUln, components };
  },
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: TRANSAMINASE.max / TRANSAMINASE.ulnMin },
  decimals: 2,
  bands: cutBands(
    [
      ["normal", "Normal (≤ ULN)"],
      ["elevated", "Elevated (> ULN)"],
    ],
    [{ value: 1, upperInclusive: ULN_IS_NORMAL }],
  ),
  references: [
    "Pape S, Snijders RJALM, Gevers TJG, et al. Systematic review of response criteria and endpoints in autoimmune hepatitis by the International Autoimmune Hepatitis Group. J Hepatol 2022;76:841-849 (biochemical response read from transaminases and IgG against the ULN).",
  ],
  examples: [
    { inputs: { alt: 120, altUln: 40, ast: 90, astUln: 40, igg: 22, iggUln: 16 }, value: 3, category: "elevated", source: "Hand calculation: ALT 120 / 40 = 3.00 × ULN" },
    { inputs: { alt: 40, altUln: 40, ast: 30, astUln: 40 }, value: 1, category: "normal", source: "Hand calculation: ALT equal to the ULN is 1.00 × ULN, normal (= ULN counts as normal)" },
    { inputs: { alt: 41, altUln: 40, ast: 30, astUln: 40 }, value: 1.03, category: "elevated", source: "Hand calculation: ALT 41 / 40 = 1.025 × ULN" },
  ],
};
