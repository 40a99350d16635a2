import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DATE } from "../../db/columns";
import { LocalDate } from "../../graphql/scalars";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { ActionTaken, AdverseEventOutcome, Relatedness } from "./adverse-event-enums";
import { Patient } from "../patients/patient.entity";
import { Visit } from "../visits/visit.entity";
import { RemovableRecord, VersionedRecord } from "../records/record-base";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: [Node, VersionedRecord, RemovableRecord], description: "An adverse event graded with CTCAE and optionally coded in MedDRA (CDISC AE)." })
@ScopeRule("patient record")
@Entity("adverse_event")
// A visit's doses or adverse events (migration DosesAndAdverseEventsByVisit1765400000000).
@Index(["visitId"])
export class AdverseEvent extends RemovableRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("AdverseEvent", this.id);
  }

  @Index()
  @Column("integer")
  patientId: number;

  @ManyToOne(() => Patient, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "patientId" })
  patient?: Patient;

  /** The visit at which the event was reported, if any. */
  @Column({ type: "integer", nullable: true })
  visitId: number | null;

  @ManyToOne(() => Visit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "visitId" })
  visit?: Visit;

  @Field(() => String, { nullable: true, description: "Verbatim term as reported (null for analysts, who see de-identified data)." })
  @Column("varchar")
  term: string;

  @Field(() => String, { nullable: true, description: "MedDRA lowest-level-term or preferred-term code (the dictionary is licensed and not shipped)." })
  @Column({ type: "varchar", nullable: true })
  meddraCode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", nullable: true })
  meddraVersion: string | null;

  @Field(() => Int, { description: "CTCAE grade 1 (mild) to 5 (death)." })
  @Column("integer")
  grade: number;

  @Field({ description: "CTCAE version the grade refers to, e.g. 5.0." })
  @Column("varchar")
  ctcaeVersion: string;

  @Field()
  @Column("boolean")
  serious: boolean;

  @Field(() => Relatedness)
  @Column("varchar")
  relatedness: Relatedness;

  @Field(() => LocalDate)
  @Column(DATE)
  onsetDate: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: DATE, nullable: true })
  resolutionDate: string | null;

  @Field(() => AdverseEventOutcome)
  @Column("varchar")
  outcome: AdverseEventOutcome;

  @Field(() => ActionTaken)
  @Column("varchar")
  actionTaken: ActionTaken;
}
