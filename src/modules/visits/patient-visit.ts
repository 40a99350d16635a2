import type { EntityManager } from "typeorm";
import { InvalidInputError, unknownReference } from "../../errors";
import { decodeId } from "../../validation/checks";
import { Patient } from "../patients/patient.entity";
import { Visit } from "./visit.entity";

/** Loads a visit by its global id, checking that it belongs to `patientId` when one is given. */
export async function findVisit(manager: EntityManager, field: string, id: string, patientId?: number): Promise<Visit> {
  const visit = await manager.findOneBy(Visit, { id: decodeId(field, id, "Visit") });
  if (!visit) throw unknownReference(field, "visit", id);
  if (patientId !== undefined && visit.patientId !== patientId) {
    throw new InvalidInputError([{ field, message: `${field} is a visit of another patient`, allowed: "a visit of the same patient" }]);
  }
  return visit;
}

export async function findPatient(manager: EntityManager, field: string, id: string): Promise<Patient> {
  const patient = await manager.findOneBy(Patient, { id: decodeId(field, id, "Patient") });
  if (!patient) throw unknownReference(field, "patient", id);
  return patient;
}
