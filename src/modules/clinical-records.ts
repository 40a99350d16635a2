import { clinicalAssessmentKind } from "./assessments/clinical-assessment.kind";
import { immuneMeasurementKind } from "./immunology/immune-measurement.kind";
import { labResultKind } from "./labs/lab-result.kind";
import type { AnyRecordKind } from "./records/record-kind";
import { adverseEventKind } from "./safety/adverse-event.kind";
import { concomitantMedicationKind } from "./safety/concomitant-medication.kind";
import { doseAdministrationKind } from "./visits/dose-administration.kind";
// Visits are corrected, removed and restored like records (their lists and writes are their own):
// imported for its registration, so that every open database knows them.
import "./visits/visit-record";
import { vitalSignsKind } from "./vital-signs/vital-signs.kind";

/**
 * Every declared kind of clinical record (src/modules/records/README.md). The schema's lists and
 * mutations, the database's entities and the site-isolation test all come from this list.
 */
export const CLINICAL_RECORD_KINDS: AnyRecordKind[] = [
  doseAdministrationKind,
  concomitantMedicationKind,
  immuneMeasurementKind,
  labResultKind,
  clinicalAssessmentKind,
  adverseEventKind,
  vitalSignsKind,
];
