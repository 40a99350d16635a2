import { booleanInput, codeInput, cutBands, greaterThan, numberInput } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";

/**
 * Points of the simplified diagnostic criteria (Hennes 2008), in one table. Autoantibodies score at
 * most 2 "by addition of all autoantibodies"; the form records the highest finding, which gives the
 * same points whenever a 2-point finding is present (see README: ANA 1:40 with SMA 1:40).
 */
export const HENNES_POINTS = {
  autoantibodies: { none: 0, ana_or_sma_40: 1, ana_or_sma_80_lkm_40_or_sla: 2 } as Record<string, number>,
  /** IgG > ULN → 1; > 1.10 × ULN → 2 (both strict). */
  iggAboveUln: 1,
  iggAbove110Uln: 2,
  histology: { atypical: 0, compatible: 1, typical: 2 } as Record<string, number>,
  noViralHepatitis: 2,
} as const;

export const IGG_HIGH_FACTOR = 1.1;

export function simplifiedScore(inputs: Inputs) {
  const iggTimesUln = (inputs.igg as number) / (inputs.iggUln as number);
  const components = {
    autoantibodies: HENNES_POINTS.autoantibodies[inputs.autoantibodies as string],
    igg: greaterThan(iggTimesUln, IGG_HIGH_FACTOR) ? HENNES_POINTS.iggAbove110Uln : greaterThan(iggTimesUln, 1) ? HENNES_POINTS.iggAboveUln : 0,
    histology: HENNES_POINTS.histology[inputs.histology as string],
    viralHepatitis: inputs.noViralHepatitis ? HENNES_POINTS.noViralHepatitis : 0,
    iggTimesUln,
  };
  return { value: components.autoantibodies + components.igg + components.histology + components.viralHepatitis, components };
}

export const AIH_SIMPLIFIED_SCORE: InstrumentDefinition = {
  code: "AIH_SIMPLIFIED_SCORE",
  name: "Simplified diagnostic criteria for AIH (IAIHG 2008)",
  description:
    "Diagnostic score, not an activity score (Hennes 2008): autoantibodies (ANA or SMA ≥ 1:40 → 1; ANA or SMA ≥ 1:80, LKM ≥ 1:40 or SLA positive → 2; " +
    "at most 2, the form records the highest finding; ANA 1:40 together with SMA 1:40 therefore scores 1, as one table row — whether the two add up to 2 is unconfirmed), IgG (> ULN → 1, > 1.10 × ULN → 2, both strict), histology (compatible → 1, typical → 2; " +
    "evidence of hepatitis is a necessary condition), absence of viral hepatitis → 2. Total 0–8: ≥ 6 probable AIH, ≥ 7 definite AIH. " +
    "IgG and its ULN can be omitted in recordAssessment to take the visit's stored IGG result.",
  version: "1.0.0",
  inputs: [
    codeInput("autoantibodies", "Highest autoantibody finding", [
      { value: "none", label: "ANA and SMA < 1:40, LKM < 1:40, SLA negative (0)" },
      { value: "ana_or_sma_40", label: "ANA or SMA ≥ 1:40 (1)" },
      { value: "ana_or_sma_80_lkm_40_or_sla", label: "ANA or SMA ≥ 1:80, or LKM ≥ 1:40, or SLA positive (2)" },
    ]),
    numberInput("igg", "Immunoglobulin G (IgG)", { unit: "g/L", min: 0, max: 100, lab: { test: "IGG", as: "value" } }),
    numberInput("iggUln", "IgG upper limit of normal", { unit: "g/L", min: 5, max: 50, lab: { test: "IGG", as: "uln" } }),
    codeInput("histology", "Liver histology", [
      { value: "atypical", label: "Atypical (0)" },
      { value: "compatible", label: "Compatible with AIH (1)" },
      { value: "typical", label: "Typical AIH (2)" },
    ]),
    booleanInput("noViralHepatitis", "Absence of viral hepatitis"),
  ],
  compute: simplifiedScore,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 8 },
  decimals: 0,
  bands: cutBands(
    [
      ["not_diagnostic", "Below 6: AIH not supported by the score"],
      ["probable", "Probable AIH"],
      ["definite", "Definite AIH"],
    ],
    [
      { value: 6, upperInclusive: false },
      { value: 7, upperInclusive: false },
    ],
  ),
  references: [
    "Hennes EM, Zeniya M, Czaja AJ, et al. Simplified criteria for the diagnosis of autoimmune hepatitis. Hepatology 2008;48:169-176 (items, points, cut-offs ≥ 6 probable and ≥ 7 definite).",
  ],
  examples: [
    {
      inputs: { autoantibodies: "ana_or_sma_80_lkm_40_or_sla", igg: 20, iggUln: 16, histology: "typical", noViralHepatitis: true },
      value: 8,
      category: "definite",
      source: "Hand calculation: 2 + 2 (IgG 1.25 × ULN) + 2 + 2 = 8",
    },
    {
      inputs: { autoantibodies: "ana_or_sma_40", igg: 17.6, iggUln: 16, histology: "typical", noViralHepatitis: true },
      value: 6,
      category: "probable",
      source: "Hand calculation: 1 + 1 (IgG exactly 1.10 × ULN is not > 1.10) + 2 + 2 = 6",
    },
    {
      inputs: { autoantibodies: "ana_or_sma_40", igg: 16, iggUln: 16, histology: "compatible", noViralHepatitis: true },
      value: 4,
      category: "not_diagnostic",
      source: "Hand calculation: 1 + 0 (IgG equal to the ULN is not > ULN) + 1 + 2 = 4",
    },
    {
      inputs: { autoantibodies: "ana_or_sma_80_lkm_40_or_sla", igg: 17, iggUln: 16, histology: "typical", noViralHepatitis: true },
      value: 7,
      category: "definite",
      source: "Hand calculation: 2 + 1 (IgG 1.0625 × ULN) + 2 + 2 = 7",
    },
  ],
};
