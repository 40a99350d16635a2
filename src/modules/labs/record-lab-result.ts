import { Field, Float, ID, InputType } from "type-graphql";
import type { EntityManager } from "typeorm";
import { InvalidInputError } from "../../errors";
import { Checks } from "../../validation/checks";
import { findVisit } from "../visits/patient-visit";
import type { GuardedRows } from "../records/write-guard";
import { LAB_TESTS, LAB_TEST_BY_CODE } from "./lab-tests";
import type { LabTest } from "./lab-tests";
import { LabResult } from "./lab-result.entity";
import { otherThan } from "../records/other-than";

@InputType()
export class RecordLabResultInput {
  @Field(() => ID)
  visitId: string;

  @Field({ description: "Test code from the lab catalogue, e.g. CRP." })
  testCode: string;

  @Field(() => Float, { nullable: true, description: "In the test's standard unit (see labTests); omit when below the detection limit." })
  value?: number | null;

  @Field(() => Float, { nullable: true })
  referenceLow?: number | null;

  @Field(() => Float, { nullable: true, description: "Upper limit of normal (ULN)." })
  referenceHigh?: number | null;

  @Field({ defaultValue: false })
  belowDetectionLimit: boolean;
}

/** The checks of a lab result's own fields, without the database (the bulk generator runs them too). */
export function labResultChecks(test: LabTest, input: Omit<RecordLabResultInput, "visitId" | "testCode">): Checks {
  const checks = new Checks()
    .number("value", input.value, 0, test.maxValue, test.unit)
    .number("referenceLow", input.referenceLow, 0, test.maxValue, test.unit)
    .number("referenceHigh", input.referenceHigh, 0, test.maxValue, test.unit);
  if (!input.belowDetectionLimit) checks.required("value", input.value, "unless belowDetectionLimit is true");
  else if (input.value != null) checks.add("value", "must be omitted when belowDetectionLimit is true");
  if (input.referenceLow != null && input.referenceHigh != null && input.referenceLow > input.referenceHigh) {
    checks.add("referenceLow", `must not exceed referenceHigh (${input.referenceHigh})`);
  }
  return checks;
}

/** Validates `input` and returns the record it describes, unsaved; `replacing` is the id of the record a correction replaces. */
export async function buildLabResult(manager: EntityManager, input: RecordLabResultInput, replacing?: number, guarded?: Partial<GuardedRows>): Promise<LabResult> {
  const visit = await findVisit(manager, "visitId", input.visitId, undefined, guarded?.visit);
  const test = LAB_TEST_BY_CODE.get(input.testCode);
  if (!test) {
    const allowed = LAB_TESTS.map((t) => t.code).join(", ");
    throw new InvalidInputError([{ field: "testCode", message: `testCode ${JSON.stringify(input.testCode)} is not in the lab catalogue`, allowed }]);
  }
  const checks = labResultChecks(test, input);
  if (await manager.existsBy(LabResult, { visitId: visit.id, testCode: test.code, ...otherThan(replacing) })) checks.add("testCode", `${test.code} is already recorded at this visit`);
  checks.verify();
  return manager.create(LabResult, {
    visitId: visit.id,
    patientId: visit.patientId,
    testCode: test.code,
    value: input.value ?? null,
    unit: test.unit,
    referenceLow: input.referenceLow ?? null,
    referenceHigh: input.referenceHigh ?? null,
    belowDetectionLimit: input.belowDetectionLimit,
  });
}

export async function recordLabResult(manager: EntityManager, input: RecordLabResultInput): Promise<LabResult> {
  return manager.save(await buildLabResult(manager, input));
}
