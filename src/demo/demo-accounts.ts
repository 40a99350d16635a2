import type { EntityManager } from "typeorm";
import { createUser, grantRole } from "../modules/access/accounts";
import { Role } from "../modules/access/role";
import type { Site } from "../modules/study/site.entity";
import type { Study } from "../modules/study/study.entity";
import { SYSTEM_ACTOR } from "../modules/audit/audit-writer";

/** One account per role, site roles at sites 01 and 02, so that scoping can be tried out. */
export async function createDemoAccounts(manager: EntityManager, study: Study, sites: Site[]): Promise<string[]> {
  const [first, second] = sites;
  const accounts: Array<[username: string, displayName: string, role: Role, site: Site | null]> = [
    ["demo-admin", "Demo Administrator", Role.ADMIN, null],
    ["demo-data-manager", "Demo Data Manager", Role.DATA_MANAGER, null],
    [`demo-investigator-${first.code}`, `Demo Investigator (site ${first.code})`, Role.INVESTIGATOR, first],
    [`demo-coordinator-${first.code}`, `Demo Coordinator (site ${first.code})`, Role.COORDINATOR, first],
    [`demo-investigator-${second.code}`, `Demo Investigator (site ${second.code})`, Role.INVESTIGATOR, second],
    [`demo-monitor-${second.code}`, `Demo Monitor (site ${second.code})`, Role.MONITOR, second],
    ["demo-analyst", "Demo Analyst", Role.ANALYST, null],
    ["demo-auditor", "Demo Auditor", Role.AUDITOR, null],
  ];
  for (const [username, displayName, role, site] of accounts) {
    // No password: demo accounts sign in with tokens from the command line until given one.
    await createUser(manager, SYSTEM_ACTOR, { username, displayName });
    await grantRole(manager, SYSTEM_ACTOR, { username, role, studyCode: study.code, siteCode: site?.code });
  }
  return accounts.map(([username]) => username);
}
