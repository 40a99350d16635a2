import { describeAllowed } from "./inputs";
import type { FieldProblem, InputDefinition, Inputs } from "./types";

function checkValue(input: InputDefinition, value: unknown): string | undefined {
  switch (input.type) {
    case "boolean":
      return typeof value === "boolean" ? undefined : "must be true or false";
    case "code":
      return typeof value === "string" && input.options?.some((o) => o.value === value) ? undefined : "is not an allowed value";
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
      if (input.type === "integer" && !Number.isInteger(value)) return "must be an integer";
      if (input.options && !input.options.some((o) => o.value === value)) return "is not an allowed value";
      if (input.min !== undefined && (input.minExclusive ? value <= input.min : value < input.min)) return "is out of range";
      if (input.max !== undefined && (input.maxExclusive ? value >= input.max : value > input.max)) return "is out of range";
      return undefined;
    }
  }
}

/**
 * Checks raw inputs against their declarations: unknown names, missing required inputs,
 * wrong types and values out of range. `prefix` is prepended to field names (e.g. `inputs.`).
 */
export function validateInputs(definitions: InputDefinition[], inputs: Inputs, prefix = ""): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Map(definitions.map((d) => [d.name, d]));
  for (const name of Object.keys(inputs)) {
    if (!known.has(name)) {
      problems.push({
        field: prefix + name,
        message: `${prefix}${name} is not an input of this instrument`,
        allowed: [...known.keys()].join(", "),
      });
    }
  }
  for (const definition of definitions) {
    const value = inputs[definition.name];
    const field = prefix + definition.name;
    const allowed = describeAllowed(definition);
    if (value === undefined || value === null) {
      if (!definition.optional) problems.push({ field, message: `${field} is required: ${allowed}`, allowed });
      continue;
    }
    const problem = checkValue(definition, value);
    if (problem) problems.push({ field, message: `${field} ${problem}: ${allowed} (got ${JSON.stringify(value)})`, allowed });
  }
  return problems;
}
