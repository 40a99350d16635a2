import type { DiseasePlugin, EfficacyEndpoint, InstrumentDefinition, ResponseCriterion } from "../plugin-api";
import { InvalidInputError } from "../errors";
import { checkPlugin } from "./check-plugin";

export interface RegisteredInstrument {
  definition: InstrumentDefinition;
  /** The disease plugin that declares it; undefined for the shared instruments (CGI, EQ-5D). */
  plugin?: DiseasePlugin;
}

export interface RegisteredCriterion {
  definition: ResponseCriterion;
  plugin: DiseasePlugin;
}

export interface RegisteredEndpoint {
  definition: EfficacyEndpoint;
  plugin: DiseasePlugin;
}

/**
 * The plugins the service runs with, checked and indexed. Construction fails on any contract
 * violation or on an id or code used twice, so a broken plugin stops the service at start.
 */
export class PluginRegistry {
  readonly plugins: readonly DiseasePlugin[];
  readonly generalInstruments: readonly InstrumentDefinition[];
  private readonly byId = new Map<string, DiseasePlugin>();
  private readonly instruments = new Map<string, RegisteredInstrument>();
  private readonly criteria = new Map<string, RegisteredCriterion>();
  private readonly endpoints = new Map<string, RegisteredEndpoint>();

  constructor(plugins: DiseasePlugin[], generalInstruments: InstrumentDefinition[]) {
    this.plugins = plugins;
    this.generalInstruments = generalInstruments;
    const problems: string[] = [];
    for (const definition of generalInstruments) this.instruments.set(definition.code, { definition });
    for (const plugin of plugins) {
      if (this.byId.has(plugin.id)) problems.push(`plugin id ${plugin.id} is registered twice`);
      this.byId.set(plugin.id, plugin);
      for (const definition of plugin.instruments) {
        const taken = this.instruments.get(definition.code);
        if (taken) problems.push(`instrument ${definition.code} of ${plugin.id} is already declared by ${taken.plugin?.id ?? "the core"}`);
        else this.instruments.set(definition.code, { definition, plugin });
      }
      for (const definition of plugin.responseCriteria) {
        const taken = this.criteria.get(definition.code);
        if (taken) problems.push(`criterion ${definition.code} of ${plugin.id} is already declared by ${taken.plugin.id}`);
        else this.criteria.set(definition.code, { definition, plugin });
      }
      for (const definition of plugin.efficacyEndpoints ?? []) {
        const taken = this.endpoints.get(definition.code);
        if (taken) problems.push(`efficacy endpoint ${definition.code} of ${plugin.id} is already declared by ${taken.plugin.id}`);
        else this.endpoints.set(definition.code, { definition, plugin });
      }
    }
    for (const plugin of plugins) problems.push(...checkPlugin(plugin, [...generalInstruments]));
    if (problems.length > 0) throw new Error(`Invalid disease plugins:\n- ${problems.join("\n- ")}`);
  }

  plugin(id: string): DiseasePlugin | undefined {
    return this.byId.get(id);
  }

  instrument(code: string): RegisteredInstrument | undefined {
    return this.instruments.get(code);
  }

  criterion(code: string): RegisteredCriterion | undefined {
    return this.criteria.get(code);
  }

  /** The instrument, or BAD_USER_INPUT naming `field` and listing the known codes. */
  requireInstrument(code: string, field = "instrument"): RegisteredInstrument {
    const registered = this.instruments.get(code);
    if (registered) return registered;
    throw new InvalidInputError([{ field, message: `${field} ${JSON.stringify(code)} is not a known instrument`, allowed: [...this.instruments.keys()].join(", ") }]);
  }

  /** The response criterion, or BAD_USER_INPUT naming `field` and listing the known codes. */
  requireCriterion(code: string, field = "criterion"): RegisteredCriterion {
    const registered = this.criteria.get(code);
    if (registered) return registered;
    throw new InvalidInputError([{ field, message: `${field} ${JSON.stringify(code)} is not a known response criterion`, allowed: [...this.criteria.keys()].join(", ") }]);
  }

  /** A plugin's declared endpoints, in declaration order (empty for a plugin written before API 1.2). */
  endpointsOf(pluginId: string): readonly EfficacyEndpoint[] {
    return this.byId.get(pluginId)?.efficacyEndpoints ?? [];
  }

  allInstruments(): RegisteredInstrument[] {
    return [...this.instruments.values()];
  }

  allCriteria(): RegisteredCriterion[] {
    return [...this.criteria.values()];
  }

  /** Instrument definitions by code, for evaluating criteria. */
  instrumentMap(): Map<string, InstrumentDefinition> {
    return new Map([...this.instruments].map(([code, r]) => [code, r.definition]));
  }
}
