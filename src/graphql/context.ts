import type { DataSource } from "typeorm";
import type { Access } from "../modules/access/access";
import type { PluginRegistry } from "../plugins/registry";
import { ExecutionBudget } from "./execution-budget";
import { QUERY_LIMITS } from "./limits";
import { Loaders } from "./loaders";

/** What every resolver receives. A new one per request, so DataLoader caches never outlive it. */
export interface Context {
  dataSource: DataSource;
  registry: PluginRegistry;
  access: Access;
  loaders: Loaders;
  tokens: TokenIssuer;
  /** Rows and time this request may still use (see execution-budget.ts). */
  budget: ExecutionBudget;
}

export interface ExecutionLimits {
  maxRows: number;
  maxExecutionMs: number;
}

export interface TokenIssuer {
  issueToken(userId: number): Promise<string>;
  tokenHours: number;
}

export function createContext(dataSource: DataSource, registry: PluginRegistry, access: Access, tokens: TokenIssuer, limits: ExecutionLimits = QUERY_LIMITS): Context {
  const budget = new ExecutionBudget(limits.maxRows, limits.maxExecutionMs);
  return { dataSource, registry, access, tokens, budget, loaders: new Loaders(dataSource.manager, access.scope()) };
}
