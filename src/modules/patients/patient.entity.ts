import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DATE, DOUBLE } from "../../db/columns";
import { LocalDate } from "../../graphql/scalars";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { PatientStatus, Sex } from "./patient-enums";
import { Study } from "../study/study.entity";
import { Cohort } from "../study/cohort.entity";
import { Site } from "../study/site.entity";
import { VersionedRecord } from "../records/record-base";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: [Node, VersionedRecord], description: "A trial participant, identified by a subject code (no names are stored)." })
@ScopeRule("patient")
@Entity("patient")
@Index(["studyId", "subjectCode"], { unique: true })
export class Patient extends VersionedRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("Patient", this.id);
  }

  @Column("integer")
  studyId: number;

  @ManyToOne(() => Study, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "studyId" })
  study?: Study;

  @Index()
  @Column("integer")
  cohortId: number;

  @ManyToOne(() => Cohort, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohortId" })
  cohort?: Cohort;

  @Index()
  @Column("integer")
  siteId: number;

  @ManyToOne(() => Site, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "siteId" })
  site?: Site;

  @Field({ description: "Subject code, unique within the study (CDISC SUBJID)." })
  @Column("varchar")
  subjectCode: string;

  @Field(() => Sex)
  @Column("varchar")
  sex: Sex;

  @Field(() => Int, { nullable: true })
  @Column({ type: "integer", nullable: true })
  yearOfBirth: number | null;

  @Field(() => Int, { nullable: true, description: "Age in years at inclusion." })
  @Column({ type: "integer", nullable: true })
  ageAtInclusion: number | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: DATE, nullable: true })
  inclusionDate: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Date of the first dose: study day 1." })
  @Column({ type: DATE, nullable: true })
  treatmentStartDate: string | null;

  @Field(() => PatientStatus)
  @Column("varchar")
  status: PatientStatus;

  @Field(() => LocalDate, { nullable: true, description: "Date the current status took effect." })
  @Column({ type: DATE, nullable: true })
  statusDate: string | null;

  @Field(() => String, { nullable: true, description: "Reason for the current status, e.g. why the patient withdrew." })
  @Column({ type: "varchar", nullable: true })
  statusReason: string | null;

  @Field(() => Float, { nullable: true, description: "Years since diagnosis at inclusion." })
  @Column({ type: DOUBLE, nullable: true })
  diseaseDurationYears: number | null;
}
