import { Field, Float, InputType, ObjectType, registerEnumType } from "type-graphql";
import { JSONObject } from "../../graphql/scalars";
import { roundTo } from "../../plugin-api";
import type { Inputs, ResponseResult } from "../../plugin-api";
import { CategoryType, InstrumentType, ResponseCriterionType } from "./catalogue-types";

@ObjectType("ScoreComponent", { description: "A named intermediate value of a score, e.g. one DAS28 term." })
export class ScoreComponent {
  @Field()
  name: string;

  @Field(() => Float)
  value: number;

  static list(components: Record<string, number>): ScoreComponent[] {
    return Object.entries(components).map(([name, value]) => Object.assign(new ScoreComponent(), { name, value }));
  }
}

@ObjectType("Score", { description: "A score computed from raw inputs, not stored." })
export class ScoreType {
  @Field(() => InstrumentType)
  instrument: InstrumentType;

  @Field(() => Float, { nullable: true, description: "Unrounded score; null for instruments without a composite score." })
  value: number | null;

  @Field(() => String, { nullable: true, description: "The score rounded to the instrument's decimals, as reported." })
  get display(): string | null {
    return this.value === null ? null : roundTo(this.value, this.instrument.decimals).toFixed(this.instrument.decimals);
  }

  @Field(() => CategoryType, { nullable: true })
  category?: CategoryType;

  @Field(() => [ScoreComponent])
  components: ScoreComponent[];

  @Field()
  calculatorVersion: string;
}

export enum ResponseStatus {
  RESPONDER = "RESPONDER",
  NON_RESPONDER = "NON_RESPONDER",
  NOT_EVALUABLE = "NOT_EVALUABLE",
}
registerEnumType(ResponseStatus, { name: "ResponseStatus" });

@ObjectType("ResponseEvaluation", { description: "A response criterion applied to a baseline and a follow-up." })
export class ResponseEvaluation {
  @Field(() => ResponseCriterionType)
  criterion: ResponseCriterionType;

  @Field({ description: "Instrument the criterion was evaluated on." })
  instrument: string;

  @Field(() => ResponseStatus)
  status: ResponseStatus;

  @Field(() => CategoryType, { nullable: true })
  category?: CategoryType;

  @Field(() => Float, { nullable: true, description: "Follow-up minus baseline." })
  change?: number | null;

  @Field(() => Float, { nullable: true, description: "100 × change / baseline; null when the baseline is zero." })
  percentChange?: number | null;

  @Field(() => String, { nullable: true })
  reason?: string;

  @Field(() => Float, { nullable: true })
  baselineScore: number | null;

  @Field(() => Float, { nullable: true })
  followUpScore: number | null;

  static of(criterion: ResponseCriterionType, instrument: string, result: ResponseResult, baselineScore: number | null, followUpScore: number | null): ResponseEvaluation {
    return Object.assign(new ResponseEvaluation(), {
      criterion,
      instrument,
      status: result.status as ResponseStatus,
      category: CategoryType.of(criterion.criterion.categories.find((c) => c.code === result.category)),
      change: result.change ?? null,
      percentChange: result.percentChange ?? null,
      reason: result.reason,
      baselineScore,
      followUpScore,
    });
  }
}

@InputType("TimePointInput", { description: "One time point: the score value a clinician already has, or the raw inputs to compute it." })
export class TimePointInput {
  @Field(() => Float, { nullable: true, description: "Score value (SCORE-basis criteria only)." })
  value?: number | null;

  @Field(() => JSONObject, { nullable: true, description: "Raw inputs of the instrument." })
  inputs?: Inputs | null;

  @Field(() => JSONObject, { nullable: true, description: "Raw inputs of companion instruments, keyed by instrument code." })
  companions?: Record<string, Inputs> | null;
}
