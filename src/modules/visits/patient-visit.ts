import type { EntityManager } from "typeorm";
import { InvalidInputError, unknownReference } from "../../errors";
import { decodeId } from "../../validation/checks";
import { Patient } from "../patients/patient.entity";
import { Visit } from "./visit.entity";

/** The row the write guard read for this id in the same transaction, if it did. */
function ifLoaded<T extends { id: number }>(loaded: T | null | undefined, id: number): T | null {
  return loaded && loaded.id === id ? loaded : null;
}

/**
 * Loads a visit by its global id, checking that it belongs to `patientId` when one is given. `loaded`:
 * the visit the write guard already read in this transaction (GuardedRows), used when it is that one.
 */
export async function findVisit(manager: EntityManager, field: string, id: string, patientId?: number, loaded?: Visit | null): Promise<Visit> {
  const key = decodeId(field, id, "Visit");
  const visit = ifLoaded(loaded, key) ?? (await manager.findOneBy(Visit, { id: key }));
  if (!visit) throw unknownReference(field, "visit", id);
  if (patientId !== undefined && visit.patientId !== patientId) {
    throw new InvalidInputError([{ field, message: `${field} is a visit of another patient`, allowed: "a visit of the same patient" }]);
  }
  return visit;
}

export async function findPatient(manager: EntityManager, field: string, id: string, loaded?: Patient | null): Promise<Patient> {
  const key = decodeId(field, id, "Patient");
  const patient = ifLoaded(loaded, key) ?? (await manager.findOneBy(Patient, { id: key }));
  if (!patient) throw unknownReference(field, "patient", id);
  return patient;
}
