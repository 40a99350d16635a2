import { startStandaloneServer } from "@apollo/server/standalone";
import type { DiseasePlugin } from "./plugin-api";
import { createApp } from "./app";
import type { App } from "./app";
import type { Config } from "./config";
import { isPostgresUrl, openDatabase } from "./db/data-source";
import { loadDemoTrial } from "./demo/load-demo-trial";
import { Study } from "./modules/study/study.entity";

export interface RunningServer {
  url: string;
  app: App;
  stop(): Promise<void>;
}

/** Opens the database (migrating it), loads the demo trial into an empty one, and serves GraphQL over HTTP. */
export async function startServer(config: Config, plugins: DiseasePlugin[], log: (line: string) => void = console.log): Promise<RunningServer> {
  const dataSource = await openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath, logSql: config.logSql });
  const app = await createApp(dataSource, plugins);
  log(`Database: ${isPostgresUrl(config.databaseUrl) ? "PostgreSQL" : `SQLite file ${config.sqlitePath}`}`);
  if (config.loadDemo && (await dataSource.manager.count(Study)) === 0) {
    log("Empty database: loading the demo trial…");
    const summary = await loadDemoTrial(dataSource, app.registry);
    log(`Demo trial ${summary.study}: ${summary.cohorts} cohorts, ${summary.patients} patients, ${summary.visits} visits.`);
  }
  const { url } = await startStandaloneServer(app.apollo, { listen: { port: config.port, host: config.host }, context: async () => app.context() });
  log(`basketql GraphQL API ready at ${url} (diseases: ${app.registry.plugins.map((p) => p.shortName).join(", ")})`);
  return {
    url,
    app,
    async stop() {
      await app.apollo.stop();
      await dataSource.destroy();
    },
  };
}
