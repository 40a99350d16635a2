import { booleanInput, cutBands, integerInput, numberInput } from "../../src/plugin-api";
import type { FieldProblem, InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { ALBUMIN_G_L_PER_G_DL, BILIRUBIN_UMOL_PER_MG_DL, MAYO_PSC_WEIGHTS as W } from "./mayo-weights";

/**
 * Each of bilirubin and albumin is entered in exactly one of two units, as its own input with its own
 * plausible range (the two ranges are the same quantities): a value can never be read in the wrong
 * unit. The lower bounds keep ln() finite and the score inside its declared range: bilirubin below
 * 0.01 mg/dL (0.171 µmol/L) or AST below 1 U/L is below what any laboratory reports, and 0 breaks the
 * logarithm.
 */
export const BILIRUBIN_MG_DL = { min: 0.01, max: 60 };
export const ALBUMIN_G_DL = { min: 1, max: 7 };
const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function bilirubinMgDl(inputs: Inputs): number {
  return inputs.bilirubinUmolL != null ? (inputs.bilirubinUmolL as number) / BILIRUBIN_UMOL_PER_MG_DL : (inputs.bilirubinMgDl as number);
}

export function albuminGdL(inputs: Inputs): number {
  return inputs.albuminGL != null ? (inputs.albuminGL as number) / ALBUMIN_G_L_PER_G_DL : (inputs.albuminGdL as number);
}

/** Exactly one unit of each: two values could disagree, none cannot be scored. */
function validate(inputs: Inputs): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [si, conventional, what] of [["bilirubinUmolL", "bilirubinMgDl", "total bilirubin"], ["albuminGL", "albuminGdL", "albumin"]] as const) {
    const given = [si, conventional].filter((name) => inputs[name] != null);
    const allowed = `exactly one of ${si}, ${conventional}`;
    const test = si === "bilirubinUmolL" ? "BILI" : "ALB";
    if (given.length === 0) problems.push({ field: si, message: `${what} is required: give ${si} or ${conventional}, or record the visit's ${test} result`, allowed });
    if (given.length === 2) problems.push({ field: conventional, message: `${what} is given twice: give ${si} or ${conventional}, not both`, allowed });
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
    "Bilirubin as bilirubinUmolL (÷ 17.1 to mg/dL) or bilirubinMgDl, albumin as albuminGL (÷ 10 to g/dL) or albuminGdL: exactly one of each, " +
    "each input with the plausible range of its own unit, so a value is never read in the wrong unit. Bilirubin, albumin and AST can be omitted " +
    "in recordAssessment to take the visit's stored BILI, ALB and AST results (catalogue units µmol/L, g/L, U/L: filled into bilirubinUmolL and albuminGL). Bilirubin or AST of 0 is refused (ln). " +
    "Risk groups: low ≤ 0, intermediate > 0 and < 2, high ≥ 2. Survival estimates (baseline survival S0(t)) are not provided.",
  version: "1.0.0",
  inputs: [
    integerInput("age", "Age", 18, 100, { unit: "years", description: "Age at the assessment; the model was derived in adults." }),
    numberInput("bilirubinUmolL", "Total bilirubin (µmol/L)", {
      unit: "µmol/L",
      min: round3(BILIRUBIN_MG_DL.min * BILIRUBIN_UMOL_PER_MG_DL),
      max: round3(BILIRUBIN_MG_DL.max * BILIRUBIN_UMOL_PER_MG_DL),
      optional: true,
      lab: { test: "BILI", as: "value" },
      description: "Give this or bilirubinMgDl (÷ 17.1 to mg/dL).",
    }),
    numberInput("bilirubinMgDl", "Total bilirubin (mg/dL)", { unit: "mg/dL", ...BILIRUBIN_MG_DL, optional: true, lab: { test: "BILI", as: "value" }, description: "Give this or bilirubinUmolL." }),
    numberInput("albuminGL", "Serum albumin (g/L)", {
      unit: "g/L",
      min: ALBUMIN_G_DL.min * ALBUMIN_G_L_PER_G_DL,
      max: ALBUMIN_G_DL.max * ALBUMIN_G_L_PER_G_DL,
      optional: true,
      lab: { test: "ALB", as: "value" },
      description: "Give this or albuminGdL (÷ 10 to g/dL).",
    }),
    numberInput("albuminGdL", "Serum albumin (g/dL)", { unit: "g/dL", ...ALBUMIN_G_DL, optional: true, lab: { test: "ALB", as: "value" }, description: "Give this or albuminGL." }),
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
      inputs: { age: 40, bilirubinMgDl: 1, albuminGdL: 4, ast: 50, varicealBleeding: false },
      // 1.18 + 0 + 0.538·ln 50 (2.10468) − 3.3556 = −0.0709
      value: -0.07,
      category: "low",
      source: "Hand calculation: 0.0295·40 + 0.5373·ln 1 + 0.5380·ln 50 − 0.8389·4 = −0.0709",
    },
    {
      inputs: { age: 55, bilirubinUmolL: 51.3, albuminGL: 32, ast: 120, varicealBleeding: true },
      // bilirubin 3 mg/dL, albumin 3.2 g/dL: 1.6225 + 0.59028 + 2.57566 + 1.2426 − 2.68448 = 3.3466
      value: 3.35,
      category: "high",
      source: "Hand calculation with unit conversion: 51.3 µmol/L = 3 mg/dL, 32 g/L = 3.2 g/dL → 3.3466",
    },
    {
      inputs: { age: 50, bilirubinMgDl: 1.5, albuminGdL: 3.8, ast: 80, varicealBleeding: false },
      // 1.475 + 0.21786 + 2.35753 − 3.18782 = 0.8626
      value: 0.86,
      category: "intermediate",
      source: "Hand calculation: 0.0295·50 + 0.5373·ln 1.5 + 0.5380·ln 80 − 0.8389·3.8 = 0.8626",
    },
  ],
};
