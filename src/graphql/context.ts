import type { DataSource } from "typeorm";
import type { Access } from "../modules/access/access";
import { DEFAULT_MAX_FAILED_ATTEMPTS } from "../modules/access/lockout";
import { PasswordAttempts } from "../modules/access/password-attempts";
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
  security: RequestSecurity;
}

/** What password checks need to know of a request and of the service's policy. */
export interface RequestSecurity {
  /**
   * The client's address (the socket's, or X-Forwarded-For's behind a trusted proxy); null for
   * operations the service runs itself (executeOperation: tests, tools), which are not rate-limited.
   */
  clientAddress: string | null;
  /** Rate limits of password attempts, shared by every request of the app. */
  attempts: PasswordAttempts;
  /** Consecutive failed password attempts that lock an account. */
  maxFailedAttempts: number;
}

const IN_PROCESS: RequestSecurity = { clientAddress: null, attempts: new PasswordAttempts(), maxFailedAttempts: DEFAULT_MAX_FAILED_ATTEMPTS };

export interface ExecutionLimits {
  maxRows: number;
  maxExecutionMs: number;
}

export interface TokenIssuer {
  issueToken(userId: number): Promise<string>;
  tokenHours: number;
}

export function createContext(
  dataSource: DataSource,
  registry: PluginRegistry,
  access: Access,
  tokens: TokenIssuer,
  limits: ExecutionLimits = QUERY_LIMITS,
  security: RequestSecurity = IN_PROCESS,
): Context {
  const budget = new ExecutionBudget(limits.maxRows, limits.maxExecutionMs);
  return { dataSource, registry, access, tokens, budget, security, loaders: new Loaders(dataSource.manager, access.scope()) };
}
