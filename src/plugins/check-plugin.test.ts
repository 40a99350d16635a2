import { describe, expect, it } from "vitest";
import { STUDY_DAY_PARAMETERS, numberInput } from "../plugin-api";
import type { DiseasePlugin, EfficacyEndpoint, InputDefinition, InstrumentDefinition, ResponseCriterion } from "../plugin-api";
import { checkEndpoints, checkInstrument, checkLabSource, checkTiming } from "./check-plugin";
import { PluginRegistry } from "./registry";

const instrument = (inputs: InputDefinition[]): InstrumentDefinition => ({
  code: "X",
  name: "X",
  description: "",
  version: "1.0.0",
  inputs,
  compute: () => ({ value: 0 }),
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 1 },
  decimals: 0,
  bands: [],
  references: ["r"],
  examples: [],
});
const problemsOf = (input: InputDefinition, others: InputDefinition[] = []) => checkLabSource(instrument([input, ...others]), input);

describe("lab-fed input declarations", () => {
  it("accept a catalogue test in its own unit, in a convertible unit, and as × ULN", () => {
    expect(problemsOf(numberInput("alt", "ALT", { unit: "U/L", min: 0, max: 1, lab: { test: "ALT", as: "value" } }))).toEqual([]);
    expect(problemsOf(numberInput("bili", "Bilirubin", { unit: "mg/dL", min: 0, max: 1, lab: { test: "BILI", as: "value" } }))).toEqual([]);
    expect(problemsOf(numberInput("altUln", "ALT ULN", { unit: "U/L", min: 0, max: 1, lab: { test: "ALT", as: "uln" } }))).toEqual([]);
    expect(problemsOf(numberInput("altX", "ALT", { unit: "× ULN", min: 0, max: 1, lab: { test: "ALT", as: "timesUln" } }))).toEqual([]);
  });

  it("refuse a test that is not in the lab catalogue", () => {
    expect(problemsOf(numberInput("x", "X", { unit: "U/L", min: 0, max: 1, lab: { test: "NOPE", as: "value" } }))[0]).toMatch(/NOPE, which is not a test of the lab catalogue/);
  });

  it("refuse a unit the catalogue unit cannot be converted to", () => {
    // ALT is stored in U/L; µkat/L has no declared conversion. Bilirubin in g/L neither.
    expect(problemsOf(numberInput("alt", "ALT", { unit: "µkat/L", min: 0, max: 1, lab: { test: "ALT", as: "value" } }))[0]).toMatch(/stored in U\/L and cannot be converted to the input.s unit µkat\/L/);
    expect(problemsOf(numberInput("bili", "B", { min: 0, max: 1, lab: { test: "BILI", as: "uln" } }))[0]).toMatch(/cannot be converted/);
  });

  it("require × ULN as the unit of a timesUln input, and a number type", () => {
    expect(problemsOf(numberInput("altX", "ALT", { unit: "U/L", min: 0, max: 1, lab: { test: "ALT", as: "timesUln" } }))[0]).toMatch(/declare its unit as "× ULN"/);
    expect(problemsOf({ name: "alt", label: "ALT", type: "integer", unit: "U/L", min: 0, max: 1, lab: { test: "ALT", as: "value" } })[0]).toMatch(/must be of type number/);
  });

  it("require alternatives (inputs reading the same test and quantity) to be optional", () => {
    const mgDl = numberInput("biliMgDl", "B", { unit: "mg/dL", min: 0, max: 1, optional: true, lab: { test: "BILI", as: "value" } });
    const umolL = numberInput("biliUmolL", "B", { unit: "µmol/L", min: 0, max: 1, optional: true, lab: { test: "BILI", as: "value" } });
    expect(checkInstrument(instrument([umolL, mgDl]))).toEqual([]);
    expect(checkInstrument(instrument([{ ...umolL, optional: false }, mgDl]))).toEqual(["X: inputs biliUmolL, biliMgDl all read BILI as value: alternatives must be optional"]);
  });
});

describe("time-based criteria", () => {
  const criterion = (extra: Partial<ResponseCriterion>): ResponseCriterion => ({
    code: "C",
    name: "C",
    description: "",
    instruments: ["X"],
    basis: "SCORE",
    categories: [],
    evaluate: () => ({ status: "NOT_EVALUABLE" }),
    references: ["r"],
    examples: [],
    ...extra,
  });

  it("declare the study-day parameters", () => {
    expect(checkTiming(criterion({ timeBased: true, parameters: [...STUDY_DAY_PARAMETERS] }))).toEqual([]);
    expect(checkTiming(criterion({ timeBased: true }))).toHaveLength(2);
    expect(checkTiming(criterion({ timeBased: true, parameters: [{ ...STUDY_DAY_PARAMETERS[0], optional: false }, STUDY_DAY_PARAMETERS[1]] }))[0]).toMatch(/optional integer/);
  });

  it("reserve the study-day parameter names for time-based criteria", () => {
    expect(checkTiming(criterion({ parameters: [STUDY_DAY_PARAMETERS[1]] }))[0]).toMatch(/reserved for time-based criteria/);
    expect(checkTiming(criterion({}))).toEqual([]);
  });
});

describe("efficacy endpoints (plugin API 1.2)", () => {
  const plugin = (efficacyEndpoints: EfficacyEndpoint[] | undefined): DiseasePlugin => ({
    id: "x-disease",
    apiVersion: "^1.2.0",
    name: "X",
    shortName: "X",
    description: "",
    instruments: [instrument([])],
    primaryInstrument: "X",
    responseCriteria: [
      {
        code: "C",
        name: "C",
        description: "",
        instruments: ["X"],
        basis: "SCORE",
        parameters: [numberInput("fall", "Required fall", { min: 0, max: 100, optional: true })],
        categories: [],
        evaluate: () => ({ status: "NOT_EVALUABLE" }),
        references: ["r"],
        examples: [],
      },
    ],
    efficacyEndpoints,
    demo: { assessments: () => [] },
  });
  const change: EfficacyEndpoint = { code: "X_CHANGE", label: "X", kind: "CHANGE", role: "PRIMARY", instrument: "X", defaultVisit: "D183" };
  const response: EfficacyEndpoint = { code: "X_RESPONSE", label: "X", kind: "RESPONSE", role: "SECONDARY", instrument: "X", criterion: "C", parameters: { fall: 40 }, defaultVisit: "D85" };

  it("accept a plugin without endpoints (API ^1.0/^1.1) and well-formed ones", () => {
    expect(checkEndpoints(plugin(undefined))).toEqual([]);
    expect(checkEndpoints(plugin([change, response]))).toEqual([]);
  });

  it("require exactly one PRIMARY", () => {
    expect(checkEndpoints(plugin([response]))).toEqual(["x-disease: declares 0 PRIMARY efficacy endpoints; exactly one is required"]);
    expect(checkEndpoints(plugin([change, { ...response, role: "PRIMARY" }]))[0]).toMatch(/declares 2 PRIMARY/);
  });

  it("refuse malformed or repeated codes, unknown instruments and criteria, and visits without disease scores", () => {
    expect(checkEndpoints(plugin([{ ...change, code: "x-change" }]))).toEqual(["x-disease: endpoint x-change is not UPPER_SNAKE_CASE"]);
    expect(checkEndpoints(plugin([change, { ...response, code: "X_CHANGE" }]))).toContain("x-disease: endpoint X_CHANGE is declared twice");
    expect(checkEndpoints(plugin([{ ...change, instrument: "DAS28_CRP" }]))[0]).toMatch(/instrument DAS28_CRP is not one of the plugin's instruments/);
    expect(checkEndpoints(plugin([change, { ...response, criterion: "EULAR_RESPONSE" }]))[0]).toMatch(/criterion EULAR_RESPONSE is not one of the plugin's response criteria/);
    expect(checkEndpoints(plugin([{ ...change, defaultVisit: "D8" }]))[0]).toMatch(/default visit D8 is not a follow-up visit with disease scores \(D85, D183, D240\)/);
    expect(checkEndpoints(plugin([{ ...change, defaultVisit: "BASELINE" }]))[0]).toMatch(/default visit BASELINE/);
  });

  it("refuse parameters the criterion does not accept, and parameters on a CHANGE endpoint", () => {
    expect(checkEndpoints(plugin([change, { ...response, parameters: { fall: 140 } }]))[0]).toMatch(/X_RESPONSE: parameters.fall/);
    expect(checkEndpoints(plugin([change, { ...response, parameters: { nope: 1 } }]))[0]).toMatch(/parameters.nope is not an input/);
    expect(checkEndpoints(plugin([{ ...change, parameters: { fall: 1 } }]))).toEqual(["x-disease: endpoint X_CHANGE: a CHANGE endpoint takes no criterion or parameters"]);
  });

  it("are unique across plugins (registry)", () => {
    const a = plugin([change]);
    const b = { ...plugin([change]), id: "y-disease", instruments: [{ ...instrument([]), code: "Y" }], primaryInstrument: "Y", responseCriteria: [], efficacyEndpoints: [{ ...change, instrument: "Y" }] };
    expect(() => new PluginRegistry([a, b], [])).toThrow(/efficacy endpoint X_CHANGE of y-disease is already declared by x-disease/);
  });
});
