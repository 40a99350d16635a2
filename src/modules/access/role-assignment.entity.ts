import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DATE } from "../../db/columns";
import { toGlobalId } from "../../graphql/global-id";
import { LocalDate } from "../../graphql/scalars";
import { Site } from "../study/site.entity";
import { Study } from "../study/study.entity";
import { Role } from "./role";
import { User } from "./user.entity";
import { ScopeRule } from "./scope-rule";

@ObjectType({ description: "A role a user holds in a study, at one site for site roles, until an optional expiry date." })
@ScopeRule("shared", "who may do what: granted and read by role checks (ADMIN), not by site")
@Entity("role_assignment")
@Index(["userId"])
export class RoleAssignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("RoleAssignment", this.id);
  }

  @Column("integer")
  userId: number;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "userId" })
  user?: User;

  @Column("integer")
  studyId: number;

  @ManyToOne(() => Study, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "studyId" })
  study?: Study;

  @Field(() => Role)
  @Column("varchar")
  role: Role;

  /** Required for site roles; null for study-wide roles. */
  @Column({ type: "integer", nullable: true })
  siteId: number | null;

  @ManyToOne(() => Site, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "siteId" })
  site?: Site;

  @Field(() => LocalDate, { nullable: true, description: "Last day the assignment is valid; null for no expiry." })
  @Column({ type: DATE, nullable: true })
  expiresOn: string | null;
}
