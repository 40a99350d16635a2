import type { DataSource } from "typeorm";
import { fromGlobalId, toGlobalId } from "../../src/graphql/global-id";
import { LAB_TEST_BY_CODE } from "../../src/modules/labs/lab-tests";
import { withPeakRss } from "./memory";
import type { MemoryFigure } from "./memory";
import { postGraphql, runLoad } from "./load-loop";
import type { LoadFigure } from "./load-loop";

/*
 * Figure 3: lab results corrected over HTTP (correctLabResult with a reason: the generated visits are
 * COMPLETE, so a correction is the entry a site makes on them) by 8 concurrent writers, first alone, then
 * with 4 concurrent readers looping on patient timelines; the ratio of the two write rates (target: at
 * least 0.7) and the readers' latency while writing. Each writer corrects results at its own visits only,
 * each result once, so no two writes compete for a version (no CONFLICT). Every acknowledged correction is
 * looked up afterwards, with the version and value it was acknowledged with.
 */

export const WRITERS = 8;
export const READERS = 4;
/** Lab results fetched as targets: far more than the writers correct in a few seconds at 1,000 patients. */
const TARGET_LIMIT = 50_000;

const CORRECT_LAB_RESULT = `mutation CorrectLabResult($id: ID!, $expectedVersion: Int!, $input: RecordLabResultInput!, $reason: String) {
  correctLabResult(id: $id, expectedVersion: $expectedVersion, input: $input, reason: $reason) { id version value }
}`;

export interface WriteFigure {
  writers: number;
  readers: number;
  alone: LoadFigure;
  withReaders: LoadFigure;
  /** The readers' run, alongside `withReaders`. */
  reads: LoadFigure;
  /** Write rate with readers as a share of the rate without. */
  ratio: number;
  /** Writes acknowledged (answered 2xx without errors, with the new version). */
  acknowledged: number;
  /** Acknowledged writes found afterwards with the version and value acknowledged; anything less is a lost write. */
  found: number;
  memory: MemoryFigure;
}

interface Target {
  id: number;
  visitId: number;
  testCode: string;
  version: number;
  value: number | null;
  referenceLow: number | null;
  referenceHigh: number | null;
}

/** Lab results to correct, each writer's queue holding whole visits so that no two writers touch one visit. */
async function targets(dataSource: DataSource): Promise<Target[][]> {
  const rows: Target[] = await dataSource.query(
    `SELECT id, "visitId", "testCode", version, value, "referenceLow", "referenceHigh" FROM lab_result WHERE "removedAt" IS NULL LIMIT ${TARGET_LIMIT}`,
  );
  const queues: Target[][] = Array.from({ length: WRITERS }, () => []);
  for (const row of rows) queues[Number(row.visitId) % WRITERS].push(row);
  return queues;
}

const orNull = (value: unknown) => (value === null ? null : Number(value));

/** The corrected value: 10 % more than the recorded one (a tenth of the test's maximum when none was), within the test's range. */
function correctedValue(target: Target): number {
  const { maxValue } = LAB_TEST_BY_CODE.get(target.testCode)!;
  const value = orNull(target.value);
  return Math.round(Math.min(maxValue, value ? value * 1.1 : maxValue / 10) * 1000) / 1000;
}

/** How many acknowledged corrections are stored with the version and value they were acknowledged with. */
async function countPresent(dataSource: DataSource, acknowledged: Map<number, { version: number; value: number }>): Promise<number> {
  const ids = [...acknowledged.keys()];
  let found = 0;
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows: Array<{ id: number; version: number; value: number | null }> = await dataSource.query(`SELECT id, version, value FROM lab_result WHERE id IN (${chunk.join(",")})`);
    for (const row of rows) {
      const expected = acknowledged.get(Number(row.id))!;
      if (Number(row.version) === expected.version && Math.abs(Number(row.value) - expected.value) < 1e-9) found++;
    }
  }
  return found;
}

export async function measureWrites(url: string, tokens: { writer: string; reader: string }, dataSource: DataSource, timeline: string, durationMs: number, signal: AbortSignal): Promise<WriteFigure> {
  const queues = await targets(dataSource);
  const patients: number[] = (await dataSource.query(`SELECT id FROM patient`)).map((row: { id: number }) => Number(row.id));
  const acknowledged = new Map<number, { version: number; value: number }>();
  const write = async (writer: number) => {
    const target = queues[writer].shift();
    if (!target) return null;
    const value = correctedValue(target);
    const input = { visitId: toGlobalId("Visit", Number(target.visitId)), testCode: target.testCode, value, referenceLow: orNull(target.referenceLow), referenceHigh: orNull(target.referenceHigh) };
    const answer = await postGraphql(url, tokens.writer, CORRECT_LAB_RESULT, {
      id: toGlobalId("LabResult", Number(target.id)),
      expectedVersion: Number(target.version),
      input,
      reason: "Transcription error against the laboratory report",
    });
    const corrected = answer.body.data?.correctLabResult as { id: string; version: number; value: number } | undefined;
    const key = corrected && fromGlobalId(corrected.id)?.key;
    if (answer.status >= 200 && answer.status <= 299 && !answer.body.errors?.length && corrected && key !== undefined) acknowledged.set(key, { version: corrected.version, value: corrected.value });
    return answer;
  };
  let nextPatient = 0;
  const read = () => postGraphql(url, tokens.reader, timeline, { id: toGlobalId("Patient", patients[nextPatient++ % patients.length]) });

  const { result, memory } = await withPeakRss(async () => {
    signal.throwIfAborted();
    const alone = await runLoad(WRITERS, durationMs, write);
    signal.throwIfAborted();
    const [withReaders, reads] = await Promise.all([runLoad(WRITERS, durationMs, write), runLoad(READERS, durationMs, read)]);
    return { alone, withReaders, reads };
  });
  const found = await countPresent(dataSource, acknowledged);
  const figure: WriteFigure = {
    writers: WRITERS,
    readers: READERS,
    ...result,
    ratio: result.withReaders.requestsPerSecond / result.alone.requestsPerSecond,
    acknowledged: acknowledged.size,
    found,
    memory,
  };
  if (queues.some((queue) => queue.length === 0)) console.log(`  a writer ran out of lab results to correct: its rate is bounded by the targets fetched, not the server`);
  if (found !== acknowledged.size) console.error(`  LOST WRITES: ${acknowledged.size} corrections acknowledged, only ${found} of them stored as acknowledged`);
  return figure;
}
