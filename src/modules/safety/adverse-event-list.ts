import { Field, InputType, registerEnumType } from "type-graphql";
import { toOne } from "../../graphql/views/compile-where";
import type { WhereSpec } from "../../graphql/views/compile-where";
import { whereSpec } from "../../graphql/views/where-specs";
import { connectionType } from "../../graphql/views/connection-type";
import type { ListSpec } from "../../graphql/views/list-query";
import { OrderDirection } from "../../graphql/views/page-info";
import { orderType, relationFilterType } from "../../graphql/views/relation-types";
import { BooleanFilter, DateFilter, IntFilter, StringFilter, enumFilter } from "../../graphql/views/scalar-filters";
import { PatientWhere, patientWhereSpec } from "../patients/patient-list";
import { AdverseEventOutcome, Relatedness } from "./adverse-event-enums";
import { AdverseEvent } from "./adverse-event.entity";
import { groupTypes } from "../../graphql/views/group-type";
import type { GroupDimension } from "../../graphql/views/group-query";
import { SHARED_DIMENSION_DESCRIPTIONS, patientRecordDimensions } from "../group-dimensions";

const RelatednessFilter = enumFilter(Relatedness, "Relatedness");
const OutcomeFilter = enumFilter(AdverseEventOutcome, "AdverseEventOutcome");

@InputType({ description: "Filter on adverse events." })
export class AdverseEventWhere {
  @Field(() => StringFilter, { nullable: true }) term?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) meddraCode?: StringFilter;
  @Field(() => IntFilter, { nullable: true, description: "CTCAE grade, e.g. { gte: 3 }." }) grade?: IntFilter;
  @Field(() => BooleanFilter, { nullable: true }) serious?: BooleanFilter;
  @Field(() => RelatednessFilter, { nullable: true }) relatedness?: object;
  @Field(() => OutcomeFilter, { nullable: true }) outcome?: object;
  @Field(() => DateFilter, { nullable: true }) onsetDate?: DateFilter;
  @Field(() => PatientWhere, { nullable: true }) patient?: PatientWhere;
  @Field(() => [AdverseEventWhere], { nullable: true }) and?: AdverseEventWhere[];
  @Field(() => [AdverseEventWhere], { nullable: true }) or?: AdverseEventWhere[];
  @Field(() => AdverseEventWhere, { nullable: true }) not?: AdverseEventWhere;
}

export const adverseEventWhereSpec: WhereSpec = whereSpec(AdverseEventWhere, {
  term: { column: "term" },
  meddraCode: { column: "meddraCode" },
  grade: { column: "grade" },
  serious: { column: "serious" },
  relatedness: { column: "relatedness" },
  outcome: { column: "outcome" },
  onsetDate: { column: "onsetDate" },
  patient: toOne("patient", "patientId", () => patientWhereSpec),
});

export const AdverseEventRelationFilter = relationFilterType(AdverseEventWhere, "AdverseEvent");

export enum AdverseEventOrderField {
  ONSET_DATE = "ONSET_DATE",
  GRADE = "GRADE",
}
registerEnumType(AdverseEventOrderField, { name: "AdverseEventOrderField" });

export const AdverseEventOrder = orderType(AdverseEventOrderField, "AdverseEvent");

export const adverseEventListSpec: ListSpec<AdverseEvent> = {
  entity: AdverseEvent,
  alias: "ae",
  where: adverseEventWhereSpec,
  order: { ONSET_DATE: { column: "onsetDate" }, GRADE: { column: "grade" } },
  defaultOrder: [{ field: AdverseEventOrderField.ONSET_DATE, direction: OrderDirection.ASC }],
  stats: { grade: "grade" },
};

export const AdverseEventConnection = connectionType("AdverseEvent", AdverseEvent, Object.keys(adverseEventListSpec.stats), "adverse events");

export const adverseEventDimensions: Record<string, GroupDimension> = {
  ...patientRecordDimensions("ae"),
  TERM: { joins: [], expression: `"ae"."term"` },
  GRADE: { joins: [], expression: `"ae"."grade"` },
  RELATEDNESS: { joins: [], expression: `"ae"."relatedness"` },
  SERIOUS: { joins: [], expression: `CASE WHEN "ae"."serious" THEN 'true' ELSE 'false' END` },
};

export const AdverseEventGroups = groupTypes(
  "AdverseEvent",
  { ...SHARED_DIMENSION_DESCRIPTIONS, TERM: "Verbatim term", GRADE: "CTCAE grade", RELATEDNESS: "Relatedness to the study drug", SERIOUS: "Serious (true/false)" },
  Object.keys(adverseEventListSpec.stats),
);
