import { randomBytes } from "node:crypto";
import { plugins } from "../../plugins";
import { loadConfig } from "../../src/config";
import { createUser, grantRole } from "../../src/modules/access/accounts";
import { Role } from "../../src/modules/access/role";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";
import { Site } from "../../src/modules/study/site.entity";
import { startServer } from "../../src/server";
import type { RunningServer } from "../../src/server";

/*
 * The server of figures 2 and 3: the real HTTP stack (`startServer`, as `npm start` runs it) on port 0, in
 * the benchmark's process and on the benchmark's database, so that process.cpuUsage is the server's (and
 * the load loop's, which runs in the same process). Two accounts: a data manager, who reads every site, and
 * an investigator at every site, who may enter data anywhere in the trial.
 */

export interface BenchServer {
  server: RunningServer;
  readerToken: string;
  writerToken: string;
}

/** Where the server finds the benchmark's database: the same SQLite file, or the same PostgreSQL database. */
export type DatabaseLocation = { sqlitePath: string } | { postgresUrl: string };

export async function startBenchServer(location: DatabaseLocation): Promise<BenchServer> {
  const secret = () => randomBytes(32).toString("base64url");
  const env: NodeJS.ProcessEnv = { PORT: "0", BASKETQL_DEMO: "false", BASKETQL_JWT_SECRET: secret() };
  if ("sqlitePath" in location) {
    // No audit key given: the server uses the key file beside the SQLite file, as the benchmark's own connection does.
    env.BASKETQL_SQLITE_PATH = location.sqlitePath;
  } else {
    env.DATABASE_URL = location.postgresUrl;
    env.BASKETQL_AUDIT_KEY = secret();
  }
  const server = await startServer(loadConfig(env), plugins, () => {});
  try {
    const { readerId, writerId } = await server.app.dataSource.transaction(async (manager) => {
      const reader = await createUser(manager, SYSTEM_ACTOR, { username: "bench-data-manager", displayName: "Benchmark data manager" });
      await grantRole(manager, SYSTEM_ACTOR, { username: reader.username, role: Role.DATA_MANAGER });
      const writer = await createUser(manager, SYSTEM_ACTOR, { username: "bench-investigator", displayName: "Benchmark investigator" });
      for (const site of await manager.find(Site)) await grantRole(manager, SYSTEM_ACTOR, { username: writer.username, role: Role.INVESTIGATOR, siteCode: site.code });
      return { readerId: reader.id, writerId: writer.id };
    });
    return { server, readerToken: await server.app.issueToken(readerId), writerToken: await server.app.issueToken(writerId) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
