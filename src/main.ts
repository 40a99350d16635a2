import "reflect-metadata";
import { plugins } from "../plugins";
import { loadConfig } from "./config";
import { startServer } from "./server";

/*
 * `npm start`: reads and checks the configuration, then serves. Every failure to start is one line on
 * standard error and exit code 1. SIGTERM or SIGINT drain the requests in flight, close the database
 * and exit 0.
 */
async function main() {
  const server = await startServer(loadConfig(), plugins);
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: finishing the requests in flight, then stopping.`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Stopping failed: ${error instanceof Error ? error.message : error}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
