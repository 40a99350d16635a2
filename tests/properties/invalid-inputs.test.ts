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
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app";
import type { GraphQLResult, TestApp } from "../support/test-app";
import type { Input } from "./support/breaks";
import { decodeGid, invalidCase, options, SEED, TIMEOUT } from "./support/breaks";
import type { Fixtures } from "./support/entry-specs";
import { ASSESSMENT_QUERY, assessmentBreaks, freshVisit, inputBreak, loadFixtures, mutationQuery, SPECS, usableBy, validAssessment, validValue, withFreshVisit } from "./support/entry-specs";
import type { Problem } from "./support/rejection";
import { checkRejected, DatabaseGuard, Pristine } from "./support/rejection";

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
        await checkRejected(t, guard, pristine, { mutation: spec.mutation, query: spec.query, cases: invalidCase(spec.valid(fx), spec.breaks(fx)), numRuns: spec.invalidRuns });
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
        await checkRejected(t, guard, pristine, {
          mutation: "recordAssessment",
          query: ASSESSMENT_QUERY,
          cases,
          numRuns: Math.max(12, instrument.inputs.length * 2),
          extra: allowedAsCatalogued,
          examples: everyInput,
        });
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
        // Half the runs take the optional inputs of one of the plugin's valid shapes (so that some inputs
        // are accepted), the others any subset (also ones the plugin's cross-field rules refuse).
        const subset = fc.oneof(fc.constantFrom(...instrument.shapes).map((shape) => optional.filter((d) => shape.includes(d.name))), fc.subarray(optional));
        const cases = fc.record({
          visit: fc.constantFrom(...usableBy(fx, instrument)),
          given: fc.record(Object.fromEntries(required.map((d) => [d.name, validValue(d)]))),
          chosen: subset.chain((ds) => fc.record(Object.fromEntries(ds.map((d) => [d.name, validValue(d)])))),
        });
        let accepted = 0;
        await fc.assert(
          fc.asyncProperty(cases, async ({ visit, given, chosen }) => {
            const omitted = { ...given, ...chosen };
            const nulled = { ...omitted, ...Object.fromEntries(optional.filter((d) => !(d.name in chosen)).map((d) => [d.name, null])) };
            const run = async (inputs: Input) => outcome(await v.execute(ASSESSMENT_QUERY, { input: { visitId: await freshVisit(v, visit.patientId), instrument: instrument.code, inputs } }));
            const [a, b] = [await run(omitted), await run(nulled)];
            expect(b, `${instrument.code}: ${JSON.stringify(nulled)} vs the same with the nulls omitted`).toEqual(a);
            if (a.accepted) accepted++;
          }),
          options(30),
        );
        // Not only refusals compared: nulls must also leave an accepted input accepted, with the same score.
        expect(accepted, `${instrument.code}: no run was accepted`).toBeGreaterThan(0);
      }
    },
    TIMEOUT,
  );
});
