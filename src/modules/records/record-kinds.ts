import type { EntityTarget } from "typeorm";
import { ClinicalAssessment } from "../assessments/clinical-assessment.entity";
import { ImmuneMeasurement } from "../immunology/immune-measurement.entity";
import { LabResult } from "../labs/lab-result.entity";
import { AdverseEvent } from "../safety/adverse-event.entity";
import { ConcomitantMedication } from "../safety/concomitant-medication.entity";
import { DoseAdministration } from "../visits/dose-administration.entity";
import { Visit } from "../visits/visit.entity";
import type { RemovableRecord } from "./record-base";

export type ClinicalRow = RemovableRecord & { id: number; patientId: number; visitId?: number | null };

/** A kind of clinical record that can be corrected, removed and restored. */
export interface RecordKind {
  name: string;
  entity: EntityTarget<ClinicalRow>;
  /** Part of its visit's signed content (when it names a visit), rather than a patient-level log. */
  visitContent: boolean;
  /** Columns unique among a visit's records still part of the data: a restore must not duplicate one. */
  uniqueWithin?: string[];
}

export const RECORD_KINDS: RecordKind[] = [
  { name: "Visit", entity: Visit, visitContent: false, uniqueWithin: ["patientId", "plannedVisitId"] },
  { name: "DoseAdministration", entity: DoseAdministration, visitContent: true },
  { name: "ConcomitantMedication", entity: ConcomitantMedication, visitContent: false },
  { name: "ImmuneMeasurement", entity: ImmuneMeasurement, visitContent: true, uniqueWithin: ["visitId", "parameterId"] },
  { name: "LabResult", entity: LabResult, visitContent: true, uniqueWithin: ["visitId", "testCode"] },
  { name: "ClinicalAssessment", entity: ClinicalAssessment, visitContent: true, uniqueWithin: ["visitId", "instrumentCode"] },
  { name: "AdverseEvent", entity: AdverseEvent, visitContent: false },
];

export const RECORD_KIND_BY_NAME = new Map(RECORD_KINDS.map((kind) => [kind.name, kind]));
