import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";
import { Node } from "../../graphql/node";
import { ImmuneStatistic } from "./immune-statistic";
import { ScopeRule } from "../access/scope-rule";

@ObjectType({ implements: Node, description: "A catalogued immunomonitoring parameter: one population and one statistic." })
@ScopeRule("shared", "a catalogue of measurable parameters, the same for every site")
@Entity("immune_parameter")
export class ImmuneParameter {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { name: "id" })
  get nodeId(): string {
    return toGlobalId("ImmuneParameter", this.id);
  }

  @Field({ description: "Stable code, e.g. TREG_PCT_CD4 (used as the CDISC CP test code)." })
  @Column({ type: "varchar", unique: true })
  code: string;

  @Field()
  @Column("varchar")
  label: string;

  @Field({ description: "Population name, e.g. Treg." })
  @Column("varchar")
  population: string;

  @Field({ description: "Gating definition, e.g. CD3+CD4+CD25hiCD127loFOXP3+." })
  @Column("varchar")
  gatingDefinition: string;

  @Field(() => String, { nullable: true, description: "Parent population the percentage refers to, e.g. CD4+ T cells." })
  @Column({ type: "varchar", nullable: true })
  parentPopulation: string | null;

  @Field(() => ImmuneStatistic)
  @Column("varchar")
  statistic: ImmuneStatistic;

  @Field(() => String, { nullable: true, description: "Marker whose intensity an MFI refers to, e.g. CD25." })
  @Column({ type: "varchar", nullable: true })
  marker: string | null;

  @Field({ description: "Unit every value of this parameter is stored in, e.g. %, cells/µL, MFI." })
  @Column("varchar")
  unit: string;
}
