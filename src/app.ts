import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { GraphQLSchema } from "graphql";
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { generalInstruments } from "./general-instruments";
import type { Context } from "./graphql/context";
import { createContext } from "./graphql/context";
import { formatError } from "./graphql/format-error";
import { armor, QUERY_LIMITS } from "./graphql/limits";
import { graphqlOverHttpStatus, reportingQueryLimits } from "./graphql/over-http";
import { buildBasketSchema } from "./graphql/schema";
import { storableTextOnly } from "./graphql/storable-text";
import type { Access } from "./modules/access/access";
import { authenticate } from "./modules/access/authenticate";
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
  context: (access: Access) => Context;
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
}

/** Wires the registry, the schema and Apollo around an open database. */
export async function createApp(dataSource: DataSource, plugins: DiseasePlugin[], options: AppOptions = {}): Promise<App> {
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
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    plugins: [
      ...limits.plugins,
      storableTextOnly<Context>(),
      introspection ? ApolloServerPluginLandingPageLocalDefault() : ApolloServerPluginLandingPageDisabled(),
      graphqlOverHttpStatus<Context>(),
    ],
    validationRules: limits.validationRules.map(reportingQueryLimits),
  });
  const secret = options.jwtSecret ?? randomBytes(32);
  const tokenHours = options.tokenHours ?? 8;
  const issue = (userId: number) => issueToken(secret, userId, tokenHours);
  return {
    dataSource,
    registry,
    schema,
    apollo,
    authenticate: (authorization) => authenticate(dataSource.manager, secret, authorization),
    issueToken: issue,
    context: (access) => createContext(dataSource, registry, access, { issueToken: issue, tokenHours }),
  };
}
