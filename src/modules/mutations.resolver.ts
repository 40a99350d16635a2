import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../graphql/context";
import { assertCanEnter } from "./access/entry-permission";
import { ClinicalAssessment } from "./assessments/clinical-assessment.entity";
import { RecordAssessmentInput, recordAssessment } from "./assessments/record-assessment";
import { ImmuneMeasurement } from "./immunology/immune-measurement.entity";
import { RecordImmuneMeasurementInput, recordImmuneMeasurement } from "./immunology/record-immune-measurement";
import { LabResult } from "./labs/lab-result.entity";
import { RecordLabResultInput, recordLabResult } from "./labs/record-lab-result";
import { changePatientStatus } from "./patients/change-patient-status";
import { createPatient } from "./patients/create-patient";
import { ChangePatientStatusInput, CreatePatientInput } from "./patients/patient-inputs";
import { Patient } from "./patients/patient.entity";
import { AdverseEvent } from "./safety/adverse-event.entity";
import { ConcomitantMedication } from "./safety/concomitant-medication.entity";
import { RecordAdverseEventInput, recordAdverseEvent } from "./safety/record-adverse-event";
import { RecordConcomitantMedicationInput, recordConcomitantMedication } from "./safety/record-concomitant-medication";
import { DoseAdministration } from "./visits/dose-administration.entity";
import { recordDose } from "./visits/record-dose";
import { recordVisit } from "./visits/record-visit";
import { RecordDoseInput, RecordVisitInput } from "./visits/visit-inputs";
import { Visit } from "./visits/visit.entity";

/**
 * Every write runs in one transaction: an input error or a failure part-way leaves the database
 * as it was. The caller must be allowed to enter data at the record's site; the work itself lives
 * in one function per mutation, shared with the demo loader.
 */
@Resolver()
export class MutationsResolver {
  @Mutation(() => Patient)
  createPatient(@Arg("input") input: CreatePatientInput, @Ctx() { dataSource, access }: Context): Promise<Patient> {
    return dataSource.transaction(async (manager) => {
      await assertCanEnter(manager, access, { siteId: input.siteId });
      return createPatient(manager, input);
    });
  }

  @Mutation(() => Patient)
  changePatientStatus(@Arg("input") input: ChangePatientStatusInput, @Ctx() { dataSource, access }: Context): Promise<Patient> {
    return dataSource.transaction(async (manager) => {
      await assertCanEnter(manager, access, { patientId: input.patientId });
      return changePatientStatus(manager, input);
    });
  }

  @Mutation(() => Visit)
  recordVisit(@Arg("input") input: RecordVisitInput, @Ctx() { dataSource, access }: Context): Promise<Visit> {
    return dataSource.transaction(async (manager) => {
      await assertCanEnter(manager, access, { patientId: input.patientId });
      return recordVisit(manager, input);
    });
  }

  @Mutation(() => DoseAdministration)
  recordDose(@Arg("input") input: RecordDoseInput, @Ctx() { dataSource, access }: Context): Promise<DoseAdministration> {
    return dataSource.transaction(async (manager) => {
      await assertCanEnter(manager, access, { patientId: input.patientId });
      return recordDose(manager, input);
    });
  }

  @Mutation(() => ConcomitantMedication)
  recordConcomitantMedication(@Arg("input") input: RecordConcomitantMedicationInput, @Ctx() { dataSource, access }: Context): Promise<ConcomitantMedication> {
    return dataSource.transaction(async (manager) => {
      await assertCanEnter(manager, access, { patientId: input.patientId });
      return recordConcomitantMedication(manager, input);
    });
  }

  @Mutation(() => ImmuneMeasurement)
  recordImmuneMeasurement(@Arg("input") input: RecordImmuneMeasurementInput, @Ctx() { dataSource, access }: Context): Promise<ImmuneMeasurement> {
    return dataSource.transaction(async (manager) => {
      await assertCanEnter(manager, access, { visitId: input.visitId });
      return recordImmuneMeasurement(manager, input);
    });
  }

  @Mutation(() => LabResult)
  recordLabResult(@Arg("input") input: RecordLabResultInput, @Ctx() { dataSource, access }: Context): Promise<LabResult> {
    return dataSource.transaction(async (manager) => {
      await assertCanEnter(manager, access, { visitId: input.visitId });
      return recordLabResult(manager, input);
    });
  }

  @Mutation(() => ClinicalAssessment, { description: "Scores the inputs with the instrument's plugin and stores inputs, score and category." })
  recordAssessment(@Arg("input") input: RecordAssessmentInput, @Ctx() { dataSource, registry, access }: Context): Promise<ClinicalAssessment> {
    return dataSource.transaction(async (manager) => {
      await assertCanEnter(manager, access, { visitId: input.visitId });
      return recordAssessment(manager, registry, input);
    });
  }

  @Mutation(() => AdverseEvent)
  recordAdverseEvent(@Arg("input") input: RecordAdverseEventInput, @Ctx() { dataSource, access }: Context): Promise<AdverseEvent> {
    return dataSource.transaction(async (manager) => {
      await assertCanEnter(manager, access, { patientId: input.patientId });
      return recordAdverseEvent(manager, input);
    });
  }
}
