import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { JSONObject } from "../../graphql/scalars";
import type { Inputs } from "../../plugin-api";
import { evaluateCriterion } from "../../plugins/evaluate-criterion";
import { ResponseCriterionType } from "./catalogue-types";
import { ResponseEvaluation, TimePointInput } from "./score-types";

@Resolver()
export class EvaluateResponseResolver {
  @Query(() => ResponseEvaluation, {
    description: "Evaluates a response criterion from two time points given as score values (SCORE-basis criteria) or raw inputs, without storing anything.",
  })
  evaluateResponse(
    @Arg("criterion") criterion: string,
    @Arg("instrument") instrument: string,
    @Arg("baseline", () => TimePointInput) baseline: TimePointInput,
    @Arg("followUp", () => TimePointInput) followUp: TimePointInput,
    @Arg("parameters", () => JSONObject, { nullable: true }) parameters: Inputs | null,
    @Ctx() { registry }: Context,
  ): ResponseEvaluation {
    const registered = registry.requireCriterion(criterion);
    const evaluation = evaluateCriterion(registered.definition, registry.instrumentMap(), { instrument, baseline, followUp, parameters });
    const type = new ResponseCriterionType(registered.definition, registered.plugin);
    return ResponseEvaluation.of(type, instrument, evaluation.result, evaluation.baseline.value, evaluation.followUp.value);
  }
}
