import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DATE } from "../../db/columns";
import { LocalDate } from "../../graphql/scalars";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { VisitState } from "./visit-state";
import { Patient } from "../patients/patient.entity";
import { PlannedVisit } from "../study/planned-visit.entity";
import { RemovableRecord, VersionedRecord } from "../records/record-base";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: [Node, VersionedRecord, RemovableRecord], description: "A visit that took place (or was planned and not done) for one patient." })
@ScopeRule("patient record")
@Entity("visit")
@Index(["patientId", "visitDate"])
@Index(["patientId", "plannedVisitId"], { unique: true, where: `"removedAt" IS NULL` })
export class Visit extends RemovableRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("Visit", this.id);
  }

  @Column("integer")
  patientId: number;

  @ManyToOne(() => Patient, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "patientId" })
  patient?: Patient;

  /** Null for an unscheduled visit. */
  @Index()
  @Column({ type: "integer", nullable: true })
  plannedVisitId: number | null;

  @ManyToOne(() => PlannedVisit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "plannedVisitId" })
  plannedVisit?: PlannedVisit;

  @Field(() => LocalDate)
  @Column(DATE)
  visitDate: string;

  @Field(() => Int, { nullable: true, description: "Study day derived from the patient's first dose (day 1; there is no day 0)." })
  @Column({ type: "integer", nullable: true })
  studyDay: number | null;

  @Field({ description: "True when the actual study day is outside the planned visit's window." })
  @Column("boolean")
  outOfWindow: boolean;

  @Field({ description: "False for a planned visit that did not take place (the visit is still completed, signed and locked)." })
  @Column({ type: "boolean", default: true })
  performed: boolean;

  @Field(() => VisitState, { description: "Where the visit is in its lifecycle: IN_PROGRESS → COMPLETE → SIGNED → LOCKED." })
  @Column("varchar")
  state: VisitState;
}
