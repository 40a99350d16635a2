import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DATE, DOUBLE } from "../../db/columns";
import { LocalDate } from "../../graphql/scalars";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { Patient } from "../patients/patient.entity";
import { Visit } from "./visit.entity";
import { RemovableRecord, VersionedRecord } from "../records/record-base";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: [Node, VersionedRecord, RemovableRecord], description: "One planned administration of the study drug, given or not (CDISC EX)." })
@ScopeRule("patient record")
@Entity("dose_administration")
// A visit's doses or adverse events (migration DosesAndAdverseEventsByVisit1765400000000).
@Index(["visitId"])
@Index(["patientId", "administeredOn"])
export class DoseAdministration extends RemovableRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("DoseAdministration", this.id);
  }

  @Column("integer")
  patientId: number;

  @ManyToOne(() => Patient, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "patientId" })
  patient?: Patient;

  @Column({ type: "integer", nullable: true })
  visitId: number | null;

  @ManyToOne(() => Visit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "visitId" })
  visit?: Visit;

  @Field(() => LocalDate)
  @Column(DATE)
  administeredOn: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: "integer", nullable: true })
  studyDay: number | null;

  @Field(() => Float)
  @Column(DOUBLE)
  dose: number;

  @Field()
  @Column("varchar")
  doseUnit: string;

  @Field()
  @Column("varchar")
  route: string;

  @Field(() => String, { nullable: true, description: "Batch (lot) number of the product given." })
  @Column({ type: "varchar", nullable: true })
  lot: string | null;

  @Field()
  @Column("boolean")
  given: boolean;

  @Field(() => String, { nullable: true, description: "Why a planned dose was not given." })
  @Column({ type: "varchar", nullable: true })
  notGivenReason: string | null;
}
