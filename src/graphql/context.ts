import type { DataSource } from "typeorm";
import type { Access } from "../modules/access/access";
import type { PluginRegistry } from "../plugins/registry";
import { Loaders } from "./loaders";

/** What every resolver receives. A new one per request, so DataLoader caches never outlive it. */
export interface Context {
  dataSource: DataSource;
  registry: PluginRegistry;
  access: Access;
  loaders: Loaders;
  tokens: TokenIssuer;
}

export interface TokenIssuer {
  issueToken(userId: number): Promise<string>;
  tokenHours: number;
}

export function createContext(dataSource: DataSource, registry: PluginRegistry, access: Access, tokens: TokenIssuer): Context {
  return { dataSource, registry, access, tokens, loaders: new Loaders(dataSource.manager, access.scope()) };
}
