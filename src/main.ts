import "reflect-metadata";
import { plugins } from "../plugins";
import { loadConfig } from "./config";
import { startServer } from "./server";
import type { RunningServer } from "./server";

/*
 * `npm start`: reads and checks the configuration, then serves. Every failure to start is one line on
 * standard error and exit code 1. SIGTERM or SIGINT drain the requests in flight, close the database
 * and exit 0.
 */
async function main() {
  // Listening before the server starts: a signal that arrives as it reports ready (or while it migrates)
  // stops it once it is up, instead of killing the process half-way.
  let server: RunningServer | undefined;
  let stopRequested = false;
  const stopServer = (running: RunningServer) =>
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Stopping failed: ${error instanceof Error ? error.message : error}`);
        process.exit(1);
      },
    );
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: finishing the requests in flight, then stopping.`);
    stopRequested = true;
    if (server) void stopServer(server);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server = await startServer(loadConfig(), plugins);
  if (stopRequested) void stopServer(server);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
