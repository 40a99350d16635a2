/**
 * The public API of basketql for disease plugins. A plugin imports from this module only.
 */
import type { DiseasePlugin } from "./types";

/**
 * Version of this contract. 1.3 added `defineInstrument`, which types the inputs an instrument's
 * `compute` and `validate` receive from its declared inputs (`InputValues`), and input builders that
 * keep each input's name and type for it; plain `InstrumentDefinition` objects keep working. 1.2 added efficacy endpoints (`DiseasePlugin.efficacyEndpoints`, optional)
 * and dropped the unused `graphql` contributions (plugins declare, the core answers). 1.1 added lab-fed inputs (`InputDefinition.lab`) and time-based criteria
 * (`ResponseCriterion.timeBased`, `Observation.studyDay`); both are optional, so 1.0 plugins
 * (`^1.0.0`) keep working unchanged.
 * A plugin declares the semver range it was written for.
 */
export const PLUGIN_API_VERSION = "1.3.0";

/** Identity function that gives a plugin object its type. */
export function definePlugin(plugin: DiseasePlugin): DiseasePlugin {
  return plugin;
}

export * from "./types";
export * from "./numbers";
export * from "./inputs";
export * from "./typed-instrument";
export * from "./bands";
export * from "./validate-inputs";
export * from "./score";
export * from "./study-days";
export * from "./lab-sources";
