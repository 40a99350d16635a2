import type { EntityManager } from "typeorm";
import { InvalidInputError } from "../../errors";
import { Checks } from "../../validation/checks";
import { Site } from "../study/site.entity";
import { Study } from "../study/study.entity";
import { MIN_PASSWORD_LENGTH, hashPassword } from "./password";
import { Role, SITE_ROLES } from "./role";
import { RoleAssignment } from "./role-assignment.entity";
import { User } from "./user.entity";

/** A hash no password matches: such an account signs in only with tokens issued from the command line. */
export const NO_PASSWORD = "!";

export const MAX_USERNAME_LENGTH = 64;

export async function createUser(manager: EntityManager, input: { username: string; displayName: string; password?: string }): Promise<User> {
  const checks = new Checks().text("username", input.username, MAX_USERNAME_LENGTH).text("displayName", input.displayName, 200);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(input.username)) checks.add("username", "must be lower-case letters, digits, '.', '_' or '-'");
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) checks.add("password", `must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (await manager.existsBy(User, { username: input.username })) checks.add("username", `is already taken (${input.username})`);
  checks.verify();
  const passwordHash = input.password === undefined ? NO_PASSWORD : await hashPassword(input.password);
  return manager.save(manager.create(User, { username: input.username, displayName: input.displayName, passwordHash, active: true }));
}

export async function setPassword(manager: EntityManager, username: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new InvalidInputError([{ field: "password", message: `password must have at least ${MIN_PASSWORD_LENGTH} characters` }]);
  const user = await manager.findOneByOrFail(User, { username });
  await manager.update(User, user.id, { passwordHash: await hashPassword(password) });
}

/** Gives a user a role in a study (by code; the only study if omitted), at a site (by code) for site roles. */
export async function grantRole(
  manager: EntityManager,
  input: { username: string; role: Role; studyCode?: string; siteCode?: string; expiresOn?: string },
): Promise<RoleAssignment> {
  const checks = new Checks().date("expiresOn", input.expiresOn);
  const user = await manager.findOneBy(User, { username: input.username });
  const studies = await manager.find(Study, { where: input.studyCode ? { code: input.studyCode } : {} });
  if (!user) checks.add("username", `is not a user (${input.username})`);
  if (studies.length !== 1) checks.add("study", input.studyCode ? `${input.studyCode} is not a study` : "must be named: there is not exactly one study");
  if (!Object.values(Role).includes(input.role)) checks.add("role", `must be one of ${Object.values(Role).join(", ")}`);
  checks.verify();
  let siteId: number | null = null;
  if (SITE_ROLES.has(input.role)) {
    const site = input.siteCode ? await manager.findOneBy(Site, { studyId: studies[0].id, code: input.siteCode }) : null;
    if (!site) throw new InvalidInputError([{ field: "site", message: `site: ${input.role} is a site role; name a site of ${studies[0].code}` }]);
    siteId = site.id;
  } else if (input.siteCode) {
    throw new InvalidInputError([{ field: "site", message: `site: ${input.role} is a study-wide role and takes no site` }]);
  }
  return manager.save(manager.create(RoleAssignment, { userId: user!.id, studyId: studies[0].id, role: input.role, siteId, expiresOn: input.expiresOn ?? null }));
}
