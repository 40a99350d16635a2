import { Command } from "commander";
import { plugins } from "../../../plugins";
import { loadConfig } from "../../config";
import { openDatabase } from "../../db/data-source";
import { generalInstruments } from "../../general-instruments";
import { PluginRegistry } from "../../plugins/registry";
import { progressReporter } from "../../progress-reporter";
import { Access } from "../access/access";
import { resolveAuditKey } from "../audit/audit-key";
import type { RescoreSummary } from "./rescore-assessments";
import { rescoreAssessments } from "./rescore-assessments";

/** The summary printed at the end of a run: counts, then every assessment that needs someone's attention. */
export function formatRescoreSummary(summary: RescoreSummary): string {
  const lines: string[] = [];
  if (summary.dryRun) lines.push("Dry run: nothing was written; the figures are what a run would do now.");
  lines.push(`Found ${summary.found} assessment(s) computed by another calculator version than the installed one.`);
  const unchanged = summary.rescored.filter((r) => r.sameResult).length;
  const voided = summary.rescored.filter((r) => r.signatureVoided).length;
  lines.push(`Re-scored: ${summary.rescored.length - unchanged}`);
  lines.push(`Unchanged: ${unchanged} (same score, category and components; only the calculator version was updated)`);
  if (voided > 0) lines.push(`Signatures voided: ${voided} (those visits are COMPLETE again and must be signed anew)`);
  lines.push(`Skipped: ${summary.skipped.length}`);
  for (const s of summary.skipped) lines.push(`  ${s.id} ${s.instrument} ${s.from}: ${s.reason}`);
  lines.push(`Failed, stored inputs not valid for the installed calculator: ${summary.failed.length}`);
  for (const f of summary.failed) lines.push(`  ${f.id} ${f.instrument} ${f.from}: ${f.problems.map((p) => p.message).join("; ")}`);
  return lines.join("\n");
}

/** `assessments rescore`: brings stored scores to the installed calculators, as audited corrections. */
export function assessmentsCommand(operator: string): Command {
  const assessments = new Command("assessments").description("stored clinical assessments");
  assessments
    .command("rescore")
    .description(
      "re-score assessments whose stored calculator version differs from the installed instrument's: each change is written as an audited correction (reason `re-scored: calculator <old> → <new>`); a signed visit loses its signature, a locked visit or study is skipped",
    )
    .option("--instrument <code>", "only assessments of this instrument")
    .option("--dry-run", "compute and check everything, write nothing")
    .action(async (options: { instrument?: string; dryRun?: boolean }) => {
      const config = loadConfig();
      const dataSource = await openDatabase({ url: config.databaseUrl, migrationUrl: config.migrationUrl, sqlitePath: config.sqlitePath, auditKey: resolveAuditKey(config) });
      try {
        const registry = new PluginRegistry(plugins, generalInstruments);
        let report: ((done: number) => void) | undefined;
        const summary = await rescoreAssessments(dataSource, registry, Access.system({ id: 0, username: operator, displayName: operator }), {
          ...options,
          onProgress: (done, total) => (report ??= progressReporter(total, "assessments"))(done),
        });
        console.log(formatRescoreSummary(summary));
      } finally {
        await dataSource.destroy();
      }
    });
  return assessments;
}
