import "reflect-metadata";
import { plugins } from "../plugins";
import { loadConfig } from "./config";
import { startServer } from "./server";

async function main() {
  const server = await startServer(loadConfig(), plugins);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
