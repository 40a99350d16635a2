import { booleanInput, integerInput } from "../../src/plugin-api";
import type { InputDefinition, Inputs } from "../../src/plugin-api";

/** The four Mayo subscores (Schroeder 1987), each 0–3, declared once and shared by the three totals. */

export const stoolFrequency = integerInput("stoolFrequency", "Stool frequency subscore", 0, 3, {
  options: [
    { value: 0, label: "Normal number of stools for this patient" },
    { value: 1, label: "1–2 stools a day more than normal" },
    { value: 2, label: "3–4 stools a day more than normal" },
    { value: 3, label: "5 or more stools a day more than normal" },
  ],
});

export const rectalBleeding = integerInput("rectalBleeding", "Rectal bleeding subscore", 0, 3, {
  options: [
    { value: 0, label: "No blood seen" },
    { value: 1, label: "Streaks of blood with stool less than half the time" },
    { value: 2, label: "Obvious blood with stool most of the time" },
    { value: 3, label: "Blood alone passed" },
  ],
});

export const endoscopy = integerInput("endoscopy", "Endoscopy subscore (original Mayo)", 0, 3, {
  options: [
    { value: 0, label: "Normal or inactive disease" },
    { value: 1, label: "Mild disease (erythema, decreased vascular pattern, mild friability)" },
    { value: 2, label: "Moderate disease (marked erythema, absent vascular pattern, friability, erosions)" },
    { value: 3, label: "Severe disease (spontaneous bleeding, ulceration)" },
  ],
  description: "Original Schroeder 1987 reading: mild friability is compatible with 1.",
});

/** The modified endoscopic subscore of modern trials: any friability scores at least 2. */
export const modifiedEndoscopy = integerInput("endoscopy", "Endoscopy subscore (modified: friability scores 2)", 0, 3, {
  options: [
    { value: 0, label: "Normal or inactive disease" },
    { value: 1, label: "Mild disease (erythema, decreased vascular pattern), NO friability" },
    { value: 2, label: "Moderate disease (marked erythema, absent vascular pattern, any friability, erosions)" },
    { value: 3, label: "Severe disease (spontaneous bleeding, ulceration)" },
  ],
  description: "Modified reading (FDA 2016): 1 excludes friability; a mucosa with any friability scores at least 2.",
});

export const friability = booleanInput("friability", "Friability seen at endoscopy", {
  description: "Any friability. With the modified subscore it must be scored 2 or 3; a subscore of 0 or 1 with friability is refused.",
});

export const physicianGlobal = integerInput("physicianGlobal", "Physician global assessment subscore", 0, 3, {
  options: [
    { value: 0, label: "Normal" },
    { value: 1, label: "Mild disease" },
    { value: 2, label: "Moderate disease" },
    { value: 3, label: "Severe disease" },
  ],
});

/** Sum of the declared subscores present in `inputs` (all are 0–3 integers). */
export function sumOf(definitions: InputDefinition[], inputs: Inputs) {
  const components = Object.fromEntries(definitions.filter((d) => d.type === "integer").map((d) => [d.name, inputs[d.name] as number]));
  return { value: Object.values(components).reduce((sum, v) => sum + v, 0), components };
}
