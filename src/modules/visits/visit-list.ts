import { Field, InputType, registerEnumType } from "type-graphql";
import { toMany, toOne } from "../../graphql/views/compile-where";
import type { WhereSpec } from "../../graphql/views/compile-where";
import { extendWhere, whereSpec } from "../../graphql/views/where-specs";
import { connectionType } from "../../graphql/views/connection-type";
import type { ListSpec } from "../../graphql/views/list-query";
import { OrderDirection } from "../../graphql/views/page-info";
import { orderType, relationFilterType } from "../../graphql/views/relation-types";
import { BooleanFilter, DateFilter, IDFilter, IntFilter, enumFilter } from "../../graphql/views/scalar-filters";
import { PatientWhere, patientWhereSpec } from "../patients/patient-list";
import { PlannedVisitWhere, plannedVisitWhereSpec } from "../study/study-filters";
import { VisitState } from "./visit-state";
import { Visit } from "./visit.entity";

const VisitStateFilter = enumFilter(VisitState, "VisitState");

@InputType({ description: "Filter on visits." })
export class VisitWhere {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => DateFilter, { nullable: true }) visitDate?: DateFilter;
  @Field(() => IntFilter, { nullable: true }) studyDay?: IntFilter;
  @Field(() => VisitStateFilter, { nullable: true }) state?: object;
  @Field(() => BooleanFilter, { nullable: true }) outOfWindow?: BooleanFilter;
  @Field(() => PlannedVisitWhere, { nullable: true }) plannedVisit?: PlannedVisitWhere;
  @Field(() => IDFilter, { nullable: true }) patientId?: IDFilter;
  @Field(() => PatientWhere, { nullable: true }) patient?: PatientWhere;
  @Field(() => [VisitWhere], { nullable: true }) and?: VisitWhere[];
  @Field(() => [VisitWhere], { nullable: true }) or?: VisitWhere[];
  @Field(() => VisitWhere, { nullable: true }) not?: VisitWhere;
}

export const visitWhereSpec: WhereSpec = whereSpec(VisitWhere, {
  id: { column: "id", idType: "Visit" },
  visitDate: { column: "visitDate" },
  studyDay: { column: "studyDay" },
  state: { column: "state" },
  outOfWindow: { column: "outOfWindow" },
  plannedVisit: toOne("planned_visit", "plannedVisitId", () => plannedVisitWhereSpec),
  patientId: { column: "patientId", idType: "Patient" },
  patient: toOne("patient", "patientId", () => patientWhereSpec),
});

export const VisitRelationFilter = relationFilterType(VisitWhere, "Visit");
// Declared here rather than in the patients' filter, which would otherwise import this module and it that one.
extendWhere(PatientWhere, patientWhereSpec, "visits", () => VisitRelationFilter, toMany("visit", "patientId", () => visitWhereSpec, true));

export enum VisitOrderField {
  VISIT_DATE = "VISIT_DATE",
  STUDY_DAY = "STUDY_DAY",
}
registerEnumType(VisitOrderField, { name: "VisitOrderField" });

export const VisitOrder = orderType(VisitOrderField, "Visit");

export const visitListSpec: ListSpec<Visit> = {
  entity: Visit,
  alias: "visit",
  where: visitWhereSpec,
  order: { VISIT_DATE: { column: "visitDate" }, STUDY_DAY: { column: "studyDay" } },
  defaultOrder: [{ field: VisitOrderField.VISIT_DATE, direction: OrderDirection.ASC }],
  stats: { studyDay: "studyDay" },
};

export const VisitConnection = connectionType("Visit", Visit, Object.keys(visitListSpec.stats), "visits");

