import type { EntityManager } from "typeorm";
import { forbidden, invalidInput, unknownReference } from "../../errors";
import { decodeId } from "../../validation/checks";
import type { Access } from "../access/access";
import { Role } from "../access/role";
import { AuditAction } from "../audit/audit-event.entity";
import { auditUpdate } from "../audit/audit-writer";
import { statedReason } from "../records/write-guard";
import { Study } from "./study.entity";

async function studyToManage(manager: EntityManager, access: Access, studyId: string): Promise<Study> {
  const postgres = manager.connection.options.type === "postgres";
  const study = await manager.findOne(Study, { where: { id: decodeId("studyId", studyId, "Study") }, ...(postgres ? { lock: { mode: "pessimistic_write" as const } } : {}) });
  if (!study) throw unknownReference("studyId", "study", studyId);
  const manages = access.isSystem || access.assignments.some((a) => a.role === Role.DATA_MANAGER && a.studyId === study.id);
  if (!manages) throw forbidden("Locking and unlocking a study needs the DATA_MANAGER role of that study");
  return study;
}

/** Freezes every clinical write of the study (database lock for the final analysis). */
export async function lockStudy(manager: EntityManager, access: Access, studyId: string, reason: string): Promise<Study> {
  const study = await studyToManage(manager, access, studyId);
  if (study.lockedAt) throw invalidInput("studyId", `is already locked (since ${study.lockedAt})`);
  const why = statedReason(reason, "lock a study");
  const after = { ...study, lockedAt: new Date().toISOString(), lockReason: why };
  await manager.update(Study, study.id, { lockedAt: after.lockedAt, lockReason: why });
  await auditUpdate(manager, access, Study, study, after, why, AuditAction.LOCK);
  return manager.findOneByOrFail(Study, { id: study.id });
}

export async function unlockStudy(manager: EntityManager, access: Access, studyId: string, reason: string): Promise<Study> {
  const study = await studyToManage(manager, access, studyId);
  if (!study.lockedAt) throw invalidInput("studyId", "is not locked");
  const why = statedReason(reason, "unlock a study");
  await manager.update(Study, study.id, { lockedAt: null, lockReason: null });
  await auditUpdate(manager, access, Study, study, { ...study, lockedAt: null, lockReason: null }, why, AuditAction.UNLOCK);
  return manager.findOneByOrFail(Study, { id: study.id });
}
