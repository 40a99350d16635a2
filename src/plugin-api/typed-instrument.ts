import type { ComputedScore, FieldProblem, InputDefinition, InstrumentDefinition } from "./types";

/** The value an input holds once validated: `boolean` inputs are booleans, `code` inputs one of their options' values, the others numbers. */
export type InputValue<D extends InputDefinition> = D extends { type: "boolean" }
  ? boolean
  : D extends { type: "code"; options: readonly { value: infer V }[] }
    ? V
    : D extends { type: "code" }
      ? string | number
      : number;

/**
 * The validated inputs of an instrument, typed from its declared inputs: one property per input name,
 * required unless the input is declared `optional: true`. The names must be known to the compiler
 * (inputs built with the builders of inputs.ts, or declared `as const`); an input typed only as
 * `InputDefinition` gives a loose record.
 */
export type InputValues<I extends readonly InputDefinition[]> = Flatten<
  { [D in I[number] as D extends { optional: true } ? never : D["name"]]: InputValue<D> } & {
    [D in I[number] as D extends { optional: true } ? D["name"] : never]?: InputValue<D>;
  }
>;

type Flatten<T> = { [K in keyof T]: T[K] };

/** An instrument whose `compute` and `validate` receive inputs typed from its `inputs` declaration. */
export interface TypedInstrument<I extends readonly InputDefinition[]> extends Omit<InstrumentDefinition, "inputs" | "compute" | "validate"> {
  inputs: I;
  /** Cross-field rules run after each input passed its own checks. */
  validate?: (inputs: InputValues<I>) => FieldProblem[];
  compute: (inputs: InputValues<I>) => ComputedScore;
}

/**
 * Declares an instrument whose `compute` (and `validate`) see their inputs typed from the declared
 * inputs (plugin API 1.3), so a plugin needs no cast. The core calls them only with inputs that passed
 * `validateInputs` against these declarations (`scoreInstrument`): every required input is present with
 * its declared type, which is what `InputValues` states — this is the one place that relies on it.
 */
export function defineInstrument<const I extends readonly InputDefinition[]>(instrument: TypedInstrument<I>): InstrumentDefinition {
  const { inputs, compute, validate, ...rest } = instrument;
  return {
    ...rest,
    inputs: [...inputs],
    compute: (values) => compute(values as InputValues<I>),
    ...(validate ? { validate: (values) => validate(values as InputValues<I>) } : {}),
  };
}
