import { RoleAssignment } from "../modules/access/role-assignment.entity";
import { User } from "../modules/access/user.entity";
import { AuditEvent } from "../modules/audit/audit-event.entity";
import { ClinicalAssessment } from "../modules/assessments/clinical-assessment.entity";
import { ImmuneMeasurement } from "../modules/immunology/immune-measurement.entity";
import { ImmuneParameter } from "../modules/immunology/immune-parameter.entity";
import { Patient } from "../modules/patients/patient.entity";
import { AdverseEvent } from "../modules/safety/adverse-event.entity";
import { ConcomitantMedication } from "../modules/safety/concomitant-medication.entity";
import { Cohort } from "../modules/study/cohort.entity";
import { PlannedVisit } from "../modules/study/planned-visit.entity";
import { Site } from "../modules/study/site.entity";
import { Study } from "../modules/study/study.entity";
import { DoseAdministration } from "../modules/visits/dose-administration.entity";
import { VisitSignature } from "../modules/visits/lifecycle/visit-signature.entity";
import { Visit } from "../modules/visits/visit.entity";
import { CLINICAL_RECORD_KINDS } from "../modules/clinical-records";

export const entities = [
  Study,
  Site,
  Cohort,
  PlannedVisit,
  Patient,
  Visit,
  VisitSignature,
  DoseAdministration,
  ConcomitantMedication,
  ImmuneParameter,
  ImmuneMeasurement,
  ClinicalAssessment,
  AdverseEvent,
  User,
  RoleAssignment,
  AuditEvent,
  ...CLINICAL_RECORD_KINDS.map((kind) => kind.entity),
];
