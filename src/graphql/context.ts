import type { DataSource } from "typeorm";
import type { PluginRegistry } from "../plugins/registry";
import { Loaders } from "./loaders";

/** What every resolver receives. A new one per request, so DataLoader caches never outlive it. */
export interface Context {
  dataSource: DataSource;
  registry: PluginRegistry;
  loaders: Loaders;
}

export function createContext(dataSource: DataSource, registry: PluginRegistry): Context {
  return { dataSource, registry, loaders: new Loaders(dataSource.manager) };
}
