import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { DosingRegimen } from "./dosing-regimen";
import { Study } from "./study.entity";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: Node, description: "A disease cohort (basket arm): one disease plugin, one regimen, one visit schedule." })
@ScopeRule("shared", "a disease arm of the study's design, common to every site")
@Entity("cohort")
@Index(["studyId", "code"], { unique: true })
export class Cohort {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("Cohort", this.id);
  }

  @Column("integer")
  studyId: number;

  @ManyToOne(() => Study, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "studyId" })
  study?: Study;

  @Field({ description: "Cohort code, e.g. RA." })
  @Column("varchar")
  code: string;

  @Field()
  @Column("varchar")
  name: string;

  @Field({ description: "Id of the disease plugin the cohort's clinical scores come from." })
  @Column("varchar")
  diseaseId: string;

  @Field(() => DosingRegimen)
  @Column("simple-json")
  regimen: DosingRegimen;

  @Field(() => Int, { nullable: true, description: "Planned number of patients." })
  @Column({ type: "integer", nullable: true })
  plannedSize: number | null;
}
