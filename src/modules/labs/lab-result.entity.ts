import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DOUBLE } from "../../db/columns";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { Visit } from "../visits/visit.entity";
import { Patient } from "../patients/patient.entity";
import { RemovableRecord, VersionedRecord } from "../records/record-base";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: [Node, VersionedRecord, RemovableRecord], description: "A laboratory result of a patient at a visit (CDISC LB)." })
@ScopeRule("patient record")
@Entity("lab_result")
@Index(["visitId", "testCode"], { unique: true, where: `"removedAt" IS NULL` })
@Index(["testCode", "patientId"])
// A patient's lab results (migration ImmuneValuesAndLabsByPatient1765300000000).
@Index(["patientId"])
export class LabResult extends RemovableRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("LabResult", this.id);
  }

  @Column("integer")
  visitId: number;

  @ManyToOne(() => Visit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "visitId" })
  visit?: Visit;

  @Column("integer")
  patientId: number;

  @ManyToOne(() => Patient, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "patientId" })
  patient?: Patient;

  @Field({ description: "Test code from the lab catalogue, e.g. CRP, ALT." })
  @Column("varchar")
  testCode: string;

  @Field(() => Float, { nullable: true, description: "Null when below the detection limit." })
  @Column({ type: DOUBLE, nullable: true })
  value: number | null;

  @Field({ description: "The catalogue's standard unit for the test." })
  @Column("varchar")
  unit: string;

  @Field(() => Float, { nullable: true, description: "Lower limit of normal of the reporting laboratory." })
  @Column({ type: DOUBLE, nullable: true })
  referenceLow: number | null;

  @Field(() => Float, { nullable: true, description: "Upper limit of normal (ULN) of the reporting laboratory." })
  @Column({ type: DOUBLE, nullable: true })
  referenceHigh: number | null;

  @Field()
  @Column("boolean")
  belowDetectionLimit: boolean;
}
