import { booleanInput, codeInput, cutBands, integerInput, numberInput } from "../../src/plugin-api";
import type { FieldProblem, InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { ALBUMIN_G_L_PER_G_DL, BILIRUBIN_UMOL_PER_MG_DL, MAYO_PSC_WEIGHTS as W } from "./mayo-weights";

/**
 * Plausible values, checked after conversion to the model's units. The lower bounds keep ln() finite
 * and the score inside its declared range: bilirubin below 0.01 mg/dL (0.17 µmol/L) or AST below 1 U/L
 * is below what any laboratory reports, and a value of 0 breaks the logarithm.
 */
export const BILIRUBIN_MG_DL = { min: 0.01, max: 60 };
export const ALBUMIN_G_DL = { min: 1, max: 7 };

export function bilirubinMgDl(inputs: Inputs): number {
  const value = inputs.bilirubin as number;
  return inputs.bilirubinUnit === "µmol/L" ? value / BILIRUBIN_UMOL_PER_MG_DL : value;
}

export function albuminGdL(inputs: Inputs): number {
  const value = inputs.albumin as number;
  return inputs.albuminUnit === "g/L" ? value / ALBUMIN_G_L_PER_G_DL : value;
}

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/** Refuses a value implausible in the unit given, naming the expected range in both units: never mixes units silently. */
function validate(inputs: Inputs): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bilirubin = bilirubinMgDl(inputs);
  if (bilirubin < BILIRUBIN_MG_DL.min || bilirubin > BILIRUBIN_MG_DL.max) {
    const allowed = `${BILIRUBIN_MG_DL.min}–${BILIRUBIN_MG_DL.max} mg/dL (${fmt(BILIRUBIN_MG_DL.min * BILIRUBIN_UMOL_PER_MG_DL)}–${fmt(BILIRUBIN_MG_DL.max * BILIRUBIN_UMOL_PER_MG_DL)} µmol/L)`;
    problems.push({ field: "bilirubin", message: `${inputs.bilirubin} ${inputs.bilirubinUnit} is not a plausible total bilirubin: expected ${allowed}; check bilirubinUnit`, allowed });
  }
  const albumin = albuminGdL(inputs);
  if (albumin < ALBUMIN_G_DL.min || albumin > ALBUMIN_G_DL.max) {
    const allowed = `${ALBUMIN_G_DL.min}–${ALBUMIN_G_DL.max} g/dL (${ALBUMIN_G_DL.min * ALBUMIN_G_L_PER_G_DL}–${ALBUMIN_G_DL.max * ALBUMIN_G_L_PER_G_DL} g/L)`;
    problems.push({ field: "albumin", message: `${inputs.albumin} ${inputs.albuminUnit} is not a plausible serum albumin: expected ${allowed}; check albuminUnit`, allowed });
  }
  return problems;
}

/** R = 0.0295·age + 0.5373·ln(bilirubin mg/dL) + 0.5380·ln(AST U/L) + 1.2426·variceal bleeding − 0.8389·albumin g/dL. */
export function mayoRisk(inputs: Inputs) {
  const bilirubin = bilirubinMgDl(inputs);
  const albumin = albuminGdL(inputs);
  const components = {
    bilirubinMgDl: bilirubin,
    albuminGdL: albumin,
    ageTerm: W.age * (inputs.age as number),
    bilirubinTerm: W.lnBilirubin * Math.log(bilirubin),
    astTerm: W.lnAst * Math.log(inputs.ast as number),
    varicealBleedingTerm: inputs.varicealBleeding ? W.varicealBleeding : 0,
    albuminTerm: -W.albumin * albumin,
  };
  const value = components.ageTerm + components.bilirubinTerm + components.astTerm + components.varicealBleedingTerm + components.albuminTerm;
  return { value, components };
}

export const MAYO_PSC: InstrumentDefinition = {
  code: "MAYO_PSC_RISK",
  name: "Revised Mayo risk score for PSC",
  description:
    "Revised Mayo natural history model (Kim 2000) with the full-precision coefficients: R = 0.0295·age + 0.5373·ln(bilirubin mg/dL) + " +
    "0.5380·ln(AST U/L) + 1.2426·(history of variceal bleeding) − 0.8389·albumin (g/dL); the abstract's rounded coefficients differ by < 0.1. " +
    "Bilirubin in mg/dL or µmol/L (÷ 17.1) and albumin in g/dL or g/L (÷ 10), each with its unit given in bilirubinUnit / albuminUnit; " +
    "a value implausible for its unit is refused (never converted by guess). Bilirubin, albumin and AST can be omitted in recordAssessment " +
    "to take the visit's stored BILI, ALB and AST results (stored in µmol/L, g/L and U/L, so no conversion is needed and the unit inputs are filled in). Bilirubin or AST of 0 is refused (ln). " +
    "Risk groups: low ≤ 0, intermediate > 0 and < 2, high ≥ 2. Survival estimates (baseline survival S0(t)) are not provided.",
  version: "1.0.0",
  inputs: [
    integerInput("age", "Age", 18, 100, { unit: "years", description: "Age at the assessment; the model was derived in adults." }),
    numberInput("bilirubin", "Total bilirubin", { unit: "mg/dL or µmol/L (bilirubinUnit)", min: 0, minExclusive: true, max: 1000, lab: { test: "BILI", as: "value", unitInput: "bilirubinUnit" } }),
    codeInput("bilirubinUnit", "Bilirubin unit", [
      { value: "mg/dL", label: "mg/dL" },
      { value: "µmol/L", label: "µmol/L (÷ 17.1 to mg/dL)" },
    ]),
    numberInput("albumin", "Serum albumin", { unit: "g/dL or g/L (albuminUnit)", min: 1, max: 70, lab: { test: "ALB", as: "value", unitInput: "albuminUnit" } }),
    codeInput("albuminUnit", "Albumin unit", [
      { value: "g/dL", label: "g/dL" },
      { value: "g/L", label: "g/L (÷ 10 to g/dL)" },
    ]),
    numberInput("ast", "Aspartate aminotransferase (AST)", { unit: "U/L", min: 1, max: 10_000, lab: { test: "AST", as: "value" } }),
    booleanInput("varicealBleeding", "History of variceal bleeding"),
  ],
  validate,
  compute: mayoRisk,
  direction: "HIGHER_IS_WORSE",
  // Extremes of the accepted inputs: age 18, bilirubin 0.01, AST 1, albumin 7 → −7.82; age 100, bilirubin 60, AST 10 000, bleeding, albumin 1 → 10.51.
  range: { min: -8, max: 11 },
  decimals: 2,
  bands: cutBands(
    [
      ["low", "Low risk"],
      ["intermediate", "Intermediate risk"],
      ["high", "High risk"],
    ],
    [
      { value: 0, upperInclusive: true },
      { value: 2, upperInclusive: false },
    ],
  ),
  references: [
    "Kim WR, Therneau TM, Wiesner RH, et al. A revised natural history model for primary sclerosing cholangitis. Mayo Clin Proc 2000;75:688-694 (formula, coefficients, risk groups).",
  ],
  examples: [
    {
      inputs: { age: 40, bilirubin: 1, bilirubinUnit: "mg/dL", albumin: 4, albuminUnit: "g/dL", ast: 50, varicealBleeding: false },
      // 1.18 + 0 + 0.538·ln 50 (2.10468) − 3.3556 = −0.0709
      value: -0.07,
      category: "low",
      source: "Hand calculation: 0.0295·40 + 0.5373·ln 1 + 0.5380·ln 50 − 0.8389·4 = −0.0709",
    },
    {
      inputs: { age: 55, bilirubin: 51.3, bilirubinUnit: "µmol/L", albumin: 32, albuminUnit: "g/L", ast: 120, varicealBleeding: true },
      // bilirubin 3 mg/dL, albumin 3.2 g/dL: 1.6225 + 0.59028 + 2.57566 + 1.2426 − 2.68448 = 3.3466
      value: 3.35,
      category: "high",
      source: "Hand calculation with unit conversion: 51.3 µmol/L = 3 mg/dL, 32 g/L = 3.2 g/dL → 3.3466",
    },
    {
      inputs: { age: 50, bilirubin: 1.5, bilirubinUnit: "mg/dL", albumin: 3.8, albuminUnit: "g/dL", ast: 80, varicealBleeding: false },
      // 1.475 + 0.21786 + 2.35753 − 3.18782 = 0.8626
      value: 0.86,
      category: "intermediate",
      source: "Hand calculation: 0.0295·50 + 0.5373·ln 1.5 + 0.5380·ln 80 − 0.8389·3.8 = 0.8626",
    },
  ],
};
