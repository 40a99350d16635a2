import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DOUBLE } from "../../db/columns";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { Visit } from "../visits/visit.entity";
import { Patient } from "../patients/patient.entity";
import { RemovableRecord, VersionedRecord } from "../records/record-base";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({
  implements: [Node, VersionedRecord, RemovableRecord],
  description:
    "The vital signs of a patient at a visit (CDISC VS), collected on one form: weight in kg, height in cm, " +
    "blood pressure in mmHg, heart rate in beats/min, body temperature in °C. A measure not taken is null.",
})
@ScopeRule("patient record")
@Entity("vital_signs")
// One form per visit among the records still part of the data (migration VitalSigns1765600000000).
@Index(["visitId"], { unique: true, where: `"removedAt" IS NULL` })
@Index(["patientId"])
export class VitalSigns extends RemovableRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("VitalSigns", this.id);
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

  @Field(() => Float, { nullable: true, description: "Body weight in kg (VSTESTCD WEIGHT)." })
  @Column({ type: DOUBLE, nullable: true })
  weightKg: number | null;

  @Field(() => Float, { nullable: true, description: "Height in cm (VSTESTCD HEIGHT)." })
  @Column({ type: DOUBLE, nullable: true })
  heightCm: number | null;

  @Field(() => Int, { nullable: true, description: "Systolic blood pressure in mmHg (VSTESTCD SYSBP)." })
  @Column({ type: "integer", nullable: true })
  systolicBp: number | null;

  @Field(() => Int, { nullable: true, description: "Diastolic blood pressure in mmHg (VSTESTCD DIABP)." })
  @Column({ type: "integer", nullable: true })
  diastolicBp: number | null;

  @Field(() => Int, { nullable: true, description: "Heart rate in beats/min (VSTESTCD HR)." })
  @Column({ type: "integer", nullable: true })
  heartRate: number | null;

  @Field(() => Float, { nullable: true, description: "Body temperature in °C (VSTESTCD TEMP)." })
  @Column({ type: DOUBLE, nullable: true })
  temperatureC: number | null;
}
