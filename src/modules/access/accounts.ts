import type { EntityManager } from "typeorm";
import { IsNull } from "typeorm";
import { InvalidInputError } from "../../errors";
import { Checks } from "../../validation/checks";
import { AuditAction } from "../audit/audit-event.entity";
import type { AuditActor } from "../audit/audit-writer";
import { appendAudit } from "../audit/audit-writer";
import { optionalReason } from "../records/write-guard";
import { Site } from "../study/site.entity";
import { Study } from "../study/study.entity";
import { MIN_PASSWORD_LENGTH, hashPassword } from "./password";
import { Role, SITE_ROLES } from "./role";
import { RoleAssignment } from "./role-assignment.entity";
import { User } from "./user.entity";

/** A hash no password matches: such an account signs in only with tokens issued from the command line. */
export const NO_PASSWORD = "!";

export const MAX_USERNAME_LENGTH = 64;

/*
 * Account administration. Every change is audited in the caller's transaction: the account's fields
 * (never a password or its hash: only that one was set), role grants and revocations with the
 * role, study, site and expiry they concern, and (de)activations.
 */

function auditAccount(manager: EntityManager, actor: AuditActor, action: AuditAction, entity: User | RoleAssignment, changes: Array<[field: string, oldValue: string | null, newValue: string | null]>, given: string | null = null) {
  const entityType = entity instanceof RoleAssignment ? "RoleAssignment" : "User";
  const reason = optionalReason(given, "change an account");
  return appendAudit(
    manager,
    actor,
    changes.map(([field, oldValue, newValue]) => ({ action, entityType, entityId: String(entity.id), patientId: null, visitId: null, field, oldValue, newValue, reason })),
  );
}

export async function createUser(manager: EntityManager, actor: AuditActor, input: { username: string; displayName: string; password?: string }): Promise<User> {
  const checks = new Checks().text("username", input.username, MAX_USERNAME_LENGTH).text("displayName", input.displayName, 200);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(input.username)) checks.add("username", "must be lower-case letters, digits, '.', '_' or '-'");
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) checks.add("password", `must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (await manager.existsBy(User, { username: input.username })) checks.add("username", `is already taken (${input.username})`);
  checks.verify();
  const passwordHash = input.password === undefined ? NO_PASSWORD : await hashPassword(input.password);
  const user = await manager.save(manager.create(User, { username: input.username, displayName: input.displayName, passwordHash, active: true }));
  await auditAccount(manager, actor, AuditAction.CREATE, user, [
    ["username", null, user.username],
    ["displayName", null, user.displayName],
    ["active", null, "true"],
    ["password", null, input.password === undefined ? null : "(set)"],
  ]);
  return user;
}

async function findUser(manager: EntityManager, username: string): Promise<User> {
  const user = await manager.findOneBy(User, { username });
  if (!user) throw new InvalidInputError([{ field: "username", message: `username ${username} is not a user` }]);
  return user;
}

export async function setPassword(manager: EntityManager, actor: AuditActor, username: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new InvalidInputError([{ field: "password", message: `password must have at least ${MIN_PASSWORD_LENGTH} characters` }]);
  const user = await findUser(manager, username);
  // Tokens issued under the old password stop working.
  await manager.update(User, user.id, { passwordHash: await hashPassword(password), tokensValidAfter: new Date().toISOString() });
  await auditAccount(manager, actor, AuditAction.UPDATE, user, [["password", user.passwordHash === NO_PASSWORD ? null : "(set)", "(changed)"]]);
}

/**
 * Deactivated accounts cannot sign in and their tokens stop working, also after a later reactivation
 * (tokensValidAfter); nothing of theirs is deleted.
 */
export async function setActive(manager: EntityManager, actor: AuditActor, username: string, active: boolean, reason: string | null = null): Promise<void> {
  const user = await findUser(manager, username);
  if (user.active === active) throw new InvalidInputError([{ field: "username", message: `username ${username} is already ${active ? "active" : "inactive"}` }]);
  await manager.update(User, user.id, active ? { active } : { active, tokensValidAfter: new Date().toISOString() });
  await auditAccount(manager, actor, AuditAction.UPDATE, user, [["active", String(user.active), String(active)]], reason);
}

/** How a role assignment reads in the audit trail, e.g. `INVESTIGATOR at site 01 of IL2-BASKET until 2026-12-31`. */
function describeAssignment(role: Role, study: Study, site: Site | null, expiresOn: string | null): string {
  return `${role}${site ? ` at site ${site.code}` : ""} of ${study.code}${expiresOn ? ` until ${expiresOn}` : ""}`;
}

interface RoleTarget {
  username: string;
  role: Role;
  /** The study's code; the only study if omitted. */
  studyCode?: string;
  /** For site roles. */
  siteCode?: string;
}

/** Resolves who, which role, study and site a grant or revocation is about, checking each. */
async function resolveRoleTarget(manager: EntityManager, input: RoleTarget, checks = new Checks()): Promise<{ user: User; study: Study; site: Site | null }> {
  const user = await manager.findOneBy(User, { username: input.username });
  const studies = await manager.find(Study, { where: input.studyCode ? { code: input.studyCode } : {} });
  if (!user) checks.add("username", `is not a user (${input.username})`);
  if (studies.length !== 1) checks.add("study", input.studyCode ? `${input.studyCode} is not a study` : "must be named: there is not exactly one study");
  if (!Object.values(Role).includes(input.role)) checks.add("role", `must be one of ${Object.values(Role).join(", ")}`);
  checks.verify();
  const study = studies[0];
  if (!SITE_ROLES.has(input.role)) {
    if (input.siteCode) throw new InvalidInputError([{ field: "site", message: `site: ${input.role} is a study-wide role and takes no site` }]);
    return { user: user!, study, site: null };
  }
  const site = input.siteCode ? await manager.findOneBy(Site, { studyId: study.id, code: input.siteCode }) : null;
  if (!site) throw new InvalidInputError([{ field: "site", message: `site: ${input.role} is a site role; name a site of ${study.code}` }]);
  return { user: user!, study, site };
}

/** Gives a user a role in a study, at a site for site roles, optionally until a last valid day. */
export async function grantRole(manager: EntityManager, actor: AuditActor, input: RoleTarget & { expiresOn?: string }, reason: string | null = null): Promise<RoleAssignment> {
  const { user, study, site } = await resolveRoleTarget(manager, input, new Checks().date("expiresOn", input.expiresOn));
  const today = new Date().toISOString().slice(0, 10);
  if (input.expiresOn && input.expiresOn < today) throw new InvalidInputError([{ field: "expiresOn", message: `expiresOn ${input.expiresOn} is in the past`, allowed: `today (${today}) or later` }]);
  if (await manager.existsBy(RoleAssignment, { userId: user.id, studyId: study.id, role: input.role, siteId: site ? site.id : IsNull() })) {
    throw new InvalidInputError([{ field: "role", message: `role: ${user.username} already holds ${describeAssignment(input.role, study, site, null)}; revoke it first to change its expiry` }]);
  }
  const assignment = await manager.save(
    manager.create(RoleAssignment, { userId: user.id, studyId: study.id, role: input.role, siteId: site?.id ?? null, expiresOn: input.expiresOn ?? null }),
  );
  await auditAccount(manager, actor, AuditAction.ROLE_GRANTED, assignment, [["role", null, `${user.username}: ${describeAssignment(input.role, study, site, assignment.expiresOn)}`]], reason);
  return assignment;
}

/** Takes a role away (every assignment of it to the user in that study and site); the trail keeps what it was. */
export async function revokeRole(manager: EntityManager, actor: AuditActor, input: RoleTarget, reason: string | null = null): Promise<number> {
  const { user, study, site } = await resolveRoleTarget(manager, input);
  const assignments = await manager.findBy(RoleAssignment, { userId: user.id, studyId: study.id, role: input.role, siteId: site ? site.id : IsNull() });
  if (assignments.length === 0) throw new InvalidInputError([{ field: "role", message: `role: ${user.username} does not hold ${describeAssignment(input.role, study, site, null)}` }]);
  for (const assignment of assignments) {
    await manager.delete(RoleAssignment, assignment.id);
    await auditAccount(manager, actor, AuditAction.ROLE_REVOKED, assignment, [["role", `${user.username}: ${describeAssignment(input.role, study, site, assignment.expiresOn)}`, null]], reason);
  }
  return assignments.length;
}
