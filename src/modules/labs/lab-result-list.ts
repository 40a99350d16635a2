import { Field, InputType, registerEnumType } from "type-graphql";
import { toOne } from "../../graphql/views/compile-where";
import type { WhereSpec } from "../../graphql/views/compile-where";
import { whereSpec } from "../../graphql/views/where-specs";
import { connectionType } from "../../graphql/views/connection-type";
import type { ListSpec } from "../../graphql/views/list-query";
import { OrderDirection } from "../../graphql/views/page-info";
import { orderType, relationFilterType } from "../../graphql/views/relation-types";
import { FloatFilter, StringFilter } from "../../graphql/views/scalar-filters";
import { PatientWhere, patientWhereSpec } from "../patients/patient-list";
import { VisitWhere, visitWhereSpec } from "../visits/visit-list";
import { LabResult } from "./lab-result.entity";
import { groupTypes } from "../../graphql/views/group-type";
import type { GroupDimension } from "../../graphql/views/group-query";
import { SHARED_DIMENSION_DESCRIPTIONS, patientRecordDimensions, visitDimension } from "../group-dimensions";

@InputType({ description: "Filter on laboratory results." })
export class LabResultWhere {
  @Field(() => StringFilter, { nullable: true }) testCode?: StringFilter;
  @Field(() => FloatFilter, { nullable: true }) value?: FloatFilter;
  @Field(() => FloatFilter, { nullable: true }) referenceHigh?: FloatFilter;
  @Field(() => VisitWhere, { nullable: true }) visit?: VisitWhere;
  @Field(() => PatientWhere, { nullable: true }) patient?: PatientWhere;
  @Field(() => [LabResultWhere], { nullable: true }) and?: LabResultWhere[];
  @Field(() => [LabResultWhere], { nullable: true }) or?: LabResultWhere[];
  @Field(() => LabResultWhere, { nullable: true }) not?: LabResultWhere;
}

export const labResultWhereSpec: WhereSpec = whereSpec(LabResultWhere, {
  testCode: { column: "testCode" },
  value: { column: "value" },
  referenceHigh: { column: "referenceHigh" },
  visit: toOne("visit", "visitId", () => visitWhereSpec),
  patient: toOne("patient", "patientId", () => patientWhereSpec),
});

export const LabResultRelationFilter = relationFilterType(LabResultWhere, "LabResult");

export enum LabResultOrderField {
  TEST_CODE = "TEST_CODE",
  VALUE = "VALUE",
}
registerEnumType(LabResultOrderField, { name: "LabResultOrderField" });

export const LabResultOrder = orderType(LabResultOrderField, "LabResult");

export const labResultListSpec: ListSpec<LabResult> = {
  entity: LabResult,
  alias: "lab",
  where: labResultWhereSpec,
  order: { TEST_CODE: { column: "testCode" }, VALUE: { column: "value" } },
  defaultOrder: [{ field: LabResultOrderField.TEST_CODE, direction: OrderDirection.ASC }],
  stats: { value: "value" },
};

export const LabResultConnection = connectionType("LabResult", LabResult, Object.keys(labResultListSpec.stats), "laboratory results");

export const labResultDimensions: Record<string, GroupDimension> = {
  ...patientRecordDimensions("lab"),
  TEST_CODE: { joins: [], expression: `"lab"."testCode"` },
  VISIT: visitDimension("lab"),
};

export const LabResultGroups = groupTypes("LabResult", { ...SHARED_DIMENSION_DESCRIPTIONS, TEST_CODE: "Test code", VISIT: "Planned visit code, in study-day order" }, Object.keys(labResultListSpec.stats));
