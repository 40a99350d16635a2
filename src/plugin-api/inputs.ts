import type { InputDefinition, InputOption } from "./types";

type Extra = Partial<Omit<InputDefinition, "name" | "label" | "type">>;

/** Builders that keep input declarations to one readable line each. */
export function integerInput(name: string, label: string, min: number, max: number, extra: Extra = {}): InputDefinition {
  return { name, label, type: "integer", min, max, ...extra };
}

export function numberInput(name: string, label: string, extra: Extra = {}): InputDefinition {
  return { name, label, type: "number", ...extra };
}

export function booleanInput(name: string, label: string, extra: Extra = {}): InputDefinition {
  return { name, label, type: "boolean", ...extra };
}

export function codeInput(name: string, label: string, options: InputOption[], extra: Extra = {}): InputDefinition {
  return { name, label, type: "code", options, ...extra };
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
