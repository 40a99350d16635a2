import type { DataSource } from "typeorm";
import { plugins as registeredPlugins } from "../../plugins";
import type { App } from "../../src/app";
import { createApp } from "../../src/app";
import { entities } from "../../src/db/entities";
import { loadDemoTrial } from "../../src/demo/load-demo-trial";
import { Access } from "../../src/modules/access/access";
import { accessOf } from "../../src/modules/access/authenticate";
import { User } from "../../src/modules/access/user.entity";
import type { DiseasePlugin } from "../../src/plugin-api";
import { createTestDatabase } from "./test-database";

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestApp {
  app: App;
  dataSource: DataSource;
  /**
   * Runs an operation through Apollo as an HTTP request would, with a fresh context, as `access`
   * (by default the unrestricted system access; see `accessOf` for a real user's).
   */
  execute<T = any>(query: string, variables?: Record<string, unknown>, access?: Access): Promise<GraphQLResult<T>>;
  /** Like execute, but fails the test on any GraphQL error. */
  data<T = any>(query: string, variables?: Record<string, unknown>, access?: Access): Promise<T>;
  /** The access of a user, e.g. a demo account such as "demo-investigator-01". */
  accessOf(username: string): Promise<Access>;
  close(): Promise<void>;
}

export async function createTestApp(kind: "sqlite" | "postgres", options: { demo?: boolean; plugins?: DiseasePlugin[]; maxFailedAttempts?: number } = {}): Promise<TestApp> {
  const db = await createTestDatabase(kind);
  const app = await createApp(db.dataSource, options.plugins ?? registeredPlugins, { maxFailedAttempts: options.maxFailedAttempts });
  await app.apollo.start();
  if (options.demo) await loadDemoTrial(db.dataSource, app.registry);
  const execute = async (query: string, variables?: Record<string, unknown>, access = Access.system()) => {
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context(access) });
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    return JSON.parse(JSON.stringify(response.body.singleResult)) as GraphQLResult;
  };
  return {
    app,
    dataSource: db.dataSource,
    execute,
    async accessOf(username) {
      return accessOf(db.dataSource.manager, await db.dataSource.manager.findOneByOrFail(User, { username }));
    },
    async data(query, variables, access) {
      const result = await execute(query, variables, access);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data;
    },
    async close() {
      await app.apollo.stop();
      await db.drop();
    },
  };
}

/** Every row of every table, for checking that a rejected write changed nothing; `omit` drops columns such as creation times. */
export async function snapshotDatabase(dataSource: DataSource, omit: string[] = []): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const entity of entities) tables[entity.name] = await dataSource.manager.find(entity, { order: { id: "ASC" } });
  return JSON.stringify(tables, (key, value) => (omit.includes(key) ? undefined : value));
}
