import type { DiseasePlugin, InputDefinition, InstrumentDefinition, Inputs } from "./types";

/** Codes of the lab tests a plugin's instruments can read from stored results (lab-fed inputs). */
export function labTestsOf(plugin: DiseasePlugin): string[] {
  return [...new Set(plugin.instruments.flatMap((i) => i.inputs.flatMap((input) => (input.lab ? [input.lab.test] : []))))];
}

/** Lab-fed inputs grouped by the test and quantity they read; a group of several holds alternatives. */
export function labInputGroups(instrument: InstrumentDefinition): InputDefinition[][] {
  const groups = new Map<string, InputDefinition[]>();
  for (const input of instrument.inputs) {
    if (!input.lab) continue;
    const key = `${input.lab.test}/${input.lab.as}`;
    groups.set(key, [...(groups.get(key) ?? []), input]);
  }
  return [...groups.values()];
}

/**
 * The lab-fed inputs to fill for the inputs a client gave: of each group, the first declared input,
 * unless the client gave one of the group (null counts as not given).
 */
export function labInputsToFill(instrument: InstrumentDefinition, given: Inputs): InputDefinition[] {
  return labInputGroups(instrument)
    .filter((group) => group.every((input) => given[input.name] === undefined || given[input.name] === null))
    .map((group) => group[0]);
}
