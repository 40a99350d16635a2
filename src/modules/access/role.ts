import { registerEnumType } from "type-graphql";

/**
 * What a user may do, per study and (for site roles) per site. ADMIN manages accounts and sees no
 * clinical data; DATA_MANAGER, ANALYST and AUDITOR work study-wide; INVESTIGATOR, COORDINATOR and
 * MONITOR work on the sites they are assigned to.
 */
export enum Role {
  ADMIN = "ADMIN",
  DATA_MANAGER = "DATA_MANAGER",
  INVESTIGATOR = "INVESTIGATOR",
  COORDINATOR = "COORDINATOR",
  MONITOR = "MONITOR",
  ANALYST = "ANALYST",
  AUDITOR = "AUDITOR",
}
registerEnumType(Role, { name: "Role" });

/** Roles whose assignment names a site and whose access is limited to it. */
export const SITE_ROLES = new Set<Role>([Role.INVESTIGATOR, Role.COORDINATOR, Role.MONITOR]);
/** Roles that read clinical data. */
export const CLINICAL_READ_ROLES = new Set<Role>([Role.DATA_MANAGER, Role.INVESTIGATOR, Role.COORDINATOR, Role.MONITOR, Role.ANALYST, Role.AUDITOR]);
/** Roles that enter clinical data at their sites. */
export const ENTRY_ROLES = new Set<Role>([Role.INVESTIGATOR, Role.COORDINATOR]);
