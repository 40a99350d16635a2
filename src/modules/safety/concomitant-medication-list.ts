import { Field, InputType, registerEnumType } from "type-graphql";
import type { WhereSpec } from "../../graphql/views/compile-where";
import { whereSpec } from "../../graphql/views/where-specs";
import { connectionType } from "../../graphql/views/connection-type";
import type { ListSpec } from "../../graphql/views/list-query";
import { OrderDirection } from "../../graphql/views/page-info";
import { orderType } from "../../graphql/views/relation-types";
import { DateFilter, StringFilter } from "../../graphql/views/scalar-filters";
import { ConcomitantMedication } from "./concomitant-medication.entity";

@InputType({ description: "Filter on concomitant medications; stopDate: { isNull: true } gives the ongoing ones." })
export class ConcomitantMedicationWhere {
  @Field(() => StringFilter, { nullable: true }) drug?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) indication?: StringFilter;
  @Field(() => DateFilter, { nullable: true }) startDate?: DateFilter;
  @Field(() => DateFilter, { nullable: true }) stopDate?: DateFilter;
  @Field(() => [ConcomitantMedicationWhere], { nullable: true }) and?: ConcomitantMedicationWhere[];
  @Field(() => [ConcomitantMedicationWhere], { nullable: true }) or?: ConcomitantMedicationWhere[];
  @Field(() => ConcomitantMedicationWhere, { nullable: true }) not?: ConcomitantMedicationWhere;
}

export const concomitantMedicationWhereSpec: WhereSpec = whereSpec(ConcomitantMedicationWhere, {
  drug: { column: "drug" },
  indication: { column: "indication" },
  startDate: { column: "startDate" },
  stopDate: { column: "stopDate" },
});

export enum ConcomitantMedicationOrderField {
  DRUG = "DRUG",
  START_DATE = "START_DATE",
}
registerEnumType(ConcomitantMedicationOrderField, { name: "ConcomitantMedicationOrderField" });

export const ConcomitantMedicationOrder = orderType(ConcomitantMedicationOrderField, "ConcomitantMedication");

export const concomitantMedicationListSpec: ListSpec<ConcomitantMedication> = {
  entity: ConcomitantMedication,
  alias: "cm",
  where: concomitantMedicationWhereSpec,
  order: { DRUG: { column: "drug" }, START_DATE: { column: "startDate" } },
  defaultOrder: [{ field: ConcomitantMedicationOrderField.START_DATE, direction: OrderDirection.ASC }],
  stats: { dose: "dose" },
};

export const ConcomitantMedicationConnection = connectionType("ConcomitantMedication", ConcomitantMedication, Object.keys(concomitantMedicationListSpec.stats), "concomitant medications");
