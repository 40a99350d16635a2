import type { EntityManager } from "typeorm";
import { unknownReference } from "../../errors";
import { Checks, decodeId } from "../../validation/checks";
import { PatientStatus } from "./patient-enums";
import { writeVersioned } from "../records/versioned-write";
import { Patient } from "./patient.entity";
import type { ChangePatientStatusInput } from "./patient-inputs";

/** Validates and writes a status change; `expectedVersion` guards against a stale read (the demo loader omits it). */
export async function changePatientStatus(manager: EntityManager, input: Omit<ChangePatientStatusInput, "expectedVersion"> & { expectedVersion?: number }): Promise<Patient> {
  const patient = await manager.findOneBy(Patient, { id: decodeId("patientId", input.patientId, "Patient") });
  if (!patient) throw unknownReference("patientId", "patient", input.patientId);
  const checks = new Checks().date("date", input.date).text("reason", input.reason, 500).notBefore("date", input.date, patient.inclusionDate, "the inclusion date");
  if (input.status === PatientStatus.WITHDRAWN) checks.required("reason", input.reason, "when a patient withdraws");
  checks.verify();
  return writeVersioned(manager, Patient, patient, input.expectedVersion ?? patient.version, { status: input.status, statusDate: input.date, statusReason: input.reason ?? null });
}
