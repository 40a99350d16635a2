import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";
import { ScopeRule } from "./scope-rule";

@ObjectType({ description: "A person who signs in to the service." })
@ScopeRule("shared", "staff accounts, not clinical data: read by role checks (ADMIN), not by site")
@Entity("app_user")
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("User", this.id);
  }

  @Field()
  @Column({ type: "varchar", unique: true })
  username: string;

  @Field({ description: "Printed name, used in signatures and the audit trail." })
  @Column("varchar")
  displayName: string;

  /** scrypt hash with its parameters and salt (see password.ts); never exposed. */
  @Column("varchar")
  passwordHash: string;

  @Field()
  @Column("boolean")
  active: boolean;

  /** Consecutive failed password attempts (sign-in and signature); reset by a successful one or an unlock. */
  @Column({ type: "integer", default: 0 })
  failedAttempts: number;

  /** When the account was locked for too many failed attempts (UTC, ISO-8601); null when not locked. */
  @Column({ type: "varchar", nullable: true })
  lockedAt: string | null;

  /** Tokens issued before this time (UTC, ISO-8601) are refused; null: every unexpired token counts. */
  @Column({ type: "varchar", nullable: true })
  tokensValidAfter: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
