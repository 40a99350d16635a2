import { ApolloServer } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { generalInstruments } from "./general-instruments";
import type { Context } from "./graphql/context";
import { createContext } from "./graphql/context";
import { formatError } from "./graphql/format-error";
import { armor } from "./graphql/limits";
import { buildBasketSchema } from "./graphql/schema";
import { ensureImmuneCatalogue } from "./modules/immunology/immune-catalogue";
import type { DiseasePlugin } from "./plugin-api";
import { PluginRegistry } from "./plugins/registry";

export interface App {
  dataSource: DataSource;
  registry: PluginRegistry;
  schema: GraphQLSchema;
  apollo: ApolloServer<Context>;
  context: () => Context;
}

/** Wires the registry, the schema and Apollo around an open database. */
export async function createApp(dataSource: DataSource, plugins: DiseasePlugin[]): Promise<App> {
  const registry = new PluginRegistry(plugins, generalInstruments);
  await ensureImmuneCatalogue(dataSource.manager);
  const schema = await buildBasketSchema(plugins);
  const limits = armor();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    plugins: limits.plugins,
    validationRules: limits.validationRules,
  });
  return { dataSource, registry, schema, apollo, context: () => createContext(dataSource, registry) };
}
