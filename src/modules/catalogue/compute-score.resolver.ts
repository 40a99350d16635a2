import { Arg, Ctx, Float, Query, Resolver } from "type-graphql";
import { InvalidInputError } from "../../errors";
import type { Context } from "../../graphql/context";
import { JSONObject } from "../../graphql/scalars";
import { bandFor, scoreInstrument } from "../../plugin-api";
import type { Inputs } from "../../plugin-api";
import { ActivityBandType, CategoryType, InstrumentType } from "./catalogue-types";
import { ScoreComponent, ScoreType } from "./score-types";

@Resolver()
export class ComputeScoreResolver {
  @Query(() => ScoreType, { description: "Computes an instrument's score and category from raw inputs without storing anything (form preview)." })
  computeScore(
    @Arg("instrument") instrument: string,
    @Arg("inputs", () => JSONObject) inputs: Inputs,
    @Ctx() { registry }: Context,
  ): ScoreType {
    const registered = registry.requireInstrument(instrument);
    const outcome = scoreInstrument(registered.definition, inputs);
    if (!outcome.ok) throw new InvalidInputError(outcome.problems);
    return Object.assign(new ScoreType(), {
      instrument: new InstrumentType(registered),
      value: outcome.value,
      category: CategoryType.of(outcome.category),
      components: ScoreComponent.list(outcome.components),
      calculatorVersion: registered.definition.version,
    });
  }

  @Query(() => ActivityBandType, { nullable: true, description: "The activity band a score value falls in, so a frontend need not re-implement cut-offs." })
  activityBand(@Arg("instrument") instrument: string, @Arg("value", () => Float) value: number, @Ctx() { registry }: Context): ActivityBandType | undefined {
    const { definition } = registry.requireInstrument(instrument);
    const { min, max } = definition.range;
    if (value < min || value > max) {
      const allowed = `a ${definition.code} score from ${min} to ${max}`;
      throw new InvalidInputError([{ field: "value", message: `value must be ${allowed} (got ${value})`, allowed }]);
    }
    const band = bandFor(definition.bands, value);
    return band && new ActivityBandType(band);
  }
}
