import { Field, Float, ID, InputType } from "type-graphql";
import type { EntityManager } from "typeorm";
import { InvalidInputError } from "../../errors";
import { Checks } from "../../validation/checks";
import { findVisit } from "../visits/patient-visit";
import type { GuardedRows } from "../records/write-guard";
import { IMMUNE_CATALOGUE, STATISTIC_RANGE } from "./immune-catalogue";
import { ImmuneMeasurement } from "./immune-measurement.entity";
import { ImmuneParameter } from "./immune-parameter.entity";
import { otherThan } from "../records/other-than";

@InputType()
export class RecordImmuneMeasurementInput {
  @Field(() => ID)
  visitId: string;

  @Field({ description: "Immune parameter code from the catalogue, e.g. TREG_PCT_CD4." })
  parameterCode: string;

  @Field(() => Float, { nullable: true, description: "In the parameter's unit; omit when below the detection limit." })
  value?: number | null;

  @Field({ defaultValue: false })
  belowDetectionLimit: boolean;

  @Field(() => Float, { nullable: true })
  detectionLimit?: number | null;
}

/** The checks of a measurement's own fields, without the database (the bulk generator runs them too). */
export function immuneMeasurementChecks(parameter: Pick<ImmuneParameter, "statistic" | "unit">, input: Omit<RecordImmuneMeasurementInput, "visitId" | "parameterCode">): Checks {
  const { min, max } = STATISTIC_RANGE[parameter.statistic];
  const checks = new Checks().number("value", input.value, min, max, parameter.unit).number("detectionLimit", input.detectionLimit, min, max, parameter.unit);
  if (!input.belowDetectionLimit) checks.required("value", input.value, "unless belowDetectionLimit is true");
  else if (input.value !== null && input.value !== undefined) checks.add("value", "must be omitted when belowDetectionLimit is true");
  return checks;
}

/** Validates `input` and returns the record it describes, unsaved; `replacing` is the id of the record a correction replaces. */
export async function buildImmuneMeasurement(manager: EntityManager, input: RecordImmuneMeasurementInput, replacing?: number, guarded?: Partial<GuardedRows>): Promise<ImmuneMeasurement> {
  const visit = await findVisit(manager, "visitId", input.visitId, undefined, guarded?.visit);
  const parameter = await manager.findOneBy(ImmuneParameter, { code: input.parameterCode });
  if (!parameter) {
    const allowed = IMMUNE_CATALOGUE.map((e) => e.code).join(", ");
    throw new InvalidInputError([{ field: "parameterCode", message: `parameterCode ${JSON.stringify(input.parameterCode)} is not in the immune catalogue`, allowed }]);
  }
  const checks = immuneMeasurementChecks(parameter, input);
  if (await manager.existsBy(ImmuneMeasurement, { visitId: visit.id, parameterId: parameter.id, ...otherThan(replacing) })) {
    checks.add("parameterCode", `${parameter.code} is already recorded at this visit`);
  }
  checks.verify();
  return manager.create(ImmuneMeasurement, {
    visitId: visit.id,
    patientId: visit.patientId,
    parameterId: parameter.id,
    value: input.value ?? null,
    unit: parameter.unit,
    belowDetectionLimit: input.belowDetectionLimit,
    detectionLimit: input.detectionLimit ?? null,
  });
}

export async function recordImmuneMeasurement(manager: EntityManager, input: RecordImmuneMeasurementInput): Promise<ImmuneMeasurement> {
  return manager.save(await buildImmuneMeasurement(manager, input));
}
