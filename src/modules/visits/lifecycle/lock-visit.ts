import type { EntityManager } from "typeorm";
import type { Access } from "../../access/access";
import { AuditAction } from "../../audit/audit-event.entity";
import { optionalReason, requireReason } from "../../records/write-guard";
import { VisitState } from "../visit-state";
import type { Visit } from "../visit.entity";
import type { VisitStepInput } from "./lifecycle-inputs";
import { updateVisit } from "./visit-changes";
import { beginVisitStep } from "./visit-step";

/** SIGNED → LOCKED by a data manager: the visit refuses every write from now on. */
export async function lockVisit(manager: EntityManager, access: Access, input: VisitStepInput): Promise<Visit> {
  const visit = await beginVisitStep(manager, access, input, "manage", [VisitState.SIGNED]);
  return updateVisit(manager, access, visit, { state: VisitState.LOCKED }, optionalReason(input.reason, "lock a visit"), AuditAction.LOCK);
}

/** LOCKED → SIGNED by a data manager, with a reason; a later change voids the signature as usual. */
export async function unlockVisit(manager: EntityManager, access: Access, input: VisitStepInput): Promise<Visit> {
  const visit = await beginVisitStep(manager, access, input, "manage", [VisitState.LOCKED], { unlocking: true });
  const reason = requireReason(visit, input.reason, "unlock a visit");
  return updateVisit(manager, access, visit, { state: VisitState.SIGNED }, reason, AuditAction.UNLOCK);
}
