import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import type { ErrorRequestHandler } from "express";
import type { DiseasePlugin } from "./plugin-api";
import { createApp } from "./app";
import type { App } from "./app";
import type { Config } from "./config";
import { isPostgresUrl, openDatabase } from "./db/data-source";
import { loadDemoTrial } from "./demo/load-demo-trial";
import { QUERY_LIMITS } from "./graphql/limits";
import { Study } from "./modules/study/study.entity";

export interface RunningServer {
  url: string;
  app: App;
  stop(): Promise<void>;
}

/** Refuses oversized or malformed bodies with a GraphQL-shaped error instead of an HTML page. */
const bodyErrors: ErrorRequestHandler = (error, _request, response, next) => {
  if (error?.type === "entity.too.large") {
    response.status(413).json({ errors: [{ message: `Request body larger than ${QUERY_LIMITS.maxBodyBytes} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  } else if (error?.type === "entity.parse.failed") {
    response.status(400).json({ errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
  } else next(error);
};

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
  await app.apollo.start();
  const web = express();
  web.use("/", cors(), express.json({ limit: QUERY_LIMITS.maxBodyBytes }), bodyErrors, expressMiddleware(app.apollo, { context: async () => app.context() }));
  const http = createServer(web);
  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const { port } = http.address() as AddressInfo;
  const url = `http://${config.host === "127.0.0.1" || config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/`;
  log(`basketql GraphQL API ready at ${url} (diseases: ${app.registry.plugins.map((p) => p.shortName).join(", ")})`);
  return {
    url,
    app,
    async stop() {
      const closed = new Promise<void>((resolve, reject) => http.close((error) => (error ? reject(error) : resolve())));
      http.closeAllConnections();
      await closed;
      await app.apollo.stop();
      await dataSource.destroy();
    },
  };
}
