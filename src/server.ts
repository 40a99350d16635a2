import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import type { DiseasePlugin } from "./plugin-api";
import { createApp } from "./app";
import type { App } from "./app";
import type { Config } from "./config";
import { isPostgresUrl, openDatabase } from "./db/data-source";
import { loadDemoTrial } from "./demo/load-demo-trial";
import { corsPolicy, securityHeaders } from "./http-security";
import { internalServerError } from "./graphql/format-error";
import { QUERY_LIMITS } from "./graphql/limits";
import { jwtSecret } from "./modules/access/jwt-secret";
import { attemptStoresFor, DEFAULT_ATTEMPT_LIMITS } from "./modules/access/password-attempts";
import { resolveAuditKey } from "./modules/audit/audit-key";
import { negotiateResponseType } from "./graphql/over-http";
import { Study } from "./modules/study/study.entity";

export interface RunningServer {
  url: string;
  app: App;
  stop(): Promise<void>;
}

/** Answers with GraphQL-shaped errors, in the media type the client accepts (`application/json` unless it prefers `application/graphql-response+json`). */
function sendErrors(request: Request, response: Response, status: number, errors: GraphQLFormattedError[]) {
  const type = negotiateResponseType(request.headers.accept) ?? "application/json";
  response.status(status).set("content-type", `${type}; charset=utf-8`).send(JSON.stringify({ errors }));
}

const badRequest = (message: string): GraphQLFormattedError => ({ message, extensions: { code: "BAD_REQUEST" } });

/**
 * A POST carries the GraphQL request as JSON (GraphQL over HTTP). Any other body — text/plain, a form,
 * none declared — gets 415 before Apollo sees it: the JSON parser would leave it unread, and such
 * requests are the ones a browser sends cross-site without a CORS preflight.
 */
const jsonPostsOnly: RequestHandler = (request, response, next) => {
  // `is` is null for a request without a body: Apollo answers that one ("POST body missing").
  if (request.method === "POST" && request.is("application/json") === false) {
    sendErrors(request, response, 415, [badRequest("A POST request must send the GraphQL request as JSON, with Content-Type: application/json")]);
  } else next();
};

/**
 * Refuses oversized or malformed bodies with a GraphQL-shaped error instead of Express's HTML page
 * (which shows the stack trace outside production).
 */
const bodyErrors: ErrorRequestHandler = (error, request, response, next) => {
  const status = Number(error?.status ?? error?.statusCode);
  if (error?.type === "entity.too.large") {
    sendErrors(request, response, 413, [{ message: `Request body larger than ${QUERY_LIMITS.maxBodyBytes} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } }]);
  } else if (error?.type === "entity.parse.failed") {
    sendErrors(request, response, 400, [badRequest("Request body is not valid JSON")]);
  } else if (error?.type === "charset.unsupported") {
    sendErrors(request, response, 415, [badRequest("Request body must be JSON in UTF-8")]);
  } else if (error?.type === "encoding.unsupported") {
    sendErrors(request, response, 415, [badRequest("Unsupported Content-Encoding (use gzip, deflate, br or none)")]);
  } else if (status >= 400 && status < 500) {
    sendErrors(request, response, status, [badRequest("Malformed request body")]);
  } else next(error);
};

/** Anything else that fails: logged, and answered like any internal error — a stable code, no message or stack. */
const internalErrors: ErrorRequestHandler = (error, request, response, next) => {
  console.error("Internal error:", error);
  if (response.headersSent) next(error);
  else sendErrors(request, response, 500, [internalServerError()]);
};

/** How long a stopping server lets requests already received finish before it cuts their connections. */
export const DRAIN_MILLISECONDS = 10_000;

/** A listening failure as one line an operator can act on. */
function listenError(error: NodeJS.ErrnoException, config: Config): Error {
  if (error.code === "EADDRINUSE") return new Error(`port ${config.port} is already in use; set PORT`);
  if (error.code === "EACCES") return new Error(`port ${config.port} needs privileges this process does not have; set PORT (1024 or above)`);
  if (error.code === "EADDRNOTAVAIL") return new Error(`HOST ${config.host} is not an address of this machine; set HOST`);
  return new Error(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
}

/**
 * Opens the database (migrating it), loads the demo trial into an empty one, and serves GraphQL over HTTP.
 * The token key is checked (or, in development, made) before the database is touched: a bad configuration
 * leaves no database behind.
 */
export async function startServer(config: Config, plugins: DiseasePlugin[], log: (line: string) => void = console.log): Promise<RunningServer> {
  const secret = jwtSecret(config);
  const auditKey = resolveAuditKey(config);
  const dataSource = await openDatabase({ url: config.databaseUrl, migrationUrl: config.migrationUrl, sqlitePath: config.sqlitePath, logSql: config.logSql, logSqlValues: config.logSqlValues, auditKey, statementTimeoutMs: config.queryTimeoutMs });
  const app = await createApp(dataSource, plugins, {
    introspection: config.introspection,
    jwtSecret: secret,
    tokenHours: config.tokenHours,
    maxRows: config.maxRows,
    maxExecutionMs: config.queryTimeoutMs,
    maxFailedAttempts: config.maxFailedAttempts,
    hashingConcurrency: config.hashingConcurrency,
    // Shared by every server process on PostgreSQL; in this process's memory on SQLite.
    attemptStores: attemptStoresFor(dataSource, {
      perAddress: { ...DEFAULT_ATTEMPT_LIMITS.perAddress, attempts: config.passwordAttemptsPerAddress },
      perAccount: { ...DEFAULT_ATTEMPT_LIMITS.perAccount, attempts: config.passwordAttemptsPerAccount },
    }),
  });
  log(`Database: ${isPostgresUrl(config.databaseUrl) ? "PostgreSQL" : `SQLite file ${config.sqlitePath}`}`);
  if (config.loadDemo && (await dataSource.manager.count(Study)) === 0) {
    log("Empty database: loading the demo trial…");
    const summary = await loadDemoTrial(dataSource, app.registry);
    log(`Demo trial ${summary.study}: ${summary.cohorts} cohorts, ${summary.patients} patients, ${summary.visits} visits.`);
    log(`Demo accounts: ${summary.accounts.join(", ")}`);
  }
  log("Requests need a bearer token: `npm run -s cli -- token <username>` prints one (send `Authorization: Bearer <token>`).");
  await app.apollo.start();
  const web = express();
  web.disable("x-powered-by");
  // The client's address for the password-attempt limits: the socket's, or X-Forwarded-For's from trusted proxies only.
  web.set("trust proxy", config.trustProxy);
  web.use(
    "/",
    securityHeaders(config),
    corsPolicy(config),
    jsonPostsOnly,
    express.json({ limit: QUERY_LIMITS.maxBodyBytes }),
    bodyErrors,
    expressMiddleware(app.apollo, {
      context: async ({ req }) => app.context(await app.authenticate(req.headers.authorization), { clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
    }),
    internalErrors,
  );
  const http = createServer(web);
  try {
    await new Promise<void>((resolve, reject) => {
      const failed = (error: NodeJS.ErrnoException) => reject(listenError(error, config));
      http.once("error", failed);
      http.listen(config.port, config.host, () => {
        http.off("error", failed);
        resolve();
      });
    });
  } catch (error) {
    await app.apollo.stop();
    await dataSource.destroy();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const url = `http://${config.host === "127.0.0.1" || config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/`;
  log(`Introspection and the Sandbox landing page: ${config.introspection ? "on" : "off"} (BASKETQL_INTROSPECTION)`);
  const origins = [...config.corsOrigins, ...(config.corsLocalhost ? ["any http://localhost origin"] : [])];
  log(`Cross-origin requests from: ${origins.length ? origins.join(", ") : "no other origin"} (BASKETQL_CORS_ORIGINS)`);
  log(`basketql GraphQL API ready at ${url} (diseases: ${app.registry.plugins.map((p) => p.shortName).join(", ")})`);
  let stopped: Promise<void> | undefined;
  /**
   * Stops accepting connections, lets the requests already received finish (closing each connection as
   * it falls idle; those still running after DRAIN_MILLISECONDS are cut off), then closes the database.
   */
  async function drainAndStop() {
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeIdleConnections();
    const idle = setInterval(() => http.closeIdleConnections(), 50);
    const cutOff = setTimeout(() => http.closeAllConnections(), DRAIN_MILLISECONDS);
    try {
      await closed;
    } finally {
      clearInterval(idle);
      clearTimeout(cutOff);
    }
    await app.apollo.stop();
    await dataSource.destroy();
  }
  return {
    url,
    app,
    stop: () => (stopped ??= drainAndStop()),
  };
}
