import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { categoryOf, roundTo } from "../../plugin-api";
import { CategoryType, InstrumentType } from "../catalogue/catalogue-types";
import { ScoreComponent } from "../catalogue/score-types";
import { Visit } from "../visits/visit.entity";
import { ClinicalAssessment } from "./clinical-assessment.entity";

/** What assessments have besides their kind's lists and writes (clinical-assessment.kind.ts). */
@Resolver(() => ClinicalAssessment)
export class ClinicalAssessmentResolver {
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
