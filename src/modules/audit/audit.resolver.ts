import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import { forbidden, invalidInput } from "../../errors";
import type { Context } from "../../graphql/context";
import { fromGlobalId } from "../../graphql/global-id";
import type { Access } from "../access/access";
import { decodeId } from "../../validation/checks";
import { Parameters } from "../../graphql/views/sql-condition";
import { parseCheckpoint, verifyAuditChain } from "./audit-chain";
import { AUDIT_READ_ROLES, auditScopeCondition } from "./audit-scope";
import { AuditAction, AuditEvent } from "./audit-event.entity";

@ObjectType({ description: "Result of recomputing the audit trail's hash chain." })
export class AuditVerification {
  @Field({ description: "True when every record's hash and link to the previous record match." })
  valid: boolean;

  @Field(() => Int, { description: "Records checked (up to and including the first broken one)." })
  checked: number;

  @Field(() => Int, { nullable: true, description: "Sequence number of the first record whose hash or link does not match, or that the checkpoint names but no longer matches." })
  firstBrokenId: number | null;

  @Field(() => String, { nullable: true, description: "What is wrong, in words; null when valid." })
  problem: string | null;

  @Field(() => Int, { description: "Records hashed without the audit key (written before keys were introduced), accepted only before the first keyed record." })
  unkeyedRows: number;

  @Field(() => String, {
    nullable: true,
    description: "When valid, the checkpoint of the current head (`audit-checkpoint/1/<rows>/<head sequence>/<head hash>`): keep it outside the database and pass it back as `checkpoint` to detect a chain cut short or rewritten since.",
  })
  checkpoint: string | null;
}

@ObjectType({ description: "A page of audit records, oldest first." })
export class AuditTrailPage {
  @Field(() => [AuditEvent])
  nodes: AuditEvent[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on the last page." })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;
}

const MAX_PAGE = 500;

function assertMayReadAudit(access: Access): void {
  if (!access.hasRole(...AUDIT_READ_ROLES)) throw forbidden("Reading the audit trail needs the AUDITOR or DATA_MANAGER role");
}

@Resolver()
export class AuditResolver {
  @Query(() => AuditTrailPage, { description: "Audit records, oldest first, of a patient, a visit or a record, optionally only some actions, types or fields. AUDITOR and DATA_MANAGER only." })
  async auditTrail(
    @Ctx() { dataSource, access }: Context,
    @Arg("patientId", () => ID, { nullable: true }) patientId?: string,
    @Arg("visitId", () => ID, { nullable: true }) visitId?: string,
    @Arg("entityId", () => ID, { nullable: true }) entityId?: string,
    @Arg("actions", () => [AuditAction], { nullable: true, description: "Only these actions, e.g. [ROLE_GRANTED, ROLE_REVOKED]." }) actions?: AuditAction[],
    @Arg("entityType", () => String, { nullable: true, description: "Only records of this type, e.g. `User`, `RoleAssignment`, `LabResult`." }) entityType?: string,
    @Arg("field", () => String, { nullable: true, description: "Only changes of this field, e.g. `value`." }) field?: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 100 }) first = 100,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<AuditTrailPage> {
    assertMayReadAudit(access);
    if (first < 1 || first > MAX_PAGE) throw invalidInput("first", `must be between 1 and ${MAX_PAGE}`);
    const query = dataSource.manager.getRepository(AuditEvent).createQueryBuilder("a").orderBy("a.id", "ASC").limit(first + 1);
    // Another site's patient, visit or record then answers as one that does not exist: an empty page.
    const params = new Parameters();
    const readable = auditScopeCondition(access, "a", params);
    if (readable) query.andWhere(readable, params.values);
    if (patientId) query.andWhere("a.patientId = :patientId", { patientId: decodeId("patientId", patientId, "Patient") });
    if (visitId) query.andWhere("a.visitId = :visitId", { visitId: decodeId("visitId", visitId, "Visit") });
    if (entityId) {
      const decoded = fromGlobalId(entityId);
      if (!decoded) throw invalidInput("entityId", `is not an id (got ${JSON.stringify(entityId)})`);
      query.andWhere("a.entityType = :type AND a.entityId = :key", { type: decoded.type, key: String(decoded.key) });
    }
    if (actions?.length === 0) return Object.assign(new AuditTrailPage(), { nodes: [], hasNextPage: false, endCursor: null });
    if (actions) query.andWhere("a.action IN (:...actions)", { actions });
    if (entityType) query.andWhere("a.entityType = :entityType", { entityType });
    if (field) query.andWhere("a.field = :field", { field });
    if (after) {
      const cursor = fromGlobalId(after);
      if (!cursor || cursor.type !== "AuditEvent") throw invalidInput("after", `is not an audit cursor (got ${JSON.stringify(after)})`);
      query.andWhere("a.id > :after", { after: cursor.key });
    }
    const rows = await query.getMany();
    const nodes = rows.slice(0, first);
    const hasNextPage = rows.length > first;
    return Object.assign(new AuditTrailPage(), { nodes, hasNextPage, endCursor: nodes.length ? nodes[nodes.length - 1].nodeId : null });
  }

  @Query(() => AuditVerification, { description: "Recomputes the whole keyed hash chain of the audit trail, and checks it still holds a checkpoint recorded earlier. AUDITOR and DATA_MANAGER only." })
  async verifyAuditTrail(
    @Ctx() { dataSource, access }: Context,
    @Arg("checkpoint", () => String, { nullable: true, description: "A checkpoint recorded earlier (from `verifyAuditTrail { checkpoint }` or `basketql audit checkpoint`)." }) checkpoint?: string | null,
  ): Promise<AuditVerification> {
    assertMayReadAudit(access);
    const expected = checkpoint === null || checkpoint === undefined ? undefined : parseCheckpoint(checkpoint);
    if (expected === null) throw invalidInput("checkpoint", `is not an audit checkpoint (audit-checkpoint/1/<rows>/<head sequence>/<head hash>)`);
    return Object.assign(new AuditVerification(), await verifyAuditChain(dataSource.manager, { checkpoint: expected }));
  }
}
