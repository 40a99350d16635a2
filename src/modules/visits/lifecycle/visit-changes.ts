import type { EntityManager } from "typeorm";
import { IsNull } from "typeorm";
import type { Access } from "../../access/access";
import { AuditAction } from "../../audit/audit-event.entity";
import { auditUpdate } from "../../audit/audit-writer";
import { VisitState } from "../visit-state";
import { Visit } from "../visit.entity";
import { VisitSignature } from "./visit-signature.entity";

/**
 * Sets a visit's lifecycle fields and moves it to its next version, audited with `reason` under
 * `action`. The caller holds the visit's row (openForWrite), so no compare-and-set is needed here.
 */
export async function updateVisit(manager: EntityManager, access: Access, visit: Visit, changes: Partial<Visit>, reason: string | null, action = AuditAction.UPDATE): Promise<Visit> {
  await manager
    .createQueryBuilder()
    .update(Visit)
    .set({ ...changes, version: () => `"version" + 1` })
    .where(`"id" = :id`, { id: visit.id })
    .execute();
  const after = await manager.findOneOrFail(Visit, { where: { id: visit.id }, withDeleted: true });
  await auditUpdate(manager, access, Visit, visit, after, reason, action);
  return after;
}

/** Voids the visit's current signature, if any, because its content is about to differ from what was signed. */
export async function voidSignature(manager: EntityManager, access: Access, visitId: number, reason: string | null): Promise<void> {
  const signature = await manager.findOneBy(VisitSignature, { visitId, voidedAt: IsNull() });
  if (!signature) return;
  const voided = { ...signature, voidedAt: new Date().toISOString(), voidReason: reason ?? "visit reopened" };
  await manager.update(VisitSignature, signature.id, { voidedAt: voided.voidedAt, voidReason: voided.voidReason });
  await auditUpdate(manager, access, VisitSignature, signature, voided, reason, AuditAction.VOID_SIGNATURE);
}

/**
 * The visit's own fields are about to change (a correction, removal or restore of the visit): a SIGNED
 * visit loses its signature, and the returned changes take it back to COMPLETE in the same write.
 */
export async function leaveSigned(manager: EntityManager, access: Access, visit: Visit, reason: string | null): Promise<Partial<Visit>> {
  if (visit.state !== VisitState.SIGNED) return {};
  await voidSignature(manager, access, visit.id, reason);
  return { state: VisitState.COMPLETE };
}

/**
 * A record of `visit` (as read by openForWrite, whose row it holds) was added, corrected, removed or
 * restored: the visit moves to its next version, so a client about to sign or lock it sees that its
 * content changed, and a SIGNED visit loses its signature and returns to COMPLETE.
 */
export async function visitContentChanged(manager: EntityManager, access: Access, visit: Visit, reason: string | null): Promise<void> {
  const changes = await leaveSigned(manager, access, visit, reason);
  if (changes.state) {
    await updateVisit(manager, access, visit, changes, reason);
  } else {
    // Only the version moves: nothing to audit, no need to read the visit back.
    await manager.createQueryBuilder().update(Visit).set({ version: () => `"version" + 1` }).where(`"id" = :id`, { id: visit.id }).execute();
  }
}
