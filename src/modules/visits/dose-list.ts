import { Field, InputType, registerEnumType } from "type-graphql";
import { toOne } from "../../graphql/views/compile-where";
import type { WhereSpec } from "../../graphql/views/compile-where";
import { whereSpec } from "../../graphql/views/where-specs";
import { connectionType } from "../../graphql/views/connection-type";
import type { ListSpec } from "../../graphql/views/list-query";
import { OrderDirection } from "../../graphql/views/page-info";
import { orderType } from "../../graphql/views/relation-types";
import { BooleanFilter, DateFilter, IntFilter } from "../../graphql/views/scalar-filters";
import { PatientWhere, patientWhereSpec } from "../patients/patient-list";
import { DoseAdministration } from "./dose-administration.entity";

@InputType({ description: "Filter on study-drug administrations." })
export class DoseWhere {
  @Field(() => DateFilter, { nullable: true }) administeredOn?: DateFilter;
  @Field(() => IntFilter, { nullable: true }) studyDay?: IntFilter;
  @Field(() => BooleanFilter, { nullable: true }) given?: BooleanFilter;
  @Field(() => PatientWhere, { nullable: true }) patient?: PatientWhere;
  @Field(() => [DoseWhere], { nullable: true }) and?: DoseWhere[];
  @Field(() => [DoseWhere], { nullable: true }) or?: DoseWhere[];
  @Field(() => DoseWhere, { nullable: true }) not?: DoseWhere;
}

export const doseWhereSpec: WhereSpec = whereSpec(DoseWhere, {
  administeredOn: { column: "administeredOn" },
  studyDay: { column: "studyDay" },
  given: { column: "given" },
  patient: toOne("patient", "patientId", () => patientWhereSpec),
});

export enum DoseOrderField {
  ADMINISTERED_ON = "ADMINISTERED_ON",
}
registerEnumType(DoseOrderField, { name: "DoseOrderField" });

export const DoseOrder = orderType(DoseOrderField, "Dose");

export const doseListSpec: ListSpec<DoseAdministration> = {
  entity: DoseAdministration,
  alias: "dose",
  where: doseWhereSpec,
  order: { ADMINISTERED_ON: { column: "administeredOn" } },
  defaultOrder: [{ field: DoseOrderField.ADMINISTERED_ON, direction: OrderDirection.ASC }],
  stats: { dose: "dose", studyDay: "studyDay" },
};

export const DoseConnection = connectionType("DoseAdministration", DoseAdministration, Object.keys(doseListSpec.stats), "study-drug administrations");
