import { Field, InputType } from "type-graphql";
import type { WhereSpec } from "../../graphql/views/compile-where";
import { whereSpec } from "../../graphql/views/where-specs";
import { BooleanFilter, IDFilter, IntFilter, StringFilter } from "../../graphql/views/scalar-filters";

@InputType({ description: "Filter on a cohort." })
export class CohortWhere {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) code?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "Disease plugin id, e.g. { in: [\"psoriasis\", \"rheumatoid-arthritis\"] }." }) diseaseId?: StringFilter;
}

export const cohortWhereSpec: WhereSpec = whereSpec(CohortWhere, { id: { column: "id", idType: "Cohort" }, code: { column: "code" }, diseaseId: { column: "diseaseId" } });

@InputType({ description: "Filter on a site." })
export class SiteWhere {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) code?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) name?: StringFilter;
}

export const siteWhereSpec: WhereSpec = whereSpec(SiteWhere, { id: { column: "id", idType: "Site" }, code: { column: "code" }, name: { column: "name" } });

@InputType({ description: "Filter on a planned visit of the schedule." })
export class PlannedVisitWhere {
  @Field(() => StringFilter, { nullable: true, description: "Visit code, e.g. { eq: \"D8\" }." }) code?: StringFilter;
  @Field(() => IntFilter, { nullable: true }) studyDay?: IntFilter;
  @Field(() => BooleanFilter, { nullable: true }) isBaseline?: BooleanFilter;
  @Field(() => BooleanFilter, { nullable: true }) clinicalEvaluation?: BooleanFilter;
}

export const plannedVisitWhereSpec: WhereSpec = whereSpec(PlannedVisitWhere, {
  code: { column: "code" },
  studyDay: { column: "studyDay" },
  isBaseline: { column: "isBaseline" },
  clinicalEvaluation: { column: "clinicalEvaluation" },
});
