import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "A laboratory test of the catalogue, with the unit its results are stored in." })
export class LabTest {
  @Field({ description: "Test code (CDISC LBTESTCD style), e.g. CRP." })
  code: string;

  @Field()
  label: string;

  @Field({ description: "Standard unit every result of this test is stored in." })
  unit: string;

  @Field(() => Float, { description: "Largest value accepted; results above it are rejected as implausible." })
  maxValue: number;
}

const test = (code: string, label: string, unit: string, maxValue: number): LabTest => Object.assign(new LabTest(), { code, label, unit, maxValue });

/** Tests recorded in immunotherapy trials of autoimmune diseases, with standard units. */
export const LAB_TESTS: LabTest[] = [
  test("CRP", "C-reactive protein", "mg/L", 500),
  test("HSCRP", "High-sensitivity C-reactive protein", "mg/L", 500),
  test("ESR", "Erythrocyte sedimentation rate", "mm/h", 200),
  test("PCT", "Procalcitonin", "ng/mL", 1000),
  test("ALT", "Alanine aminotransferase", "U/L", 10_000),
  test("AST", "Aspartate aminotransferase", "U/L", 10_000),
  test("ALP", "Alkaline phosphatase", "U/L", 5_000),
  test("GGT", "Gamma-glutamyl transferase", "U/L", 5_000),
  test("BILI", "Total bilirubin", "µmol/L", 1_000),
  test("ALB", "Albumin", "g/L", 80),
  test("IGG", "Immunoglobulin G", "g/L", 100),
  test("LDH", "Lactate dehydrogenase", "U/L", 10_000),
  test("HCT", "Haematocrit", "%", 100),
  test("HGB", "Haemoglobin", "g/dL", 25),
  test("WBC", "Leukocytes", "10^9/L", 500),
  test("LYM", "Lymphocytes", "10^9/L", 500),
  test("EOS", "Eosinophils", "10^9/L", 100),
  test("PLAT", "Platelets", "10^9/L", 3_000),
  test("CREAT", "Creatinine", "µmol/L", 3_000),
  test("C3", "Complement C3", "g/L", 10),
  test("C4", "Complement C4", "g/L", 5),
  test("DSDNA", "Anti-double-stranded DNA antibodies", "IU/mL", 10_000),
];

export const LAB_TEST_BY_CODE = new Map(LAB_TESTS.map((t) => [t.code, t]));

/**
 * Other units a plugin input may declare for a catalogue test, as the factor from the catalogue unit:
 * value in `unit` = stored value × factor. Bilirubin 17.1 µmol/L per mg/dL and creatinine 88.4 µmol/L
 * per mg/dL are the conventional factors; the others are powers of ten.
 */
export const LAB_UNIT_FACTORS: Record<string, Record<string, number>> = {
  BILI: { "mg/dL": 1 / 17.1 },
  ALB: { "g/dL": 0.1 },
  IGG: { "mg/dL": 100 },
  CRP: { "mg/dL": 0.1 },
  HSCRP: { "mg/dL": 0.1 },
  CREAT: { "mg/dL": 1 / 88.4 },
  HGB: { "g/L": 10 },
};

/** The factor from the catalogue unit of `testCode` to `unit` (1 for the catalogue unit itself), or undefined when no conversion is known. */
export function labUnitFactor(testCode: string, unit: string | undefined): number | undefined {
  const test = LAB_TEST_BY_CODE.get(testCode);
  if (!test || unit === undefined) return undefined;
  if (unit === test.unit) return 1;
  return LAB_UNIT_FACTORS[testCode]?.[unit];
}
