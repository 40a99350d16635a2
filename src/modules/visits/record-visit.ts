import type { EntityManager } from "typeorm";
import { unknownReference } from "../../errors";
import { Checks, decodeId } from "../../validation/checks";
import { PlannedVisit } from "../study/planned-visit.entity";
import { findPatient } from "./patient-visit";
import { studyDayOf } from "./study-day";
import type { RecordVisitInput } from "./visit-inputs";
import { Visit } from "./visit.entity";
import { VisitState } from "./visit-state";
import { otherThan } from "../records/other-than";

/** Validates `input` and returns the record it describes, unsaved; `replacing` is the id of the record a correction replaces. */
export async function buildVisit(manager: EntityManager, input: RecordVisitInput, replacing?: number): Promise<Visit> {
  const patient = await findPatient(manager, "patientId", input.patientId);
  const checks = new Checks().date("visitDate", input.visitDate);
  let planned: PlannedVisit | null = null;
  if (input.plannedVisitId != null) {
    planned = await manager.findOneBy(PlannedVisit, { id: decodeId("plannedVisitId", input.plannedVisitId, "PlannedVisit") });
    if (!planned) throw unknownReference("plannedVisitId", "planned visit", input.plannedVisitId);
    if (planned.cohortId !== patient.cohortId) checks.add("plannedVisitId", "is a visit of another cohort's schedule", "a planned visit of the patient's cohort");
    else if (await manager.existsBy(Visit, { patientId: patient.id, plannedVisitId: planned.id, ...otherThan(replacing) })) {
      checks.add("plannedVisitId", `${planned.code} is already recorded for this patient`);
    }
  }
  checks.verify();

  const { studyDay, outOfWindow } = visitTiming(patient.treatmentStartDate, planned, input.visitDate);
  return manager.create(Visit, { patientId: patient.id, plannedVisitId: planned?.id ?? null, visitDate: input.visitDate, studyDay, outOfWindow, performed: input.performed, state: VisitState.IN_PROGRESS });
}

/** A visit's study day and whether it falls outside its planned window (also used by the bulk generator). */
export function visitTiming(treatmentStartDate: string | null, planned: Pick<PlannedVisit, "studyDay" | "windowBefore" | "windowAfter"> | null, visitDate: string) {
  const studyDay = treatmentStartDate ? studyDayOf(treatmentStartDate, visitDate) : null;
  const outOfWindow =
    planned !== null && studyDay !== null && (studyDay < planned.studyDay - planned.windowBefore || studyDay > planned.studyDay + planned.windowAfter);
  return { studyDay, outOfWindow };
}

export async function recordVisit(manager: EntityManager, input: RecordVisitInput): Promise<Visit> {
  return manager.save(await buildVisit(manager, input));
}
