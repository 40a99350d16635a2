/**
 * How a refused mutation must look (BAD_USER_INPUT naming the broken fields, and no others) and the
 * check that it wrote nothing.
 */
import fc from "fast-check";
import type { Arbitrary } from "fast-check";
import { expect } from "vitest";
import { AuditEvent } from "../../../src/modules/audit/audit-event.entity";
import { snapshotDatabase } from "../../support/test-app";
import type { GraphQLResult, TestApp } from "../../support/test-app";
import type { Case, Input } from "./breaks";
import { options } from "./breaks";
import type { Fixtures } from "./entry-specs";
import { freshPatient, freshVisit, nextUnique } from "./entry-specs";

/**
 * The field a GraphQL variable-coercion error is about: a field of `$input` by its name, any other
 * variable as `$name`.
 */
export function coercionField(message: string): string | undefined {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (variable && variable !== "input") return `$${variable}`;
  const paths = [...message.matchAll(/ at "input\.([\w.]+)"; /g)];
  if (paths.length > 0) return paths[paths.length - 1][1];
  return /; Field "([^"]+)" (?:of required type|is not defined by type)/.exec(message)?.[1];
}

export interface Problem {
  field: string;
  message: string;
  allowed?: string;
}

/** The audit action a case's refusal must leave, when the failed attempt itself is audited (e.g. a wrong password). */
export function auditedAttempt(c: Case): string | undefined {
  if (c.breaks.some((b) => b.kind === "coercion")) return undefined;
  const first = Math.min(...c.breaks.map((b) => b.stage ?? 0));
  return c.breaks.find((b) => (b.stage ?? 0) === first && b.refusal?.audited)?.refusal?.audited;
}

export function expectRejected(mutation: string, c: Case, result: GraphQLResult, extra?: (problems: Problem[]) => void): void {
  const where = `${mutation} [${c.breaks.map((b) => b.label).join(" | ")}]`;
  const errors = result.errors ?? [];
  expect(errors.length, `${where} was accepted: ${JSON.stringify(result.data)}`).toBeGreaterThan(0);
  expect(result.data?.[mutation] ?? null, `${where} returned data`).toBeNull();
  const coercion = c.breaks.filter((b) => b.kind === "coercion");
  if (coercion.length > 0) {
    for (const e of errors) expect(e.extensions?.code, `${where}: ${e.message}`).toBe("BAD_USER_INPUT");
    // GraphQL refuses the variable before any resolver: one error per bad field, every one of them.
    const named = errors.map((e) => coercionField(e.message));
    for (const [i, field] of named.entries()) expect(field, `${where}: a coercion error names no field: ${errors[i].message}`).toBeDefined();
    const expected = [...new Set(coercion.flatMap((b) => b.blames))].sort();
    expect([...new Set(named)].sort(), `${where}: ${errors.map((e) => e.message).join(" || ")}`).toEqual(expected);
    return;
  }

  // The service stops at the first stage with a problem: only that stage's breaks can be reported.
  const first = Math.min(...c.breaks.map((b) => b.stage ?? 0));
  const decisive = c.breaks.filter((b) => (b.stage ?? 0) === first);
  const refusals = decisive.filter((b) => b.kind === "refusal");
  if (refusals.length > 0) {
    expect(errors, `${where}: one error expected`).toHaveLength(1);
    const codes = new Set(refusals.map((b) => b.refusal!.code));
    expect(codes.has(errors[0].extensions?.code), `${where}: ${errors[0].extensions?.code} ${errors[0].message}`).toBe(true);
    return;
  }
  for (const e of errors) expect(e.extensions?.code, `${where}: ${e.message}`).toBe("BAD_USER_INPUT");
  expect(errors, `${where}: one error expected`).toHaveLength(1);
  const [error] = errors;
  const problems: Problem[] = error.extensions?.problems ?? [];
  expect(problems.length, `${where}: no extensions.problems in ${JSON.stringify(error)}`).toBeGreaterThan(0);
  expect(error.extensions?.field, `${where}: extensions.field`).toBe(problems[0].field);
  const blamed = new Set(decisive.flatMap((b) => b.blames));
  for (const p of problems) {
    expect(blamed.has(p.field), `${where}: blames ${p.field}, which was not broken: ${p.message}`).toBe(true);
    expect(p.message.startsWith(p.field), `${where}: the message does not name its field: ${p.message}`).toBe(true);
    expect(error.message, `${where}: the error message leaves out a problem`).toContain(p.message);
  }
  if (decisive.every((b) => b.kind === "check")) {
    // Checks collect every problem before throwing: each break must be reported.
    for (const b of decisive) expect(problems.some((p) => b.blames.includes(p.field)), `${where}: "${b.label}" not reported in: ${error.message}`).toBe(true);
  }
  extra?.(problems);
}

/**
 * A wrong password also counts towards the account's lockout (`app_user.failedAttempts`): like its
 * audit record, that count is the trace a failed attempt must leave, so it is not a write of the
 * refused mutation. (Lockout itself is tested in tests/api/http-password-attempts.test.ts.)
 */
const ATTEMPT_BOOKKEEPING = ["failedAttempts"];
const snapshot = (t: TestApp) => snapshotDatabase(t.dataSource, ATTEMPT_BOOKKEEPING);

/** Tells whether the database changed: cheap (total_changes) when nothing was written, exact otherwise. */
export class DatabaseGuard {
  private changes = -1;
  private snapshot = "";
  private initial = "";

  constructor(private readonly t: TestApp) {}

  private async totalChanges(): Promise<number> {
    const [row] = await this.t.dataSource.query("SELECT total_changes() AS n");
    return Number(row.n);
  }

  async begin(): Promise<void> {
    this.changes = await this.totalChanges();
    this.snapshot = this.initial = await snapshot(this.t);
  }

  /** Undefined when unchanged since the last call, else what changed. */
  async changed(): Promise<string | undefined> {
    const changes = await this.totalChanges();
    if (changes === this.changes) return undefined;
    this.changes = changes;
    const before = this.snapshot;
    this.snapshot = await snapshot(this.t);
    return this.snapshot === before ? undefined : describeDifference(before, this.snapshot);
  }

  /** Continues from the current state (after fixtures were renewed). */
  async rebase(): Promise<void> {
    this.changes = await this.totalChanges();
    this.snapshot = await snapshot(this.t);
  }

  /**
   * The literal check: a full snapshot before the first run equals one after the last, but for the
   * audit records of failed attempts (of the `audited` actions) that the runs were expected to leave.
   */
  async end(audited: string[] = []): Promise<void> {
    let after = await snapshot(this.t);
    if (audited.length > 0) {
      const before = JSON.parse(this.initial) as Record<string, Array<{ id: number; action: string }>>;
      const now = JSON.parse(after) as Record<string, Array<{ id: number; action: string }>>;
      const known = new Set(before.AuditEvent.map((e) => e.id));
      const added = now.AuditEvent.filter((e) => !known.has(e.id));
      for (const e of added) expect(audited, `an unexpected audit record: ${JSON.stringify(e)}`).toContain(e.action);
      after = JSON.stringify({ ...now, AuditEvent: now.AuditEvent.filter((e) => known.has(e.id)) });
      this.initial = JSON.stringify(before);
    }
    expect(after === this.initial, `the database changed: ${after === this.initial ? "" : describeDifference(this.initial, after)}`).toBe(true);
  }
}

export function describeDifference(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, unknown[]>;
  const b = JSON.parse(after) as Record<string, unknown[]>;
  const lines: string[] = [];
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const rowsA = (a[table] ?? []).map((r) => JSON.stringify(r));
    const rowsB = (b[table] ?? []).map((r) => JSON.stringify(r));
    const setA = new Set(rowsA);
    const setB = new Set(rowsB);
    const added = rowsB.filter((r) => !setA.has(r));
    const removed = rowsA.filter((r) => !setB.has(r));
    if (added.length || removed.length) lines.push(`${table}: +${added.length} -${removed.length} e.g. ${(added[0] ?? removed[0]).slice(0, 300)}`);
  }
  return lines.join("\n");
}

/**
 * Keeps the records the invalid inputs refer to pristine. Once a run wrote (a bug), the subjects it
 * may have written to are replaced by new ones for the following runs, so that shrinking does not
 * trip over the first run's leftovers (e.g. a lab result that now exists at the subject's visit).
 * Subject codes "PBT-…" are made unique per run for the same reason.
 */
export class Pristine {
  private readonly replaced = new Map<string, string>();

  constructor(
    private readonly t: TestApp,
    private readonly fx: Fixtures,
  ) {}

  input(input: Input): Input {
    const out: Input = { ...input };
    for (const [key, value] of Object.entries(out)) if (typeof value === "string" && this.replaced.has(value)) out[key] = this.replaced.get(value);
    if (typeof out.subjectCode === "string" && out.subjectCode.startsWith("PBT-")) out.subjectCode = `PBT${nextUnique()}-${out.subjectCode.slice(4)}`;
    return out;
  }

  async renew(): Promise<void> {
    for (const subject of this.fx.subjects) {
      const patientId = await freshPatient(this.t, this.fx, subject.cohort);
      this.replaced.set(subject.patientId, patientId);
      this.replaced.set(subject.visitId, await freshVisit(this.t, patientId));
    }
  }
}

export interface RejectionRuns {
  mutation: string;
  query: string;
  cases: Arbitrary<Case>;
  numRuns: number;
  /** Further expectations on the problems reported. */
  extra?: (problems: Problem[]) => void;
  /** Cases run before the random ones. */
  examples?: Case[];
  /** Sends a case's input; by default as the `$input` variable, with the system's access. */
  send?: (input: Input) => Promise<GraphQLResult>;
}

/** Each case is refused as its breaks say, and writes nothing (but the audit record of an audited failed attempt). */
export async function checkRejected(t: TestApp, guard: DatabaseGuard, pristine: Pristine | null, runs: RejectionRuns) {
  const { mutation, query, extra } = runs;
  const send = runs.send ?? ((input: Input) => t.execute(query, { input }));
  await fc.assert(
    fc.asyncProperty(runs.cases, async (c) => {
      const result = await send(pristine ? pristine.input(c.input) : c.input);
      const change = await guard.changed();
      if (change && pristine) {
        await pristine.renew();
        await guard.rebase();
      }
      expectRejected(mutation, c, result, extra);
      const audited = auditedAttempt(c);
      if (audited) {
        expect(change, `a refused ${mutation} left no audit record`).toMatch(/^AuditEvent: \+1 -0 /);
        expect(change!.split("\n"), `a refused ${mutation} changed more than the audit trail:\n${change}`).toHaveLength(1);
        const [last] = await t.dataSource.manager.find(AuditEvent, { order: { id: "DESC" }, take: 1 });
        expect(last.action, `the audit record a refused ${mutation} left`).toBe(audited);
      } else {
        expect(change, `a rejected ${mutation} changed the database:\n${change}`).toBeUndefined();
      }
    }),
    // Without a pristine copy to go on with, a run that wrote would spoil the shrinking: report it as found.
    { ...options(runs.numRuns), examples: (runs.examples ?? []).map((c): [Case] => [c]), endOnFailure: pristine === null },
  );
}
