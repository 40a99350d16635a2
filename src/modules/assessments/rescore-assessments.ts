import type { DataSource, EntityManager } from "typeorm";
import { GraphQLError } from "graphql";
import { ErrorCode, InvalidInputError } from "../../errors";
import type { FieldProblem, InstrumentDefinition } from "../../plugin-api";
import type { PluginRegistry } from "../../plugins/registry";
import type { Access } from "../access/access";
import { correctRecord } from "../records/correct-record";
import { lifecycleKind } from "../records/record-kinds";
import { VisitState } from "../visits/visit-state";
import { Visit } from "../visits/visit.entity";
import { ClinicalAssessment } from "./clinical-assessment.entity";
import { scoreAssessment } from "./record-assessment";

export interface RescoreOptions {
  /** Only assessments of this instrument code. */
  instrument?: string;
  /** Run every check and computation, then roll each change back: nothing is written. */
  dryRun?: boolean;
  /** Called after each assessment; awaited, so a caller may pause the run (e.g. to write progress). */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

interface Found {
  id: string;
  instrument: string;
  from: string;
}

export interface Rescored extends Found {
  to: string;
  /** The installed calculator gave the same score, category and components: only the version moved. */
  sameResult: boolean;
  /** The visit was SIGNED: the correction voided its signature, and it is COMPLETE again, to be signed anew. */
  signatureVoided: boolean;
}

export interface RescoreSummary {
  /** Assessments whose stored calculator version differs from the installed one (or whose instrument is not installed). */
  found: number;
  rescored: Rescored[];
  skipped: Array<Found & { reason: string }>;
  /** The stored inputs are not valid for the installed calculator; nothing was written for them. */
  failed: Array<Found & { problems: FieldProblem[] }>;
  dryRun: boolean;
}

/** The audit trail's reason for a re-score, as a correction's reason. */
export function rescoreReason(from: string, to: string): string {
  return `re-scored: calculator ${from} → ${to}`;
}

/** Thrown at the end of a dry run's transaction so that everything it did is rolled back. */
class DryRunRollback extends Error {}

/**
 * Refusals that mean "not now" rather than "never": a locked study or visit, or a record someone changed
 * since the run read it (CONFLICT). Reported as skipped, with the refusal's message; the run goes on.
 */
function isSkippedRefusal(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && (error.extensions?.code === ErrorCode.LOCKED || error.extensions?.code === ErrorCode.CONFLICT);
}

/** An assessment that was stale when the run listed it but is not any more (re-scored meanwhile). */
class AlreadyCurrent extends Error {}

/**
 * Re-scores stored assessments computed by another version of their instrument's calculator than the
 * installed one: score, category and components are computed again from the stored inputs (lab-fed
 * inputs as stored, with their sources) and written as a correction (`correctRecord`), so the same
 * rules hold as for a correction by hand: the change is audited field by field with the reason
 * "re-scored: calculator <old> → <new>", a signed visit loses its signature and returns to COMPLETE,
 * and a locked visit or study is not written (skipped, with the lock's message). Each assessment is
 * its own transaction: one that fails leaves the others done.
 */
export async function rescoreAssessments(dataSource: DataSource, registry: PluginRegistry, access: Access, options: RescoreOptions = {}): Promise<RescoreSummary> {
  if (options.instrument !== undefined) registry.requireInstrument(options.instrument);
  // The versions in use first (a few rows), so that only the stale assessments are read, not the trial's.
  const inUse = await dataSource.manager
    .createQueryBuilder(ClinicalAssessment, "a")
    .select('"a"."instrumentCode"', "instrumentCode")
    .addSelect('"a"."calculatorVersion"', "calculatorVersion")
    .groupBy('"a"."instrumentCode"')
    .addGroupBy('"a"."calculatorVersion"')
    .getRawMany<{ instrumentCode: string; calculatorVersion: string }>();
  const staleVersions = inUse.filter(
    (v) => (options.instrument === undefined || v.instrumentCode === options.instrument) && registry.instrument(v.instrumentCode)?.definition.version !== v.calculatorVersion,
  );
  const stale = staleVersions.length
    ? await dataSource.manager.find(ClinicalAssessment, { select: { id: true, instrumentCode: true, calculatorVersion: true }, where: staleVersions, order: { id: "ASC" } })
    : [];
  const summary: RescoreSummary = { found: stale.length, rescored: [], skipped: [], failed: [], dryRun: !!options.dryRun };
  for (const [index, row] of stale.entries()) {
    const found: Found = { id: row.nodeId, instrument: row.instrumentCode, from: row.calculatorVersion };
    const definition = registry.instrument(row.instrumentCode)?.definition;
    if (!definition) {
      summary.skipped.push({ ...found, reason: `instrument ${row.instrumentCode} is not installed` });
    } else {
      try {
        summary.rescored.push(await rescoreOne(dataSource, access, definition, row.id, found, !!options.dryRun));
      } catch (error) {
        if (error instanceof InvalidInputError) summary.failed.push({ ...found, problems: error.problems });
        else if (isSkippedRefusal(error)) summary.skipped.push({ ...found, reason: error.message });
        else if (error instanceof AlreadyCurrent) summary.skipped.push({ ...found, reason: error.message });
        else throw error;
      }
    }
    await options.onProgress?.(index + 1, stale.length);
  }
  return summary;
}

async function rescoreOne(dataSource: DataSource, access: Access, definition: InstrumentDefinition, id: number, found: Found, dryRun: boolean): Promise<Rescored> {
  let outcome: Rescored | undefined;
  try {
    await dataSource.transaction(async (manager) => {
      outcome = await correctWithInstalledCalculator(manager, access, definition, id, found);
      if (dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return outcome!;
}

async function correctWithInstalledCalculator(manager: EntityManager, access: Access, definition: InstrumentDefinition, id: number, found: Found): Promise<Rescored> {
  const stored = await manager.findOneByOrFail(ClinicalAssessment, { id });
  // Listed before this transaction began: another run (or process) may have brought it up to date since.
  if (stored.calculatorVersion === definition.version) throw new AlreadyCurrent(`already computed by calculator ${definition.version}`);
  // The stored inputs are what was entered (lab-fed inputs included, as taken then): scored as they are.
  const scored = scoreAssessment(definition, { inputs: stored.inputs, sources: stored.labSources ?? {}, problems: [] });
  const sameResult =
    scored.score === stored.score && scored.category === stored.category && JSON.stringify(scored.components) === JSON.stringify(stored.components);
  const visitState = (await manager.findOneBy(Visit, { id: stored.visitId }))?.state;
  await correctRecord(
    manager,
    access,
    lifecycleKind("ClinicalAssessment")!,
    { id: found.id, expectedVersion: stored.version, reason: rescoreReason(found.from, definition.version) },
    {},
    async () => manager.create(ClinicalAssessment, { visitId: stored.visitId, patientId: stored.patientId, ...scored }),
  );
  return { ...found, to: definition.version, sameResult, signatureVoided: visitState === VisitState.SIGNED };
}
