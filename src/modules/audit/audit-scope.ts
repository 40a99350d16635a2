import type { Access } from "../access/access";
import { Role } from "../access/role";
import { scopeCondition } from "../access/site-scope";
import { Parameters } from "../../graphql/views/sql-condition";

/** Roles that read the audit trail. */
export const AUDIT_READ_ROLES = new Set<Role>([Role.AUDITOR, Role.DATA_MANAGER]);

/**
 * The SQL condition that keeps the audit records (under `alias`) the caller may read, or undefined when
 * unrestricted. Only the caller's AUDITOR and DATA_MANAGER assignments count (another role elsewhere
 * does not open that site's trail):
 * - a record naming a patient follows the patient's site, by AuditEvent's scope rule;
 * - a record naming a visit but no patient (a signature) follows the visit, by Visit's scope rule;
 * - a record naming neither is service-wide administration: accounts, sign-ins, role grants, study
 *   locks and bulk loads. They hold usernames, roles and study codes, no clinical data, and are granted
 *   across studies by ADMIN, so a study-wide holder of an audit role reads them all (to review who was
 *   given access to what); a holder limited to sites reads none of them.
 */
export function auditScopeCondition(access: Access, alias: string, params: Parameters): string | undefined {
  const scope = access.scopeFor(AUDIT_READ_ROLES);
  if (scope === null) return undefined;
  const patientRecords = scopeCondition("AuditEvent", alias, scope, params);
  const visit = params.alias();
  const visitRecords = `"${alias}"."visitId" IN (SELECT "${visit}"."id" FROM "visit" "${visit}" WHERE ${scopeCondition("Visit", visit, scope, params)})`;
  const administration = scope.studyIds.length > 0 ? `"${alias}"."visitId" IS NULL` : "1=0";
  return `(("${alias}"."patientId" IS NOT NULL AND ${patientRecords}) OR ("${alias}"."patientId" IS NULL AND (${visitRecords} OR ${administration})))`;
}
