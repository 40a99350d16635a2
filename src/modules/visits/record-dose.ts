import type { EntityManager } from "typeorm";
import { Checks } from "../../validation/checks";
import { DoseAdministration } from "./dose-administration.entity";
import { findPatient, findVisit } from "./patient-visit";
import type { GuardedRows } from "../records/write-guard";
import { studyDayOf } from "./study-day";
import type { RecordDoseInput } from "./visit-inputs";

/** The checks of a dose's own fields, without the database (the bulk generator runs them too). */
export function doseChecks(input: Omit<RecordDoseInput, "patientId" | "visitId">, treatmentStartDate: string | null): Checks {
  const checks = new Checks()
    .date("administeredOn", input.administeredOn)
    .number("dose", input.dose, 0, 1000)
    .text("doseUnit", input.doseUnit, 20)
    .text("route", input.route, 20)
    .text("lot", input.lot, 40)
    .text("notGivenReason", input.notGivenReason, 500)
    .notBefore("administeredOn", input.administeredOn, treatmentStartDate, "the first dose (treatmentStartDate)");
  if (!input.given) checks.required("notGivenReason", input.notGivenReason, "when the dose was not given");
  if (input.given && input.dose === 0) checks.add("dose", "must be above 0 for a dose that was given");
  return checks;
}

/** Validates `input` and returns the record it describes, unsaved; `replacing` is the id of the record a correction replaces. */
export async function buildDose(manager: EntityManager, input: RecordDoseInput, replacing?: number, guarded?: Partial<GuardedRows>): Promise<DoseAdministration> {
  const patient = await findPatient(manager, "patientId", input.patientId, guarded?.patient);
  const visit = input.visitId != null ? await findVisit(manager, "visitId", input.visitId, patient.id, guarded?.visit) : null;
  doseChecks(input, patient.treatmentStartDate).verify();
  return manager.create(DoseAdministration, {
    patientId: patient.id,
    visitId: visit?.id ?? null,
    administeredOn: input.administeredOn,
    studyDay: patient.treatmentStartDate ? studyDayOf(patient.treatmentStartDate, input.administeredOn) : null,
    dose: input.dose,
    doseUnit: input.doseUnit,
    route: input.route,
    lot: input.lot ?? null,
    given: input.given,
    notGivenReason: input.notGivenReason ?? null,
  });
}

export async function recordDose(manager: EntityManager, input: RecordDoseInput): Promise<DoseAdministration> {
  return manager.save(await buildDose(manager, input));
}
