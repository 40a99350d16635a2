import { Field, Float, ID, InputType } from "type-graphql";
import type { EntityManager } from "typeorm";
import { LocalDate } from "../../graphql/scalars";
import { Checks } from "../../validation/checks";
import { findPatient } from "../visits/patient-visit";
import type { GuardedRows } from "../records/write-guard";
import { ConcomitantMedication } from "./concomitant-medication.entity";

@InputType()
export class RecordConcomitantMedicationInput {
  @Field(() => ID)
  patientId: string;

  @Field()
  drug: string;

  @Field(() => Float, { nullable: true })
  dose?: number | null;

  @Field(() => String, { nullable: true })
  doseUnit?: string | null;

  @Field(() => String, { nullable: true })
  frequency?: string | null;

  @Field(() => String, { nullable: true })
  route?: string | null;

  @Field(() => String, { nullable: true })
  indication?: string | null;

  @Field(() => LocalDate, { nullable: true })
  startDate?: string | null;

  @Field(() => LocalDate, { nullable: true })
  stopDate?: string | null;
}

/** Validates `input` and returns the record it describes, unsaved; `replacing` is the id of the record a correction replaces. */
export async function buildConcomitantMedication(manager: EntityManager, input: RecordConcomitantMedicationInput, replacing?: number, guarded?: Partial<GuardedRows>): Promise<ConcomitantMedication> {
  const patient = await findPatient(manager, "patientId", input.patientId, guarded?.patient);
  new Checks()
    .text("drug", input.drug, 200)
    .number("dose", input.dose, 0, 100_000)
    .text("doseUnit", input.doseUnit, 20)
    .text("frequency", input.frequency, 40)
    .text("route", input.route, 40)
    .text("indication", input.indication, 200)
    .date("startDate", input.startDate)
    .date("stopDate", input.stopDate)
    .notBefore("stopDate", input.stopDate, input.startDate, "startDate")
    .verify();
  return manager.create(ConcomitantMedication, {
    patientId: patient.id,
    drug: input.drug,
    dose: input.dose ?? null,
    doseUnit: input.doseUnit ?? null,
    frequency: input.frequency ?? null,
    route: input.route ?? null,
    indication: input.indication ?? null,
    startDate: input.startDate ?? null,
    stopDate: input.stopDate ?? null,
  });
}

export async function recordConcomitantMedication(manager: EntityManager, input: RecordConcomitantMedicationInput): Promise<ConcomitantMedication> {
  return manager.save(await buildConcomitantMedication(manager, input));
}
