import { RoleAssignment } from "../modules/access/role-assignment.entity";
import { User } from "../modules/access/user.entity";
import { AuditEvent } from "../modules/audit/audit-event.entity";
import { ImmuneParameter } from "../modules/immunology/immune-parameter.entity";
import { Patient } from "../modules/patients/patient.entity";
import { Cohort } from "../modules/study/cohort.entity";
import { PlannedVisit } from "../modules/study/planned-visit.entity";
import { Site } from "../modules/study/site.entity";
import { Study } from "../modules/study/study.entity";
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
  ImmuneParameter,
  User,
  RoleAssignment,
  AuditEvent,
  ...CLINICAL_RECORD_KINDS.map((kind) => kind.entity),
];
