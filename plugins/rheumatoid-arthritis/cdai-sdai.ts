import { cutBands, defineInstrument, integerInput, numberInput } from "../../src/plugin-api";
import type { InputDefinition, InputValues, InstrumentDefinition } from "../../src/plugin-api";

/**
 * CDAI (RA) and SDAI: simple sums of the 28-joint counts, the patient and evaluator globals in
 * CENTIMETRES (0–10, not the 0–100 mm of DAS28) and, for SDAI, CRP in mg/dL (not the mg/L of DAS28).
 * The inputs carry the unit in their names (`patientGlobalCm`, `crpMgDl`) so that DAS28 inputs cannot
 * be copied across unconverted.
 */

export const ALETAHA_SMOLEN_2005 =
  "Aletaha D, Smolen JS. The Simplified Disease Activity Index (SDAI) and the Clinical Disease Activity Index (CDAI): a review of their usefulness and validity in rheumatoid arthritis. Clin Exp Rheumatol 2005;23(5 Suppl 39):S100-S108.";
const ALETAHA_2005_CDAI =
  "Aletaha D, Nell VPK, Stamm T, Uffmann M, Pflugbeil S, Machold K, Smolen JS. Acute phase reactants add little to composite disease activity indices for rheumatoid arthritis: validation of a clinical activity score. Arthritis Res Ther 2005;7(4):R796-R806.";
const SMOLEN_2003 =
  "Smolen JS, Breedveld FC, Schiff MH, Kalden JR, Emery P, Eberl G, van Riel PL, Tugwell P. A simplified disease activity index for rheumatoid arthritis for use in clinical practice. Rheumatology (Oxford) 2003;42(2):244-257.";

export const tjc28 = integerInput("tjc28", "Tender joint count (28 joints)", 0, 28);
export const sjc28 = integerInput("sjc28", "Swollen joint count (28 joints)", 0, 28);
export const patientGlobalCm = numberInput("patientGlobalCm", "Patient global assessment of disease activity (VAS, cm)", {
  unit: "cm",
  min: 0,
  max: 10,
  description: "Patient global assessment on a 0–10 cm scale (a 100 mm VAS reading divided by 10). DAS28 takes the same assessment in mm (0–100).",
});
const physicianGlobalCm = numberInput("physicianGlobalCm", "Evaluator (physician) global assessment of disease activity (VAS, cm)", {
  unit: "cm",
  min: 0,
  max: 10,
  description: "Evaluator global assessment on a 0–10 cm scale.",
});
export const crpMgDl = numberInput("crpMgDl", "C-reactive protein (mg/dL)", {
  unit: "mg/dL",
  min: 0,
  max: 50,
  description: "CRP in mg/dL, NOT mg/L: divide a mg/L result by 10 (7 mg/L = 0.7 mg/dL). DAS28-CRP takes CRP in mg/L.",
});

interface Values {
  tjc28: number;
  sjc28: number;
  patientGlobalCm: number;
  physicianGlobalCm: number;
  crpMgDl?: number;
}

export function cdai(v: Values) {
  const components = { tjc28: v.tjc28, sjc28: v.sjc28, patientGlobal: v.patientGlobalCm, physicianGlobal: v.physicianGlobalCm };
  return { value: v.tjc28 + v.sjc28 + v.patientGlobalCm + v.physicianGlobalCm, components };
}

export function sdai(v: Values) {
  const base = cdai(v);
  return { value: base.value + v.crpMgDl!, components: { ...base.components, crp: v.crpMgDl! } };
}

const STATES: Array<[string, string]> = [
  ["remission", "Remission"],
  ["low", "Low disease activity"],
  ["moderate", "Moderate disease activity"],
  ["high", "High disease activity"],
];

/** CDAI: remission ≤ 2.8, low ≤ 10, moderate ≤ 22, high > 22 (remission is "≤" here, "<" for DAS28). */
export const CDAI_BANDS = cutBands(STATES, [
  { value: 2.8, upperInclusive: true },
  { value: 10, upperInclusive: true },
  { value: 22, upperInclusive: true },
]);

/** SDAI: remission ≤ 3.3, low ≤ 11, moderate ≤ 26, high > 26. */
export const SDAI_BANDS = cutBands(STATES, [
  { value: 3.3, upperInclusive: true },
  { value: 11, upperInclusive: true },
  { value: 26, upperInclusive: true },
]);

function instrument<const I extends readonly InputDefinition[]>(
  code: string,
  name: string,
  description: string,
  inputs: I,
  formula: (v: InputValues<I>) => { value: number; components: Record<string, number> },
  max: number,
  bands: InstrumentDefinition["bands"],
  references: string[],
  examples: InstrumentDefinition["examples"],
): InstrumentDefinition {
  return defineInstrument({
    code,
    name,
    description,
    version: "1.0.0",
    inputs,
    compute: formula,
    direction: "HIGHER_IS_WORSE",
    range: { min: 0, max },
    // 2 decimals so that the printed score never contradicts its band for inputs given to 0.01
    // (2.81 prints as 2.81, "low", rather than as 2.8 next to "low").
    decimals: 2,
    bands,
    references,
    examples,
  });
}

export const CDAI_RA = instrument(
  "CDAI_RA",
  "CDAI (Clinical Disease Activity Index, rheumatoid arthritis)",
  "RA Clinical Disease Activity Index (not the Crohn's Disease Activity Index): TJC28 + SJC28 + patient global (0–10 cm) + " +
    "evaluator global (0–10 cm), range 0–76. Globals are in cm, not the mm used by DAS28. " +
    "States: remission ≤ 2.8, low ≤ 10, moderate ≤ 22, high > 22 (remission boundary inclusive, unlike DAS28's < 2.6).",
  [tjc28, sjc28, patientGlobalCm, physicianGlobalCm],
  cdai,
  76,
  CDAI_BANDS,
  [ALETAHA_2005_CDAI, ALETAHA_SMOLEN_2005],
  [
    {
      inputs: { tjc28: 4, sjc28: 5, patientGlobalCm: 5, physicianGlobalCm: 6 },
      value: 20,
      category: "moderate",
      source: "fragla/rheumtools tests/testthat/test-cdai.R: cdai_score(tjc=4, sjc=5, ptgh=5, phgh=6) = 20",
    },
    {
      inputs: { tjc28: 1, sjc28: 0, patientGlobalCm: 1, physicianGlobalCm: 0 },
      value: 2,
      category: "remission",
      source: "simonsteiger/RheumaComposites.jl test/types/cdai.jl: CDAI(tjc=1, sjc=0, pga=1, ega=0) = 2.0, in remission",
    },
    {
      inputs: { tjc28: 3, sjc28: 4, patientGlobalCm: 4, physicianGlobalCm: 4 },
      value: 15,
      category: "moderate",
      source: "simonsteiger/RheumaComposites.jl test/types/cdai.jl: CDAI(tjc=3, sjc=4, pga=4, ega=4) is not in remission (3+4+4+4 = 15, moderate)",
    },
    {
      inputs: { tjc28: 0, sjc28: 1, patientGlobalCm: 1, physicianGlobalCm: 1 },
      value: 3,
      category: "low",
      source: "simonsteiger/RheumaComposites.jl test/types/cdai.jl unit check: globals 10 mm = 1 cm give the same CDAI (0+1+1+1 = 3)",
    },
  ],
);

export const SDAI = instrument(
  "SDAI",
  "SDAI (Simplified Disease Activity Index)",
  "Simplified Disease Activity Index: TJC28 + SJC28 + patient global (0–10 cm) + evaluator global (0–10 cm) + CRP in mg/dL " +
    "(NOT mg/L: 7 mg/L must be entered as 0.7). The conventional range 0–86 assumes CRP ≤ 10 mg/dL; CRP is accepted up to " +
    "50 mg/dL, so the score range is 0–126. States: remission ≤ 3.3, low ≤ 11, moderate ≤ 26, high > 26.",
  [tjc28, sjc28, patientGlobalCm, physicianGlobalCm, crpMgDl],
  sdai,
  126,
  SDAI_BANDS,
  [SMOLEN_2003, ALETAHA_SMOLEN_2005],
  [
    {
      inputs: { tjc28: 4, sjc28: 5, patientGlobalCm: 5, physicianGlobalCm: 6, crpMgDl: 7 },
      value: 27,
      category: "high",
      source: "fragla/rheumtools tests/testthat/test-sdai.R: sdai_score(tjc=4, sjc=5, ptgh=5, phgh=6, crp=7 mg/dL) = 27 (CDAI part 20 + CRP 7)",
    },
    {
      inputs: { tjc28: 4, sjc28: 5, patientGlobalCm: 5, physicianGlobalCm: 6, crpMgDl: 0.7 },
      value: 20.7,
      category: "moderate",
      source: "Formula reference §1: the same rheumtools case with CRP 7 mg/L = 0.7 mg/dL gives 20.7 (rheumtools prints 21 at 0 dp)",
    },
    {
      inputs: { tjc28: 1, sjc28: 0, patientGlobalCm: 1, physicianGlobalCm: 0, crpMgDl: 0.1 },
      value: 2.1,
      category: "remission",
      source: "simonsteiger/RheumaComposites.jl test/types/sdai.jl (reference value from MDCalc SDAI calculator): 2.1, in remission",
    },
    {
      inputs: { tjc28: 5, sjc28: 6, patientGlobalCm: 6, physicianGlobalCm: 7, crpMgDl: 8 },
      value: 32,
      category: "high",
      source: "fragla/rheumtools tests/testthat/test-sdai.R: sdai_score(tjc=5, sjc=6, ptgh=6, phgh=7, crp=8) = 32",
    },
    {
      inputs: { tjc28: 3, sjc28: 4, patientGlobalCm: 4, physicianGlobalCm: 4, crpMgDl: 5 },
      value: 20,
      category: "moderate",
      source: "simonsteiger/RheumaComposites.jl test/types/sdai.jl: SDAI(3, 4, 4 cm, 4 cm, CRP 5 mg/dL) is not in remission (3+4+4+4+5 = 20)",
    },
    {
      inputs: { tjc28: 0, sjc28: 1, patientGlobalCm: 1, physicianGlobalCm: 1, crpMgDl: 1 },
      value: 4,
      category: "low",
      source: "simonsteiger/RheumaComposites.jl test/types/sdai.jl unit check: CRP 1 mg/dL = 10 mg/L and globals 10 mm = 1 cm (0+1+1+1+1 = 4)",
    },
  ],
);

export const CDAI_SDAI_INSTRUMENTS = [CDAI_RA, SDAI];
