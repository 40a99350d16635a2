import { Field, InputType, registerEnumType } from "type-graphql";
import { toOne } from "../../graphql/views/compile-where";
import type { WhereSpec } from "../../graphql/views/compile-where";
import { whereSpec } from "../../graphql/views/where-specs";
import { connectionType } from "../../graphql/views/connection-type";
import type { ListSpec } from "../../graphql/views/list-query";
import { OrderDirection } from "../../graphql/views/page-info";
import { orderType, relationFilterType } from "../../graphql/views/relation-types";
import { scalarCondition } from "../../graphql/views/sql-condition";
import { BooleanFilter, FloatFilter, StringFilter } from "../../graphql/views/scalar-filters";
import { PatientWhere, patientWhereSpec } from "../patients/patient-list";
import { VisitWhere, visitWhereSpec } from "../visits/visit-list";
import { ImmuneMeasurement } from "./immune-measurement.entity";
import { groupTypes } from "../../graphql/views/group-type";
import type { GroupDimension } from "../../graphql/views/group-query";
import { SHARED_DIMENSION_DESCRIPTIONS, patientRecordDimensions, visitDimension } from "../group-dimensions";
import { ImmuneParameter } from "./immune-parameter.entity";

@InputType({ description: "Filter on immunomonitoring values." })
export class ImmuneMeasurementWhere {
  @Field(() => StringFilter, { nullable: true, description: "Catalogue code of the parameter, e.g. { eq: \"TREG_PCT_CD4\" }." }) parameter?: StringFilter;
  @Field(() => FloatFilter, { nullable: true }) value?: FloatFilter;
  @Field(() => BooleanFilter, { nullable: true }) belowDetectionLimit?: BooleanFilter;
  @Field(() => VisitWhere, { nullable: true }) visit?: VisitWhere;
  @Field(() => PatientWhere, { nullable: true }) patient?: PatientWhere;
  @Field(() => [ImmuneMeasurementWhere], { nullable: true }) and?: ImmuneMeasurementWhere[];
  @Field(() => [ImmuneMeasurementWhere], { nullable: true }) or?: ImmuneMeasurementWhere[];
  @Field(() => ImmuneMeasurementWhere, { nullable: true }) not?: ImmuneMeasurementWhere;
}

export const immuneMeasurementWhereSpec: WhereSpec = whereSpec(ImmuneMeasurementWhere, {
  parameter: {
    condition: (filter, params, alias, field) =>
      `"${alias}"."parameterId" IN (SELECT "ip"."id" FROM "immune_parameter" "ip" WHERE ${scalarCondition('"ip"."code"', filter, params, field)})`,
  },
  value: { column: "value" },
  belowDetectionLimit: { column: "belowDetectionLimit" },
  visit: toOne("visit", "visitId", () => visitWhereSpec),
  patient: toOne("patient", "patientId", () => patientWhereSpec),
});

export const ImmuneMeasurementRelationFilter = relationFilterType(ImmuneMeasurementWhere, "ImmuneMeasurement");

export enum ImmuneMeasurementOrderField {
  VALUE = "VALUE",
  RECORDED = "RECORDED",
}
registerEnumType(ImmuneMeasurementOrderField, { name: "ImmuneMeasurementOrderField", description: "RECORDED: order of entry." });

export const ImmuneMeasurementOrder = orderType(ImmuneMeasurementOrderField, "ImmuneMeasurement");

export const immuneMeasurementListSpec: ListSpec<ImmuneMeasurement> = {
  entity: ImmuneMeasurement,
  alias: "measurement",
  where: immuneMeasurementWhereSpec,
  order: { VALUE: { column: "value" }, RECORDED: { column: "id" } },
  defaultOrder: [{ field: ImmuneMeasurementOrderField.RECORDED, direction: OrderDirection.ASC }],
  stats: { value: "value" },
};

export const ImmuneMeasurementConnection = connectionType("ImmuneMeasurement", ImmuneMeasurement, Object.keys(immuneMeasurementListSpec.stats), "immunomonitoring values");

export const immuneMeasurementDimensions: Record<string, GroupDimension> = {
  ...patientRecordDimensions("measurement"),
  PARAMETER: { joins: [{ entity: ImmuneParameter, alias: "g_parameter", on: `"g_parameter"."id" = "measurement"."parameterId"` }], expression: `"g_parameter"."code"` },
  VISIT: visitDimension("measurement"),
};

export const ImmuneMeasurementGroups = groupTypes(
  "ImmuneMeasurement",
  { ...SHARED_DIMENSION_DESCRIPTIONS, PARAMETER: "Immune parameter code", VISIT: "Planned visit code, in study-day order" },
  Object.keys(immuneMeasurementListSpec.stats),
);
