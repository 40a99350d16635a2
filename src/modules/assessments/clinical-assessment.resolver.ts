import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { groupRows } from "../../graphql/views/group-query";
import { rootConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { AssessmentConnection, AssessmentGroups, AssessmentOrder, AssessmentWhere, assessmentDimensions, assessmentListSpec } from "./assessment-list";
import { categoryOf, roundTo } from "../../plugin-api";
import { CategoryType, InstrumentType } from "../catalogue/catalogue-types";
import { ScoreComponent } from "../catalogue/score-types";
import { Visit } from "../visits/visit.entity";
import { ClinicalAssessment } from "./clinical-assessment.entity";
import type { OrderInput } from "../../graphql/views/list-query";
import { listRequest } from "../../graphql/views/list-query";

@Resolver(() => ClinicalAssessment)
export class ClinicalAssessmentResolver {
  @Query(() => [AssessmentGroups.Group], { description: "Assessments counted per instrument, category, visit, disease, cohort or site, with score statistics." })
  async assessmentGroups(
    @Arg("by", () => [AssessmentGroups.GroupField]) by: string[],
    @Arg("where", () => AssessmentWhere, { nullable: true }) where: AssessmentWhere | null,
    @Ctx() { dataSource, access }: Context,
  ) {
    return (await groupRows(dataSource.manager, assessmentListSpec, assessmentDimensions, by, listRequest(access, { where }))).map(AssessmentGroups.toGroup);
  }

  @Query(() => AssessmentConnection, { description: "Clinical assessments of all patients, filtered, ordered and paged." })
  assessments(
    @Args() page: PageArgs,
    @Arg("where", () => AssessmentWhere, { nullable: true }) where: AssessmentWhere | null,
    @Arg("orderBy", () => [AssessmentOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return rootConnection(context, assessmentListSpec, AssessmentConnection, { ...page, where, orderBy });
  }

  @FieldResolver(() => InstrumentType, { nullable: true, description: "Null if the instrument's plugin is not installed in this deployment." })
  instrument(@Root() assessment: ClinicalAssessment, @Ctx() { registry }: Context): InstrumentType | undefined {
    const registered = registry.instrument(assessment.instrumentCode);
    return registered && new InstrumentType(registered);
  }

  @FieldResolver(() => String, { nullable: true, description: "The score rounded to the instrument's decimals." })
  display(@Root() assessment: ClinicalAssessment, @Ctx() { registry }: Context): string | null {
    const decimals = registry.instrument(assessment.instrumentCode)?.definition.decimals ?? 2;
    return assessment.score === null ? null : roundTo(assessment.score, decimals).toFixed(decimals);
  }

  @FieldResolver(() => CategoryType, { nullable: true, description: "Activity band or state stored when the score was computed." })
  category(@Root() assessment: ClinicalAssessment, @Ctx() { registry }: Context): CategoryType | undefined {
    if (assessment.category === null) return undefined;
    const definition = registry.instrument(assessment.instrumentCode)?.definition;
    const known = definition && categoryOf(definition, assessment.score, assessment.category);
    return CategoryType.of(known?.code === assessment.category ? known : { code: assessment.category, label: assessment.category });
  }

  @FieldResolver(() => [ScoreComponent])
  components(@Root() assessment: ClinicalAssessment): ScoreComponent[] {
    return ScoreComponent.list(assessment.components);
  }

  @FieldResolver(() => Visit)
  async visit(@Root() assessment: ClinicalAssessment, @Ctx() { loaders }: Context): Promise<Visit> {
    return (await loaders.byId(Visit).load(assessment.visitId))!;
  }
}
