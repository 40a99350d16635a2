import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { unauthenticated } from "../../errors";
import type { Context } from "../../graphql/context";
import { AuditAction } from "../audit/audit-event.entity";
import { actorOf, appendAudit } from "../audit/audit-writer";
import type { Access } from "./access";
import { MAX_USERNAME_LENGTH } from "./accounts";
import { accessOf } from "./authenticate";
import { recordFailedAttempt, resetFailedAttempts } from "./lockout";
import { verifyPassword } from "./password";
import { RoleAssignment } from "./role-assignment.entity";
import { User } from "./user.entity";

@ObjectType()
class SignInResult {
  @Field({ description: "Bearer token: send it as `Authorization: Bearer <token>`." })
  token: string;

  @Field({ description: "When the token stops being valid (UTC)." })
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

@ObjectType({ description: "The signed-in user and what they may do." })
class Me {
  @Field(() => User)
  user: User;

  @Field(() => [RoleAssignment], { description: "Current (unexpired) role assignments." })
  roles: RoleAssignment[];
}

/** A sign-in attempt as a security event; the actor is the user (or just the username tried, when unknown). */
function auditSignIn(manager: EntityManager, action: AuditAction, user: User | null, username: string, reason: string | null, access?: Access): Promise<void> {
  // What was typed is kept, but no longer than a username can be: the trail is not a place to store arbitrary input.
  const tried = username.length > MAX_USERNAME_LENGTH ? `${username.slice(0, MAX_USERNAME_LENGTH)}… (${username.length} characters)` : username;
  const actor = access ? actorOf(access) : { actorId: user?.id ?? null, actorUsername: tried, actorRoles: "" };
  return appendAudit(manager, actor, [
    { action, entityType: "User", entityId: user ? String(user.id) : tried, patientId: null, visitId: null, field: null, oldValue: null, newValue: null, reason },
  ]);
}

@Resolver()
export class SignInResolver {
  @Mutation(() => SignInResult, {
    description: "Checks a username and password and returns a bearer token. Attempts are rate-limited per client address and per account (TOO_MANY_REQUESTS), and too many consecutive wrong passwords lock the account.",
  })
  async signIn(@Arg("username") username: string, @Arg("password") password: string, @Ctx() { dataSource, tokens, security }: Context): Promise<SignInResult> {
    // Before anything costs: no lookup and no scrypt for an attempt over the limits.
    await security.attempts.admit(security.clientAddress, username);
    const user = await dataSource.manager.findOneBy(User, { username });
    // The same answer whether the user is unknown, inactive, locked or the password wrong: no account
    // enumeration. The password is checked (against a decoy when there is no account) before anything is decided.
    const passwordMatches = await verifyPassword(password, user?.passwordHash);
    // Read again after hashing: a lockout by concurrent attempts counts.
    const current = user && (await dataSource.manager.findOneBy(User, { id: user.id }));
    if (!current || !current.active || current.lockedAt !== null || !passwordMatches) {
      const reason = !current ? "unknown username" : !current.active ? "inactive account" : current.lockedAt !== null ? "locked account" : "wrong password";
      // Recorded in its own transaction: the failure is audited although the request fails.
      await dataSource.transaction((manager) => auditSignIn(manager, AuditAction.SIGN_IN_FAILED, current, username, reason));
      if (reason === "wrong password") await recordFailedAttempt(dataSource, current!, security.maxFailedAttempts, "sign-in");
      throw unauthenticated("Unknown username or wrong password");
    }
    await dataSource.transaction(async (manager) => {
      await resetFailedAttempts(manager, current.id);
      await auditSignIn(manager, AuditAction.SIGN_IN, current, username, null, await accessOf(manager, current));
    });
    const token = await tokens.issueToken(current.id);
    return Object.assign(new SignInResult(), { token, expiresAt: new Date(Date.now() + tokens.tokenHours * 3_600_000), user: current });
  }

  @Mutation(() => Boolean, {
    description:
      "Signs out everywhere: every token issued to the caller until now, the one presented included, stops working (on every device). Audited as SIGN_OUT.",
  })
  async signOut(@Ctx() { dataSource, access }: Context): Promise<boolean> {
    await dataSource.transaction(async (manager) => {
      const now = new Date().toISOString();
      await manager.update(User, access.actor!.id, { tokensValidAfter: now });
      await appendAudit(manager, actorOf(access), [
        { action: AuditAction.SIGN_OUT, entityType: "User", entityId: String(access.actor!.id), patientId: null, visitId: null, field: "tokensValidAfter", oldValue: null, newValue: now, reason: null },
      ]);
    });
    return true;
  }

  @Query(() => Me)
  async me(@Ctx() { dataSource, access }: Context): Promise<Me> {
    const user = await dataSource.manager.findOneByOrFail(User, { id: access.actor!.id });
    const current = await accessOf(dataSource.manager, user);
    const roles = (await dataSource.manager.findBy(RoleAssignment, { userId: user.id })).filter((r) =>
      current.assignments.some((a) => a.role === r.role && a.siteId === r.siteId && a.studyId === r.studyId),
    );
    return Object.assign(new Me(), { user, roles });
  }
}
