import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { Context } from "../graphql/context";
import { decodeId } from "../validation/checks";
import type { Access } from "./access/access";
import { auditCreate, auditUpdate } from "./audit/audit-writer";
import { openForWrite } from "./records/write-guard";
import { visitContentChanged } from "./visits/lifecycle/visit-changes";
import { changePatientStatus } from "./patients/change-patient-status";
import { createPatient } from "./patients/create-patient";
import { ChangePatientStatusInput, CreatePatientInput } from "./patients/patient-inputs";
import { Patient } from "./patients/patient.entity";
import { recordVisit } from "./visits/record-visit";
import { RecordVisitInput } from "./visits/visit-inputs";
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

}
