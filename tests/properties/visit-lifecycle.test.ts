import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/global-id";
import type { Access } from "../../src/modules/access/access";
import { setPassword } from "../../src/modules/access/accounts";
import { createTestApp } from "../support/test-app";
import type { GraphQLResult, TestApp } from "../support/test-app";
import { testDatabases } from "../support/test-database";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";

/**
 * Model-based test of the visit lifecycle: random sequences of lifecycle steps and data changes, by
 * the right and the wrong people, with and without reasons, are run against the API and against a
 * small model of what the rules allow. After every step the visit's state, its signature and the
 * data must be what the model says, and a signature in force must match the visit's content.
 */

const SEED = Number(process.env.FC_SEED ?? 20251124);
const RUNS = Math.max(1, Math.round(40 * Number(process.env.FC_RUNS_SCALE ?? 1)));
const PASSWORD = "correct horse battery staple";

type State = "IN_PROGRESS" | "COMPLETE" | "SIGNED" | "LOCKED";

interface Model {
  state: State;
  /** Signatures voided so far. */
  voided: number;
  /** The CRP value as last written successfully. */
  crp: number;
  labs: Set<string>;
}

interface Real {
  t: TestApp;
  people: Record<"coordinator" | "investigator" | "dataManager", Access>;
  visitId: string;
  labId: string;
}

const VISIT = `query($id: ID!) { node(id: $id) { ... on Visit { version state signature { contentMatches } signatures { voidedAt } labResults { nodes { testCode value } } } } }`;
const LAB = `query($id: ID!) { node(id: $id) { ... on LabResult { version value } } }`;

async function read(real: Real) {
  const { node } = await real.t.data(VISIT, { id: real.visitId }, real.people.dataManager);
  return node as { version: number; state: State; signature: { contentMatches: boolean } | null; signatures: Array<{ voidedAt: string | null }>; labResults: { nodes: Array<{ testCode: string; value: number }> } };
}

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code as string | undefined;

/** The outcome the model predicts: success, or the error code the API must return. */
type Expected = "ok" | "LOCKED" | "BAD_USER_INPUT" | "FORBIDDEN" | "CONFLICT";

/** Which steps ran from which state with which outcome, e.g. `Sign@COMPLETE→ok`, over all runs. */
const outcomes = new Set<string>();

abstract class Step implements fc.AsyncCommand<Model, Real> {
  abstract expected(model: Model): Expected;
  abstract perform(real: Real, version: number): Promise<GraphQLResult>;
  abstract apply(model: Model): void;
  abstract toString(): string;

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    const before = await read(real);
    const expected = this.expected(model);
    outcomes.add(`${this.constructor.name}@${model.state}→${expected}`);
    const result = await this.perform(real, before.version);
    expect(codeOf(result) ?? "ok", `${this} from ${model.state}: ${JSON.stringify(result.errors?.[0]?.message)}`).toBe(expected);
    if (expected === "ok") this.apply(model);
    await invariants(model, real);
  }
}

async function invariants(model: Model, real: Real): Promise<void> {
  const visit = await read(real);
  expect(visit.state).toBe(model.state);
  // A signature is in force exactly when the visit is signed or locked, and it covers the content as it is.
  expect(visit.signature !== null).toBe(model.state === "SIGNED" || model.state === "LOCKED");
  if (visit.signature) expect(visit.signature.contentMatches).toBe(true);
  expect(visit.signatures.filter((s) => s.voidedAt !== null)).toHaveLength(model.voided);
  expect(new Set(visit.labResults.nodes.map((l) => l.testCode))).toEqual(model.labs);
  expect(visit.labResults.nodes.find((l) => l.testCode === "CRP")?.value).toBe(model.crp);
}

const step = (mutation: string) => `mutation($input: VisitStepInput!) { ${mutation}(input: $input) { id } }`;

class Complete extends Step {
  expected = (m: Model): Expected => (m.state === "LOCKED" ? "LOCKED" : m.state === "IN_PROGRESS" ? "ok" : "BAD_USER_INPUT");
  perform = (r: Real, version: number) => r.t.execute(step("completeVisit"), { input: { visitId: r.visitId, expectedVersion: version } }, r.people.coordinator);
  apply = (m: Model) => void (m.state = "COMPLETE");
  toString = () => "complete";
}

class Reopen extends Step {
  constructor(private readonly reason: string | null) {
    super();
  }
  expected = (m: Model): Expected => (m.state === "LOCKED" ? "LOCKED" : m.state === "IN_PROGRESS" || !this.reason ? "BAD_USER_INPUT" : "ok");
  perform = (r: Real, version: number) => r.t.execute(step("reopenVisit"), { input: { visitId: r.visitId, expectedVersion: version, reason: this.reason } }, r.people.coordinator);
  apply = (m: Model) => {
    if (m.state === "SIGNED") m.voided++;
    m.state = "IN_PROGRESS";
  };
  toString = () => `reopen(${this.reason ? "reason" : "no reason"})`;
}

class Sign extends Step {
  constructor(
    private readonly by: "investigator" | "coordinator",
    private readonly rightPassword: boolean,
  ) {
    super();
  }
  expected = (m: Model): Expected => {
    // Permission is checked before the visit's state: a coordinator never signs.
    if (this.by === "coordinator") return "FORBIDDEN";
    if (m.state === "LOCKED") return "LOCKED";
    if (m.state !== "COMPLETE" || !this.rightPassword) return "BAD_USER_INPUT";
    return "ok";
  };
  perform = (r: Real, version: number) =>
    r.t.execute(
      `mutation($input: SignVisitInput!) { signVisit(input: $input) { id } }`,
      { input: { visitId: r.visitId, expectedVersion: version, password: this.rightPassword ? PASSWORD : "a wrong password", meaning: "APPROVAL" } },
      r.people[this.by],
    );
  apply = (m: Model) => void (m.state = "SIGNED");
  toString = () => `sign(${this.by}, ${this.rightPassword ? "right" : "wrong"} password)`;
}

class Lock extends Step {
  constructor(private readonly by: "dataManager" | "investigator") {
    super();
  }
  expected = (m: Model): Expected => (this.by !== "dataManager" ? "FORBIDDEN" : m.state === "LOCKED" ? "LOCKED" : m.state === "SIGNED" ? "ok" : "BAD_USER_INPUT");
  perform = (r: Real, version: number) => r.t.execute(step("lockVisit"), { input: { visitId: r.visitId, expectedVersion: version } }, r.people[this.by]);
  apply = (m: Model) => void (m.state = "LOCKED");
  toString = () => `lock(${this.by})`;
}

class Unlock extends Step {
  constructor(private readonly reason: string | null) {
    super();
  }
  expected = (m: Model): Expected => (m.state !== "LOCKED" ? "BAD_USER_INPUT" : this.reason ? "ok" : "BAD_USER_INPUT");
  perform = (r: Real, version: number) => r.t.execute(step("unlockVisit"), { input: { visitId: r.visitId, expectedVersion: version, reason: this.reason } }, r.people.dataManager);
  apply = (m: Model) => void (m.state = "SIGNED");
  toString = () => `unlock(${this.reason ? "reason" : "no reason"})`;
}

class CorrectCrp extends Step {
  constructor(
    private readonly value: number,
    private readonly reason: string | null,
    private readonly stale: boolean,
  ) {
    super();
  }
  expected = (m: Model): Expected => {
    if (m.state === "LOCKED") return "LOCKED";
    if (this.stale) return "CONFLICT";
    return m.state !== "IN_PROGRESS" && !this.reason ? "BAD_USER_INPUT" : "ok";
  };
  async perform(r: Real): Promise<GraphQLResult> {
    const { node } = await r.t.data(LAB, { id: r.labId });
    return r.t.execute(
      `mutation($id: ID!, $v: Int!, $reason: String, $input: RecordLabResultInput!) { correctLabResult(id: $id, expectedVersion: $v, reason: $reason, input: $input) { id } }`,
      { id: r.labId, v: this.stale ? node.version - 1 : node.version, reason: this.reason, input: { visitId: r.visitId, testCode: "CRP", value: this.value } },
      r.people.coordinator,
    );
  }
  apply = (m: Model) => {
    if (m.state === "SIGNED") {
      m.voided++;
      m.state = "COMPLETE";
    }
    m.crp = this.value;
  };
  toString = () => `correctCrp(${this.value}, ${this.reason ? "reason" : "no reason"}${this.stale ? ", stale" : ""})`;
}

class AddLab extends Step {
  constructor(private readonly testCode: string) {
    super();
  }
  expected = (m: Model): Expected => (m.state === "LOCKED" ? "LOCKED" : m.state !== "IN_PROGRESS" || m.labs.has(this.testCode) ? "BAD_USER_INPUT" : "ok");
  perform = (r: Real) =>
    r.t.execute(`mutation($input: RecordLabResultInput!) { recordLabResult(input: $input) { id } }`, { input: { visitId: r.visitId, testCode: this.testCode, value: 10 } }, r.people.coordinator);
  apply = (m: Model) => void m.labs.add(this.testCode);
  toString = () => `addLab(${this.testCode})`;
}

const reason = fc.option(fc.constantFrom("source document verified", "query answered"), { nil: null });
const sign = fc.oneof(
  { arbitrary: fc.constant(new Sign("investigator", true)), weight: 3 },
  fc.tuple(fc.constantFrom("investigator" as const, "coordinator" as const), fc.boolean()).map(([by, right]) => new Sign(by, right)),
);
const lock = fc.oneof({ arbitrary: fc.constant(new Lock("dataManager")), weight: 3 }, fc.constant(new Lock("investigator")));
// The steps that move a visit forward appear twice, so that sequences reach SIGNED and LOCKED often.
const commands = [
  fc.constant(new Complete()),
  fc.constant(new Complete()),
  reason.map((r) => new Reopen(r)),
  sign,
  sign,
  lock,
  lock,
  reason.map((r) => new Unlock(r)),
  fc.tuple(fc.integer({ min: 1, max: 200 }), reason, fc.boolean()).map(([value, r, stale]) => new CorrectCrp(value, r, stale)),
  fc.constantFrom("ESR", "ALT", "AST").map((code) => new AddLab(code)),
];

describe.each(testDatabases)("visit lifecycle model on %s", (kind) => {
  let t: TestApp;
  let people: Real["people"];
  let cohortId: string;
  let siteId: string;
  let n = 0;
  let steps = 0;

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
    await t.dataSource.transaction((manager) => setPassword(manager, SYSTEM_ACTOR, "demo-investigator-01", PASSWORD));
    people = { coordinator: await t.accessOf("demo-coordinator-01"), investigator: await t.accessOf("demo-investigator-01"), dataManager: await t.accessOf("demo-data-manager") };
    const { study } = await t.data(`{ study { cohorts { id diseaseId } } }`);
    cohortId = study.cohorts.find((c: { diseaseId: string }) => c.diseaseId === "rheumatoid-arthritis").id;
    siteId = toGlobalId("Site", people.investigator.assignments[0].siteId!);
  });
  afterAll(() => t.close());

  /** A fresh patient with one visit IN_PROGRESS holding a CRP of 12. */
  async function setup(): Promise<{ model: Model; real: Real }> {
    const patient = await t.data(`mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`, {
      input: { cohortId, siteId, subjectCode: `MODEL-${++n}`, sex: "FEMALE", inclusionDate: "2024-01-02", treatmentStartDate: "2024-01-03", status: "INCLUDED" },
    });
    const visitId = (await t.data(`mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`, { input: { patientId: patient.createPatient.id, visitDate: "2024-01-03" } })).recordVisit.id;
    const labId = (await t.data(`mutation($input: RecordLabResultInput!) { recordLabResult(input: $input) { id } }`, { input: { visitId, testCode: "CRP", value: 12 } })).recordLabResult.id;
    return { model: { state: "IN_PROGRESS", voided: 0, crp: 12, labs: new Set(["CRP"]) }, real: { t, people, visitId, labId } };
  }

  it(
    "holds its invariants over random sequences of steps",
    async () => {
      outcomes.clear();
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 24, size: "large" }), async (sequence) => {
          await fc.asyncModelRun(setup, sequence);
          steps += [...sequence].length;
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // The sequences really ran (fast-check may generate short ones; these are the totals over all runs).
      expect(steps).toBeGreaterThan(RUNS * 3);
      // …and reached the transitions that matter: signing, locking, unlocking, and a signature voided by a change or a reopening.
      for (const needed of ["Sign@COMPLETE→ok", "Lock@SIGNED→ok", "Unlock@LOCKED→ok", "CorrectCrp@SIGNED→ok", "Reopen@SIGNED→ok", "CorrectCrp@LOCKED→LOCKED"]) {
        expect([...outcomes], needed).toContain(needed);
      }
      const { verifyAuditTrail } = await t.data(`{ verifyAuditTrail { valid } }`);
      expect(verifyAuditTrail.valid).toBe(true);
    },
    300_000,
  );
});
