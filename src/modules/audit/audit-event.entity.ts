import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";
import { ScopeRule } from "../access/scope-rule";

/** What an audit record reports: clinical writes (CREATE, UPDATE, REMOVE, RESTORE), the visit and study lifecycle (SIGN, VOID_SIGNATURE, LOCK, UNLOCK), security events and bulk loads (IMPORT). */
export enum AuditAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  REMOVE = "REMOVE",
  RESTORE = "RESTORE",
  SIGN_IN = "SIGN_IN",
  SIGN_IN_FAILED = "SIGN_IN_FAILED",
  SIGN_OUT = "SIGN_OUT",
  ACCOUNT_LOCKED = "ACCOUNT_LOCKED",
  ACCOUNT_UNLOCKED = "ACCOUNT_UNLOCKED",
  SIGN = "SIGN",
  SIGN_FAILED = "SIGN_FAILED",
  VOID_SIGNATURE = "VOID_SIGNATURE",
  LOCK = "LOCK",
  UNLOCK = "UNLOCK",
  ROLE_GRANTED = "ROLE_GRANTED",
  ROLE_REVOKED = "ROLE_REVOKED",
  IMPORT = "IMPORT",
}

registerEnumType(AuditAction, {
  name: "AuditAction",
  valuesConfig: {
    CREATE: { description: "A record entered (one row per field), or an account created." },
    UPDATE: { description: "A field changed: a correction, a lifecycle step, a password or an account's activation." },
    REMOVE: { description: "A record removed from the data, with a reason." },
    RESTORE: { description: "A removed record brought back, with a reason." },
    SIGN_IN: { description: "A successful sign-in." },
    SIGN_IN_FAILED: { description: "A refused sign-in (unknown username, wrong password, inactive or locked account)." },
    SIGN_OUT: { description: "A user signed out: every token issued to them until then is revoked." },
    ACCOUNT_LOCKED: { description: "An account locked after too many consecutive failed password attempts (sign-in and signature)." },
    ACCOUNT_UNLOCKED: { description: "A locked account unlocked by an administrator, with a reason." },
    SIGN: { description: "A visit signed." },
    SIGN_FAILED: { description: "A signature refused for a wrong password." },
    VOID_SIGNATURE: { description: "A signature voided by a change to the signed visit." },
    LOCK: { description: "A visit or the study locked." },
    UNLOCK: { description: "A visit or the study unlocked, with a reason." },
    ROLE_GRANTED: { description: "A role given to a user." },
    ROLE_REVOKED: { description: "A role taken from a user." },
    IMPORT: { description: "Data loaded in bulk (the demo trial), recorded as one event." },
  },
});

/**
 * One append-only audit record: one field of one entity changed by one actor, or one security event.
 * The database refuses UPDATE and DELETE on the table (triggers created by the migration); `hash`
 * chains every row to the one before it (see audit-chain.ts) so that tampering is detectable.
 */
@ObjectType({ description: "One audit record: who changed which field of which record, when, from what to what." })
// The trail of a patient's data belongs to the patient's site. auditTrail applies this rule together with
// its own for records naming a visit only or nothing at all (audit-scope.ts).
@ScopeRule("patient record")
@Entity("audit_event")
@Index(["patientId"])
@Index(["visitId"])
@Index(["entityType", "entityId"])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("AuditEvent", this.id);
  }

  @Field(() => Int, { name: "sequence", description: "Position in the audit trail (the order of the hash chain)." })
  get sequence(): number {
    return this.id;
  }

  @Field({ description: "UTC server time, ISO-8601." })
  @Column("varchar")
  occurredAt: string;

  /** Null for an unknown caller (a failed sign-in of an unknown username). */
  @Column({ type: "integer", nullable: true })
  actorId: number | null;

  @Field({ description: "Username of the actor at that moment (`system` for the service itself)." })
  @Column("varchar")
  actorUsername: string;

  @Field({ description: "The actor's roles and sites at that moment, e.g. `INVESTIGATOR@study:1/site:1`." })
  @Column("text")
  actorRoles: string;

  @Field(() => AuditAction)
  @Column("varchar")
  action: AuditAction;

  @Field({ description: "The GraphQL type of the record, e.g. `Patient`, `Visit`, `User`." })
  @Column("varchar")
  entityType: string;

  /** Database key of the record (as text, so that security events can name non-numeric subjects). */
  @Column("varchar")
  entityId: string;

  @Field(() => ID, { name: "entityId", description: "Global id of the record (the key itself when it is not a stored record)." })
  get entityNodeId(): string {
    return /^[1-9][0-9]*$/.test(this.entityId) ? toGlobalId(this.entityType, Number(this.entityId)) : this.entityId;
  }

  @Column({ type: "integer", nullable: true })
  patientId: number | null;

  @Field(() => ID, { name: "patientId", nullable: true })
  get patientNodeId(): string | null {
    return this.patientId === null ? null : toGlobalId("Patient", this.patientId);
  }

  @Column({ type: "integer", nullable: true })
  visitId: number | null;

  @Field(() => ID, { name: "visitId", nullable: true })
  get visitNodeId(): string | null {
    return this.visitId === null ? null : toGlobalId("Visit", this.visitId);
  }

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", nullable: true })
  field: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  oldValue: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  newValue: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", nullable: true })
  reason: string | null;

  @Field()
  @Column("varchar")
  previousHash: string;

  @Field()
  @Column("varchar")
  hash: string;
}
