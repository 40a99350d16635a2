import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { Context } from "../graphql/context";
import { decodeId } from "../validation/checks";
import type { Access } from "./access/access";
import { auditCreate, auditUpdate } from "./audit/audit-writer";
import { openForWrite } from "./records/write-guard";
import { visitContentChanged } from "./visits/lifecycle/visit-changes";
import { ClinicalAssessment } from "./assessments/clinical-assessment.entity";
import { RecordAssessmentInput, recordAssessment } from "./assessments/record-assessment";
import { ImmuneMeasurement } from "./immunology/immune-measurement.entity";
import { RecordImmuneMeasurementInput, recordImmuneMeasurement } from "./immunology/record-immune-measurement";
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
 * Audits the initial entry of `entity` (in the mutation's transaction) and returns it. A record added
 * to a visit moves the visit to its next version.
 */
async function created<T extends ObjectLiteral>(manager: EntityManager, access: Access, target: EntityTarget<T>, entity: T, visit?: Visit | null): Promise<T> {
  await auditCreate(manager, access, target, entity);
  if (visit) await visitContentChanged(manager, access, visit, null);
  return entity;
}

/**
 * Every write runs in one transaction: an input error or a failure part-way leaves the database
 * as it was. openForWrite checks the caller's permission at the record's site, the study lock and
 * the visit's lifecycle (records are added to visits IN_PROGRESS only); the work itself lives
 * in one function per mutation, shared with the demo loader. Each write is audited in the same
 * transaction (src/modules/audit): a rolled-back write leaves no audit record.
 */
@Resolver()
export class MutationsResolver {
  @Mutation(() => Patient)
  createPatient(@Arg("input") input: CreatePatientInput, @Ctx() { dataSource, access }: Context): Promise<Patient> {
    return dataSource.transaction(async (manager) => {
      await openForWrite(manager, access, { siteId: input.siteId });
      return created(manager, access, Patient, await createPatient(manager, input));
    });
  }

  @Mutation(() => Patient)
  changePatientStatus(@Arg("input") input: ChangePatientStatusInput, @Ctx() { dataSource, access }: Context): Promise<Patient> {
    return dataSource.transaction(async (manager) => {
      await openForWrite(manager, access, { patientId: input.patientId });
      const before = await manager.findOneBy(Patient, { id: decodeId("patientId", input.patientId, "Patient") });
      const after = await changePatientStatus(manager, input);
      await auditUpdate(manager, access, Patient, before!, after, input.reason ?? null);
      return after;
    });
  }

  @Mutation(() => Visit)
  recordVisit(@Arg("input") input: RecordVisitInput, @Ctx() { dataSource, access }: Context): Promise<Visit> {
    return dataSource.transaction(async (manager) => {
      await openForWrite(manager, access, { patientId: input.patientId });
      return created(manager, access, Visit, await recordVisit(manager, input));
    });
  }

  @Mutation(() => DoseAdministration)
  recordDose(@Arg("input") input: RecordDoseInput, @Ctx() { dataSource, access }: Context): Promise<DoseAdministration> {
    return dataSource.transaction(async (manager) => {
      const { visit } = await openForWrite(manager, access, input.visitId != null ? { visitId: input.visitId } : { patientId: input.patientId }, {
        adding: true,
        refersTo: { patientId: input.patientId },
      });
      return created(manager, access, DoseAdministration, await recordDose(manager, input), visit);
    });
  }

  @Mutation(() => ConcomitantMedication)
  recordConcomitantMedication(@Arg("input") input: RecordConcomitantMedicationInput, @Ctx() { dataSource, access }: Context): Promise<ConcomitantMedication> {
    return dataSource.transaction(async (manager) => {
      await openForWrite(manager, access, { patientId: input.patientId });
      return created(manager, access, ConcomitantMedication, await recordConcomitantMedication(manager, input));
    });
  }

  @Mutation(() => ImmuneMeasurement)
  recordImmuneMeasurement(@Arg("input") input: RecordImmuneMeasurementInput, @Ctx() { dataSource, access }: Context): Promise<ImmuneMeasurement> {
    return dataSource.transaction(async (manager) => {
      const { visit } = await openForWrite(manager, access, { visitId: input.visitId }, { adding: true });
      return created(manager, access, ImmuneMeasurement, await recordImmuneMeasurement(manager, input), visit);
    });
  }

  @Mutation(() => ClinicalAssessment, { description: "Scores the inputs with the instrument's plugin and stores inputs, score and category." })
  recordAssessment(@Arg("input") input: RecordAssessmentInput, @Ctx() { dataSource, registry, access }: Context): Promise<ClinicalAssessment> {
    return dataSource.transaction(async (manager) => {
      const { visit } = await openForWrite(manager, access, { visitId: input.visitId }, { adding: true });
      return created(manager, access, ClinicalAssessment, await recordAssessment(manager, registry, input), visit);
    });
  }

  @Mutation(() => AdverseEvent)
  recordAdverseEvent(@Arg("input") input: RecordAdverseEventInput, @Ctx() { dataSource, access }: Context): Promise<AdverseEvent> {
    return dataSource.transaction(async (manager) => {
      await openForWrite(manager, access, { patientId: input.patientId }, { refersTo: { visitId: input.visitId } });
      return created(manager, access, AdverseEvent, await recordAdverseEvent(manager, input));
    });
  }
}
