import { describe, expect, it } from "vitest";
import { STUDY_DAY_PARAMETERS, numberInput } from "../plugin-api";
import type { InputDefinition, InstrumentDefinition, ResponseCriterion } from "../plugin-api";
import { checkInstrument, checkLabSource, checkTiming } from "./check-plugin";

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
