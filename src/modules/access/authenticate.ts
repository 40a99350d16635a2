import type { EntityManager } from "typeorm";
import { unauthenticated } from "../../errors";
import { Access } from "./access";
import { RoleAssignment } from "./role-assignment.entity";
import { readToken } from "./tokens";
import { User } from "./user.entity";

const today = () => new Date().toISOString().slice(0, 10);

/** The access of an active user: their role assignments that have not expired. */
export async function accessOf(manager: EntityManager, user: User): Promise<Access> {
  const assignments = (await manager.findBy(RoleAssignment, { userId: user.id })).filter((a) => a.expiresOn === null || a.expiresOn >= today());
  return Access.of({ id: user.id, username: user.username, displayName: user.displayName }, assignments.map(({ role, studyId, siteId }) => ({ role, studyId, siteId })));
}

/**
 * The caller of a request, from its `Authorization: Bearer <token>` header. No header: anonymous (only
 * sign-in is open to it). A header that does not hold a valid, current token of an active user is
 * refused with UNAUTHENTICATED rather than treated as anonymous; so is a token issued before the user's
 * tokens were revoked (a password change, a deactivation, a lockout, signing out: `tokensValidAfter`),
 * and any token of a locked account.
 */
export async function authenticate(manager: EntityManager, secret: Uint8Array, authorization: string | undefined, tokenHours: number): Promise<Access> {
  if (!authorization) return Access.anonymous();
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!bearer) throw unauthenticated("The Authorization header must be `Bearer <token>`");
  const token = await readToken(secret, bearer[1], tokenHours);
  if ("problem" in token) throw unauthenticated(`Not signed in: ${token.problem}`);
  const user = await manager.findOneBy(User, { id: token.userId });
  if (!user || !user.active) throw unauthenticated("Not signed in: the user is unknown or deactivated");
  if (user.lockedAt !== null) throw unauthenticated("Not signed in: the account is locked after too many failed password attempts; an administrator can unlock it");
  if (user.tokensValidAfter !== null && token.issuedAt < Date.parse(user.tokensValidAfter)) {
    throw unauthenticated("Not signed in: the token was revoked (signed out, password changed or account deactivated); sign in again");
  }
  return accessOf(manager, user);
}
