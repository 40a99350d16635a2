import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { InvalidInputError } from "../../errors";
import type { Context } from "../../graphql/context";
import { JSONObject } from "../../graphql/scalars";
import type { Inputs } from "../../plugin-api";
import { evaluateCriterion } from "../../plugins/evaluate-criterion";
import type { PluginRegistry, RegisteredCriterion } from "../../plugins/registry";
import { ResponseCriterionType } from "./catalogue-types";
import { ResponseEvaluation, TimePointInput } from "./score-types";

export function requireCriterion(registry: PluginRegistry, code: string): RegisteredCriterion {
  const registered = registry.criterion(code);
  if (!registered) {
    const allowed = registry.allCriteria().map((c) => c.definition.code).join(", ");
    throw new InvalidInputError([{ field: "criterion", message: `criterion ${JSON.stringify(code)} is not a known response criterion`, allowed }]);
  }
  return registered;
}

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
    const registered = requireCriterion(registry, criterion);
    const evaluation = evaluateCriterion(registered.definition, registry.instrumentMap(), { instrument, baseline, followUp, parameters });
    const type = new ResponseCriterionType(registered.definition, registered.plugin);
    return ResponseEvaluation.of(type, instrument, evaluation.result, evaluation.baseline.value, evaluation.followUp.value);
  }
}
