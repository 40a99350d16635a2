import { ClinicalAssessment } from "./assessments/clinical-assessment.entity";
import { ImmuneMeasurement } from "./immunology/immune-measurement.entity";
import { labResultKind } from "./labs/lab-result.kind";
import type { AnyRecordKind } from "./records/record-kind";
import { registerLifecycleKind } from "./records/record-kinds";
import { AdverseEvent } from "./safety/adverse-event.entity";
import { ConcomitantMedication } from "./safety/concomitant-medication.entity";
import { DoseAdministration } from "./visits/dose-administration.entity";
import { VisitRecord } from "./visits/visit-record";
import { vitalSignsKind } from "./vital-signs/vital-signs.kind";

/**
 * Every declared kind of clinical record (src/modules/records/README.md). The schema's lists and
 * mutations, the database's entities and the site-isolation test all come from this list.
 */
export const CLINICAL_RECORD_KINDS: AnyRecordKind[] = [labResultKind, vitalSignsKind];

/** Visits are corrected, removed and restored like records; their lists and writes are their own. */
export const LIFECYCLE_ONLY = [
  VisitRecord,
  registerLifecycleKind({ name: "DoseAdministration", entity: DoseAdministration, visitContent: true }),
  registerLifecycleKind({ name: "ConcomitantMedication", entity: ConcomitantMedication, visitContent: false }),
  registerLifecycleKind({ name: "ImmuneMeasurement", entity: ImmuneMeasurement, visitContent: true, uniqueWithin: ["visitId", "parameterId"] }),
  registerLifecycleKind({ name: "ClinicalAssessment", entity: ClinicalAssessment, visitContent: true, uniqueWithin: ["visitId", "instrumentCode"] }),
  registerLifecycleKind({ name: "AdverseEvent", entity: AdverseEvent, visitContent: false }),
];
