import { bandFor } from "./bands";
import { validateInputs } from "./validate-inputs";
import type { FieldProblem, InstrumentDefinition, Inputs } from "./types";

export type ScoreOutcome =
  | { ok: true; value: number | null; category?: { code: string; label: string }; components: Record<string, number> }
  | { ok: false; problems: FieldProblem[] };

/** The category of a computed score: from the bands when the instrument has them, else the rule-based one. */
export function categoryOf(instrument: InstrumentDefinition, value: number | null, ruled?: string) {
  if (instrument.bands.length > 0) return value === null ? undefined : bandFor(instrument.bands, value);
  return instrument.categories?.find((c) => c.code === ruled);
}

/** Validates raw inputs, computes the score and finds its activity band. Never throws on bad input. */
export function scoreInstrument(instrument: InstrumentDefinition, inputs: Inputs, fieldPrefix = "inputs."): ScoreOutcome {
  const problems = validateInputs(instrument.inputs, inputs, fieldPrefix);
  if (problems.length === 0 && instrument.validate) {
    problems.push(
      ...instrument.validate(inputs).map((p) => ({ ...p, field: fieldPrefix + p.field, message: `${fieldPrefix}${p.field}: ${p.message}` })),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const { value, components = {}, category } = instrument.compute(inputs);
  return { ok: true, value, category: categoryOf(instrument, value, category), components };
}
