import { cutBands, defineInstrument, integerInput, numberInput } from "../../src/plugin-api";
import type { InputDefinition, InputValues, InstrumentDefinition } from "../../src/plugin-api";

const REFERENCES = [
  "Prevoo MLL, van 't Hof MA, Kuper HH, van Leeuwen MA, van de Putte LBA, van Riel PLCM. Modified disease activity scores that include twenty-eight-joint counts. Development and validation in a prospective longitudinal study of patients with rheumatoid arthritis. Arthritis Rheum 1995;38(1):44-48.",
  "DAS28 alternative validated formulae (3-variable and CRP versions), das-score.nl, Radboud University Nijmegen.",
];

/** CRP forms: the alternative, CRP-specific cut-offs are cited so that the protocol choice can be traced. */
const CRP_REFERENCES = [
  ...REFERENCES,
  "Fleischmann R, van der Heijde D, Koenig AS, Pedersen R, Szumski A, Marshall L, Bananis E. How much does Disease Activity Score in 28 joints ESR and CRP calculations underestimate disease activity compared with the Simplified Disease Activity Index? Ann Rheum Dis 2015;74(6):1132-1137 (CRP-specific cut-offs 2.4 / 2.9 / 4.6, not applied here).",
];

const tjc28 = integerInput("tjc28", "Tender joint count (28 joints)", 0, 28);
const sjc28 = integerInput("sjc28", "Swollen joint count (28 joints)", 0, 28);
const esr = numberInput("esr", "Erythrocyte sedimentation rate", {
  unit: "mm/h",
  min: 1,
  max: 200,
  description: "Westergren ESR. Values below 1 mm/h are not reported by the method and would make ln(ESR) negative.",
});
const crp = numberInput("crp", "C-reactive protein", { unit: "mg/L", min: 0, max: 500, description: "CRP in mg/L (not mg/dL)." });
/** A VAS is continuous: the mark is measured with a ruler, often to half a millimetre (22.5 mm = 2.25 cm for CDAI). */
const patientGlobal = numberInput("patientGlobal", "Patient global assessment of disease activity (VAS)", {
  unit: "mm",
  min: 0,
  max: 100,
  description: "Patient global assessment on a 100 mm visual analogue scale, as measured (fractions of a millimetre accepted, e.g. 22.5).",
});

/**
 * DAS28 activity states (Prevoo 1995; validated for DAS28-ESR). das-score.nl applies the same cut-offs
 * to DAS28-CRP; this plugin does too by default, and says so in each CRP instrument's description.
 */
const BANDS = cutBands(
  [
    ["remission", "Remission"],
    ["low", "Low disease activity"],
    ["moderate", "Moderate disease activity"],
    ["high", "High disease activity"],
  ],
  [
    { value: 2.6, upperInclusive: false },
    { value: 3.2, upperInclusive: true },
    { value: 5.1, upperInclusive: true },
  ],
);

const BAND_NOTE = "Activity states use the DAS28-ESR cut-offs (<2.6 remission, ≤3.2 low, ≤5.1 moderate, >5.1 high).";
const ESR_NOTE = "ESR below 1 mm/h is rejected (ln(ESR) would be negative or undefined); it is not floored to 1.";
const CRP_BAND_NOTE =
  "Protocol choice: activity states use the DAS28-ESR cut-offs (<2.6 remission, ≤3.2 low, ≤5.1 moderate, >5.1 high), as das-score.nl does for " +
  "DAS28-CRP; the CRP-specific cut-offs 2.4 / 2.9 / 4.6 (Fleischmann 2015) are NOT applied. CRP is in mg/L (10 mg/L = 1 mg/dL).";

interface Das28Values {
  tjc28: number;
  sjc28: number;
  esr?: number;
  crp?: number;
  patientGlobal?: number;
}

function jointTerms({ tjc28, sjc28 }: Das28Values) {
  return { tenderJoints: 0.56 * Math.sqrt(tjc28), swollenJoints: 0.28 * Math.sqrt(sjc28) };
}

export function das28Esr(v: Das28Values) {
  const components = { ...jointTerms(v), esr: 0.7 * Math.log(v.esr!), patientGlobal: 0.014 * v.patientGlobal! };
  return { value: components.tenderJoints + components.swollenJoints + components.esr + components.patientGlobal, components };
}

export function das28Crp(v: Das28Values) {
  const components = { ...jointTerms(v), crp: 0.36 * Math.log(v.crp! + 1), patientGlobal: 0.014 * v.patientGlobal!, constant: 0.96 };
  return { value: Object.values(components).reduce((a, b) => a + b, 0), components };
}

export function das28Esr3(v: Das28Values) {
  const components = { ...jointTerms(v), esr: 0.7 * Math.log(v.esr!) };
  return { value: (components.tenderJoints + components.swollenJoints + components.esr) * 1.08 + 0.16, components };
}

export function das28Crp3(v: Das28Values) {
  const components = { ...jointTerms(v), crp: 0.36 * Math.log(v.crp! + 1) };
  return { value: (components.tenderJoints + components.swollenJoints + components.crp) * 1.1 + 1.15, components };
}

function das28<const I extends readonly InputDefinition[]>(
  code: string,
  name: string,
  description: string,
  inputs: I,
  formula: (v: InputValues<I>) => { value: number; components: Record<string, number> },
  lowest: InputValues<I>,
  highest: InputValues<I>,
  examples: InstrumentDefinition["examples"],
  references: string[] = REFERENCES,
): InstrumentDefinition {
  return defineInstrument({
    code,
    name,
    description,
    version: "1.0.0",
    inputs,
    compute: formula,
    direction: "HIGHER_IS_WORSE",
    range: { min: formula(lowest).value, max: formula(highest).value },
    decimals: 2,
    bands: BANDS,
    references,
    examples,
  });
}

const NONE = { tjc28: 0, sjc28: 0, esr: 1, crp: 0, patientGlobal: 0 };
const MOST = { tjc28: 28, sjc28: 28, esr: 200, crp: 500, patientGlobal: 100 };

export const DAS28_ESR = das28(
  "DAS28_ESR",
  "DAS28-ESR",
  `Disease Activity Score in 28 joints with ESR: 0.56·√TJC28 + 0.28·√SJC28 + 0.70·ln(ESR) + 0.014·GH (GH = patient global, VAS 0–100 mm). ${BAND_NOTE} ${ESR_NOTE}`,
  [tjc28, sjc28, esr, patientGlobal],
  das28Esr,
  NONE,
  MOST,
  [
    { inputs: { tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 12 }, value: 4.56, category: "moderate", source: "RheumaComposites.jl test/types/das28.jl (reference value from 4s-dawn.com)" },
    { inputs: { tjc28: 4, sjc28: 5, esr: 7, patientGlobal: 50 }, value: 3.81, category: "moderate", source: "fragla/rheumtools tests/testthat/test-das.R" },
    { inputs: { tjc28: 5, sjc28: 6, esr: 8, patientGlobal: 51 }, value: 4.11, category: "moderate", source: "fragla/rheumtools tests/testthat/test-das.R" },
    { inputs: { tjc28: 0, sjc28: 0, esr: 1, patientGlobal: 0 }, value: 0, category: "remission", source: "Cross-cutting pitfall 1 in the formula reference: all-zero input with ESR 1 gives 0" },
  ],
);

export const DAS28_CRP = das28(
  "DAS28_CRP",
  "DAS28-CRP",
  `Disease Activity Score in 28 joints with CRP (mg/L): 0.56·√TJC28 + 0.28·√SJC28 + 0.36·ln(CRP+1) + 0.014·GH + 0.96 (GH = patient global, VAS 0–100 mm). ${CRP_BAND_NOTE}`,
  [tjc28, sjc28, crp, patientGlobal],
  das28Crp,
  NONE,
  MOST,
  [
    { inputs: { tjc28: 4, sjc28: 5, crp: 44, patientGlobal: 12 }, value: 4.24, category: "moderate", source: "RheumaComposites.jl test/types/das28.jl (reference value from 4s-dawn.com)" },
    { inputs: { tjc28: 4, sjc28: 5, crp: 7, patientGlobal: 50 }, value: 4.15, category: "moderate", source: "fragla/rheumtools tests/testthat/test-das.R" },
    { inputs: { tjc28: 5, sjc28: 6, crp: 8, patientGlobal: 51 }, value: 4.4, category: "moderate", source: "fragla/rheumtools tests/testthat/test-das.R" },
    { inputs: { tjc28: 0, sjc28: 0, crp: 0, patientGlobal: 0 }, value: 0.96, category: "remission", source: "Cross-cutting pitfall 1 in the formula reference: all-zero input gives the 0.96 constant" },
  ],
  CRP_REFERENCES,
);

export const DAS28_ESR_3 = das28(
  "DAS28_ESR_3",
  "DAS28-ESR (3 variables)",
  `DAS28-ESR without the patient global: [0.56·√TJC28 + 0.28·√SJC28 + 0.70·ln(ESR)]·1.08 + 0.16. ${BAND_NOTE} ${ESR_NOTE}`,
  [tjc28, sjc28, esr],
  das28Esr3,
  NONE,
  MOST,
  [
    {
      inputs: { tjc28: 0, sjc28: 0, esr: 1 },
      value: 0.16,
      category: "remission",
      source: "das-score.nl DAS28(3) formula: with no tender or swollen joints and ESR 1 (ln 1 = 0) only the constant 0.16 remains (no published worked example was found)",
    },
  ],
);

export const DAS28_CRP_3 = das28(
  "DAS28_CRP_3",
  "DAS28-CRP (3 variables)",
  `DAS28-CRP without the patient global: [0.56·√TJC28 + 0.28·√SJC28 + 0.36·ln(CRP+1)]·1.10 + 1.15. ${CRP_BAND_NOTE}`,
  [tjc28, sjc28, crp],
  das28Crp3,
  NONE,
  MOST,
  [
    {
      inputs: { tjc28: 0, sjc28: 0, crp: 0 },
      value: 1.15,
      category: "remission",
      source: "medicalalgorithms.com DAS28-CRP calculator: minimum score 1.15 for the 3-variable version (all inputs 0)",
    },
  ],
  CRP_REFERENCES,
);

export const DAS28_INSTRUMENTS = [DAS28_ESR, DAS28_CRP, DAS28_ESR_3, DAS28_CRP_3];
