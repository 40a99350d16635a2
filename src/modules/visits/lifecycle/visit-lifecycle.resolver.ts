import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { invalidInput } from "../../../errors";
import type { Context } from "../../../graphql/context";
import { AuditAction } from "../../audit/audit-event.entity";
import { appendAudit, actorOf } from "../../audit/audit-writer";
import { lockStudy, unlockStudy } from "../../study/lock-study";
import { recordFailedAttempt, resetFailedAttempts } from "../../access/lockout";
import { User } from "../../access/user.entity";
import { Study } from "../../study/study.entity";
import { Visit } from "../visit.entity";
import { completeVisit } from "./complete-visit";
import { SignVisitInput, VisitStepInput } from "./lifecycle-inputs";
import { lockVisit, unlockVisit } from "./lock-visit";
import { reopenVisit } from "./reopen-visit";
import { visitContentHashes } from "./signed-content";
import { SignatureRefused, signVisit } from "./sign-visit";
import { VisitSignature } from "./visit-signature.entity";

/** The visit lifecycle (IN_PROGRESS → COMPLETE → SIGNED → LOCKED) and the study lock. */
@Resolver(() => Visit)
export class VisitLifecycleResolver {
  @Mutation(() => Visit, { description: "IN_PROGRESS → COMPLETE. Afterwards every change needs a reason." })
  completeVisit(@Arg("input") input: VisitStepInput, @Ctx() { dataSource, access }: Context): Promise<Visit> {
    return dataSource.transaction((manager) => completeVisit(manager, access, input));
  }

  @Mutation(() => Visit, { description: "COMPLETE or SIGNED → IN_PROGRESS, with a reason, to add data. Voids a signature." })
  reopenVisit(@Arg("input") input: VisitStepInput, @Ctx() { dataSource, access }: Context): Promise<Visit> {
    return dataSource.transaction((manager) => reopenVisit(manager, access, input));
  }

  @Mutation(() => Visit, { description: "COMPLETE → SIGNED by an investigator of the site, who re-enters their password." })
  async signVisit(@Arg("input") input: SignVisitInput, @Ctx() { dataSource, access, security }: Context): Promise<Visit> {
    // The password re-entered to sign is a password attempt like a sign-in: rate-limited, and counted towards the lockout.
    if (access.actor && !access.isSystem) await security.attempts.admit(security.clientAddress, access.actor.username);
    try {
      const signed = await dataSource.transaction((manager) => signVisit(manager, access, input));
      await resetFailedAttempts(dataSource.manager, access.actor!.id);
      return signed;
    } catch (error) {
      if (!(error instanceof SignatureRefused)) throw error;
      // The failed attempt is itself audited (in its own transaction: the signing one rolled back).
      await dataSource.transaction((manager) =>
        appendAudit(manager, actorOf(access), [
          { action: AuditAction.SIGN_FAILED, entityType: "Visit", entityId: String(error.visitId), patientId: error.patientId, visitId: error.visitId, field: null, oldValue: null, newValue: null, reason: "wrong password" },
        ]),
      );
      const signer = await dataSource.manager.findOneBy(User, { id: access.actor!.id });
      if (signer) await recordFailedAttempt(dataSource, signer, security.maxFailedAttempts, "signature");
      throw invalidInput("password", "does not match: the visit was not signed");
    }
  }

  @Mutation(() => Visit, { description: "SIGNED → LOCKED by a data manager: the visit refuses every write." })
  lockVisit(@Arg("input") input: VisitStepInput, @Ctx() { dataSource, access }: Context): Promise<Visit> {
    return dataSource.transaction((manager) => lockVisit(manager, access, input));
  }

  @Mutation(() => Visit, { description: "LOCKED → SIGNED by a data manager, with a reason." })
  unlockVisit(@Arg("input") input: VisitStepInput, @Ctx() { dataSource, access }: Context): Promise<Visit> {
    return dataSource.transaction((manager) => unlockVisit(manager, access, input));
  }

  @Mutation(() => Study, { description: "Locks the whole study for the final analysis: every clinical write is refused. DATA_MANAGER only." })
  lockStudy(@Arg("studyId", () => ID) studyId: string, @Arg("reason") reason: string, @Ctx() { dataSource, access }: Context): Promise<Study> {
    return dataSource.transaction((manager) => lockStudy(manager, access, studyId, reason));
  }

  @Mutation(() => Study, { description: "Unlocks a locked study, with a reason. DATA_MANAGER only." })
  unlockStudy(@Arg("studyId", () => ID) studyId: string, @Arg("reason") reason: string, @Ctx() { dataSource, access }: Context): Promise<Study> {
    return dataSource.transaction((manager) => unlockStudy(manager, access, studyId, reason));
  }

  @FieldResolver(() => VisitSignature, { nullable: true, description: "The signature in force, if the visit is signed (or locked after signing)." })
  async signature(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<VisitSignature | undefined> {
    const signatures = await loaders.manyBy(VisitSignature, "visitId").load(visit.id);
    return signatures.find((s) => s.voidedAt === null);
  }

  @FieldResolver(() => [VisitSignature], { description: "Every signature of the visit, voided ones included, oldest first." })
  signatures(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<VisitSignature[]> {
    return loaders.manyBy(VisitSignature, "visitId").load(visit.id);
  }
}

@Resolver(() => VisitSignature)
export class VisitSignatureResolver {
  @FieldResolver(() => Boolean, { description: "True when the visit's content, recomputed now, still has the signed hash." })
  async contentMatches(@Root() signature: VisitSignature, @Ctx() { dataSource, loaders }: Context): Promise<boolean> {
    // Batched: a list of signed visits costs one query per content table, not five per signature.
    const hash = await loaders.keyed("Visit.contentHash", async (visitIds) => {
      // The visits are those the signatures were reached through: already loaded in this request.
      const visits = (await loaders.byId(Visit).loadMany([...visitIds])).filter((v): v is Visit => v instanceof Visit);
      const hashes = await visitContentHashes(dataSource.manager, visits);
      return visitIds.map((id) => hashes.get(id) ?? null);
    }).load(signature.visitId);
    return hash === signature.contentHash;
  }
}
