import { Field, Float, ID, InputType, Int } from "type-graphql";
import type { EntityManager } from "typeorm";
import { Checks } from "../../validation/checks";
import { otherThan } from "../records/other-than";
import { findVisit } from "../visits/patient-visit";
import type { GuardedRows } from "../records/write-guard";
import { VitalSigns } from "./vital-signs.entity";

/**
 * Plausibility limits for data entry, not clinical bands: wide enough for any living participant
 * (an infant's weight, a hypertensive crisis, a hypothermic or febrile patient), narrow enough that a
 * unit slip (pounds for kg, m for cm, °F for °C) or a typing slip is refused instead of stored.
 */
export const VITAL_SIGN_LIMITS = {
  weightKg: { min: 1, max: 400, unit: "kg", integer: false },
  heightCm: { min: 30, max: 250, unit: "cm", integer: false },
  systolicBp: { min: 40, max: 300, unit: "mmHg", integer: true },
  diastolicBp: { min: 20, max: 200, unit: "mmHg", integer: true },
  heartRate: { min: 20, max: 250, unit: "beats/min", integer: true },
  temperatureC: { min: 30, max: 45, unit: "°C", integer: false },
} as const;

export type VitalSignMeasure = keyof typeof VITAL_SIGN_LIMITS;
export const VITAL_SIGN_MEASURES = Object.keys(VITAL_SIGN_LIMITS) as VitalSignMeasure[];

@InputType({ description: "The vital signs of one visit (CDISC VS). Give at least one measure; omit one not taken." })
export class RecordVitalSignsInput {
  @Field(() => ID, { description: "The visit, IN_PROGRESS; it holds at most one set of vital signs." })
  visitId: string;

  @Field(() => Float, { nullable: true, description: "Body weight in kg, from 1 to 400." })
  weightKg?: number | null;

  @Field(() => Float, { nullable: true, description: "Height in cm, from 30 to 250." })
  heightCm?: number | null;

  @Field(() => Int, { nullable: true, description: "Systolic blood pressure in mmHg, an integer from 40 to 300." })
  systolicBp?: number | null;

  @Field(() => Int, { nullable: true, description: "Diastolic blood pressure in mmHg, an integer from 20 to 200, below the systolic pressure." })
  diastolicBp?: number | null;

  @Field(() => Int, { nullable: true, description: "Heart rate in beats/min, an integer from 20 to 250." })
  heartRate?: number | null;

  @Field(() => Float, { nullable: true, description: "Body temperature in °C, from 30 to 45." })
  temperatureC?: number | null;
}

/** The checks of the measures themselves, without the database. */
export function vitalSignsChecks(input: Omit<RecordVitalSignsInput, "visitId">): Checks {
  const checks = new Checks();
  for (const measure of VITAL_SIGN_MEASURES) {
    const { min, max, unit, integer } = VITAL_SIGN_LIMITS[measure];
    if (integer) checks.integer(measure, input[measure], min, max, unit);
    else checks.number(measure, input[measure], min, max, unit);
  }
  if (VITAL_SIGN_MEASURES.every((measure) => input[measure] === null || input[measure] === undefined)) {
    checks.add("input", `must give at least one measure (${VITAL_SIGN_MEASURES.join(", ")})`, VITAL_SIGN_MEASURES.join(", "));
  }
  const { systolicBp, diastolicBp } = input;
  if (systolicBp != null && diastolicBp != null && diastolicBp >= systolicBp) {
    checks.add("diastolicBp", `must be below systolicBp (${systolicBp} mmHg; got ${diastolicBp})`, `below ${systolicBp} mmHg`);
  }
  return checks;
}

/** Validates `input` and returns the record it describes, unsaved; `replacing` is the id of the record a correction replaces. */
export async function buildVitalSigns(manager: EntityManager, input: RecordVitalSignsInput, replacing?: number, guarded?: Partial<GuardedRows>): Promise<VitalSigns> {
  const visit = await findVisit(manager, "visitId", input.visitId, undefined, guarded?.visit);
  const checks = vitalSignsChecks(input);
  if (await manager.existsBy(VitalSigns, { visitId: visit.id, ...otherThan(replacing) })) {
    checks.add("visitId", "already has vital signs recorded: correct them instead", "a visit without vital signs");
  }
  checks.verify();
  return manager.create(VitalSigns, {
    visitId: visit.id,
    patientId: visit.patientId,
    weightKg: input.weightKg ?? null,
    heightCm: input.heightCm ?? null,
    systolicBp: input.systolicBp ?? null,
    diastolicBp: input.diastolicBp ?? null,
    heartRate: input.heartRate ?? null,
    temperatureC: input.temperatureC ?? null,
  });
}
