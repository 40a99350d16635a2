import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";

@ObjectType({ description: "A person who signs in to the service." })
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

  @CreateDateColumn()
  createdAt: Date;
}
