import type { EntityManager } from "typeorm";
import { forbidden, unknownReference } from "../../errors";
import { decodeId } from "../../validation/checks";
import { Patient } from "../patients/patient.entity";
import { Site } from "../study/site.entity";
import { Visit } from "../visits/visit.entity";
import type { Access } from "./access";

/** The record a mutation writes to: a patient, a visit (and so its patient), or a site for a new patient. */
export type EntryTarget = { patientId: string } | { visitId: string } | { siteId: string };

type Location = { studyId: number; siteId: number } | null;

async function locate(manager: EntityManager, target: EntryTarget): Promise<Location> {
  if ("siteId" in target) {
    const site = await manager.findOneBy(Site, { id: decodeId("siteId", target.siteId, "Site") });
    return site && { studyId: site.studyId, siteId: site.id };
  }
  const visit = "visitId" in target ? await manager.findOneBy(Visit, { id: decodeId("visitId", target.visitId, "Visit") }) : null;
  if ("visitId" in target && !visit) return null;
  const patient = await manager.findOneBy(Patient, { id: visit ? visit.patientId : decodeId("patientId", (target as { patientId: string }).patientId, "Patient") });
  return patient && { studyId: patient.studyId, siteId: patient.siteId };
}

/**
 * Refuses a write the caller may not make: a record of a site they cannot read is reported as not
 * existing (so ids of other sites reveal nothing); one they can read but not enter data at is FORBIDDEN.
 */
export async function assertCanEnter(manager: EntityManager, access: Access, target: EntryTarget): Promise<void> {
  const location = await locate(manager, target);
  const [field, id] = Object.entries(target)[0] as [string, string];
  if (!location || !access.canRead(location.studyId, location.siteId)) throw unknownReference(field, field.replace(/Id$/, ""), id);
  if (!access.canEnterAt(location.siteId)) throw forbidden("Entering clinical data at this site needs the INVESTIGATOR or COORDINATOR role at that site");
}
