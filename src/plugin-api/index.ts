/**
 * The public API of basketql for disease plugins. A plugin imports from this module only.
 */
import type { DiseasePlugin } from "./types";

/** Version of this contract; a plugin declares the semver range it was written for. */
export const PLUGIN_API_VERSION = "1.0.0";

/** Identity function that gives a plugin object its type. */
export function definePlugin(plugin: DiseasePlugin): DiseasePlugin {
  return plugin;
}

export * from "./types";
export * from "./numbers";
export * from "./inputs";
export * from "./bands";
export * from "./validate-inputs";
export * from "./score";
