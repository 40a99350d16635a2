import { resolve } from "node:path";
import { Command } from "commander";
import { plugins } from "../../plugins";
import { loadConfig } from "../config";
import { isPostgresUrl, openDatabase } from "../db/data-source";
import { resolveAuditKey } from "../modules/audit/audit-key";
import { generalInstruments } from "../general-instruments";
import { PluginRegistry } from "../plugins/registry";
import { checkGenerateOptions, generateTrial } from "./generate-trial";

/** Progress on stderr: a bar redrawn in place on a terminal, else a line per tenth, with rate and ETA. */
export function progressReporter(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastTenth = -1;
  return (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    const eta = (total - done) / Math.max(rate, 1e-9);
    const line = `${done.toLocaleString("en")}/${total.toLocaleString("en")} patients, ${Math.round(rate).toLocaleString("en")}/s, ${seconds.toFixed(0)} s elapsed, ETA ${eta.toFixed(0)} s`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${line}${done === total ? "\n" : ""}`);
    } else if (Math.floor((done / total) * 10) > lastTenth || done === total) {
      lastTenth = Math.floor((done / total) * 10);
      stream.write(`${line}\n`);
    }
  };
}

export function generateCommand(): Command {
  return new Command("generate")
    .description("generate a trial of N fictitious patients for scale tests (seeded: same options, same data), written in bulk as one audited import")
    .option("--patients <n>", "number of patients, spread over every installed disease cohort", "10000")
    .option("--seed <text>", "seed of the random generator", "1")
    .option("--sites <n>", "number of sites", "20")
    .option("--study-code <code>", "code of the generated study (must be new in the database)", "SCALE")
    .option("--database <path-or-url>", "SQLite file or postgres:// URL (default: DATABASE_URL, else BASKETQL_SQLITE_PATH)")
    .action(async (raw: { patients: string; seed: string; sites: string; studyCode: string; database?: string }) => {
      const options = { patients: Number(raw.patients), sites: Number(raw.sites), seed: raw.seed, studyCode: raw.studyCode };
      checkGenerateOptions(options);
      const config = loadConfig();
      const url = raw.database === undefined ? config.databaseUrl : isPostgresUrl(raw.database) ? raw.database : undefined;
      const sqlitePath = raw.database === undefined || url ? config.sqlitePath : resolve(raw.database);
      const dataSource = await openDatabase({ url, migrationUrl: config.migrationUrl, sqlitePath, auditKey: resolveAuditKey({ ...config, sqlitePath }) });
      try {
        const started = Date.now();
        const summary = await generateTrial(dataSource, new PluginRegistry(plugins, generalInstruments), { ...options, onProgress: progressReporter(options.patients) });
        const seconds = (Date.now() - started) / 1000;
        const rows = summary.patients + summary.visits + summary.immuneMeasurements + summary.labResults + summary.assessments + summary.doses + summary.adverseEvents;
        console.log(JSON.stringify({ ...summary, rows, seconds, rowsPerSecond: Math.round(rows / seconds) }));
      } finally {
        await dataSource.destroy();
      }
    });
}
