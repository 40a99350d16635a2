import type { InputDefinition, InputOption } from "./types";

type Extra = Partial<Omit<InputDefinition, "name" | "label" | "type">>;

/**
 * Builders that keep input declarations to one readable line each. They keep the input's name, type
 * and `optional` flag in its type, so that `defineInstrument` can type the inputs `compute` receives.
 */
export function integerInput<const N extends string, E extends Extra = {}>(name: N, label: string, min: number, max: number, extra: E = {} as E) {
  return { name, label, type: "integer" as const, min, max, ...extra };
}

export function numberInput<const N extends string, E extends Extra = {}>(name: N, label: string, extra: E = {} as E) {
  return { name, label, type: "number" as const, ...extra };
}

export function booleanInput<const N extends string, E extends Extra = {}>(name: N, label: string, extra: E = {} as E) {
  return { name, label, type: "boolean" as const, ...extra };
}

export function codeInput<const N extends string, const O extends readonly InputOption[], E extends Extra = {}>(name: N, label: string, options: O, extra: E = {} as E) {
  return { name, label, type: "code" as const, options, ...extra };
}

/** Human-readable description of what an input accepts, used in error messages and the catalogue. */
export function describeAllowed(input: InputDefinition): string {
  if (input.options) return `one of ${input.options.map((o) => JSON.stringify(o.value)).join(", ")}`;
  if (input.type === "boolean") return "true or false";
  const kind = input.type === "integer" ? "an integer" : "a number";
  const unit = input.unit ? ` ${input.unit}` : "";
  const lower = input.min === undefined ? undefined : `${input.minExclusive ? ">" : "≥"} ${input.min}`;
  const upper = input.max === undefined ? undefined : `${input.maxExclusive ? "<" : "≤"} ${input.max}`;
  if (lower && upper && !input.minExclusive && !input.maxExclusive) return `${kind} from ${input.min} to ${input.max}${unit}`;
  const bounds = [lower, upper].filter(Boolean).join(" and ");
  return bounds ? `${kind} ${bounds}${unit}` : `${kind}${unit}`;
}
