/**
 * Property-based tests (fast-check) of every mutation's input validation, on the demo trial.
 *
 * For each mutation a generator builds a VALID input from the demo trial's ids, then one to three
 * "breaks" each spoil one field (or a pair of fields, for cross-field rules): out-of-range or
 * non-integer numbers, NaN/±Infinity/huge values, ids that are garbage, of another type or unknown,
 * visits of another patient, impossible dates or dates in the wrong order, blank or oversized strings,
 * unknown catalogue codes, duplicates, and for recordAssessment every declared input of every
 * instrument of every plugin, broken as the catalogue query declares it (range, type, options,
 * required) plus unknown input names. The property: the response is a BAD_USER_INPUT error naming
 * the broken field(s) and no other, and the database is unchanged.
 *
 * Each break says how it must be refused:
 * - coercion: GraphQL rejects the variable before any resolver runs (Apollo: BAD_USER_INPUT, one
 *   error per bad field, message `... at "input.<field>"` or `Field "<field>" ...`); every coercion
 *   break must be reported, and nothing else;
 * - reference: the service stops at the first unusable id/code (one problem, on that field);
 * - check: collected by the service's Checks, so when every break is a check, every one is reported.
 *
 * A separate group runs the same valid generators against a throwaway demo database and asserts
 * they SUCCEED, so the invalid properties cannot pass vacuously on inputs that were never valid.
 *
 * Database unchanged: SQLite's total_changes() counts every row written on the (single) connection;
 * when it moved during a run the full snapshotDatabase() is taken and compared with the one before,
 * and every property also compares a full snapshot taken before its first run with one after its
 * last. (The valid group asserts total_changes() does move on a successful write.)
 *
 * Reproduce / explore: FC_SEED=<n> (default fixed) and FC_RUNS_SCALE=<factor> (default 1).
 */
import { Buffer } from "node:buffer";
import fc from "fast-check";
import type { Arbitrary } from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATISTIC_RANGE } from "../../src/modules/immunology/immune-catalogue";
import { createTestApp, snapshotDatabase } from "../support/test-app";
import type { GraphQLResult, TestApp } from "../support/test-app";

const SEED = Number(process.env.FC_SEED ?? 20250611);
const SCALE = Number(process.env.FC_RUNS_SCALE ?? 1);
const options = (numRuns: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)) });
const TIMEOUT = 120_000;

type Input = Record<string, unknown>;
type Kind = "coercion" | "reference" | "check";

/** One way of spoiling an input: applied to a copy of a valid input. */
interface Break {
  kind: Kind;
  label: string;
  /** Fields it writes; two breaks touching the same field (or a field and its sub-field) are not combined. */
  touches: string[];
  /** Fields the error may (and, for coercion/check, must) name. */
  blames: string[];
  /** Breaks that change which record or catalogue entry the input is about run first. */
  phase: number;
  apply(input: Input): void;
}

/** What a property receives: the broken input and what was broken (printed in counterexamples). */
interface Case {
  input: Input;
  breaks: Array<Pick<Break, "kind" | "label" | "blames">>;
}

// ---------------------------------------------------------------------------------------------
// Ids, dates, numbers
// ---------------------------------------------------------------------------------------------

const gid = (type: string, key: number | string) => Buffer.from(`${type}:${key}`).toString("base64url");

/** What the service would decode the id to (the same lenient rule as src/graphql/global-id.ts). */
function decodeGid(id: string): { type: string; key: number } | undefined {
  const match = /^([A-Za-z]+):([1-9][0-9]*)$/.exec(Buffer.from(id, "base64url").toString("utf8"));
  return match ? { type: match[1], key: Number(match[2]) } : undefined;
}

const describeId = (id: string) => {
  const decoded = decodeGid(id);
  return decoded ? `${decoded.type}:${decoded.key}` : JSON.stringify(id);
};

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => toDate(Date.parse(`${date}T00:00:00Z`) + days * DAY);
const dateBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(`${from}T00:00:00Z`) / DAY, max: Date.parse(`${to}T00:00:00Z`) / DAY }).map((d) => toDate(d * DAY));
const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);
const THIS_YEAR = new Date().getUTCFullYear();

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const ymd = ({ y, m, d }: { y: number; m: number; d: number }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Strings that are not calendar dates YYYY-MM-DD (LocalDate refuses them during coercion). */
const impossibleDate: Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      "2024-02-30", "2023-02-29", "2100-02-29", "2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31", "2024-13-01", "2024-00-10",
      "2024-01-00", "2024-01-32", "20240101", "2024/01/01", "01-02-2024", "2024-1-1", "24-01-01", "", " 2024-01-01", "2024-01-01 ",
      "2024-01-01T00:00:00Z", "+002024-01-01", "today", "２０２４-01-01", "NaN",
    ),
    fc.record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 13, max: 99 }), d: fc.integer({ min: 1, max: 28 }) }).map(ymd),
    fc.record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 32, max: 99 }) }).map(ymd),
    fc.record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 29, max: 31 }) }).map(ymd),
    fc.string(),
  )
  .filter((s) => !isCalendarDate(s));

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const nonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const nonInteger = finite(-1e9, 1e9).filter((x) => !Number.isInteger(x));
const beyondInt32 = fc.oneof(
  finite(2 ** 31, 2 ** 53).map(Math.floor),
  finite(-(2 ** 53), -(2 ** 31) - 1).map(Math.ceil),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e308, -1e308, Number.MAX_VALUE),
);
/** Values of the wrong JSON type for a number field. */
const notANumber = fc.oneof(fc.constantFrom("1", "0", "", "1e3", "NaN"), fc.string(), fc.boolean(), fc.constant([1]), fc.constant({}));

/** The next double after `x` in direction `dir`. */
function nextAfter(x: number, dir: 1 | -1): number {
  if (x === 0) return dir * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + ((x > 0) === (dir > 0) ? 1n : -1n));
  return view.getFloat64(0);
}
/** A distance from a bound: 0 means "the next double", else a positive amount. */
const distance = fc.oneof(fc.constant(0), finite(1e-9, 1e300).filter((d) => d > 0), fc.constantFrom(1, 0.5, 1e-6, 1e6));
const below = (min: number, d: number) => (d === 0 || min - d >= min ? nextAfter(min, -1) : min - d);
const above = (max: number, d: number) => (d === 0 || max + d <= max ? nextAfter(max, 1) : max + d);

function show(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return value.length > 40 ? `${JSON.stringify(value.slice(0, 16))}…(${value.length} chars)` : JSON.stringify(value);
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? String(value);
}

/** Non-blank text of at most `max` UTF-16 units (what Checks.text accepts). */
function text(max: number): Arbitrary<string> {
  const n = Math.min(max, 30);
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: n }) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.max(1, Math.floor(n / 4)) }) },
      { weight: 1, arbitrary: fc.constant("x".repeat(max)) },
    )
    .filter((s) => s.trim().length > 0 && s.length <= max);
}

/** An optional field's valid absence: omitted (undefined, stripped) or explicit null. */
function opt<T>(arb: Arbitrary<T>): Arbitrary<T | null | undefined> {
  return fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: arb });
}
const maybe = <T>(arb: Arbitrary<T>) => fc.option(arb, { nil: undefined });

function strip(input: Input): Input {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

// ---------------------------------------------------------------------------------------------
// Breaks of GraphQL input fields
// ---------------------------------------------------------------------------------------------

function brk(kind: Kind, field: string, what: string, apply: (input: Input) => void, more: Partial<Pick<Break, "touches" | "blames" | "phase">> = {}): Break {
  return { kind, label: `${field}: ${what}`, touches: more.touches ?? [field], blames: more.blames ?? [field], phase: more.phase ?? 1, apply };
}
const setTo = (field: string, value: unknown) => (input: Input) => {
  input[field] = value;
};
const coerced = (field: string, what: string) => (value: unknown) => brk("coercion", field, `${show(value)} (${what})`, setTo(field, value));

/** A required field omitted or null: refused during coercion. */
function missing(field: string): Arbitrary<Break>[] {
  return [
    fc.constant(
      brk("coercion", field, "omitted", (input) => {
        delete input[field];
      }),
    ),
    fc.constant(brk("coercion", field, "null", setTo(field, null))),
  ];
}

function intField(field: string, min: number, max: number, required: boolean): Arbitrary<Break> {
  return fc.oneof(
    fc
      .oneof(fc.integer({ min: INT32_MIN, max: min - 1 }), fc.integer({ min: max + 1, max: INT32_MAX }))
      .map((v) => brk("check", field, `${v} (outside ${min}..${max})`, setTo(field, v))),
    fc.oneof(nonInteger, beyondInt32, nonFinite).map(coerced(field, "not a 32-bit integer")),
    notANumber.map(coerced(field, "not a number")),
    ...(required ? missing(field) : []),
  );
}

/** A Float field whose range may depend on the rest of the input (e.g. the lab test's maximum). */
function floatField(field: string, range: (input: Input) => { min: number; max: number }, required: boolean): Arbitrary<Break> {
  return fc.oneof(
    distance.map((d) => brk("check", field, `below its minimum by ${d || "one ulp"}`, (input) => void (input[field] = below(range(input).min, d)))),
    distance.map((d) => brk("check", field, `above its maximum by ${d || "one ulp"}`, (input) => void (input[field] = above(range(input).max, d)))),
    fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE).map((v) => brk("check", field, `${v} (huge)`, setTo(field, v))),
    nonFinite.map(coerced(field, "not finite")),
    notANumber.map(coerced(field, "not a number")),
    ...(required ? missing(field) : []),
  );
}

function textField(field: string, max: number, required: boolean): Arbitrary<Break> {
  return fc.oneof(
    fc.constantFrom("", " ", "  \t", "\n", "\u00a0", "\u2003\u3000").map((v) => brk("check", field, `${show(v)} (blank)`, setTo(field, v))),
    fc
      .integer({ min: max + 1, max: max + 300 })
      .chain((n) => fc.string({ minLength: n, maxLength: n }))
      .map((v) => brk("check", field, `${v.length} characters (more than ${max})`, setTo(field, v))),
    fc.constant(brk("check", field, `100000 characters (more than ${max})`, setTo(field, "y".repeat(100_000)))),
    fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant({}), fc.constant(["a"])).map(coerced(field, "not a string")),
    ...(required ? missing(field) : []),
  );
}

/** `nullable: false` for non-null enums with a default (omitting is fine, null is not). */
function enumField(field: string, values: readonly string[], required: boolean, nullable = !required): Arbitrary<Break> {
  const wrong = fc
    .oneof(fc.constantFrom(...values.map((v) => v.toLowerCase()), "", ` ${values[0]}`, `${values[0]}_`), fc.string(), fc.integer(), fc.boolean())
    .filter((v) => !values.includes(v as string));
  return fc.oneof(
    wrong.map(coerced(field, "not a value of the enum")),
    ...(nullable ? [] : [fc.constant(brk("coercion", field, "null", setTo(field, null)))]),
    ...(required ? missing(field) : []),
  );
}

/** A Boolean! field with a default: null and non-booleans are refused during coercion. */
function boolField(field: string): Arbitrary<Break> {
  return fc.oneof(fc.constantFrom("true", "false", "", 0, 1, "yes", null), fc.constant([true])).map(coerced(field, "not a boolean"));
}

function dateField(field: string, required: boolean): Arbitrary<Break> {
  return fc.oneof(
    impossibleDate.map(coerced(field, "not a calendar date")),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant({})).map(coerced(field, "not a string")),
    ...(required ? missing(field) : []),
  );
}

/** Strings that do not decode to an id of `type` (garbage, near-misses of the encoding). */
function garbageId(type: string): Arbitrary<string> {
  const near = [
    `${type}:1`,
    "",
    " ",
    "null",
    "0",
    gid(type.toLowerCase(), 1),
    gid(type.toUpperCase(), 1),
    gid(type, 0),
    gid(type, -1),
    gid(type, "01"),
    gid(type, "1.5"),
    gid(type, "1e3"),
    gid(type, " 1"),
    gid(type, "1 "),
    gid(type, ""),
    gid("", 1),
    gid(`${type}1`, ""),
    gid(type, "1:1"),
    Buffer.from(`${type}:1`).toString("hex"),
  ];
  return fc.oneof(fc.constantFrom(...near), fc.string(), fc.string({ unit: "binary", maxLength: 20 })).filter((s) => decodeGid(s)?.type !== type);
}

function idField(field: string, type: string, fx: Fixtures, required: boolean): Arbitrary<Break> {
  const others = fx.idsNotOfType(type);
  return fc.oneof(
    fc.constant(brk("reference", field, `"" (empty, not a ${type} id)`, setTo(field, ""))),
    garbageId(type).map((v) => brk("reference", field, `${show(v)} (not a ${type} id)`, setTo(field, v))),
    fc
      .integer()
      .filter((v) => decodeGid(String(v))?.type !== type)
      .map((v) => brk("reference", field, `${v} (an integer, not a ${type} id)`, setTo(field, v))),
    fc.constantFrom(...others).map((v) => brk("reference", field, `${describeId(v)} (id of another type)`, setTo(field, v))),
    fc
      .oneof(fc.integer({ min: 10_000_000, max: INT32_MAX }).map(String), fc.constantFrom("2147483648", "9007199254740993", "99999999999999999999999"))
      .map((key) => brk("reference", field, `${type}:${key} (no such ${type})`, setTo(field, gid(type, key)))),
    fc.oneof(nonInteger, fc.boolean(), fc.constant({}), fc.constant([gid(type, 1)])).map(coerced(field, "not an ID")),
    ...(required ? missing(field) : []),
  );
}

/** Check-kind breaks of a field that may also make the service report `other` (a consequence, not a spurious problem). */
function alsoBlames(arb: Arbitrary<Break>, other: string): Arbitrary<Break> {
  return arb.map((b) => (b.kind === "check" ? { ...b, blames: [...b.blames, other] } : b));
}

/** A field the input type does not declare. */
function unknownField(declared: readonly string[]): Arbitrary<Break> {
  return fc
    .constantFrom("foo", "Foo", "patient_id", "PatientId", "VisitId", "__typename", "id", "notes", "reason_for_change")
    .filter((name) => !declared.includes(name))
    .map((name) => brk("coercion", name, "not a field of the input type", setTo(name, "x")));
}

// ---------------------------------------------------------------------------------------------
// The demo trial: ids the generators use
// ---------------------------------------------------------------------------------------------

interface CatalogueInput {
  name: string;
  type: "INTEGER" | "NUMBER" | "BOOLEAN" | "CODE";
  min: number | null;
  max: number | null;
  minExclusive: boolean;
  maxExclusive: boolean;
  options: Array<{ value: string | number }> | null;
  required: boolean;
  allowed: string;
}
interface CatalogueInstrument {
  code: string;
  diseaseId: string | null;
  inputs: CatalogueInput[];
  /** Sets of optional inputs given together in the plugin's own examples (cross-field rules, e.g. PASI area or %). */
  shapes: string[][];
}
/** A patient created for these tests (one per cohort), with one unscheduled visit holding no data. */
interface Subject {
  patientId: string;
  visitId: string;
  cohort: number;
  inclusionDate: string;
}
interface Fixtures {
  sites: string[];
  cohorts: Array<{ id: string; diseaseId: string; plannedVisits: string[] }>;
  subjects: Subject[];
  demoPatients: Array<{ id: string; subjectCode: string }>;
  /** Visits of demo patients (never of a subject), with their planned visit. */
  demoVisits: Array<{ id: string; patientId: string; plannedVisitId: string | null }>;
  demoLab: { visitId: string; testCode: string };
  demoImmune: { visitId: string; parameterCode: string };
  demoAssessment: { visitId: string; instrument: string };
  labTests: Array<{ code: string; maxValue: number }>;
  immuneParameters: Array<{ code: string; min: number; max: number }>;
  instruments: CatalogueInstrument[];
  idsNotOfType(type: string): string[];
}

const INSTRUMENT_FIELDS = "code diseaseId inputs { name type min max minExclusive maxExclusive options { value } required allowed }";

async function loadFixtures(t: TestApp): Promise<Fixtures> {
  const catalogue = await t.data(
    `{ study { id sites { id } cohorts { id diseaseId plannedVisits { id } } } instruments { ${INSTRUMENT_FIELDS} } labTests { code maxValue } immuneParameters { code statistic } }`,
  );
  const demo = await t.data(`{
    patients(first: 100) { nodes { id subjectCode } }
    visits(first: 100) { nodes { id patient { id } plannedVisit { id } } }
    labResults(first: 1) { nodes { id testCode visit { id } } }
    immuneMeasurements(first: 1) { nodes { id parameter { code } visit { id } } }
    assessments(first: 1) { nodes { id instrumentCode visit { id } } }
    adverseEvents(first: 1) { nodes { id } }
    doses(first: 1) { nodes { id } }
  }`);
  const sites: string[] = catalogue.study.sites.map((s: { id: string }) => s.id);
  const cohorts = catalogue.study.cohorts.map((c: { id: string; diseaseId: string; plannedVisits: Array<{ id: string }> }) => ({
    id: c.id,
    diseaseId: c.diseaseId,
    plannedVisits: c.plannedVisits.map((p) => p.id),
  }));
  const subjects: Subject[] = [];
  for (const [index, cohort] of cohorts.entries()) {
    const inclusionDate = "2024-01-15";
    const { createPatient } = await t.data(`mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`, {
      input: {
        cohortId: cohort.id,
        siteId: sites[index % sites.length],
        subjectCode: `FIXTURE-${index}`,
        sex: "FEMALE",
        yearOfBirth: 1980,
        ageAtInclusion: 43,
        inclusionDate,
        treatmentStartDate: "2024-01-22",
        status: "INCLUDED",
      },
    });
    const visit = await t.data(`mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`, { input: { patientId: createPatient.id, visitDate: "2024-01-22" } });
    subjects.push({ patientId: createPatient.id, visitId: visit.recordVisit.id, cohort: index, inclusionDate });
  }
  const instruments: CatalogueInstrument[] = catalogue.instruments.map((i: Omit<CatalogueInstrument, "shapes">) => {
    const examples = t.app.registry.instrument(i.code)?.definition.examples ?? [];
    const optional = new Set(i.inputs.filter((d) => !d.required).map((d) => d.name));
    const shapes = examples.map((e) => Object.keys(e.inputs).filter((k) => optional.has(k) && e.inputs[k] !== null && e.inputs[k] !== undefined));
    return { ...i, shapes: shapes.length > 0 ? shapes : [[]] };
  });
  const first = <T>(connection: { nodes: T[] }, what: string): T => {
    if (!connection.nodes[0]) throw new Error(`the demo trial has no ${what}`);
    return connection.nodes[0];
  };
  const lab = first<any>(demo.labResults, "lab result");
  const immune = first<any>(demo.immuneMeasurements, "immune measurement");
  const assessment = first<any>(demo.assessments, "assessment");
  // Records are added only to visits in progress: reopen the demo visits whose records the duplicate checks reuse.
  for (const visitId of new Set([lab.visit.id, immune.visit.id, assessment.visit.id])) {
    const { node } = await t.data(`query($id: ID!) { node(id: $id) { ... on Visit { version state } } }`, { id: visitId });
    if (node.state !== "IN_PROGRESS") {
      await t.data(`mutation($input: VisitStepInput!) { reopenVisit(input: $input) { id } }`, { input: { visitId, expectedVersion: node.version, reason: "test fixture" } });
    }
  }
  const demoVisits = demo.visits.nodes.map((v: any) => ({ id: v.id, patientId: v.patient.id, plannedVisitId: v.plannedVisit?.id ?? null }));
  const allIds: string[] = [
    catalogue.study.id,
    ...sites,
    ...cohorts.map((c: { id: string }) => c.id),
    ...cohorts.flatMap((c: { plannedVisits: string[] }) => c.plannedVisits.slice(0, 2)),
    ...subjects.flatMap((s) => [s.patientId, s.visitId]),
    ...demo.patients.nodes.slice(0, 3).map((p: { id: string }) => p.id),
    ...demoVisits.slice(0, 3).map((v: { id: string }) => v.id),
    lab.id,
    immune.id,
    assessment.id,
    ...demo.adverseEvents.nodes.map((n: { id: string }) => n.id),
    ...demo.doses.nodes.map((n: { id: string }) => n.id),
  ];
  return {
    sites,
    cohorts,
    subjects,
    demoPatients: demo.patients.nodes.filter((p: { id: string }) => !subjects.some((s) => s.patientId === p.id)),
    demoVisits,
    demoLab: { visitId: lab.visit.id, testCode: lab.testCode },
    demoImmune: { visitId: immune.visit.id, parameterCode: immune.parameter.code },
    demoAssessment: { visitId: assessment.visit.id, instrument: assessment.instrumentCode },
    labTests: catalogue.labTests,
    immuneParameters: catalogue.immuneParameters.map((p: { code: string; statistic: keyof typeof STATISTIC_RANGE }) => ({ code: p.code, ...STATISTIC_RANGE[p.statistic] })),
    instruments,
    idsNotOfType: (type) => allIds.filter((id) => decodeGid(id)?.type !== type),
  };
}

const subjectOf = (fx: Fixtures, input: Input) => fx.subjects.find((s) => s.patientId === input.patientId || s.visitId === input.visitId);

// ---------------------------------------------------------------------------------------------
// The mutations: valid generators and breaks
// ---------------------------------------------------------------------------------------------

const SEX = ["FEMALE", "MALE"] as const;
const PATIENT_STATUS = ["SCREENED", "INCLUDED", "COMPLETED", "WITHDRAWN"] as const;
const RELATEDNESS = ["NOT_RELATED", "UNLIKELY", "POSSIBLE", "PROBABLE", "DEFINITE"] as const;
const OUTCOME = ["RECOVERED", "RECOVERING", "NOT_RECOVERED", "RECOVERED_WITH_SEQUELAE", "FATAL", "UNKNOWN"] as const;
const ACTION = ["DOSE_NOT_CHANGED", "DOSE_DELAYED", "DOSE_INTERRUPTED", "DRUG_WITHDRAWN", "NOT_APPLICABLE"] as const;

interface Spec {
  mutation: string;
  /** GraphQL type of the record returned on success. */
  returns: string;
  query: string;
  invalidRuns: number;
  validRuns: number;
  valid(fx: Fixtures): Arbitrary<Input>;
  breaks(fx: Fixtures): Arbitrary<Break>[];
  /** A valid input may leave the record as it was (and so write nothing), e.g. the same status again. */
  mayWriteNothing?: boolean;
  /** Adapts a valid input to a throwaway database where each run must not collide with the previous ones. */
  prepare?(app: TestApp, fx: Fixtures, input: Input): Promise<Input>;
}

const mutationQuery = (mutation: string, inputType: string, selection = "id") =>
  `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} } }`;

let uniqueCounter = 0;
async function freshPatient(app: TestApp, fx: Fixtures, cohort: number): Promise<string> {
  const { createPatient } = await app.data(mutationQuery("createPatient", "CreatePatientInput"), {
    input: { cohortId: fx.cohorts[cohort].id, siteId: fx.sites[0], subjectCode: `FRESH-${++uniqueCounter}`, sex: "MALE", inclusionDate: "2024-01-15", treatmentStartDate: "2024-01-22" },
  });
  return createPatient.id;
}
async function freshVisit(app: TestApp, patientId: string): Promise<string> {
  const { recordVisit } = await app.data(mutationQuery("recordVisit", "RecordVisitInput"), { input: { patientId, visitDate: "2024-02-01" } });
  return recordVisit.id;
}
async function withFreshVisit(app: TestApp, fx: Fixtures, input: Input): Promise<Input> {
  const subject = subjectOf(fx, input);
  if (!subject) throw new Error(`no subject owns visit ${String(input.visitId)}`);
  return { ...input, visitId: await freshVisit(app, subject.patientId) };
}

const createPatient: Spec = {
  mutation: "createPatient",
  returns: "Patient",
  query: mutationQuery("createPatient", "CreatePatientInput", "id subjectCode"),
  invalidRuns: 60,
  validRuns: 30,
  valid: (fx) =>
    fc
      .record({
        cohort: fc.constantFrom(...fx.cohorts.map((c) => c.id)),
        site: fc.constantFrom(...fx.sites),
        code: text(28),
        sex: fc.constantFrom(...SEX),
        inclusionDate: maybe(dateBetween("2015-01-01", "2025-12-31")),
        treatmentAfter: maybe(fc.integer({ min: 0, max: 90 })),
        age: maybe(fc.integer({ min: 18, max: 100 })),
        withYearOfBirth: fc.boolean(),
        // Created directly as COMPLETED or WITHDRAWN would bypass changePatientStatus's reason rule.
        status: maybe(fc.constantFrom("SCREENED", "INCLUDED")),
        diseaseDurationYears: opt(finite(0, 100)),
        nullAge: fc.boolean(),
      })
      .map((r) => {
        const referenceYear = r.inclusionDate ? Number(r.inclusionDate.slice(0, 4)) : THIS_YEAR;
        return strip({
          cohortId: r.cohort,
          siteId: r.site,
          subjectCode: `PBT-${r.code}`,
          sex: r.sex,
          ageAtInclusion: r.age ?? (r.nullAge ? null : undefined),
          yearOfBirth: r.withYearOfBirth ? referenceYear - (r.age ?? 45) : undefined,
          inclusionDate: r.inclusionDate,
          treatmentStartDate: r.inclusionDate && r.treatmentAfter !== undefined ? addDays(r.inclusionDate, r.treatmentAfter) : undefined,
          status: r.status,
          diseaseDurationYears: r.diseaseDurationYears,
        });
      }),
  breaks: (fx) => [
    idField("cohortId", "Cohort", fx, true),
    idField("siteId", "Site", fx, true),
    textField("subjectCode", 40, true),
    fc.constantFrom(...fx.demoPatients.map((p) => p.subjectCode)).map((code) => brk("check", "subjectCode", `${code} (already used in the study)`, setTo("subjectCode", code))),
    enumField("sex", SEX, true),
    intField("yearOfBirth", 1900, THIS_YEAR, false),
    intField("ageAtInclusion", 18, 120, false),
    dateField("inclusionDate", false),
    dateField("treatmentStartDate", false),
    fc.record({ inclusion: dateBetween("2015-01-01", "2025-12-31"), days: fc.integer({ min: 1, max: 3650 }) }).map(({ inclusion, days }) =>
      brk(
        "check",
        "treatmentStartDate",
        `${days} days before inclusionDate ${inclusion}`,
        (input) => {
          input.inclusionDate = inclusion;
          input.treatmentStartDate = addDays(inclusion, -days);
        },
        { touches: ["inclusionDate", "treatmentStartDate"] },
      ),
    ),
    enumField("status", PATIENT_STATUS, false, false),
    floatField("diseaseDurationYears", () => ({ min: 0, max: 100 }), false),
    unknownField(["cohortId", "siteId", "subjectCode", "sex", "yearOfBirth", "ageAtInclusion", "inclusionDate", "treatmentStartDate", "status", "diseaseDurationYears"]),
  ],
  prepare: async (_app, _fx, input) => ({ ...input, subjectCode: `V${++uniqueCounter}-${input.subjectCode as string}` }),
};

const changePatientStatus: Spec = {
  mutation: "changePatientStatus",
  returns: "Patient",
  query: mutationQuery("changePatientStatus", "ChangePatientStatusInput", "id status"),
  mayWriteNothing: true,
  invalidRuns: 40,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({ subject: fc.constantFrom(...fx.subjects), status: fc.constantFrom(...PATIENT_STATUS), after: fc.integer({ min: 0, max: 800 }), reason: opt(text(500)) })
      .map(({ subject, status, after, reason }) =>
        strip({ patientId: subject.patientId, expectedVersion: 1, status, date: addDays(subject.inclusionDate, after), reason: status === "WITHDRAWN" ? (reason ?? "Withdrew consent") : reason }),
      ),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    enumField("status", PATIENT_STATUS, true),
    dateField("date", true),
    fc.integer({ min: 1, max: 5000 }).map((days) =>
      brk("check", "date", `${days} days before the inclusion date`, (input) => {
        const subject = subjectOf(fx, input);
        input.date = addDays(subject?.inclusionDate ?? "2024-01-15", -days);
      }),
    ),
    textField("reason", 500, false),
    fc.constantFrom(undefined, null).map((reason) =>
      brk(
        "check",
        "reason",
        `${show(reason)} for WITHDRAWN`,
        (input) => {
          input.status = "WITHDRAWN";
          if (reason === undefined) delete input.reason;
          else input.reason = reason;
        },
        { touches: ["status", "reason"] },
      ),
    ),
    ...missing("expectedVersion"),
    unknownField(["patientId", "expectedVersion", "status", "date", "reason"]),
  ],
  // Each valid run changes the patient, so the next one must send the version it now has.
  prepare: async (app, _fx, input) => {
    const { node } = await app.data(`query($id: ID!) { node(id: $id) { ... on Patient { version } } }`, { id: input.patientId });
    return { ...input, expectedVersion: node.version };
  },
};

const recordVisit: Spec = {
  mutation: "recordVisit",
  returns: "Visit",
  query: mutationQuery("recordVisit", "RecordVisitInput", "id studyDay"),
  invalidRuns: 40,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({ subject: fc.constantFrom(...fx.subjects), planned: fc.nat(), scheduled: fc.boolean(), nullPlanned: fc.boolean(), visitDate: dateBetween("2023-01-01", "2026-12-31"), performed: maybe(fc.boolean()) })
      .map(({ subject, planned, scheduled, nullPlanned, visitDate, performed }) => {
        const plannedVisits = fx.cohorts[subject.cohort].plannedVisits;
        return strip({ patientId: subject.patientId, plannedVisitId: scheduled ? plannedVisits[planned % plannedVisits.length] : nullPlanned ? null : undefined, visitDate, performed });
      }),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    idField("plannedVisitId", "PlannedVisit", fx, false),
    fc.nat().map((k) =>
      brk("check", "plannedVisitId", `a planned visit of another cohort (#${k})`, (input) => {
        const cohort = subjectOf(fx, input)?.cohort ?? 0;
        const others = fx.cohorts.filter((_, i) => i !== cohort).flatMap((c) => c.plannedVisits);
        input.plannedVisitId = others[k % others.length];
      }),
    ),
    fc.constantFrom(...fx.demoVisits.filter((v) => v.plannedVisitId)).map((v) =>
      brk(
        "check",
        "plannedVisitId",
        `${describeId(v.plannedVisitId!)} already recorded for ${describeId(v.patientId)}`,
        (input) => {
          input.patientId = v.patientId;
          input.plannedVisitId = v.plannedVisitId;
        },
        { touches: ["patientId", "plannedVisitId"] },
      ),
    ),
    dateField("visitDate", true),
    boolField("performed"),
    unknownField(["patientId", "plannedVisitId", "visitDate", "performed"]),
  ],
  prepare: async (app, fx, input) => {
    if (!input.plannedVisitId) return input;
    return { ...input, patientId: await freshPatient(app, fx, subjectOf(fx, input)!.cohort) };
  },
};

const recordDose: Spec = {
  mutation: "recordDose",
  returns: "DoseAdministration",
  query: mutationQuery("recordDose", "RecordDoseInput", "id studyDay"),
  invalidRuns: 50,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({
        subject: fc.constantFrom(...fx.subjects),
        atVisit: opt(fc.constant(true)),
        administeredOn: dateBetween("2024-01-22", "2025-06-30"),
        given: maybe(fc.boolean()),
        dose: finite(0, 1000),
        doseUnit: text(20),
        route: text(20),
        lot: opt(text(40)),
        notGivenReason: text(500),
      })
      .map((r) =>
        strip({
          patientId: r.subject.patientId,
          visitId: r.atVisit ? r.subject.visitId : r.atVisit,
          administeredOn: r.administeredOn,
          dose: r.given !== false && r.dose === 0 ? 1 : r.dose,
          doseUnit: r.doseUnit,
          route: r.route,
          lot: r.lot,
          given: r.given,
          notGivenReason: r.given === false ? r.notGivenReason : undefined,
        }),
      ),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    idField("visitId", "Visit", fx, false),
    fc.constantFrom(...fx.demoVisits).map((v) => brk("reference", "visitId", `${describeId(v.id)} (a visit of another patient)`, setTo("visitId", v.id))),
    dateField("administeredOn", true),
    floatField("dose", () => ({ min: 0, max: 1000 }), true),
    textField("doseUnit", 20, true),
    textField("route", 20, true),
    textField("lot", 40, false),
    boolField("given"),
    textField("notGivenReason", 500, false),
    fc.constantFrom(undefined, null, "").map((reason) =>
      brk(
        "check",
        "notGivenReason",
        `${show(reason)} for a dose not given`,
        (input) => {
          input.given = false;
          if (reason === undefined) delete input.notGivenReason;
          else input.notGivenReason = reason;
        },
        { touches: ["given", "notGivenReason"] },
      ),
    ),
    fc.constantFrom(0, -0).map((dose) =>
      brk(
        "check",
        "dose",
        `${show(dose)} for a dose that was given`,
        (input) => {
          input.given = true;
          input.dose = dose;
        },
        { touches: ["given", "dose"] },
      ),
    ),
    unknownField(["patientId", "visitId", "administeredOn", "dose", "doseUnit", "route", "lot", "given", "notGivenReason"]),
  ],
};

const recordConcomitantMedication: Spec = {
  mutation: "recordConcomitantMedication",
  returns: "ConcomitantMedication",
  query: mutationQuery("recordConcomitantMedication", "RecordConcomitantMedicationInput"),
  invalidRuns: 50,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({
        patientId: fc.constantFrom(...fx.subjects.map((s) => s.patientId), ...fx.demoPatients.slice(0, 3).map((p) => p.id)),
        drug: text(200),
        dose: opt(finite(0, 100_000)),
        doseUnit: opt(text(20)),
        frequency: opt(text(40)),
        route: opt(text(40)),
        indication: opt(text(200)),
        startDate: opt(dateBetween("2000-01-01", "2025-12-31")),
        stopAfter: opt(fc.integer({ min: 0, max: 2000 })),
      })
      .map(({ stopAfter, ...r }) => strip({ ...r, stopDate: typeof stopAfter === "number" ? addDays(r.startDate ?? "2024-01-15", stopAfter) : stopAfter })),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    textField("drug", 200, true),
    floatField("dose", () => ({ min: 0, max: 100_000 }), false),
    textField("doseUnit", 20, false),
    textField("frequency", 40, false),
    textField("route", 40, false),
    textField("indication", 200, false),
    dateField("startDate", false),
    dateField("stopDate", false),
    fc.record({ start: dateBetween("2000-01-01", "2025-12-31"), days: fc.integer({ min: 1, max: 3650 }) }).map(({ start, days }) =>
      brk(
        "check",
        "stopDate",
        `${days} days before startDate ${start}`,
        (input) => {
          input.startDate = start;
          input.stopDate = addDays(start, -days);
        },
        { touches: ["startDate", "stopDate"] },
      ),
    ),
    unknownField(["patientId", "drug", "dose", "doseUnit", "frequency", "route", "indication", "startDate", "stopDate"]),
  ],
};

/** Shared breaks of lab results and immune values: `value`/`belowDetectionLimit` consistency. */
function detectionLimitBreaks(field: string, range: (input: Input) => { min: number; max: number }): Arbitrary<Break>[] {
  return [
    fc.constantFrom(undefined, false).map((bdl) =>
      brk(
        "check",
        field,
        `omitted while belowDetectionLimit is ${show(bdl)}`,
        (input) => {
          delete input[field];
          if (bdl === undefined) delete input.belowDetectionLimit;
          else input.belowDetectionLimit = bdl;
        },
        { touches: [field, "belowDetectionLimit"] },
      ),
    ),
    fc.double({ min: 0, max: 1, noNaN: true }).map((u) =>
      brk(
        "check",
        field,
        `given while belowDetectionLimit is true`,
        (input) => {
          const { min, max } = range(input);
          input.belowDetectionLimit = true;
          input[field] = min + u * (max - min);
        },
        { touches: [field, "belowDetectionLimit"] },
      ),
    ),
  ];
}

const recordImmuneMeasurement: Spec = {
  mutation: "recordImmuneMeasurement",
  returns: "ImmuneMeasurement",
  query: mutationQuery("recordImmuneMeasurement", "RecordImmuneMeasurementInput"),
  invalidRuns: 50,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({ subject: fc.constantFrom(...fx.subjects), parameter: fc.constantFrom(...fx.immuneParameters), below: maybe(fc.boolean()), u: fc.double({ min: 0, max: 1, noNaN: true }), limit: opt(fc.double({ min: 0, max: 1, noNaN: true })) })
      .map(({ subject, parameter, below: bdl, u, limit }) =>
        strip({
          visitId: subject.visitId,
          parameterCode: parameter.code,
          belowDetectionLimit: bdl,
          value: bdl ? undefined : parameter.min + u * (parameter.max - parameter.min),
          detectionLimit: typeof limit === "number" ? parameter.min + limit * (parameter.max - parameter.min) : limit,
        }),
      ),
  breaks: (fx) => {
    const range = (input: Input) => fx.immuneParameters.find((p) => p.code === input.parameterCode) ?? { min: 0, max: 1e9 };
    const codes = fx.immuneParameters.map((p) => p.code);
    return [
      idField("visitId", "Visit", fx, true),
      fc
          .oneof(fc.constantFrom(...codes.map((c) => c.toLowerCase()), "", "TREGS", `${codes[0]} `), fc.string())
          .filter((c) => !codes.includes(c))
          .map((c) => brk("reference", "parameterCode", `${show(c)} (not in the catalogue)`, setTo("parameterCode", c), { phase: 0 })),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map(coerced("parameterCode", "not a string")),
      fc.constant(
          brk(
            "check",
            "parameterCode",
            `${fx.demoImmune.parameterCode} already recorded at ${describeId(fx.demoImmune.visitId)}`,
            (input) => {
              input.visitId = fx.demoImmune.visitId;
              input.parameterCode = fx.demoImmune.parameterCode;
              // Values valid for any parameter, since the base input's were for another one.
              Object.assign(input, { value: 0, belowDetectionLimit: false, detectionLimit: null });
            },
            { touches: ["visitId", "parameterCode", "value", "belowDetectionLimit", "detectionLimit"], phase: 0 },
          ),
      ),
      floatField("value", range, false),
      ...detectionLimitBreaks("value", range),
      floatField("detectionLimit", range, false),
      boolField("belowDetectionLimit"),
      unknownField(["visitId", "parameterCode", "value", "belowDetectionLimit", "detectionLimit"]),
    ];
  },
  prepare: withFreshVisit,
};

const recordLabResult: Spec = {
  mutation: "recordLabResult",
  returns: "LabResult",
  query: mutationQuery("recordLabResult", "RecordLabResultInput"),
  invalidRuns: 50,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({
        subject: fc.constantFrom(...fx.subjects),
        test: fc.constantFrom(...fx.labTests),
        below: maybe(fc.boolean()),
        u: fc.double({ min: 0, max: 1, noNaN: true }),
        low: opt(fc.double({ min: 0, max: 1, noNaN: true })),
        high: opt(fc.double({ min: 0, max: 1, noNaN: true })),
      })
      .map(({ subject, test, below: bdl, u, low, high }) => {
        const [lo, hi] = typeof low === "number" && typeof high === "number" ? [Math.min(low, high), Math.max(low, high)] : [low, high];
        return strip({
          visitId: subject.visitId,
          testCode: test.code,
          belowDetectionLimit: bdl,
          value: bdl ? undefined : u * test.maxValue,
          referenceLow: typeof lo === "number" ? lo * test.maxValue : lo,
          referenceHigh: typeof hi === "number" ? hi * test.maxValue : hi,
        });
      }),
  breaks: (fx) => {
    const range = (input: Input) => ({ min: 0, max: fx.labTests.find((t) => t.code === input.testCode)?.maxValue ?? 1e9 });
    const codes = fx.labTests.map((t) => t.code);
    return [
      idField("visitId", "Visit", fx, true),
      fc
          .oneof(fc.constantFrom(...codes.map((c) => c.toLowerCase()), "", "C-REACTIVE PROTEIN", `${codes[0]} `), fc.string())
          .filter((c) => !codes.includes(c))
          .map((c) => brk("reference", "testCode", `${show(c)} (not in the lab catalogue)`, setTo("testCode", c), { phase: 0 })),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map(coerced("testCode", "not a string")),
      fc.constant(
          brk(
            "check",
            "testCode",
            `${fx.demoLab.testCode} already recorded at ${describeId(fx.demoLab.visitId)}`,
            (input) => {
              input.visitId = fx.demoLab.visitId;
              input.testCode = fx.demoLab.testCode;
              // Values valid for any test, since the base input's were for another one.
              Object.assign(input, { value: 0, belowDetectionLimit: false, referenceLow: null, referenceHigh: null });
            },
            { touches: ["visitId", "testCode", "value", "belowDetectionLimit", "referenceLow", "referenceHigh"], phase: 0 },
          ),
      ),
      floatField("value", range, false),
      ...detectionLimitBreaks("value", range),
      floatField("referenceLow", range, false),
      // A referenceHigh below 0 (or any) may also sit below referenceLow, which is reported on referenceLow.
      alsoBlames(floatField("referenceHigh", range, false), "referenceLow"),
      fc.record({ a: fc.double({ min: 0, max: 0.9, noNaN: true }), b: fc.double({ min: 0.01, max: 1, noNaN: true }) }).map(({ a, b }) =>
        brk(
          "check",
          "referenceLow",
          "above referenceHigh",
          (input) => {
            const { max } = range(input);
            const high = a * max;
            input.referenceHigh = high;
            input.referenceLow = Math.max(high + b * (max - high), nextAfter(high, 1));
          },
          { touches: ["referenceLow", "referenceHigh"] },
        ),
      ),
      boolField("belowDetectionLimit"),
      unknownField(["visitId", "testCode", "value", "referenceLow", "referenceHigh", "belowDetectionLimit"]),
    ];
  },
  prepare: withFreshVisit,
};

const recordAdverseEvent: Spec = {
  mutation: "recordAdverseEvent",
  returns: "AdverseEvent",
  query: mutationQuery("recordAdverseEvent", "RecordAdverseEventInput", "id grade"),
  invalidRuns: 60,
  validRuns: 25,
  valid: (fx) =>
    fc
      .record({
        subject: fc.constantFrom(...fx.subjects),
        atVisit: opt(fc.constant(true)),
        term: text(200),
        meddra: opt(fc.record({ code: text(20), version: text(10) })),
        grade: fc.integer({ min: 1, max: 5 }),
        ctcaeVersion: maybe(text(10)),
        serious: maybe(fc.boolean()),
        relatedness: fc.constantFrom(...RELATEDNESS),
        onsetDate: dateBetween("2024-01-22", "2025-06-30"),
        resolvedAfter: opt(fc.integer({ min: 0, max: 365 })),
        outcome: fc.constantFrom(...OUTCOME.filter((o) => o !== "FATAL")),
        actionTaken: maybe(fc.constantFrom(...ACTION)),
      })
      .map((r) => {
        // Conservative: FATAL only with grade 5, a resolution date only for a resolved (or fatal) event.
        const outcome = r.grade === 5 ? "FATAL" : r.outcome;
        const resolved = ["RECOVERED", "RECOVERED_WITH_SEQUELAE", "FATAL"].includes(outcome);
        return strip({
          patientId: r.subject.patientId,
          visitId: r.atVisit ? r.subject.visitId : r.atVisit,
          term: r.term,
          meddraCode: r.meddra ? r.meddra.code : r.meddra,
          meddraVersion: r.meddra ? r.meddra.version : undefined,
          grade: r.grade,
          ctcaeVersion: r.ctcaeVersion,
          serious: r.serious,
          relatedness: r.relatedness,
          onsetDate: r.onsetDate,
          resolutionDate: resolved && typeof r.resolvedAfter === "number" ? addDays(r.onsetDate, r.resolvedAfter) : resolved ? r.resolvedAfter : undefined,
          outcome,
          actionTaken: r.actionTaken,
        });
      }),
  breaks: (fx) => [
    idField("patientId", "Patient", fx, true),
    idField("visitId", "Visit", fx, false),
    fc.constantFrom(...fx.demoVisits).map((v) => brk("reference", "visitId", `${describeId(v.id)} (a visit of another patient)`, setTo("visitId", v.id))),
    textField("term", 200, true),
    // A MedDRA code that is given, even an invalid one, also needs a version.
    alsoBlames(textField("meddraCode", 20, false), "meddraVersion"),
    textField("meddraVersion", 10, false),
    fc.constantFrom(undefined, null, "").map((version) =>
      brk(
        "check",
        "meddraVersion",
        `${show(version)} with a MedDRA code`,
        (input) => {
          input.meddraCode = "10019211";
          if (version === undefined) delete input.meddraVersion;
          else input.meddraVersion = version;
        },
        { touches: ["meddraCode", "meddraVersion"] },
      ),
    ),
    intField("grade", 1, 5, true),
    textField("ctcaeVersion", 10, false),
    boolField("serious"),
    enumField("relatedness", RELATEDNESS, true),
    dateField("onsetDate", true),
    dateField("resolutionDate", false),
    fc.record({ onset: dateBetween("2024-01-22", "2025-06-30"), days: fc.integer({ min: 1, max: 1000 }) }).map(({ onset, days }) =>
      brk(
        "check",
        "resolutionDate",
        `${days} days before onsetDate ${onset}`,
        (input) => {
          input.onsetDate = onset;
          input.resolutionDate = addDays(onset, -days);
        },
        { touches: ["onsetDate", "resolutionDate"] },
      ),
    ),
    enumField("outcome", OUTCOME, true),
    fc.constantFrom(...OUTCOME.filter((o) => o !== "FATAL")).map((outcome) =>
      brk(
        "check",
        "outcome",
        `${outcome} for a grade 5 (fatal) event`,
        (input) => {
          input.grade = 5;
          input.outcome = outcome;
        },
        { touches: ["grade", "outcome"] },
      ),
    ),
    enumField("actionTaken", ACTION, false, false),
    unknownField(["patientId", "visitId", "term", "meddraCode", "meddraVersion", "grade", "ctcaeVersion", "serious", "relatedness", "onsetDate", "resolutionDate", "outcome", "actionTaken"]),
  ],
};

const SPECS: Spec[] = [createPatient, changePatientStatus, recordVisit, recordDose, recordConcomitantMedication, recordImmuneMeasurement, recordLabResult, recordAdverseEvent];

// ---------------------------------------------------------------------------------------------
// recordAssessment: every input of every instrument of every plugin, from the catalogue
// ---------------------------------------------------------------------------------------------

const ASSESSMENT_QUERY = mutationQuery("recordAssessment", "RecordAssessmentInput", "id instrumentCode score inputs");

/** A value the declaration accepts. */
function validValue(d: CatalogueInput): Arbitrary<unknown> {
  if (d.options && d.options.length > 0) return fc.constantFrom(...d.options.map((o) => o.value));
  switch (d.type) {
    case "BOOLEAN":
      return fc.boolean();
    case "INTEGER": {
      const lo = d.min === null ? -1000 : d.minExclusive ? Math.floor(d.min) + 1 : Math.ceil(d.min);
      const hi = d.max === null ? 1000 : d.maxExclusive ? Math.ceil(d.max) - 1 : Math.floor(d.max);
      return fc.integer({ min: lo, max: hi });
    }
    case "NUMBER":
      return fc.double({ min: d.min ?? -1e6, max: d.max ?? 1e6, minExcluded: d.minExclusive, maxExcluded: d.maxExclusive, noNaN: true, noDefaultInfinity: true });
    default:
      throw new Error(`input ${d.name}: type ${d.type} without options`);
  }
}

/** Valid raw inputs: every required input, and the optional ones of one of the plugin's example shapes. */
function validInputs(instrument: CatalogueInstrument): Arbitrary<Input> {
  return fc.constantFrom(...instrument.shapes).chain((shape) =>
    fc.record(Object.fromEntries(instrument.inputs.filter((d) => d.required || shape.includes(d.name)).map((d) => [d.name, validValue(d)]))),
  );
}

/** Subjects whose cohort may use the instrument (a general instrument: all of them). */
const usableBy = (fx: Fixtures, instrument: CatalogueInstrument) => fx.subjects.filter((s) => !instrument.diseaseId || fx.cohorts[s.cohort].diseaseId === instrument.diseaseId);

function validAssessment(fx: Fixtures, instrument: CatalogueInstrument): Arbitrary<Input> {
  return fc.record({ visitId: fc.constantFrom(...usableBy(fx, instrument).map((s) => s.visitId)), instrument: fc.constant(instrument.code), inputs: validInputs(instrument) });
}

const setInput = (name: string, value: unknown) => (input: Input) => {
  // defineProperty: an own property even for names such as __proto__, as JSON.parse would make it.
  Object.defineProperty(input.inputs as Input, name, { value, enumerable: true, writable: true, configurable: true });
};

/** Every way the catalogue says this input can be wrong. */
function inputBreak(d: CatalogueInput): Arbitrary<Break> {
  const field = `inputs.${d.name}`;
  const bad = (what: string) => (value: unknown) => brk("check", field, `${show(value)} (${what}; allowed: ${d.allowed})`, setInput(d.name, value));
  const variants: Arbitrary<Break>[] = [];
  if (d.type === "INTEGER" || d.type === "NUMBER") {
    if (d.min !== null) {
      const min = d.min;
      variants.push(fc.oneof(distance.map((x) => below(min, x)), ...(d.minExclusive ? [fc.constant(min)] : []), fc.integer({ min: -1e6, max: Math.ceil(min) - 1 })).map(bad("below the minimum")));
    }
    if (d.max !== null) {
      const max = d.max;
      variants.push(fc.oneof(distance.map((x) => above(max, x)), ...(d.maxExclusive ? [fc.constant(max)] : []), fc.integer({ min: Math.floor(max) + 1, max: 1e9 })).map(bad("above the maximum")));
    }
    if (d.type === "INTEGER") variants.push(finite(d.min ?? -1e6, d.max ?? 1e6).filter((x) => !Number.isInteger(x)).map(bad("not an integer")));
    if (d.options && d.options.length > 0 && d.min !== null && d.max !== null && d.max - d.min < 1000) {
      const offList: number[] = [];
      for (let v = Math.ceil(d.min); v <= d.max; v++) if (!d.options.some((o) => o.value === v)) offList.push(v);
      if (offList.length > 0) variants.push(fc.constantFrom(...offList).map(bad("not one of the options")));
    }
    variants.push(nonFinite.map(bad("not finite")));
    variants.push(fc.oneof(validValue(d).map((v) => String(v)), fc.boolean(), validValue(d).map((v) => [v]), fc.constant({}), fc.string()).map(bad("not a number")));
  } else if (d.type === "BOOLEAN") {
    variants.push(fc.oneof(fc.constantFrom("true", "false", "", 0, 1, "yes", Number.NaN), fc.constant([true]), fc.constant({})).map(bad("not a boolean")));
  } else {
    const values = (d.options ?? []).map((o) => o.value);
    const wrong = fc
      .oneof(fc.constantFrom(...values.map((v) => String(v).toLowerCase()), ...values.map((v) => ` ${String(v)}`), ""), fc.string(), fc.integer(), fc.boolean())
      .filter((v) => !values.includes(v as string | number));
    variants.push(wrong.map(bad("not one of the options")));
  }
  if (d.required) {
    variants.push(fc.constant(brk("check", field, "omitted (required)", (input) => void delete (input.inputs as Input)[d.name])));
    variants.push(fc.constant(brk("check", field, "null (required)", setInput(d.name, null))));
  }
  return fc.oneof(...variants);
}

function assessmentBreaks(fx: Fixtures, instrument: CatalogueInstrument): Arbitrary<Break>[] {
  const declared = instrument.inputs.map((d) => d.name);
  const allCodes = fx.instruments.map((i) => i.code);
  const otherDisease = fx.instruments.filter((i) => i.diseaseId && i.diseaseId !== instrument.diseaseId);
  const cannotUse = fx.subjects.filter((s) => instrument.diseaseId && fx.cohorts[s.cohort].diseaseId !== instrument.diseaseId);
  const demoInstrument = fx.instruments.find((i) => i.code === fx.demoAssessment.instrument)!;
  const unknownName = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom("constructor", "toString", "hasOwnProperty", "__proto__", "valueOf", ...declared.map((n) => n.toUpperCase()), ...declared.map((n) => `${n} `)),
    )
    .filter((n) => !declared.includes(n));
  return [
    fc.oneof(
      idField("visitId", "Visit", fx, true),
      ...(cannotUse.length > 0
        ? [fc.constantFrom(...cannotUse).map((s) => brk("reference", "visitId", `a visit of the ${fx.cohorts[s.cohort].diseaseId} cohort`, setTo("visitId", s.visitId), { blames: ["instrument"] }))]
        : []),
    ),
    fc.oneof(
      fc
        .oneof(fc.string(), fc.constantFrom(instrument.code.toLowerCase(), ` ${instrument.code}`, `${instrument.code} `, instrument.code.replace(/_/g, "-"), ""))
        .filter((c) => !allCodes.includes(c))
        .map((c) => brk("reference", "instrument", `${show(c)} (not a known instrument)`, setTo("instrument", c))),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map(coerced("instrument", "not a string")),
      ...(otherDisease.length > 0
        ? [
            fc.record({ other: fc.constantFrom(...otherDisease), subject: fc.constantFrom(...fx.subjects) }).filter(({ other, subject }) => fx.cohorts[subject.cohort].diseaseId !== other.diseaseId).map(({ other, subject }) =>
              brk("reference", "instrument", `${other.code} of ${other.diseaseId} at a visit of the ${fx.cohorts[subject.cohort].diseaseId} cohort`, (input) => {
                input.instrument = other.code;
                input.visitId = subject.visitId;
              }, { touches: ["instrument", "visitId"] }),
            ),
          ]
        : []),
      validInputs(demoInstrument).map((inputs) =>
        brk("reference", "instrument", `${demoInstrument.code} already recorded at ${describeId(fx.demoAssessment.visitId)}`, (input) => {
          input.visitId = fx.demoAssessment.visitId;
          input.instrument = demoInstrument.code;
          input.inputs = inputs;
        }, { touches: ["visitId", "instrument", "inputs"] }),
      ),
    ),
    fc.oneof(fc.constantFrom([], "x", 5, true, null, [{}]), fc.constant(undefined)).map((v) =>
      brk("coercion", "inputs", `${show(v)} (not an object)`, (input) => {
        if (v === undefined) delete input.inputs;
        else input.inputs = v;
      }),
    ),
    ...instrument.inputs.map(inputBreak),
    fc.record({ name: unknownName, value: fc.oneof(fc.integer(), fc.boolean(), fc.string()) }).map(({ name, value }) =>
      brk("check", `inputs.${name}`, `${show(value)} under an undeclared name`, setInput(name, value)),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

const conflicts = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** A valid input with one to three compatible breaks applied. */
function invalidCase(valid: Arbitrary<Input>, breaks: Arbitrary<Break>[]): Arbitrary<Case> {
  return fc.record({ valid, chosen: fc.array(fc.oneof(...breaks), { minLength: 1, maxLength: 3 }) }).map(({ valid: base, chosen }) => {
    const input = structuredClone(base);
    const applied: Break[] = [];
    for (const b of chosen) if (!applied.some((a) => a.touches.some((f) => b.touches.some((g) => conflicts(f, g))))) applied.push(b);
    for (const b of [...applied].sort((x, y) => x.phase - y.phase)) b.apply(input);
    return { input, breaks: applied.map(({ kind, label, blames }) => ({ kind, label, blames })) };
  });
}

/** The field a GraphQL variable-coercion error is about. */
function coercionField(message: string): string | undefined {
  const paths = [...message.matchAll(/ at "input\.([\w.]+)"; /g)];
  if (paths.length > 0) return paths[paths.length - 1][1];
  return /; Field "([^"]+)" (?:of required type|is not defined by type)/.exec(message)?.[1];
}

interface Problem {
  field: string;
  message: string;
  allowed?: string;
}

function expectRejected(mutation: string, c: Case, result: GraphQLResult, extra?: (problems: Problem[]) => void): void {
  const where = `${mutation} [${c.breaks.map((b) => b.label).join(" | ")}]`;
  const errors = result.errors ?? [];
  expect(errors.length, `${where} was accepted: ${JSON.stringify(result.data)}`).toBeGreaterThan(0);
  expect(result.data?.[mutation] ?? null, `${where} returned data`).toBeNull();
  for (const e of errors) expect(e.extensions?.code, `${where}: ${e.message}`).toBe("BAD_USER_INPUT");

  const coercion = c.breaks.filter((b) => b.kind === "coercion");
  if (coercion.length > 0) {
    // GraphQL refuses the variable before any resolver: one error per bad field, every one of them.
    const named = errors.map((e) => coercionField(e.message));
    for (const [i, field] of named.entries()) expect(field, `${where}: a coercion error names no field: ${errors[i].message}`).toBeDefined();
    const expected = [...new Set(coercion.flatMap((b) => b.blames))].sort();
    expect([...new Set(named)].sort(), `${where}: ${errors.map((e) => e.message).join(" || ")}`).toEqual(expected);
    return;
  }

  expect(errors, `${where}: one error expected`).toHaveLength(1);
  const [error] = errors;
  const problems: Problem[] = error.extensions?.problems ?? [];
  expect(problems.length, `${where}: no extensions.problems in ${JSON.stringify(error)}`).toBeGreaterThan(0);
  expect(error.extensions?.field, `${where}: extensions.field`).toBe(problems[0].field);
  const blamed = new Set(c.breaks.flatMap((b) => b.blames));
  for (const p of problems) {
    expect(blamed.has(p.field), `${where}: blames ${p.field}, which was not broken: ${p.message}`).toBe(true);
    expect(p.message.startsWith(p.field), `${where}: the message does not name its field: ${p.message}`).toBe(true);
    expect(error.message, `${where}: the error message leaves out a problem`).toContain(p.message);
  }
  if (c.breaks.every((b) => b.kind === "check")) {
    // Checks collect every problem before throwing: each break must be reported.
    for (const b of c.breaks) expect(problems.some((p) => b.blames.includes(p.field)), `${where}: "${b.label}" not reported in: ${error.message}`).toBe(true);
  }
  extra?.(problems);
}

/** Tells whether the database changed: cheap (total_changes) when nothing was written, exact otherwise. */
class DatabaseGuard {
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
    this.snapshot = this.initial = await snapshotDatabase(this.t.dataSource);
  }

  /** Undefined when unchanged since the last call, else what changed. */
  async changed(): Promise<string | undefined> {
    const changes = await this.totalChanges();
    if (changes === this.changes) return undefined;
    this.changes = changes;
    const before = this.snapshot;
    this.snapshot = await snapshotDatabase(this.t.dataSource);
    return this.snapshot === before ? undefined : describeDifference(before, this.snapshot);
  }

  /** Continues from the current state (after fixtures were renewed). */
  async rebase(): Promise<void> {
    this.changes = await this.totalChanges();
    this.snapshot = await snapshotDatabase(this.t.dataSource);
  }

  /** The literal check: a full snapshot before the first run equals one after the last. */
  async end(): Promise<void> {
    const after = await snapshotDatabase(this.t.dataSource);
    expect(after === this.initial, `the database changed: ${after === this.initial ? "" : describeDifference(this.initial, after)}`).toBe(true);
  }
}

function describeDifference(before: string, after: string): string {
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
class Pristine {
  private readonly replaced = new Map<string, string>();

  constructor(
    private readonly t: TestApp,
    private readonly fx: Fixtures,
  ) {}

  input(input: Input): Input {
    const out: Input = { ...input };
    for (const [key, value] of Object.entries(out)) if (typeof value === "string" && this.replaced.has(value)) out[key] = this.replaced.get(value);
    if (typeof out.subjectCode === "string" && out.subjectCode.startsWith("PBT-")) out.subjectCode = `PBT${++uniqueCounter}-${out.subjectCode.slice(4)}`;
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

async function checkRejected(
  t: TestApp,
  guard: DatabaseGuard,
  pristine: Pristine,
  mutation: string,
  query: string,
  cases: Arbitrary<Case>,
  numRuns: number,
  extra?: (problems: Problem[]) => void,
  examples: Case[] = [],
) {
  await fc.assert(
    fc.asyncProperty(cases, async (c) => {
      const result = await t.execute(query, { input: pristine.input(c.input) });
      const change = await guard.changed();
      if (change) {
        await pristine.renew();
        await guard.rebase();
      }
      expectRejected(mutation, c, result, extra);
      expect(change, `a rejected ${mutation} changed the database:\n${change}`).toBeUndefined();
    }),
    { ...options(numRuns), examples: examples.map((c): [Case] => [c]) },
  );
}

describe("invalid inputs: BAD_USER_INPUT naming the broken field, and nothing written", () => {
  let t: TestApp;
  let fx: Fixtures;
  let guard: DatabaseGuard;
  let pristine: Pristine;

  beforeAll(async () => {
    t = await createTestApp("sqlite", { demo: true });
    fx = await loadFixtures(t);
    guard = new DatabaseGuard(t);
    pristine = new Pristine(t, fx);
  });
  afterAll(() => t?.close());

  it("the database guard notices a write (so 'nothing written' can fail)", async () => {
    await guard.begin();
    expect(await guard.changed(), "no write yet").toBeUndefined();
    await t.data(mutationQuery("recordConcomitantMedication", "RecordConcomitantMedicationInput"), { input: { patientId: fx.demoPatients[0].id, drug: "guard self-test" } });
    expect(await guard.changed(), "a successful write went unnoticed").toMatch(/ConcomitantMedication: \+1 -0/);
    await guard.rebase();
  });

  for (const spec of SPECS) {
    it(
      spec.mutation,
      async () => {
        await guard.begin();
        await checkRejected(t, guard, pristine, spec.mutation, spec.query, invalidCase(spec.valid(fx), spec.breaks(fx)), spec.invalidRuns);
        await guard.end();
      },
      TIMEOUT,
    );
  }

  it(
    "recordAssessment: every input of every instrument of every plugin, as the catalogue declares it",
    async () => {
      expect(new Set(fx.instruments.map((i) => i.diseaseId ?? "general"))).toEqual(new Set([...fx.cohorts.map((c) => c.diseaseId), "general"]));
      await guard.begin();
      for (const instrument of fx.instruments) {
        const declared = new Map(instrument.inputs.map((d) => [`inputs.${d.name}`, d]));
        // A problem on a declared input says what the catalogue says it accepts.
        const allowedAsCatalogued = (problems: Problem[]) => {
          for (const p of problems.filter((q) => declared.has(q.field))) {
            const allowed = declared.get(p.field)!.allowed;
            expect(p.allowed, `${instrument.code} ${p.field}: allowed`).toBe(allowed);
            expect(p.message, `${instrument.code} ${p.field}: the message names what is allowed`).toContain(allowed);
          }
        };
        const valid = validAssessment(fx, instrument);
        // Besides the random runs: every declared input broken alone at least once (how, varies with the seed).
        const everyInput = instrument.inputs.map((d, i) => fc.sample(invalidCase(valid, [inputBreak(d)]), { seed: SEED + i, numRuns: 1 })[0]);
        const cases = invalidCase(valid, assessmentBreaks(fx, instrument));
        await checkRejected(t, guard, pristine, "recordAssessment", ASSESSMENT_QUERY, cases, Math.max(12, instrument.inputs.length * 2), allowedAsCatalogued, everyInput);
      }
      await guard.end();
    },
    TIMEOUT,
  );
});

describe("valid inputs from the same generators succeed (on a throwaway demo database)", () => {
  let v: TestApp;
  let fx: Fixtures;

  beforeAll(async () => {
    v = await createTestApp("sqlite", { demo: true });
    fx = await loadFixtures(v);
  });
  afterAll(() => v?.close());

  const totalChanges = async () => Number((await v.dataSource.query("SELECT total_changes() AS n"))[0].n);

  async function expectAccepted(mutation: string, returns: string, query: string, input: Input, mayWriteNothing = false) {
    const before = await totalChanges();
    const result = await v.execute(query, { input });
    expect(result.errors, `${mutation} refused a valid input ${JSON.stringify(input)}: ${JSON.stringify(result.errors)}`).toBeUndefined();
    const record = result.data?.[mutation];
    expect(decodeGid(record?.id ?? "")?.type, `${mutation} returned ${JSON.stringify(record)}`).toBe(returns);
    // The invalid properties rely on total_changes() to notice writes: it must see this one.
    if (!mayWriteNothing) expect(await totalChanges(), `${mutation}: total_changes() did not move on a write`).toBeGreaterThan(before);
    return record;
  }

  for (const spec of SPECS) {
    it(
      spec.mutation,
      async () => {
        await fc.assert(
          fc.asyncProperty(spec.valid(fx), async (generated) => {
            const input = spec.prepare ? await spec.prepare(v, fx, generated) : generated;
            await expectAccepted(spec.mutation, spec.returns, spec.query, input, spec.mayWriteNothing);
          }),
          options(spec.validRuns),
        );
      },
      TIMEOUT,
    );
  }

  it(
    "recordAssessment: every instrument of every plugin, inputs stored as sent",
    async () => {
      for (const instrument of fx.instruments) {
        await fc.assert(
          fc.asyncProperty(validAssessment(fx, instrument), async (generated) => {
            const input = await withFreshVisit(v, fx, generated);
            const record = await expectAccepted("recordAssessment", "ClinicalAssessment", ASSESSMENT_QUERY, input);
            expect(record.instrumentCode).toBe(instrument.code);
            expect(record.inputs).toEqual(JSON.parse(JSON.stringify(input.inputs)));
          }),
          options(6),
        );
      }
    },
    TIMEOUT,
  );

  it(
    "recordAssessment: an optional instrument input given as null is the same as omitted",
    async () => {
      const outcome = (result: GraphQLResult) =>
        result.errors
          ? { accepted: false, codes: result.errors.map((e) => e.extensions?.code), fields: (result.errors[0].extensions?.problems ?? []).map((p: Problem) => p.field).sort() }
          : { accepted: true, score: result.data?.recordAssessment?.score };
      const withOptional = fx.instruments.filter((i) => i.inputs.some((d) => !d.required));
      expect(withOptional.length, "no instrument declares an optional input").toBeGreaterThan(0);
      for (const instrument of withOptional) {
        const required = instrument.inputs.filter((d) => d.required);
        const optional = instrument.inputs.filter((d) => !d.required);
        // Any subset of the optional inputs (also ones the plugin's cross-field rules refuse).
        const cases = fc.record({
          visit: fc.constantFrom(...usableBy(fx, instrument)),
          given: fc.record(Object.fromEntries(required.map((d) => [d.name, validValue(d)]))),
          chosen: fc.subarray(optional).chain((ds) => fc.record(Object.fromEntries(ds.map((d) => [d.name, validValue(d)])))),
        });
        await fc.assert(
          fc.asyncProperty(cases, async ({ visit, given, chosen }) => {
            const omitted = { ...given, ...chosen };
            const nulled = { ...omitted, ...Object.fromEntries(optional.filter((d) => !(d.name in chosen)).map((d) => [d.name, null])) };
            const run = async (inputs: Input) => outcome(await v.execute(ASSESSMENT_QUERY, { input: { visitId: await freshVisit(v, visit.patientId), instrument: instrument.code, inputs } }));
            const [a, b] = [await run(omitted), await run(nulled)];
            expect(b, `${instrument.code}: ${JSON.stringify(nulled)} vs the same with the nulls omitted`).toEqual(a);
          }),
          options(30),
        );
      }
    },
    TIMEOUT,
  );
});
