/**
 * Building blocks of the invalid-input properties: valid values, and "breaks" that each spoil one
 * field of a valid input (or a pair, for cross-field rules) and say how the service must refuse it.
 */
import { Buffer } from "node:buffer";
import fc from "fast-check";
import type { Arbitrary } from "fast-check";

export const SEED = Number(process.env.FC_SEED ?? 20250611);
export const SCALE = Number(process.env.FC_RUNS_SCALE ?? 1);
export const options = (numRuns: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)) });
export const TIMEOUT = 120_000;

export type Input = Record<string, unknown>;
/**
 * How a break must be refused:
 * - coercion: GraphQL rejects the variable before any resolver runs (every such break reported);
 * - reference: the service stops at the first unusable id, code or reason (one problem, on that field);
 * - check: collected by the service's Checks (every one reported when all breaks are checks);
 * - refusal: another stable code, e.g. CONFLICT for a stale version or LOCKED, possibly audited.
 */
export type Kind = "coercion" | "reference" | "check" | "refusal";

/** What a "refusal" break must get: its error code and, if the attempt itself is audited, the audit action. */
export interface Refusal {
  code: string;
  audited?: string;
}

/** One way of spoiling an input: applied to a copy of a valid input. */
export interface Break {
  kind: Kind;
  label: string;
  /** Fields it writes; two breaks touching the same field (or a field and its sub-field) are not combined. */
  touches: string[];
  /** Fields the error may (and, for coercion/check, must) name. */
  blames: string[];
  /** Breaks that change which record or catalogue entry the input is about run first. */
  phase: number;
  /**
   * When the service looks at it (lower first): of several breaks, only those of the lowest stage
   * decide the outcome, e.g. a bad id is reported before a stale version is noticed. Default 0.
   */
  stage?: number;
  refusal?: Refusal;
  apply(input: Input): void;
}

/** What a property receives: the broken input and what was broken (printed in counterexamples). */
export interface Case {
  input: Input;
  breaks: Array<Pick<Break, "kind" | "label" | "blames" | "stage" | "refusal">>;
}

// ---------------------------------------------------------------------------------------------
// Ids, dates, numbers
// ---------------------------------------------------------------------------------------------

export const gid = (type: string, key: number | string) => Buffer.from(`${type}:${key}`).toString("base64url");

/** What the service would decode the id to (the same lenient rule as src/graphql/global-id.ts). */
export function decodeGid(id: string): { type: string; key: number } | undefined {
  const match = /^([A-Za-z]+):([1-9][0-9]*)$/.exec(Buffer.from(id, "base64url").toString("utf8"));
  return match ? { type: match[1], key: Number(match[2]) } : undefined;
}

export const describeId = (id: string) => {
  const decoded = decodeGid(id);
  return decoded ? `${decoded.type}:${decoded.key}` : JSON.stringify(id);
};

export const DAY = 86_400_000;
export const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => toDate(Date.parse(`${date}T00:00:00Z`) + days * DAY);
export const dateBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(`${from}T00:00:00Z`) / DAY, max: Date.parse(`${to}T00:00:00Z`) / DAY }).map((d) => toDate(d * DAY));
export const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);
export const THIS_YEAR = new Date().getUTCFullYear();

export const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const ymd = ({ y, m, d }: { y: number; m: number; d: number }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Strings that are not calendar dates YYYY-MM-DD (LocalDate refuses them during coercion). */
export const impossibleDate: Arbitrary<string> = fc
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

export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;
export const nonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
export const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
export const nonInteger = finite(-1e9, 1e9).filter((x) => !Number.isInteger(x));
export const beyondInt32 = fc.oneof(
  finite(2 ** 31, 2 ** 53).map(Math.floor),
  finite(-(2 ** 53), -(2 ** 31) - 1).map(Math.ceil),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e308, -1e308, Number.MAX_VALUE),
);
/** Values of the wrong JSON type for a number field. */
export const notANumber = fc.oneof(fc.constantFrom("1", "0", "", "1e3", "NaN"), fc.string(), fc.boolean(), fc.constant([1]), fc.constant({}));

/** The next double after `x` in direction `dir`. */
export function nextAfter(x: number, dir: 1 | -1): number {
  if (x === 0) return dir * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + ((x > 0) === (dir > 0) ? 1n : -1n));
  return view.getFloat64(0);
}
/** A distance from a bound: 0 means "the next double", else a positive amount. */
export const distance = fc.oneof(fc.constant(0), finite(1e-9, 1e300).filter((d) => d > 0), fc.constantFrom(1, 0.5, 1e-6, 1e6));
export const below = (min: number, d: number) => (d === 0 || min - d >= min ? nextAfter(min, -1) : min - d);
export const above = (max: number, d: number) => (d === 0 || max + d <= max ? nextAfter(max, 1) : max + d);

export function show(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return value.length > 40 ? `${JSON.stringify(value.slice(0, 16))}…(${value.length} chars)` : JSON.stringify(value);
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? String(value);
}

/** Non-blank text of at most `max` UTF-16 units (what Checks.text accepts). */
export function text(max: number): Arbitrary<string> {
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
export function opt<T>(arb: Arbitrary<T>): Arbitrary<T | null | undefined> {
  return fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: arb });
}
export const maybe = <T>(arb: Arbitrary<T>) => fc.option(arb, { nil: undefined });

export function strip(input: Input): Input {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

// ---------------------------------------------------------------------------------------------
// Breaks of GraphQL input fields
// ---------------------------------------------------------------------------------------------

export function brk(kind: Kind, field: string, what: string, apply: (input: Input) => void, more: Partial<Pick<Break, "touches" | "blames" | "phase">> = {}): Break {
  return { kind, label: `${field}: ${what}`, touches: more.touches ?? [field], blames: more.blames ?? [field], phase: more.phase ?? 1, apply };
}
export const setTo = (field: string, value: unknown) => (input: Input) => {
  input[field] = value;
};
export const coerced = (field: string, what: string) => (value: unknown) => brk("coercion", field, `${show(value)} (${what})`, setTo(field, value));

/** A required field omitted or null: refused during coercion. */
export function missing(field: string): Arbitrary<Break>[] {
  return [
    fc.constant(
      brk("coercion", field, "omitted", (input) => {
        delete input[field];
      }),
    ),
    fc.constant(brk("coercion", field, "null", setTo(field, null))),
  ];
}

export function intField(field: string, min: number, max: number, required: boolean): Arbitrary<Break> {
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
export function floatField(field: string, range: (input: Input) => { min: number; max: number }, required: boolean): Arbitrary<Break> {
  return fc.oneof(
    distance.map((d) => brk("check", field, `below its minimum by ${d || "one ulp"}`, (input) => void (input[field] = below(range(input).min, d)))),
    distance.map((d) => brk("check", field, `above its maximum by ${d || "one ulp"}`, (input) => void (input[field] = above(range(input).max, d)))),
    fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE).map((v) => brk("check", field, `${v} (huge)`, setTo(field, v))),
    nonFinite.map(coerced(field, "not finite")),
    notANumber.map(coerced(field, "not a number")),
    ...(required ? missing(field) : []),
  );
}

export function textField(field: string, max: number, required: boolean): Arbitrary<Break> {
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
export function enumField(field: string, values: readonly string[], required: boolean, nullable = !required): Arbitrary<Break> {
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
export function boolField(field: string): Arbitrary<Break> {
  return fc.oneof(fc.constantFrom("true", "false", "", 0, 1, "yes", null), fc.constant([true])).map(coerced(field, "not a boolean"));
}

export function dateField(field: string, required: boolean): Arbitrary<Break> {
  return fc.oneof(
    impossibleDate.map(coerced(field, "not a calendar date")),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant({})).map(coerced(field, "not a string")),
    ...(required ? missing(field) : []),
  );
}

/** Strings that do not decode to an id of `type` (garbage, near-misses of the encoding). */
export function garbageId(type: string): Arbitrary<string> {
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

export function idField(field: string, type: string, fx: IdSource, required: boolean): Arbitrary<Break> {
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
export function alsoBlames(arb: Arbitrary<Break>, other: string): Arbitrary<Break> {
  return arb.map((b) => (b.kind === "check" ? { ...b, blames: [...b.blames, other] } : b));
}

/** A field the input type does not declare. */
export function unknownField(declared: readonly string[]): Arbitrary<Break> {
  return fc
    .constantFrom("foo", "Foo", "patient_id", "PatientId", "VisitId", "__typename", "id", "notes", "reason_for_change")
    .filter((name) => !declared.includes(name))
    .map((name) => brk("coercion", name, "not a field of the input type", setTo(name, "x")));
}

export const conflicts = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** Ids of the test database, to send where another type's id is expected. */
export interface IdSource {
  idsNotOfType(type: string): string[];
}

/** A valid input with one to three compatible breaks applied. */
export function invalidCase(valid: Arbitrary<Input>, breaks: Arbitrary<Break>[]): Arbitrary<Case> {
  return fc.record({ valid, chosen: fc.array(fc.oneof(...breaks), { minLength: 1, maxLength: 3 }) }).map(({ valid: base, chosen }) => {
    const input = structuredClone(base);
    const applied: Break[] = [];
    for (const b of chosen) if (!applied.some((a) => a.touches.some((f) => b.touches.some((g) => conflicts(f, g))))) applied.push(b);
    for (const b of [...applied].sort((x, y) => x.phase - y.phase)) b.apply(input);
    return { input, breaks: applied.map(({ kind, label, blames, stage, refusal }) => ({ kind, label, blames, stage, refusal })) };
  });
}

