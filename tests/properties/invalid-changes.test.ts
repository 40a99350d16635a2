/**
 * Property-based tests (fast-check) of the mutations that change, remove, restore, sign and lock
 * data, and of signIn: random invalid inputs are refused with a clear error and leave the database
 * unchanged (a failed signature or sign-in leaves exactly its own audit record, as it must).
 *
 * The breaks are those of tests/properties/support/breaks.ts plus the ones these mutations add: ids
 * that name no record (or a record of another kind), a stale expectedVersion (CONFLICT), a record of
 * a LOCKED visit (LOCKED), a visit in the wrong state, a removed record, a missing, blank or
 * oversized reason, a wrong password. A correction takes the same input as entering the record, so
 * the entry mutations' generators and breaks are reused; a break that would move the record to
 * another patient or visit is refused as such.
 *
 * The service checks in a fixed order and stops at the first stage that fails (e.g. an unknown id
 * before a stale version before a bad value); each break carries its stage, so a case with several
 * breaks knows which of them decide the answer.
 *
 * Top-level arguments are `$name` fields of a case's input (everything else is `$input`'s).
 * A second group runs the valid generators on a throwaway database and asserts they succeed.
 *
 * Reproduce / explore: FC_SEED=<n> and FC_RUNS_SCALE=<factor>, as for invalid-inputs.test.ts.
 */
import fc from "fast-check";
import type { Arbitrary } from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Access } from "../../src/modules/access/access";
import { setPassword } from "../../src/modules/access/accounts";
import { createTestApp } from "../support/test-app";
import type { GraphQLResult, TestApp } from "../support/test-app";
import type { Break, Case, Input } from "./support/breaks";
import { brk, coerced, decodeGid, enumField, garbageId, gid, invalidCase, missing, options, setTo, show, strip, text, textField, TIMEOUT } from "./support/breaks";
import type { Fixtures, Subject } from "./support/entry-specs";
import {
  assessmentBreaks, freshPatient, freshVisit, loadFixtures, recordAdverseEvent, recordConcomitantMedication, recordDose, recordImmuneMeasurement,
  recordLabResult, recordVisit, usableBy, validAssessment,
} from "./support/entry-specs";
import { checkRejected, DatabaseGuard } from "./support/rejection";
import { SYSTEM_ACTOR } from "../../src/modules/audit/audit-writer";

const PASSWORD = "correct horse battery staple";
type State = "IN_PROGRESS" | "COMPLETE" | "SIGNED" | "LOCKED";
const MEANINGS = ["APPROVAL", "REVIEW", "RESPONSIBILITY"] as const;

/** A record as last read: what a change names. */
interface Ref {
  id: string;
  version: number;
}
/** A record made for a subject: its parents, for pinning a correction's input to them. */
interface Target extends Ref {
  patientId: string;
  visitId: string | null;
}

// ---------------------------------------------------------------------------------------------
// Making records in a given state
// ---------------------------------------------------------------------------------------------

const VERSION_OF = `query($id: ID!) { node(id: $id) { ... on VersionedRecord { version } } }`;
const STEP = (name: string) => `mutation($input: VisitStepInput!) { ${name}(input: $input) { id version } }`;
const SIGN = `mutation($input: SignVisitInput!) { signVisit(input: $input) { id version } }`;
const REMOVE = `mutation($id: ID!, $expectedVersion: Int!, $reason: String!) { removeRecord(id: $id, expectedVersion: $expectedVersion, reason: $reason) { version } }`;

/** The kinds of clinical record, how each is entered and which of its input fields name its parents. */
const KINDS = {
  Visit: { entry: recordVisit, parents: ["patientId"] },
  DoseAdministration: { entry: recordDose, parents: ["patientId", "visitId"] },
  ConcomitantMedication: { entry: recordConcomitantMedication, parents: ["patientId"] },
  ImmuneMeasurement: { entry: recordImmuneMeasurement, parents: ["visitId"] },
  LabResult: { entry: recordLabResult, parents: ["visitId"] },
  ClinicalAssessment: { entry: null, parents: ["visitId"] },
  AdverseEvent: { entry: recordAdverseEvent, parents: ["patientId", "visitId"] },
} as const;
type KindName = keyof typeof KINDS;
const KIND_NAMES = Object.keys(KINDS) as KindName[];
/** Kinds that are part of a visit's content: a LOCKED visit refuses changes to them. */
const VISIT_CONTENT: KindName[] = ["Visit", "DoseAdministration", "ImmuneMeasurement", "LabResult", "ClinicalAssessment"];

class Maker {
  constructor(
    readonly t: TestApp,
    readonly fx: Fixtures,
    readonly investigator: Access,
  ) {}

  async version(id: string): Promise<number> {
    return (await this.t.data(VERSION_OF, { id })).node.version;
  }

  async ref(id: string): Promise<Ref> {
    return { id, version: await this.version(id) };
  }

  /** Enters one record of `kind` at `visitId` (for a Visit: returns the visit itself). */
  async enter(kind: KindName, subject: Subject, patientId: string, visitId: string): Promise<string> {
    const instrument = this.fx.instruments.find((i) => i.diseaseId === this.fx.cohorts[subject.cohort].diseaseId) ?? this.fx.instruments[0];
    const example = this.t.app.registry.instrument(instrument.code)!.definition.examples[0].inputs;
    const inputs: Record<KindName, [string, Input] | null> = {
      Visit: null,
      DoseAdministration: ["recordDose", { patientId, visitId, administeredOn: "2024-02-01", dose: 1, doseUnit: "MIU", route: "SC" }],
      ConcomitantMedication: ["recordConcomitantMedication", { patientId, drug: "methotrexate" }],
      ImmuneMeasurement: ["recordImmuneMeasurement", { visitId, parameterCode: this.fx.immuneParameters[0].code, value: this.fx.immuneParameters[0].min }],
      LabResult: ["recordLabResult", { visitId, testCode: this.fx.labTests[0].code, value: 0 }],
      ClinicalAssessment: ["recordAssessment", { visitId, instrument: instrument.code, inputs: example }],
      AdverseEvent: ["recordAdverseEvent", { patientId, visitId, term: "headache", grade: 1, relatedness: "POSSIBLE", onsetDate: "2024-02-01", outcome: "RECOVERING" }],
    };
    const entry = inputs[kind];
    if (!entry) return visitId;
    const [mutation, input] = entry;
    const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
    return (await this.t.data(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }))[mutation].id;
  }

  /** Moves a visit forward through its lifecycle to `state` (from IN_PROGRESS). */
  async bring(visitId: string, state: State): Promise<void> {
    const order: State[] = ["IN_PROGRESS", "COMPLETE", "SIGNED", "LOCKED"];
    for (const step of order.slice(1, order.indexOf(state) + 1)) {
      const expectedVersion = await this.version(visitId);
      if (step === "COMPLETE") await this.t.data(STEP("completeVisit"), { input: { visitId, expectedVersion } });
      if (step === "SIGNED") await this.t.data(SIGN, { input: { visitId, expectedVersion, password: PASSWORD, meaning: "APPROVAL" } }, this.investigator);
      if (step === "LOCKED") await this.t.data(STEP("lockVisit"), { input: { visitId, expectedVersion } });
    }
  }

  async remove(id: string): Promise<void> {
    await this.t.data(REMOVE, { id, expectedVersion: await this.version(id), reason: "entered in error" });
  }

  /** A new patient of the subject's cohort at the investigator's site, with one visit IN_PROGRESS. */
  async visitOf(subject: Subject): Promise<{ patientId: string; visitId: string }> {
    const patientId = await freshPatient(this.t, this.fx, subject.cohort);
    return { patientId, visitId: await freshVisit(this.t, patientId) };
  }

  /** A new record of `kind` for the subject's cohort, in a visit brought to `state`. */
  async target(kind: KindName, subject: Subject, state: State = "COMPLETE"): Promise<Target> {
    const { patientId, visitId } = await this.visitOf(subject);
    const id = await this.enter(kind, subject, patientId, visitId);
    await this.bring(visitId, state);
    return { id, version: await this.version(id), patientId, visitId };
  }
}

// ---------------------------------------------------------------------------------------------
// The fixtures every invalid case refers to (never changed by a refused change)
// ---------------------------------------------------------------------------------------------

interface World {
  fx: Fixtures;
  make: Maker;
  studyId: string;
  /** Per kind, per subject: a record in a COMPLETE visit (so every change needs a reason). */
  targets: Record<KindName, Map<string, Target>>;
  /** Per kind: a removed record. */
  removed: Record<KindName, Ref>;
  /** Per visit-content kind: a record of a LOCKED visit. */
  locked: Partial<Record<KindName, Ref>>;
  /** A removed lab result whose test was entered again at its visit since: it cannot be restored. */
  blockedRestore: Ref;
  /** A visit with records (it cannot be removed). */
  visitWithRecords: Ref;
  /** Visits in each state, at the investigator's site. */
  visits: Record<State, Ref>;
}

async function buildWorld(t: TestApp): Promise<World> {
  const fx = await loadFixtures(t);
  await t.dataSource.transaction((manager) => setPassword(manager, SYSTEM_ACTOR, "demo-investigator-01", PASSWORD));
  const investigator = await t.accessOf("demo-investigator-01");
  const { study } = await t.data(`{ study { id } }`);
  // Fresh patients are created at the first site, the investigator's.
  const make = new Maker(t, fx, investigator);
  const subject = fx.subjects[0];

  // Each subject's own visit gets one record of every kind and is then completed.
  const targets = Object.fromEntries(KIND_NAMES.map((k) => [k, new Map<string, Target>()])) as World["targets"];
  for (const s of fx.subjects) {
    const ids = new Map<KindName, string>();
    for (const k of KIND_NAMES) ids.set(k, await make.enter(k, s, s.patientId, s.visitId));
    await make.bring(s.visitId, "COMPLETE");
    for (const k of KIND_NAMES) targets[k].set(s.patientId, { ...(await make.ref(ids.get(k)!)), patientId: s.patientId, visitId: s.visitId });
  }

  const removed = {} as World["removed"];
  for (const k of KIND_NAMES) {
    const { patientId, visitId } = await make.visitOf(subject);
    const id = await make.enter(k, subject, patientId, visitId);
    await make.remove(id);
    removed[k] = await make.ref(id);
  }

  const lockedVisit = await make.visitOf(subject);
  const locked: World["locked"] = {};
  for (const k of VISIT_CONTENT) locked[k] = { id: await make.enter(k, subject, lockedVisit.patientId, lockedVisit.visitId), version: 0 };
  await make.bring(lockedVisit.visitId, "LOCKED");
  for (const k of VISIT_CONTENT) locked[k] = await make.ref(locked[k]!.id);

  const blocked = await make.visitOf(subject);
  const blockedId = await make.enter("LabResult", subject, blocked.patientId, blocked.visitId);
  await make.remove(blockedId);
  await make.enter("LabResult", subject, blocked.patientId, blocked.visitId);

  const visits = {} as World["visits"];
  for (const state of ["IN_PROGRESS", "COMPLETE", "SIGNED", "LOCKED"] as State[]) {
    const { visitId } = await make.visitOf(subject);
    await make.bring(visitId, state);
    visits[state] = await make.ref(visitId);
  }
  const withRecords = targets.LabResult.get(subject.patientId)!.visitId!;
  return { fx, make, studyId: study.id, targets, removed, locked, blockedRestore: await make.ref(blockedId), visitWithRecords: await make.ref(withRecords), visits };
}

// ---------------------------------------------------------------------------------------------
// Breaks of top-level arguments and of the record a change names
// ---------------------------------------------------------------------------------------------

/** A break at `stage`; service problems on a top-level `$name` are reported on `name`. */
function at(stage: number, arb: Arbitrary<Break>): Arbitrary<Break> {
  return arb.map((b) => ({ ...b, stage, blames: b.kind === "coercion" ? b.blames : b.blames.map((f) => f.replace(/^\$/, "")) }));
}

/** Sets the named record (and the version it was read at). */
const names = (field: string, ref: Ref) => (input: Input) => {
  input[field] = ref.id;
  input[field === "$id" ? "$expectedVersion" : "expectedVersion"] = ref.version;
};
const versionField = (field: string) => (field === "$id" ? "$expectedVersion" : "expectedVersion");

/** An id that names no record of the kinds in `types` (garbage, another type, an unknown key), or no ID at all. */
function unknownId(field: string, types: string[], world: World): Arbitrary<Break> {
  const others = world.fx.idsNotOfType(types[0]).filter((id) => !types.includes(decodeGid(id)?.type ?? ""));
  return fc.oneof(
    garbageId(types[0])
      .filter((v) => !types.includes(decodeGid(v)?.type ?? ""))
      .map((v) => brk("reference", field, `${show(v)} (not an id of ${types.join("/")})`, setTo(field, v))),
    fc.constantFrom(...others).map((v) => brk("reference", field, `${v} (an id of another type)`, setTo(field, v))),
    fc
      .record({ type: fc.constantFrom(...types), key: fc.integer({ min: 10_000_000, max: 2 ** 31 - 1 }) })
      .map(({ type, key }) => brk("reference", field, `${type}:${key} (no such record)`, setTo(field, gid(type, key)))),
    fc.oneof(fc.double({ noInteger: true }), fc.boolean(), fc.constant({}), fc.constant([types[0]])).map(coerced(field, "not an ID")),
    ...missing(field),
  );
}

/** A version other than the record's: CONFLICT, or refused during coercion when not an Int. */
function versionBreaks(field: string): Arbitrary<Break> {
  return fc.oneof(
    fc.oneof(fc.integer({ min: -3, max: 3 }).filter((k) => k !== 0), fc.integer({ min: 4, max: 1_000_000 })).map((k) =>
      brk("refusal", field, `off by ${k} (stale)`, (input) => void (input[field] = (input[field] as number) + k), { blames: [] }),
    ).map((b) => ({ ...b, refusal: { code: "CONFLICT" } })),
    fc.oneof(fc.double({ noInteger: true }), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e100), fc.string(), fc.boolean()).map(coerced(field, "not an Int")),
    ...missing(field),
  );
}

/** The record named by `field` is one of `refs`; the service says `code` (a refusal) or blames the id. */
function namesRecord(field: string, what: string, refs: Ref[], refusal?: string): Arbitrary<Break> {
  return fc.constantFrom(...refs).map((ref) => {
    const b = brk(refusal ? "refusal" : "reference", field, `${ref.id} (${what})`, names(field, ref), { touches: [field, versionField(field)], blames: [field.replace(/^\$/, "")] });
    return refusal ? { ...b, refusal: { code: refusal } } : b;
  });
}

/** A reason that is required: missing, null, blank or oversized (coercion for a `String!` argument). */
function requiredReason(field: string, nonNull: boolean): Arbitrary<Break> {
  const absent = [
    brk(nonNull ? "coercion" : "reference", field, "omitted", (input) => void delete input[field]),
    brk(nonNull ? "coercion" : "reference", field, "null", setTo(field, null)),
  ];
  return fc.oneof(textField(field, 500, false).map((b) => ({ ...b, kind: b.kind === "check" ? ("reference" as const) : b.kind })), fc.constantFrom(...absent));
}

/** A reason that may be left out, but not too long. */
function optionalReason(field: string): Arbitrary<Break> {
  return fc.oneof(
    fc.integer({ min: 501, max: 2000 }).map((n) => brk("reference", field, `${n} characters (more than 500)`, setTo(field, "r".repeat(n)))),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant({})).map(coerced(field, "not a string")),
  );
}

// ---------------------------------------------------------------------------------------------
// The mutations
// ---------------------------------------------------------------------------------------------

interface ChangeSpec {
  mutation: string;
  query: string;
  invalidRuns: number;
  validRuns: number;
  /** Who sends it (default: the system). */
  as?: (world: World) => Access;
  valid(world: World): Arbitrary<Input>;
  /** The invalid cases are `valid` spoilt by `breaks`, or else `cases`. */
  breaks?(world: World): Arbitrary<Break>[];
  cases?(world: World): Arbitrary<Case>;
  /** Audit actions that refused attempts leave (a wrong password). */
  audited?: string[];
  /** On the throwaway database: makes fresh records for a valid input, so each run changes its own. */
  prepare?(world: World, input: Input): Promise<Input>;
}

/** The GraphQL variables of a case: `$name` fields are arguments, the others `$input`'s fields. */
function variablesOf(input: Input, hasInput: boolean): Record<string, unknown> {
  const entries = Object.entries(input);
  const args = Object.fromEntries(entries.filter(([k]) => k.startsWith("$")).map(([k, v]) => [k.slice(1), v]));
  const fields = Object.fromEntries(entries.filter(([k]) => !k.startsWith("$")));
  return strip({ ...args, ...(hasInput ? { input: strip(fields) } : {}) });
}

const reasonText = text(500);

/** correct<Kind>(id, expectedVersion, reason, input): the entry's input, pinned to the record's patient and visit. */
function correction(kind: KindName, mutation: string, inputType: string, selection: string, runs: number): ChangeSpec {
  const { parents } = KINDS[kind];
  // An assessment's inputs and their breaks depend on the instrument: each case is about one instrument.
  const instruments = (world: World) => world.fx.instruments.filter((i) => usableBy(world.fx, i).length > 0);
  const entry = (world: World): Arbitrary<{ valid: Arbitrary<Input>; breaks: Arbitrary<Break>[] }> =>
    kind === "ClinicalAssessment"
      ? fc.constantFrom(...instruments(world)).map((i) => ({ valid: validAssessment(world.fx, i), breaks: assessmentBreaks(world.fx, i) }))
      : fc.constant({ valid: KINDS[kind].entry!.valid(world.fx), breaks: KINDS[kind].entry!.breaks(world.fx) });
  const subjectOf = (world: World, input: Input) => world.fx.subjects.find((s) => s.patientId === input.patientId || s.visitId === input.visitId);

  /** The record's parent changed to another subject's: refused before anything else is looked at. */
  const move = (world: World, parent: string): Break =>
    brk("reference", parent, "another patient's (moving the record)", (input) => {
      const own = subjectOf(world, input);
      const other = world.fx.subjects.find((s) => s !== own)!;
      input[parent] = parent === "patientId" ? other.patientId : other.visitId;
    }, { blames: [parent] });

  /** An entry break, as a correction sees it: breaks of a parent field are attempts to move the record. */
  const adapt = (world: World, b: Break): Break => {
    const onParents = b.touches.filter((f) => (parents as readonly string[]).includes(f));
    if (onParents.length === 0) return { ...b, stage: 6 };
    if (b.kind === "coercion" && b.touches.length === 1) return b;
    if (b.touches.length === 1) return { ...b, kind: "reference", blames: onParents, stage: 4 };
    return { ...move(world, onParents[0]), stage: 4 };
  };

  /** A valid correction: the entry's valid input, for the subject's target record, with a reason. */
  const pinned = (world: World, valid: Arbitrary<Input>): Arbitrary<Input> =>
    fc.tuple(valid.filter((input) => subjectOf(world, input) !== undefined), reasonText).map(([input, reason]) => {
      const target = world.targets[kind].get(subjectOf(world, input)!.patientId)!;
      const out: Input = { ...input };
      for (const parent of parents) out[parent] = target[parent];
      return { ...out, $id: target.id, $expectedVersion: target.version, $reason: reason };
    });

  /** Breaks of the arguments and of the record named, before the input is looked at. */
  const ownBreaks = (world: World): Arbitrary<Break>[] => [
    at(0, unknownId("$id", [kind], world)),
    ...(world.locked[kind] ? [at(1, namesRecord("$id", "a record of a LOCKED visit", [world.locked[kind]!], "LOCKED"))] : []),
    at(2, versionBreaks("$expectedVersion")),
    at(3, namesRecord("$id", "a removed record", [world.removed[kind]])),
    ...parents.map((p) => fc.constant({ ...move(world, p), stage: 4 })),
    at(5, requiredReason("$reason", false)),
  ];

  return {
    mutation,
    query: `mutation($id: ID!, $expectedVersion: Int!, $reason: String, $input: ${inputType}!) {
      ${mutation}(id: $id, expectedVersion: $expectedVersion, reason: $reason, input: $input) { ${selection} }
    }`,
    invalidRuns: runs,
    validRuns: 8,
    valid: (world) => entry(world).chain(({ valid }) => pinned(world, valid)),
    cases: (world) => entry(world).chain(({ valid, breaks }) => invalidCase(pinned(world, valid), [...ownBreaks(world), ...breaks.map((arb) => arb.map((b) => adapt(world, b)))])),
    prepare: async (world, input) => {
      const target = await world.make.target(kind, subjectOf(world, input)!);
      const out: Input = { ...input, $id: target.id, $expectedVersion: target.version };
      for (const parent of parents) out[parent] = target[parent];
      return out;
    },
  };
}

const REMOVABLE_AND_LIVE = (world: World) => KIND_NAMES.filter((k) => k !== "Visit").flatMap((k) => [...world.targets[k].values()]);
const RECORD_TYPES = KIND_NAMES as unknown as string[];

function removal(mutation: "removeRecord" | "restoreRecord"): ChangeSpec {
  const restoring = mutation === "restoreRecord";
  return {
    mutation,
    query: `mutation($id: ID!, $expectedVersion: Int!, $reason: String!) { ${mutation}(id: $id, expectedVersion: $expectedVersion, reason: $reason) { version removedAt } }`,
    invalidRuns: 60,
    validRuns: 8,
    valid: (world) =>
      fc.record({
        ref: restoring ? fc.constantFrom(...Object.values(world.removed)) : fc.constantFrom(...REMOVABLE_AND_LIVE(world)),
        reason: reasonText,
      }).map(({ ref, reason }) => ({ $id: ref.id, $expectedVersion: ref.version, $reason: reason })),
    breaks: (world) => [
      at(0, requiredReason("$reason", true)),
      at(1, unknownId("$id", RECORD_TYPES, world)),
      at(2, namesRecord("$id", "a record of a LOCKED visit", Object.values(world.locked) as Ref[], "LOCKED")),
      at(3, versionBreaks("$expectedVersion")),
      ...(restoring
        ? [
            at(4, namesRecord("$id", "a live record", REMOVABLE_AND_LIVE(world))),
            at(4, namesRecord("$id", "an equivalent record was entered since", [world.blockedRestore])),
          ]
        : [at(4, namesRecord("$id", "a removed record", Object.values(world.removed))), at(4, namesRecord("$id", "a visit with records", [world.visitWithRecords]))]),
    ],
    prepare: async (world, input) => {
      const kind = decodeGid(input.$id as string)!.type as KindName;
      const fresh = await world.make.target(kind, world.fx.subjects[0]);
      if (restoring) await world.make.remove(fresh.id);
      return { ...input, $id: fresh.id, $expectedVersion: await world.make.version(fresh.id) };
    },
  };
}

/** A lifecycle step of a visit in one of `from`; `reason` says whether it needs one. */
function step(mutation: string, from: State[], reason: "required" | "optional"): ChangeSpec {
  const others = (world: World) => (["IN_PROGRESS", "COMPLETE", "SIGNED", "LOCKED"] as State[]).filter((s) => !from.includes(s)).map((s) => ({ state: s, ref: world.visits[s] }));
  const unlocking = from.includes("LOCKED");
  return {
    mutation,
    query: STEP(mutation),
    invalidRuns: 50,
    validRuns: 6,
    valid: (world) =>
      fc
        .record({ state: fc.constantFrom(...from), reason: reason === "required" ? reasonText : fc.option(reasonText, { nil: undefined }) })
        .map(({ state, reason: why }) => strip({ visitId: world.visits[state].id, expectedVersion: world.visits[state].version, reason: why })),
    breaks: (world) => [
      at(0, unknownId("visitId", ["Visit"], world)),
      ...(unlocking ? [] : [at(1, namesRecord("visitId", "a LOCKED visit", [world.visits.LOCKED], "LOCKED"))]),
      at(2, versionBreaks("expectedVersion")),
      at(3, fc.constantFrom(...others(world).filter((o) => unlocking || o.state !== "LOCKED")).chain((o) => namesRecord("visitId", `a ${o.state} visit`, [o.ref]))),
      at(4, reason === "required" ? requiredReason("reason", false) : optionalReason("reason")),
    ],
    prepare: async (world, input) => {
      const state = (Object.entries(world.visits) as Array<[State, Ref]>).find(([, ref]) => ref.id === input.visitId)![0];
      const { visitId } = await world.make.visitOf(world.fx.subjects[0]);
      await world.make.bring(visitId, state);
      return { ...input, visitId, expectedVersion: await world.make.version(visitId) };
    },
  };
}

const signVisit: ChangeSpec = {
  ...step("signVisit", ["COMPLETE"], "optional"),
  query: SIGN,
  as: (world) => world.make.investigator,
  audited: ["SIGN_FAILED"],
  valid: (world) =>
    fc.constantFrom(...MEANINGS).map((meaning) => ({ visitId: world.visits.COMPLETE.id, expectedVersion: world.visits.COMPLETE.version, password: PASSWORD, meaning })),
  breaks: (world) => [
    at(0, unknownId("visitId", ["Visit"], world)),
    at(1, namesRecord("visitId", "a LOCKED visit", [world.visits.LOCKED], "LOCKED")),
    at(2, versionBreaks("expectedVersion")),
    at(3, fc.constantFrom(world.visits.IN_PROGRESS, world.visits.SIGNED).chain((ref) => namesRecord("visitId", "a visit that is not COMPLETE", [ref]))),
    at(
      4,
      fc
        .oneof(fc.constantFrom("", " ", PASSWORD.toUpperCase(), `${PASSWORD} `, PASSWORD.slice(1)), fc.string())
        .filter((p) => p !== PASSWORD)
        .map((p) => ({ ...brk("refusal", "password", `${show(p)} (wrong)`, setTo("password", p)), refusal: { code: "BAD_USER_INPUT", audited: "SIGN_FAILED" } })),
    ),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant({})).map(coerced("password", "not a string")),
    ...missing("password"),
    enumField("meaning", MEANINGS, true),
  ],
};

function studyLock(mutation: "lockStudy" | "unlockStudy"): ChangeSpec {
  return {
    mutation,
    query: `mutation($studyId: ID!, $reason: String!) { ${mutation}(studyId: $studyId, reason: $reason) { id lockedAt } }`,
    invalidRuns: 40,
    validRuns: 3,
    valid: (world) => reasonText.map((reason) => ({ $studyId: world.studyId, $reason: reason })),
    breaks: (world) => [at(0, unknownId("$studyId", ["Study"], world)), at(1, requiredReason("$reason", true))],
  };
}

const signIn: ChangeSpec = {
  mutation: "signIn",
  query: `mutation($username: String!, $password: String!) { signIn(username: $username, password: $password) { token } }`,
  invalidRuns: 25,
  validRuns: 2,
  audited: ["SIGN_IN_FAILED"],
  valid: () => fc.constant({ $username: "demo-investigator-01", $password: PASSWORD }),
  breaks: () => {
    const wrong = (field: string, right: string) =>
      fc
        .oneof(fc.constantFrom("", " ", right.toUpperCase(), `${right} `, "x".repeat(5000)), fc.string())
        .filter((v) => v !== right)
        .map((v) => ({ ...brk("refusal", field, `${show(v)} (wrong)`, setTo(field, v)), refusal: { code: "UNAUTHENTICATED", audited: "SIGN_IN_FAILED" } }));
    return [
      wrong("$username", "demo-investigator-01"),
      wrong("$password", PASSWORD),
      ...["$username", "$password"].flatMap((f) => [...missing(f), fc.oneof(fc.integer(), fc.boolean(), fc.constant({})).map(coerced(f, "not a string"))]),
    ];
  },
};

const SPECS: ChangeSpec[] = [
  correction("Visit", "correctVisit", "RecordVisitInput", "id version", 40),
  correction("DoseAdministration", "correctDose", "RecordDoseInput", "id version", 50),
  correction("ConcomitantMedication", "correctConcomitantMedication", "RecordConcomitantMedicationInput", "id version", 40),
  correction("ImmuneMeasurement", "correctImmuneMeasurement", "RecordImmuneMeasurementInput", "id version", 50),
  correction("LabResult", "correctLabResult", "RecordLabResultInput", "id version", 50),
  correction("ClinicalAssessment", "correctAssessment", "RecordAssessmentInput", "id version score", 60),
  correction("AdverseEvent", "correctAdverseEvent", "RecordAdverseEventInput", "id version", 50),
  removal("removeRecord"),
  removal("restoreRecord"),
  step("completeVisit", ["IN_PROGRESS"], "optional"),
  step("reopenVisit", ["COMPLETE", "SIGNED"], "required"),
  step("lockVisit", ["SIGNED"], "optional"),
  step("unlockVisit", ["LOCKED"], "required"),
  signVisit,
  studyLock("lockStudy"),
  signIn,
];

const send = (world: World, spec: ChangeSpec) => (input: Input) =>
  world.make.t.execute(spec.query, variablesOf(input, spec.query.includes("$input")), spec.as?.(world));

describe("invalid changes: refused with a clear error, and nothing written", () => {
  let world: World;
  let guard: DatabaseGuard;

  beforeAll(async () => {
    // The wrong passwords of the signIn and signVisit runs must not lock the accounts the other runs use.
    world = await buildWorld(await createTestApp("sqlite", { demo: true, maxFailedAttempts: 1_000_000 }));
    guard = new DatabaseGuard(world.make.t);
  }, TIMEOUT);
  afterAll(() => world?.make.t.close());

  for (const spec of SPECS) {
    it(
      spec.mutation,
      async () => {
        await guard.begin();
        await checkRejected(world.make.t, guard, null, {
          mutation: spec.mutation,
          query: spec.query,
          cases: spec.cases?.(world) ?? invalidCase(spec.valid(world), spec.breaks!(world)),
          numRuns: spec.invalidRuns,
          send: send(world, spec),
        });
        await guard.end(spec.audited);
      },
      TIMEOUT,
    );
  }

  it(
    "unlockStudy (of a locked study), then every change of the locked study is LOCKED",
    async () => {
      const t = world.make.t;
      await t.data(`mutation($id: ID!) { lockStudy(studyId: $id, reason: "final analysis") { id } }`, { id: world.studyId });
      try {
        await guard.begin();
        const unlock = studyLock("unlockStudy");
        await checkRejected(t, guard, null, { mutation: unlock.mutation, query: unlock.query, cases: invalidCase(unlock.valid(world), unlock.breaks!(world)), numRuns: unlock.invalidRuns, send: send(world, unlock) });
        // With the study locked, a change that would otherwise be valid is refused as LOCKED.
        for (const spec of SPECS.filter((s) => s.mutation.startsWith("correct") || s.mutation === "removeRecord")) {
          await fc.assert(
            fc.asyncProperty(spec.valid(world), async (input) => {
              const result: GraphQLResult = await send(world, spec)(input);
              expect(result.errors?.map((e) => e.extensions?.code), `${spec.mutation} in a locked study: ${JSON.stringify(result)}`).toEqual(["LOCKED"]);
            }),
            options(5),
          );
        }
        expect(await guard.changed()).toBeUndefined();
        await guard.end();
      } finally {
        await t.data(`mutation($id: ID!) { unlockStudy(studyId: $id, reason: "test over") { id } }`, { id: world.studyId });
      }
    },
    TIMEOUT,
  );
});

describe("valid changes from the same generators succeed (on a throwaway database)", () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld(await createTestApp("sqlite", { demo: true }));
  }, TIMEOUT);
  afterAll(() => world?.make.t.close());

  for (const spec of [...SPECS, studyLock("unlockStudy")]) {
    it(
      spec.mutation,
      async () => {
        await fc.assert(
          fc.asyncProperty(spec.valid(world), async (generated) => {
            if (spec.mutation === "unlockStudy") await world.make.t.data(`mutation($id: ID!) { lockStudy(studyId: $id, reason: "test") { id } }`, { id: world.studyId });
            const input = spec.prepare ? await spec.prepare(world, generated) : generated;
            const result = await send(world, spec)(input);
            expect(result.errors, `${spec.mutation} refused a valid input ${JSON.stringify(input)}`).toBeUndefined();
            expect(result.data?.[spec.mutation]).toBeTruthy();
            if (spec.mutation === "lockStudy") await world.make.t.data(`mutation($id: ID!) { unlockStudy(studyId: $id, reason: "test") { id } }`, { id: world.studyId });
          }),
          options(spec.validRuns),
        );
      },
      TIMEOUT,
    );
  }
});
