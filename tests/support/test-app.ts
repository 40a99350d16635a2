import type { DataSource } from "typeorm";
import { plugins as registeredPlugins } from "../../plugins";
import type { App } from "../../src/app";
import { createApp } from "../../src/app";
import { entities } from "../../src/db/entities";
import { loadDemoTrial } from "../../src/demo/load-demo-trial";
import type { DiseasePlugin } from "../../src/plugin-api";
import { createTestDatabase } from "./test-database";

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestApp {
  app: App;
  dataSource: DataSource;
  /** Runs an operation through Apollo exactly as an HTTP request would, with a fresh context. */
  execute<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** Like execute, but fails the test on any GraphQL error. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function createTestApp(kind: "sqlite" | "postgres", options: { demo?: boolean; plugins?: DiseasePlugin[] } = {}): Promise<TestApp> {
  const db = await createTestDatabase(kind);
  const app = await createApp(db.dataSource, options.plugins ?? registeredPlugins);
  await app.apollo.start();
  if (options.demo) await loadDemoTrial(db.dataSource, app.registry);
  const execute = async (query: string, variables?: Record<string, unknown>) => {
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context() });
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    return JSON.parse(JSON.stringify(response.body.singleResult)) as GraphQLResult;
  };
  return {
    app,
    dataSource: db.dataSource,
    execute,
    async data(query, variables) {
      const result = await execute(query, variables);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data;
    },
    async close() {
      await app.apollo.stop();
      await db.drop();
    },
  };
}

/** Every row of every table, for checking that a rejected write changed nothing. */
export async function snapshotDatabase(dataSource: DataSource): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const entity of entities) tables[entity.name] = await dataSource.manager.find(entity, { order: { id: "ASC" } });
  return JSON.stringify(tables);
}
