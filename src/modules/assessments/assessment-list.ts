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
import { ClinicalAssessment } from "./clinical-assessment.entity";
import { groupTypes } from "../../graphql/views/group-type";
import type { GroupDimension } from "../../graphql/views/group-query";
import { SHARED_DIMENSION_DESCRIPTIONS, patientRecordDimensions, visitDimension } from "../group-dimensions";

@InputType({ description: "Filter on clinical assessments." })
export class AssessmentWhere {
  @Field(() => StringFilter, { nullable: true, description: "Instrument code, e.g. { eq: \"DAS28_ESR\" }." }) instrument?: StringFilter;
  @Field(() => FloatFilter, { nullable: true }) score?: FloatFilter;
  @Field(() => StringFilter, { nullable: true, description: "Category code, e.g. { in: [\"remission\", \"low\"] }." }) category?: StringFilter;
  @Field(() => VisitWhere, { nullable: true }) visit?: VisitWhere;
  @Field(() => PatientWhere, { nullable: true }) patient?: PatientWhere;
  @Field(() => [AssessmentWhere], { nullable: true }) and?: AssessmentWhere[];
  @Field(() => [AssessmentWhere], { nullable: true }) or?: AssessmentWhere[];
  @Field(() => AssessmentWhere, { nullable: true }) not?: AssessmentWhere;
}

export const assessmentWhereSpec: WhereSpec = whereSpec(AssessmentWhere, {
  instrument: { column: "instrumentCode" },
  score: { column: "score" },
  category: { column: "category" },
  visit: toOne("visit", "visitId", () => visitWhereSpec),
  patient: toOne("patient", "patientId", () => patientWhereSpec),
});

export const AssessmentRelationFilter = relationFilterType(AssessmentWhere, "Assessment");

export enum AssessmentOrderField {
  INSTRUMENT = "INSTRUMENT",
  SCORE = "SCORE",
  RECORDED = "RECORDED",
}
registerEnumType(AssessmentOrderField, { name: "AssessmentOrderField" });

export const AssessmentOrder = orderType(AssessmentOrderField, "Assessment");

export const assessmentListSpec: ListSpec<ClinicalAssessment> = {
  entity: ClinicalAssessment,
  alias: "assessment",
  where: assessmentWhereSpec,
  order: { INSTRUMENT: { column: "instrumentCode" }, SCORE: { column: "score" }, RECORDED: { column: "id" } },
  defaultOrder: [{ field: AssessmentOrderField.RECORDED, direction: OrderDirection.ASC }],
  stats: { score: "score" },
};

export const AssessmentConnection = connectionType("ClinicalAssessment", ClinicalAssessment, Object.keys(assessmentListSpec.stats), "clinical assessments");

export const assessmentDimensions: Record<string, GroupDimension> = {
  ...patientRecordDimensions("assessment"),
  INSTRUMENT: { joins: [], expression: `"assessment"."instrumentCode"` },
  CATEGORY: { joins: [], expression: `"assessment"."category"` },
  VISIT: visitDimension("assessment"),
};

export const AssessmentGroups = groupTypes(
  "ClinicalAssessment",
  { ...SHARED_DIMENSION_DESCRIPTIONS, INSTRUMENT: "Instrument code", CATEGORY: "Category code", VISIT: "Planned visit code, in study-day order" },
  Object.keys(assessmentListSpec.stats),
);
