import "reflect-metadata";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { plugins } from "../../plugins";
import { createApp } from "../../src/app";
import { openDatabase } from "../../src/db/data-source";
import { Access } from "../../src/modules/access/access";

/*
 * `node dist/scripts/bench/time-view.js <file.sqlite> [query file] [runs] [variables JSON]`: the latency and
 * CPU time of one query (a file of docs/queries, or a path; default: the cohort overview) on an existing SQLite
 * database, e.g. one written by `generate`, before and after a change of index (docs/benchmarks.md, "Indexes").
 */
async function main() {
  const [sqlitePath, queryFile = "cohort-overview.graphql", runs = "7", variables = "{}"] = process.argv.slice(2);
  if (!sqlitePath) throw new Error("usage: time-view.js <file.sqlite> [query file] [runs] [variables JSON]");
  const documented = join(__dirname, "..", "..", "..", "docs", "queries", queryFile);
  const query = readFileSync(existsSync(documented) ? documented : queryFile, "utf8");
  const dataSource = await openDatabase({ sqlitePath });
  const app = await createApp(dataSource, plugins);
  await app.apollo.start();
  try {
    const times: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < Number(runs); i++) {
      const started = process.hrtime.bigint();
      const response = await app.apollo.executeOperation({ query, variables: JSON.parse(variables) }, { contextValue: app.context(Access.system()) });
      if (response.body.kind !== "single" || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const sorted = [...times].sort((a, b) => a - b);
    // CPU per request (all threads of the process) varies less than wall time on a shared machine.
    const cpuPerRun = (cpu.user + cpu.system) / 1000 / Number(runs);
    console.log(`${queryFile} on ${sqlitePath}: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, CPU ${cpuPerRun.toFixed(1)} ms a request, over ${runs} runs`);
  } finally {
    await app.apollo.stop();
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
