import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Float, ID, ObjectType } from "type-graphql";
import { DOUBLE } from "../../db/columns";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { JSONObject } from "../../graphql/scalars";
import type { Inputs } from "../../plugin-api";
import { Visit } from "../visits/visit.entity";
import { AssessmentLabSource } from "./assessment-lab-source";
import { Patient } from "../patients/patient.entity";
import { RemovableRecord, VersionedRecord } from "../records/record-base";
import { ScopeRule } from "../access/scope-rule";

/**
 * An instrument scored at a visit. The raw inputs are kept as entered; score and category are always
 * computed by the instrument's plugin (never typed in) and stored with the calculator's version.
 */
@ObjectType({ implements: [Node, VersionedRecord, RemovableRecord], description: "An instrument scored at a visit: raw inputs as entered, score and category computed by the plugin." })
@ScopeRule("patient record")
@Entity("clinical_assessment")
@Index(["visitId", "instrumentCode"], { unique: true, where: `"removedAt" IS NULL` })
@Index(["instrumentCode", "patientId"])
// A page of patients' latest activity reads their assessments (migration AssessmentsByPatient1765200000000).
@Index(["patientId"])
export class ClinicalAssessment extends RemovableRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("ClinicalAssessment", this.id);
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

  @Field({ description: "Code of the instrument, e.g. DAS28_ESR." })
  @Column("varchar")
  instrumentCode: string;

  @Field(() => JSONObject, { description: "Raw inputs as entered, keyed by the instrument's input names, with the lab-fed inputs taken from the visit's lab results (see labSources)." })
  @Column("simple-json")
  inputs: Inputs;

  /** Input name → id of the lab result a lab-fed input was taken from; null when none was. */
  @Column({ type: "simple-json", nullable: true })
  labSources: Record<string, number> | null;

  @Field(() => [AssessmentLabSource], { name: "labSources", description: "The stored lab results that lab-fed inputs were taken from (empty when every input was entered)." })
  get labSourceList(): AssessmentLabSource[] {
    return Object.entries(this.labSources ?? {}).map(([input, id]) => AssessmentLabSource.of(input, id));
  }

  @Field(() => Float, { nullable: true, description: "Computed score, unrounded; null for instruments without a composite score." })
  @Column({ type: DOUBLE, nullable: true })
  score: number | null;

  @Column({ type: "varchar", nullable: true })
  category: string | null;

  @Column("simple-json")
  components: Record<string, number>;

  @Field({ description: "Version of the calculator that computed the score." })
  @Column("varchar")
  calculatorVersion: string;
}
