import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { generalInstruments } from "../../src/general-instruments";
import { roundTo } from "../../src/plugin-api";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";

const COMPUTE = `query Compute($instrument: String!, $inputs: JSONObject!) {
  computeScore(instrument: $instrument, inputs: $inputs) { value display category { code } components { name value } calculatorVersion instrument { code decimals } }
}`;

const EVALUATE = `query Evaluate($criterion: String!, $instrument: String!, $baseline: TimePointInput!, $followUp: TimePointInput!, $parameters: JSONObject) {
  evaluateResponse(criterion: $criterion, instrument: $instrument, baseline: $baseline, followUp: $followUp, parameters: $parameters) {
    status category { code } change percentChange baselineScore followUpScore reason
  }
}`;

const instruments = [...generalInstruments, ...plugins.flatMap((p) => p.instruments)];
const criteria = plugins.flatMap((p) => p.responseCriteria);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp("sqlite");
});
afterAll(() => t.close());

describe("catalogue", () => {
  it("lists every disease with its instruments, declared inputs, bands and criteria", async () => {
    const { diseases } = await t.data(`{ diseases { id name shortName primaryInstrument
      instruments { code inputs { name type unit min minExclusive max required allowed options { value label } } bands { code lower { value inclusive } upper { value inclusive } } }
      responseCriteria { code basis instruments categories { code } } } }`);
    expect(diseases.map((d: any) => d.id)).toEqual(plugins.map((p) => p.id));
    const ra = diseases.find((d: any) => d.id === "rheumatoid-arthritis");
    const das28 = ra.instruments.find((i: any) => i.code === "DAS28_ESR");
    expect(das28.inputs.find((i: any) => i.name === "tjc28")).toMatchObject({ type: "INTEGER", min: 0, max: 28, required: true, allowed: "an integer from 0 to 28" });
    expect(das28.bands[0]).toEqual({ code: "remission", lower: null, upper: { value: 2.6, inclusive: false } });
    expect(ra.responseCriteria.find((c: any) => c.code === "EULAR_RESPONSE")).toMatchObject({ basis: "SCORE", categories: [{ code: "good" }, { code: "moderate" }, { code: "none" }] });
  });

  it("includes CGI and EQ-5D for every cohort", async () => {
    const { instruments: shared } = await t.data(`{ instruments { code diseaseId } }`);
    expect(shared.filter((i: any) => i.diseaseId === null).map((i: any) => i.code)).toEqual(["CGI_S", "CGI_I", "EQ5D_5L"]);
  });

  it("looks up the activity band of a score value", async () => {
    const band = (value: number) => t.data(`query($v: Float!) { activityBand(instrument: "DAS28_ESR", value: $v) { code } }`, { v: value });
    expect((await band(2.59)).activityBand.code).toBe("remission");
    expect((await band(2.6)).activityBand.code).toBe("low");
    expect((await band(3.2)).activityBand.code).toBe("low");
    expect((await band(3.21)).activityBand.code).toBe("moderate");
    const outside = await t.execute(`{ activityBand(instrument: "DAS28_ESR", value: 42) { code } }`);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "value" });
  });
});

describe.each(instruments.map((i) => [i.code, i] as const))("computeScore %s", (_code, instrument) => {
  it.each(instrument.examples.map((e, i) => [i + 1, e] as const))("reproduces published example %i through the API", async (_n, example) => {
    const { computeScore } = await t.data(COMPUTE, { instrument: instrument.code, inputs: example.inputs });
    const got = computeScore.value === null ? null : roundTo(computeScore.value, example.precision ?? instrument.decimals);
    expect(got).toBe(example.value);
    if (example.category) expect(computeScore.category.code).toBe(example.category);
    expect(computeScore.calculatorVersion).toBe(instrument.version);
  });

  it("rejects an input out of range with BAD_USER_INPUT naming the field and the allowed range", async () => {
    const input = instrument.inputs.find((i) => i.type === "integer" || i.type === "number") ?? instrument.inputs[0];
    const inputs = { ...(instrument.examples[0]?.inputs ?? {}), [input.name]: input.max === undefined ? "not allowed" : input.max + 1 };
    const result = await t.execute(COMPUTE, { instrument: instrument.code, inputs });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(result.errors?.[0].extensions?.problems.map((p: any) => p.field)).toContain(`inputs.${input.name}`);
    expect(result.errors?.[0].message).toContain(`inputs.${input.name}`);
  });
});

describe.each(criteria.map((c) => [c.code, c] as const))("evaluateResponse %s", (_code, criterion) => {
  it.each(criterion.examples.map((e, i) => [i + 1, e] as const))("reproduces example %i through the API", async (_n, example) => {
    const { evaluateResponse } = await t.data(EVALUATE, {
      criterion: criterion.code,
      instrument: example.instrument,
      baseline: example.baseline,
      followUp: example.followUp,
      parameters: example.parameters ?? null,
    });
    expect(evaluateResponse.status).toBe(example.status);
    if (example.category) expect(evaluateResponse.category.code).toBe(example.category);
  });
});

describe("computeScore errors", () => {
  it("rejects an unknown instrument, listing the known ones", async () => {
    const result = await t.execute(COMPUTE, { instrument: "DAS29", inputs: {} });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "instrument" });
    expect(result.errors?.[0].extensions?.allowed).toContain("DAS28_ESR");
  });

  it("reports every problem of a form at once", async () => {
    const result = await t.execute(COMPUTE, { instrument: "DAS28_CRP", inputs: { tjc28: 29, sjc28: 2.5, crp: -1, patientGlobal: 50, extra: 1 } });
    const fields = result.errors?.[0].extensions?.problems.map((p: any) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["inputs.tjc28", "inputs.sjc28", "inputs.crp", "inputs.extra"]));
    expect(result.errors?.[0].message).toContain("inputs.crp");
    expect(result.errors?.[0].message).toContain("a number from 0 to 500 mg/L");
  });

  it("refuses a score-only time point for a criterion that needs raw inputs, and a score outside the range", async () => {
    const inputsBased = criteria.find((c) => c.basis === "INPUTS");
    if (inputsBased) {
      const result = await t.execute(EVALUATE, { criterion: inputsBased.code, instrument: inputsBased.instruments[0], baseline: { value: 1 }, followUp: { value: 1 } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "baseline.inputs" });
    }
    const outside = await t.execute(EVALUATE, { criterion: "EULAR_RESPONSE", instrument: "DAS28_ESR", baseline: { value: 12 }, followUp: { value: 3 } });
    expect(outside.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "baseline.value" });
  });
});
