import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { decodeId } from "../../validation/checks";
import { auditCreate, auditUpdate } from "../audit/audit-writer";
import { openForWrite } from "../records/write-guard";
import { changePatientStatus } from "./change-patient-status";
import { createPatient } from "./create-patient";
import { ChangePatientStatusInput, CreatePatientInput } from "./patient-inputs";
import { Patient } from "./patient.entity";

/**
 * Including a patient and changing their status. Like every write: one transaction, guarded by
 * openForWrite (permission at the site, study lock), audited in the same transaction.
 */
@Resolver()
export class PatientWritesResolver {
  @Mutation(() => Patient)
  createPatient(@Arg("input") input: CreatePatientInput, @Ctx() { dataSource, access }: Context): Promise<Patient> {
    return dataSource.transaction(async (manager) => {
      await openForWrite(manager, access, { siteId: input.siteId });
      const patient = await createPatient(manager, input);
      await auditCreate(manager, access, Patient, patient);
      return patient;
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
}
