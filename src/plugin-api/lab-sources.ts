import type { DiseasePlugin } from "./types";

/** Codes of the lab tests a plugin's instruments can read from stored results (lab-fed inputs). */
export function labTestsOf(plugin: DiseasePlugin): string[] {
  return [...new Set(plugin.instruments.flatMap((i) => i.inputs.flatMap((input) => (input.lab ? [input.lab.test] : []))))];
}
