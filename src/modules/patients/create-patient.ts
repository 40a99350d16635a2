import type { EntityManager } from "typeorm";
import { unknownReference } from "../../errors";
import { Checks, decodeId } from "../../validation/checks";
import { Cohort } from "../study/cohort.entity";
import { Site } from "../study/site.entity";
import { PatientStatus } from "./patient-enums";
import { Patient } from "./patient.entity";
import type { CreatePatientInput } from "./patient-inputs";

/** The checks of a new patient's own fields, without the database (the bulk generator runs them too). */
export function patientChecks(input: Omit<CreatePatientInput, "cohortId" | "siteId">): Checks {
  const thisYear = new Date().getUTCFullYear();
  const checks = new Checks()
    .text("subjectCode", input.subjectCode, 40)
    .integer("yearOfBirth", input.yearOfBirth, 1900, thisYear)
    .integer("ageAtInclusion", input.ageAtInclusion, 18, 120)
    .date("inclusionDate", input.inclusionDate)
    .date("treatmentStartDate", input.treatmentStartDate)
    .notBefore("treatmentStartDate", input.treatmentStartDate, input.inclusionDate, "inclusionDate")
    .number("diseaseDurationYears", input.diseaseDurationYears, 0, 100, "years");
  // Completion and withdrawal carry a date and a reason: they are recorded with changePatientStatus.
  if (input.status !== PatientStatus.SCREENED && input.status !== PatientStatus.INCLUDED) checks.add("status", "must be SCREENED or INCLUDED for a new patient", "SCREENED, INCLUDED");
  return checks;
}

export async function createPatient(manager: EntityManager, input: CreatePatientInput): Promise<Patient> {
  const cohortId = decodeId("cohortId", input.cohortId, "Cohort");
  const siteId = decodeId("siteId", input.siteId, "Site");
  const cohort = await manager.findOneBy(Cohort, { id: cohortId });
  if (!cohort) throw unknownReference("cohortId", "cohort", input.cohortId);
  const site = await manager.findOneBy(Site, { id: siteId });
  if (!site) throw unknownReference("siteId", "site", input.siteId);

  const checks = patientChecks(input);
  if (site.studyId !== cohort.studyId) checks.add("siteId", "belongs to another study than the cohort");
  if (await manager.existsBy(Patient, { studyId: cohort.studyId, subjectCode: input.subjectCode })) {
    checks.add("subjectCode", `is already used in this study (${input.subjectCode})`, "a subject code not yet used in the study");
  }
  checks.verify();

  return manager.save(
    manager.create(Patient, {
      studyId: cohort.studyId,
      cohortId,
      siteId,
      subjectCode: input.subjectCode,
      sex: input.sex,
      yearOfBirth: input.yearOfBirth ?? null,
      ageAtInclusion: input.ageAtInclusion ?? null,
      inclusionDate: input.inclusionDate ?? null,
      treatmentStartDate: input.treatmentStartDate ?? null,
      status: input.status,
      statusDate: input.inclusionDate ?? null,
      statusReason: null,
      diseaseDurationYears: input.diseaseDurationYears ?? null,
    }),
  );
}
