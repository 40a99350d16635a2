import { cutBands, defineInstrument, lessThan, numberInput } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { morningStiffnessDuration, patientGlobal, peripheralPain, scale } from "./items";

export const ASDAS_REFERENCES = [
  "Lukas C, Landewé R, Sieper J, et al. Development of an ASAS-endorsed disease activity score (ASDAS) in patients with ankylosing spondylitis. Ann Rheum Dis 2009;68:18-24.",
  "van der Heijde D, Lie E, Kvien TK, et al. ASDAS, a highly discriminatory ASAS-endorsed disease activity score in patients with ankylosing spondylitis. Ann Rheum Dis 2009;68:1811-1818.",
  "Machado P, Landewé R, Lie E, et al. Ankylosing Spondylitis Disease Activity Score (ASDAS): defining cut-off values for disease activity states and improvement scores. Ann Rheum Dis 2011;70:47-53.",
  "Machado PM, Landewé R, van der Heijde D. Ankylosing Spondylitis Disease Activity Score (ASDAS): 2018 update of the nomenclature for disease activity states. Ann Rheum Dis 2018;77:1539-1540.",
  "Sieper J, Rudwaleit M, Baraliakos X, et al. The Assessment of SpondyloArthritis international Society (ASAS) handbook: a guide to assess spondyloarthritis. Ann Rheum Dis 2009;68 Suppl 2:ii1-ii44.",
];

const CRP_FLOOR_REFERENCE =
  "Machado P, Navarro-Compán V, Landewé R, et al. Calculating the ankylosing spondylitis disease activity score if the conventional C-reactive protein level is below the limit of detection or if high-sensitivity C-reactive protein is used: an analysis in the DESIR cohort. Arthritis Rheumatol 2015;67:408-413.";

/** CRP below 2 mg/L (or below the detection limit) is replaced by 2 mg/L, so ASDAS-CRP never falls below 0.579·ln 3 ≈ 0.636. */
export const CRP_FLOOR_MG_L = 2;

/**
 * The 3-decimal coefficients of the ARD 2009 papers. The ASAS online form rounds them to 2 decimals;
 * the two sets differ by < 0.05, and mixing them would shift scores at the cut-offs, so only this set is used.
 */
const CRP_WEIGHTS = { backPain: 0.121, morningStiffnessDuration: 0.058, patientGlobal: 0.11, peripheralPain: 0.073, crp: 0.579 };
const ESR_WEIGHTS = { backPain: 0.079, morningStiffnessDuration: 0.069, patientGlobal: 0.113, peripheralPain: 0.086, esr: 0.293 };

export interface AsdasValues {
  backPain: number;
  morningStiffnessDuration: number;
  patientGlobal: number;
  peripheralPain: number;
  crp?: number;
  esr?: number;
}

function patientTerms(v: AsdasValues, w: typeof CRP_WEIGHTS | typeof ESR_WEIGHTS) {
  return {
    backPain: w.backPain * v.backPain,
    morningStiffnessDuration: w.morningStiffnessDuration * v.morningStiffnessDuration,
    patientGlobal: w.patientGlobal * v.patientGlobal,
    peripheralPain: w.peripheralPain * v.peripheralPain,
  };
}

const sum = (terms: Record<string, number>) => Object.values(terms).reduce((a, b) => a + b, 0);

/** ASDAS-CRP = 0.121·back pain + 0.058·stiffness duration + 0.110·patient global + 0.073·peripheral pain + 0.579·ln(CRP + 1), CRP in mg/L floored at 2. */
export function asdasCrp(v: AsdasValues) {
  const crpEntered = v.crp!;
  const crpUsed = lessThan(crpEntered, CRP_FLOOR_MG_L) ? CRP_FLOOR_MG_L : crpEntered;
  const terms = { ...patientTerms(v, CRP_WEIGHTS), crp: CRP_WEIGHTS.crp * Math.log(crpUsed + 1) };
  return { value: sum(terms), components: { ...terms, crpEntered, crpUsed, crpFloorApplied: crpUsed === crpEntered ? 0 : 1 } };
}

/** ASDAS-ESR = 0.079·back pain + 0.069·stiffness duration + 0.113·patient global + 0.086·peripheral pain + 0.293·√ESR; no floor. */
export function asdasEsr(v: AsdasValues) {
  const terms = { ...patientTerms(v, ESR_WEIGHTS), esr: ESR_WEIGHTS.esr * Math.sqrt(v.esr!) };
  return { value: sum(terms), components: terms };
}

/**
 * Disease activity states (Machado 2011, names of 2018): inactive < 1.3 ≤ low < 2.1 ≤ high ≤ 3.5 < very high.
 * Note 3.5 itself is high, while 1.3 and 2.1 belong to the upper state.
 */
export const ASDAS_BANDS = cutBands(
  [
    ["inactive", "Inactive disease (< 1.3)"],
    ["low", "Low disease activity (≥ 1.3 and < 2.1; 'moderate' before 2018)"],
    ["high", "High disease activity (≥ 2.1 and ≤ 3.5)"],
    ["very_high", "Very high disease activity (> 3.5)"],
  ],
  [
    { value: 1.3, upperInclusive: false },
    { value: 2.1, upperInclusive: false },
    { value: 3.5, upperInclusive: true },
  ],
);

const BAND_NOTE =
  "States (Machado 2011, 2018 names): inactive < 1.3, low ≥ 1.3 and < 2.1, high ≥ 2.1 and ≤ 3.5, very_high > 3.5, " +
  "applied to the unrounded score with a 1e-9 tolerance.";
const COEFFICIENT_NOTE = "Uses the 3-decimal coefficients of Lukas 2009 / van der Heijde 2009 (ARD), not the rounded 2-decimal set of the ASAS online form.";

const backPain = scale("backPain", "Back pain (BASDAI question 2)", "Overall level of AS neck, back or hip pain. 0 = none, 10 = very severe.");
const crp = numberInput("crp", "C-reactive protein", {
  unit: "mg/L",
  min: 0,
  max: 500,
  description: "CRP in mg/L (not mg/dL). Values below 2 mg/L, including 'below detection limit' entered as 0, are scored as 2 mg/L.",
});
const esr = numberInput("esr", "Erythrocyte sedimentation rate", { unit: "mm/h", min: 0, max: 200, description: "Westergren ESR in mm/h. No floor is applied." });

const NONE = { backPain: 0, morningStiffnessDuration: 0, patientGlobal: 0, peripheralPain: 0, crp: 0, esr: 0 };
const MOST = { backPain: 10, morningStiffnessDuration: 10, patientGlobal: 10, peripheralPain: 10, crp: 500, esr: 200 };

function asdas(
  code: string,
  name: string,
  description: string,
  laboratory: typeof crp | typeof esr,
  formula: (v: AsdasValues) => { value: number; components: Record<string, number> },
  references: string[],
  examples: InstrumentDefinition["examples"],
): InstrumentDefinition {
  return defineInstrument({
    code,
    name,
    description,
    version: "1.0.0",
    inputs: [backPain, morningStiffnessDuration, patientGlobal, peripheralPain, laboratory],
    compute: formula,
    direction: "HIGHER_IS_WORSE",
    range: { min: formula(NONE).value, max: formula(MOST).value },
    decimals: 2,
    bands: ASDAS_BANDS,
    references,
    examples,
  });
}

/** Inputs in the order of the formula: back pain, stiffness duration, patient global, peripheral pain, then CRP or ESR. */
export function asdasInputs(back: number, duration: number, global: number, peripheral: number, lab: { crp: number } | { esr: number }): Inputs {
  return { backPain: back, morningStiffnessDuration: duration, patientGlobal: global, peripheralPain: peripheral, ...lab };
}

const byHand = "Hand calculation with the ARD 2009 coefficients";

export const ASDAS_CRP = asdas(
  "ASDAS_CRP",
  "ASDAS-CRP",
  "Ankylosing Spondylitis Disease Activity Score with CRP: 0.121·back pain + 0.058·duration of morning stiffness + " +
    "0.110·patient global + 0.073·peripheral pain/swelling + 0.579·ln(CRP + 1), CRP in mg/L; items 0–10. " +
    `CRP below 2 mg/L is replaced by 2 mg/L (ASAS; Machado 2015), so the score is never below 0.636; components show crpEntered and crpUsed. ${COEFFICIENT_NOTE} ${BAND_NOTE}`,
  crp,
  asdasCrp,
  [...ASDAS_REFERENCES, CRP_FLOOR_REFERENCE],
  [
    {
      inputs: asdasInputs(6, 5, 6, 4, { crp: 10 }),
      value: 3.36,
      category: "high",
      source: `${byHand}: 0.726 + 0.290 + 0.660 + 0.292 + 0.579·ln 11 (1.3884) = 3.3564`,
    },
    {
      inputs: asdasInputs(0, 0, 10, 0, { crp: 2 }),
      value: 1.74,
      category: "low",
      source: `${byHand}: patient global alone, 1.100 + 0.579·ln 3 (0.6361) = 1.7361 (swapped global/peripheral weights give 1.37)`,
    },
    {
      inputs: asdasInputs(0, 0, 0, 10, { crp: 2 }),
      value: 1.37,
      category: "low",
      source: `${byHand}: peripheral pain alone, 0.730 + 0.6361 = 1.3661 (swapped weights give 1.74)`,
    },
    {
      inputs: asdasInputs(0, 0, 0, 0, { crp: 0.5 }),
      value: 0.64,
      category: "inactive",
      source: `${byHand}: CRP 0.5 mg/L is floored to 2, 0.579·ln 3 = 0.6361 (without the floor: 0.579·ln 1.5 = 0.23)`,
    },
  ],
);

export const ASDAS_ESR = asdas(
  "ASDAS_ESR",
  "ASDAS-ESR",
  "Ankylosing Spondylitis Disease Activity Score with ESR: 0.079·back pain + 0.069·duration of morning stiffness + " +
    "0.113·patient global + 0.086·peripheral pain/swelling + 0.293·√ESR, ESR in mm/h; items 0–10. No ESR floor. " +
    `ASAS prefers ASDAS-CRP. ${COEFFICIENT_NOTE} ${BAND_NOTE}`,
  esr,
  asdasEsr,
  ASDAS_REFERENCES,
  [
    {
      inputs: asdasInputs(6, 5, 6, 4, { esr: 25 }),
      value: 3.31,
      category: "high",
      source: `${byHand}: 0.474 + 0.345 + 0.678 + 0.344 + 0.293·5 (1.465) = 3.306`,
    },
    { inputs: asdasInputs(0, 9, 6, 0, { esr: 0 }), value: 1.299, precision: 3, category: "inactive", source: `${byHand}: 0.621 + 0.678 = 1.299, just below 1.3` },
    {
      inputs: asdasInputs(1, 0, 7, 5, { esr: 0 }),
      value: 1.3,
      precision: 3,
      category: "low",
      source: `${byHand}: 0.079 + 0.791 + 0.430 = 1.300 exactly (1.2999999999999998 in doubles); 1.3 is low`,
    },
    { inputs: asdasInputs(0, 1, 5, 0, { esr: 25 }), value: 2.099, precision: 3, category: "low", source: `${byHand}: 0.069 + 0.565 + 1.465 = 2.099` },
    {
      inputs: asdasInputs(0, 9, 7, 8, { esr: 0 }),
      value: 2.1,
      precision: 3,
      category: "high",
      source: `${byHand}: 0.621 + 0.791 + 0.688 = 2.100 exactly (2.0999999999999996 in doubles); 2.1 is high`,
    },
    {
      inputs: asdasInputs(0, 0, 2, 4, { esr: 100 }),
      value: 3.5,
      precision: 3,
      category: "high",
      source: `${byHand}: 0.226 + 0.344 + 2.930 = 3.500 exactly (3.4999999999999996 in doubles); 3.5 is still high`,
    },
    { inputs: asdasInputs(0, 2, 4, 10, { esr: 49 }), value: 3.501, precision: 3, category: "very_high", source: `${byHand}: 0.138 + 0.452 + 0.860 + 2.051 = 3.501` },
  ],
);

export const ASDAS_INSTRUMENTS = [ASDAS_CRP, ASDAS_ESR];
