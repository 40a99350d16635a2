import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { Cohort } from "./cohort.entity";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: Node, description: "A visit of a cohort's schedule, with its target study day and window." })
@ScopeRule("shared", "the visit schedule of a cohort, common to every site")
@Entity("planned_visit")
@Index(["cohortId", "code"], { unique: true })
export class PlannedVisit {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("PlannedVisit", this.id);
  }

  @Column("integer")
  cohortId: number;

  @ManyToOne(() => Cohort, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohortId" })
  cohort?: Cohort;

  @Field({ description: "Visit code, e.g. BASELINE, D8, D85." })
  @Column("varchar")
  code: string;

  @Field()
  @Column("varchar")
  label: string;

  @Field(() => Int, { description: "Target study day (day 1 = first dose)." })
  @Column("integer")
  studyDay: number;

  @Field(() => Int, { description: "Days the visit may take place before its target day." })
  @Column("integer")
  windowBefore: number;

  @Field(() => Int, { description: "Days the visit may take place after its target day." })
  @Column("integer")
  windowAfter: number;

  @Field({ description: "True for the reference visit that response criteria compare against." })
  @Column("boolean")
  isBaseline: boolean;

  @Field({ description: "True when disease scores are planned at this visit." })
  @Column("boolean")
  clinicalEvaluation: boolean;

  @Field({ description: "True when an immune panel is planned at this visit." })
  @Column("boolean")
  immunomonitoring: boolean;
}
