import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DOUBLE } from "../../db/columns";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { Visit } from "../visits/visit.entity";
import { Patient } from "../patients/patient.entity";
import { ImmuneParameter } from "./immune-parameter.entity";
import { RemovableRecord, VersionedRecord } from "../records/record-base";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: [Node, VersionedRecord, RemovableRecord], description: "One immunomonitoring value of a patient at a visit (CDISC CP)." })
@ScopeRule("patient record")
@Entity("immune_measurement")
@Index(["visitId", "parameterId"], { unique: true, where: `"removedAt" IS NULL` })
@Index(["parameterId", "patientId"])
// A patient's immune values (migration ImmuneValuesAndLabsByPatient1765300000000).
@Index(["patientId"])
export class ImmuneMeasurement extends RemovableRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("ImmuneMeasurement", this.id);
  }

  @Column("integer")
  visitId: number;

  @ManyToOne(() => Visit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "visitId" })
  visit?: Visit;

  /** Copied from the visit so that patient-level queries need no join. */
  @Column("integer")
  patientId: number;

  @ManyToOne(() => Patient, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "patientId" })
  patient?: Patient;

  @Column("integer")
  parameterId: number;

  @ManyToOne(() => ImmuneParameter, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "parameterId" })
  parameter?: ImmuneParameter;

  @Field(() => Float, { nullable: true, description: "Null when below the detection limit." })
  @Column({ type: DOUBLE, nullable: true })
  value: number | null;

  @Field({ description: "Unit of the value (the parameter's unit)." })
  @Column("varchar")
  unit: string;

  @Field()
  @Column("boolean")
  belowDetectionLimit: boolean;

  @Field(() => Float, { nullable: true })
  @Column({ type: DOUBLE, nullable: true })
  detectionLimit: number | null;
}
