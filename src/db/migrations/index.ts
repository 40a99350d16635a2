import { Initial1764000000000 } from "./1764000000000-initial";
import { UsersAndRoles1764100000000 } from "./1764100000000-users-and-roles";
import { AuditTrail1764200000000 } from "./1764200000000-audit-trail";
import { RecordLifecycle1764300000000 } from "./1764300000000-record-lifecycle";
import { OneLiveVisitPerPlannedVisit1764400000000 } from "./1764400000000-one-live-visit-per-planned-visit";
import { AssessmentLabSources1764560000000 } from "./1764560000000-assessment-lab-sources";
import { AccountLockoutAndTokenRevocation1765000000000 } from "./1765000000000-account-lockout-and-token-revocation";
import { KeyedAuditChain1765100000000 } from "./1765100000000-keyed-audit-chain";
import { AssessmentsByPatient1765200000000 } from "./1765200000000-assessments-by-patient";
import { ImmuneValuesAndLabsByPatient1765300000000 } from "./1765300000000-immune-values-and-labs-by-patient";
import { DosesAndAdverseEventsByVisit1765400000000 } from "./1765400000000-doses-and-adverse-events-by-visit";
import { PasswordAttemptCounts1765500000000 } from "./1765500000000-password-attempt-counts";
import { VitalSigns1765600000000 } from "./1765600000000-vital-signs";

/** Every migration, oldest first. Schema changes are made only through these. */
export const migrations = [
  Initial1764000000000,
  UsersAndRoles1764100000000,
  AuditTrail1764200000000,
  RecordLifecycle1764300000000,
  OneLiveVisitPerPlannedVisit1764400000000,
  AssessmentLabSources1764560000000,
  AccountLockoutAndTokenRevocation1765000000000,
  KeyedAuditChain1765100000000,
  AssessmentsByPatient1765200000000,
  ImmuneValuesAndLabsByPatient1765300000000,
  DosesAndAdverseEventsByVisit1765400000000,
  PasswordAttemptCounts1765500000000,
  VitalSigns1765600000000,
];
