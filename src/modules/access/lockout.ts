import type { DataSource, EntityManager } from "typeorm";
import { IsNull } from "typeorm";
import { InvalidInputError } from "../../errors";
import { AuditAction } from "../audit/audit-event.entity";
import type { AuditActor } from "../audit/audit-writer";
import { appendAudit } from "../audit/audit-writer";
import { statedReason } from "../records/write-guard";
import { User } from "./user.entity";

/**
 * Account lockout (21 CFR 11.300(d)): after `maxFailedAttempts` consecutive wrong passwords — at
 * sign-in or when signing a visit, both count — the account is locked: it cannot sign in, its tokens
 * stop working, and only an administrator unlocks it from the command line (`user unlock`). Both are
 * audited (ACCOUNT_LOCKED, ACCOUNT_UNLOCKED). A right password resets the count.
 */
export const DEFAULT_MAX_FAILED_ATTEMPTS = 5;

const lockoutActor = (user: User): AuditActor => ({ actorId: user.id, actorUsername: user.username, actorRoles: "" });

/**
 * Counts one failed password attempt of `user`, in its own transaction (the request that failed
 * commits nothing else), and locks the account when the count reaches the limit. The increment and
 * the lock are single UPDATEs, so concurrent failures are all counted and the lock is audited once.
 * Returns whether this attempt locked the account.
 */
export async function recordFailedAttempt(dataSource: DataSource, user: User, maxFailedAttempts: number, how: "sign-in" | "signature"): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    await manager.increment(User, { id: user.id }, "failedAttempts", 1);
    const now = new Date().toISOString();
    const locked = await manager
      .createQueryBuilder()
      .update(User)
      .set({ lockedAt: now, tokensValidAfter: now })
      .where({ id: user.id, lockedAt: IsNull() })
      .andWhere(`"failedAttempts" >= :max`, { max: maxFailedAttempts })
      .execute();
    if (!locked.affected) return false;
    await appendAudit(manager, lockoutActor(user), [
      {
        action: AuditAction.ACCOUNT_LOCKED,
        entityType: "User",
        entityId: String(user.id),
        patientId: null,
        visitId: null,
        field: "lockedAt",
        oldValue: null,
        newValue: now,
        reason: `${maxFailedAttempts} consecutive failed password attempts (the last at ${how})`,
      },
    ]);
    return true;
  });
}

/** A right password: the consecutive-failure count starts again. */
export async function resetFailedAttempts(manager: EntityManager, userId: number): Promise<void> {
  await manager.createQueryBuilder().update(User).set({ failedAttempts: 0 }).where({ id: userId }).andWhere(`"failedAttempts" > 0`).execute();
}

/** Unlocks a locked account (command line), with a reason; audited as ACCOUNT_UNLOCKED. Its earlier tokens stay revoked. */
export async function unlockAccount(manager: EntityManager, actor: AuditActor, username: string, reason: string | null): Promise<void> {
  const why = statedReason(reason, "unlock an account");
  const user = await manager.findOneBy(User, { username });
  if (!user) throw new InvalidInputError([{ field: "username", message: `username ${username} is not a user` }]);
  if (user.lockedAt === null) throw new InvalidInputError([{ field: "username", message: `username ${username} is not locked` }]);
  await manager.update(User, user.id, { lockedAt: null, failedAttempts: 0 });
  await appendAudit(manager, actor, [
    { action: AuditAction.ACCOUNT_UNLOCKED, entityType: "User", entityId: String(user.id), patientId: null, visitId: null, field: "lockedAt", oldValue: user.lockedAt, newValue: null, reason: why },
  ]);
}
