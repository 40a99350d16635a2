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
