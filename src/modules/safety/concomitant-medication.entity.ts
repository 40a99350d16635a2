import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DATE, DOUBLE } from "../../db/columns";
import { LocalDate } from "../../graphql/scalars";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { Patient } from "../patients/patient.entity";
import { RemovableRecord, VersionedRecord } from "../records/record-base";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: [Node, VersionedRecord, RemovableRecord], description: "A treatment taken alongside the study drug (CDISC CM)." })
@ScopeRule("patient record")
@Entity("concomitant_medication")
export class ConcomitantMedication extends RemovableRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("ConcomitantMedication", this.id);
  }

  @Index()
  @Column("integer")
  patientId: number;

  @ManyToOne(() => Patient, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "patientId" })
  patient?: Patient;

  @Field(() => String, { nullable: true, description: "The drug as entered (free text; null for analysts, who see de-identified data)." })
  @Column("varchar")
  drug: string;

  @Field(() => Float, { nullable: true })
  @Column({ type: DOUBLE, nullable: true })
  dose: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", nullable: true })
  doseUnit: string | null;

  @Field(() => String, { nullable: true, description: "e.g. QD, BID, weekly." })
  @Column({ type: "varchar", nullable: true })
  frequency: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", nullable: true })
  route: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", nullable: true })
  indication: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: DATE, nullable: true })
  startDate: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Null while ongoing." })
  @Column({ type: DATE, nullable: true })
  stopDate: string | null;
}
