import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { GraphQLSchema } from "graphql";
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { generalInstruments } from "./general-instruments";
import type { Context } from "./graphql/context";
import { createContext } from "./graphql/context";
import { formatError } from "./graphql/format-error";
import { armor, QUERY_LIMITS, queryCostLimit } from "./graphql/limits";
import { UNPAGED_LIST_ROWS } from "./graphql/query-cost";
import { neverCached } from "./graphql/no-store";
import { graphqlOverHttpStatus, reportingQueryLimits } from "./graphql/over-http";
import { buildBasketSchema } from "./graphql/schema";
import { storableTextOnly } from "./graphql/storable-text";
import type { Access } from "./modules/access/access";
import { authenticate } from "./modules/access/authenticate";
import { DEFAULT_MAX_FAILED_ATTEMPTS } from "./modules/access/lockout";
import { setHashingConcurrency } from "./modules/access/password";
import type { AttemptStores } from "./modules/access/password-attempts";
import { memoryStores, PasswordAttempts } from "./modules/access/password-attempts";
import { assertScopeRules } from "./modules/access/scope-rule";
import { issueToken } from "./modules/access/tokens";
import { ensureImmuneCatalogue } from "./modules/immunology/immune-catalogue";
import type { DiseasePlugin } from "./plugin-api";
import { PluginRegistry } from "./plugins/registry";

export interface App {
  dataSource: DataSource;
  registry: PluginRegistry;
  schema: GraphQLSchema;
  apollo: ApolloServer<Context>;
  /** The caller of a request from its Authorization header (UNAUTHENTICATED for a bad token). */
  authenticate: (authorization: string | undefined) => Promise<Access>;
  issueToken: (userId: number) => Promise<string>;
  /** A request's context; `clientAddress` is the HTTP client's address (see server.ts), none for operations run in the process. */
  context: (access: Access, request?: { clientAddress?: string }) => Context;
}

export interface AppOptions {
  /**
   * Schema introspection and the IDE landing page (Apollo Sandbox) — `config.introspection`. Off, the
   * landing page is not served and error messages do not suggest field or type names either. Defaults
   * to off when NODE_ENV is production, like Apollo's own default.
   */
  introspection?: boolean;
  /** Key that signs bearer tokens (see jwt-secret.ts); a random one, good for this process only, by default. */
  jwtSecret?: Uint8Array;
  tokenHours?: number;
  /** Rows one request may load and how long it may run (BASKETQL_MAX_ROWS, BASKETQL_QUERY_TIMEOUT_MS). */
  maxRows?: number;
  maxExecutionMs?: number;
  /** Consecutive failed password attempts that lock an account (BASKETQL_MAX_FAILED_ATTEMPTS). */
  maxFailedAttempts?: number;
  /** Where password attempts are counted: in memory by default; a shared store for several processes. */
  attemptStores?: AttemptStores;
  /** Password hashes run at once (BASKETQL_HASHING_CONCURRENCY). */
  hashingConcurrency?: number;
}

/** Wires the registry, the schema and Apollo around an open database. */
export async function createApp(dataSource: DataSource, plugins: DiseasePlugin[], options: AppOptions = {}): Promise<App> {
  // Before anything is served: an entity without a site-scope rule would otherwise be read unrestricted.
  assertScopeRules(dataSource);
  const introspection = options.introspection ?? process.env.NODE_ENV !== "production";
  const registry = new PluginRegistry(plugins, generalInstruments);
  await ensureImmuneCatalogue(dataSource.manager);
  const schema = await buildBasketSchema(plugins);
  const limits = armor();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    // Set explicitly rather than left to Apollo's reading of NODE_ENV: the configuration decides.
    includeStacktraceInErrorResponses: false,
    introspection,
    hideSchemaDetailsFromClientErrors: !introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries keep an in-memory cache that any client may fill, and the service's
    // clients send whole documents; without it, a request naming a hash gets PERSISTED_QUERY_NOT_SUPPORTED.
    persistedQueries: false,
    // The HTTP server (src/server.ts) stops on SIGTERM/SIGINT: it drains requests before Apollo stops.
    // Apollo's own handlers would stop it under requests in flight and re-raise the signal (no exit 0).
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    plugins: [
      ...limits.plugins,
      // Unpaged lists are catalogue-sized; the longest, a study's cohorts, has one per installed disease.
      queryCostLimit<Context>({ unpagedRows: Math.max(UNPAGED_LIST_ROWS, plugins.length) }),
      storableTextOnly<Context>(),
      introspection ? ApolloServerPluginLandingPageLocalDefault() : ApolloServerPluginLandingPageDisabled(),
      graphqlOverHttpStatus<Context>(),
      // Apollo installs these by default and they wrap every resolver of every request. Cache control
      // would only compute `no-store` (no cache hints in the schema): neverCached sets it once. Inline
      // traces serve federated subgraphs, which this schema is not. (Usage reporting, which would also
      // trace every field, starts only when an Apollo key is configured.)
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      neverCached<Context>(),
    ],
    validationRules: limits.validationRules.map(reportingQueryLimits),
  });
  const secret = options.jwtSecret ?? randomBytes(32);
  const tokenHours = options.tokenHours ?? 8;
  const issue = (userId: number) => issueToken(secret, userId, tokenHours);
  if (options.hashingConcurrency !== undefined) setHashingConcurrency(options.hashingConcurrency);
  const attempts = new PasswordAttempts(options.attemptStores ?? memoryStores());
  const maxFailedAttempts = options.maxFailedAttempts ?? DEFAULT_MAX_FAILED_ATTEMPTS;
  const executionLimits = { maxRows: options.maxRows ?? QUERY_LIMITS.maxRows, maxExecutionMs: options.maxExecutionMs ?? QUERY_LIMITS.maxExecutionMs };
  return {
    dataSource,
    registry,
    schema,
    apollo,
    authenticate: (authorization) => authenticate(dataSource.manager, secret, authorization, tokenHours),
    issueToken: issue,
    context: (access, request = {}) =>
      createContext(dataSource, registry, access, { issueToken: issue, tokenHours }, executionLimits, {
        clientAddress: request.clientAddress ?? null,
        attempts,
        maxFailedAttempts,
      }),
  };
}
