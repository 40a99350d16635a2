import { resolve } from "node:path";
import { Command } from "commander";
import { plugins } from "../../plugins";
import { loadConfig } from "../config";
import { isPostgresUrl, openDatabase } from "../db/data-source";
import { resolveAuditKey } from "../modules/audit/audit-key";
import { generalInstruments } from "../general-instruments";
import { PluginRegistry } from "../plugins/registry";
import { progressReporter } from "../progress-reporter";
import { checkGenerateOptions, generateTrial } from "./generate-trial";

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
