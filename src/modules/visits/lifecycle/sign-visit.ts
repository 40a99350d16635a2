import type { EntityManager } from "typeorm";
import type { Access } from "../../access/access";
import { verifyPassword } from "../../access/password";
import { User } from "../../access/user.entity";
import { AuditAction } from "../../audit/audit-event.entity";
import { auditCreate } from "../../audit/audit-writer";
import { VisitState } from "../visit-state";
import type { Visit } from "../visit.entity";
import type { SignVisitInput } from "./lifecycle-inputs";
import { visitContentHash } from "./signed-content";
import { updateVisit } from "./visit-changes";
import { VisitSignature } from "./visit-signature.entity";
import { beginVisitStep } from "./visit-step";

/** Thrown when the password given at signing is wrong; the caller audits the failed attempt. */
export class SignatureRefused extends Error {
  constructor(
    readonly visitId: number,
    readonly patientId: number,
  ) {
    super("The password does not match: the visit was not signed");
  }
}

/**
 * COMPLETE → SIGNED by an investigator of the visit's site, who re-enters their password (21 CFR
 * 11.200). The signature records the signer's printed name, the time, the meaning and the SHA-256
 * of the visit's content as signed.
 */
export async function signVisit(manager: EntityManager, access: Access, input: SignVisitInput): Promise<Visit> {
  const visit = await beginVisitStep(manager, access, input, "sign", [VisitState.COMPLETE]);
  const signer = await manager.findOneBy(User, { id: access.actor!.id });
  // A locked account's tokens are revoked when it locks; checked here too, for a lock that lands mid-request.
  if (!signer?.active || signer.lockedAt !== null || !(await verifyPassword(input.password, signer.passwordHash))) throw new SignatureRefused(visit.id, visit.patientId);
  const signature = await manager.save(
    manager.create(VisitSignature, {
      visitId: visit.id,
      signerId: signer.id,
      signerName: signer.displayName,
      signerUsername: signer.username,
      signedAt: new Date().toISOString(),
      meaning: input.meaning,
      contentHash: await visitContentHash(manager, visit),
      voidedAt: null,
      voidReason: null,
    }),
  );
  await auditCreate(manager, access, VisitSignature, signature, null, AuditAction.SIGN);
  return updateVisit(manager, access, visit, { state: VisitState.SIGNED }, null, AuditAction.SIGN);
}
