/**
 * Coefficients of the revised Mayo natural history model for PSC (Kim 2000), in one table so that a
 * clinician's correction is a one-line change. These are the full-precision coefficients of the
 * paper's model (also quoted by medicalalgorithms.com); the abstract rounds them to 0.03, 0.54, 0.54,
 * 1.24 and 0.84, which changes R by less than 0.1 within physiological ranges.
 */
export const MAYO_PSC_WEIGHTS = {
  /** per year of age */
  age: 0.0295,
  /** × ln(total bilirubin in mg/dL) */
  lnBilirubin: 0.5373,
  /** × ln(AST in U/L) */
  lnAst: 0.538,
  /** history of variceal bleeding, 0/1 */
  varicealBleeding: 1.2426,
  /** × albumin in g/dL, subtracted */
  albumin: 0.8389,
} as const;

/** Bilirubin µmol/L per mg/dL (molar mass 584.7 g/mol). */
export const BILIRUBIN_UMOL_PER_MG_DL = 17.1;
/** Albumin g/L per g/dL. */
export const ALBUMIN_G_L_PER_G_DL = 10;
