import { describe, expect, it } from "vitest";
import { bandFor, roundTo, scoreInstrument } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { CDAI_RA, SDAI } from "./cdai-sdai";
import { DAS28_ESR } from "./das28";

function score(instrument: InstrumentDefinition, inputs: Inputs) {
  const outcome = scoreInstrument(instrument, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return { value: roundTo(outcome.value!, 2), category: outcome.category?.code, components: outcome.components };
}

function rejected(instrument: InstrumentDefinition, inputs: Inputs): string[] {
  const outcome = scoreInstrument(instrument, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
}

const cdaiInputs = (tjc28: number, sjc28: number, patientGlobalCm: number, physicianGlobalCm: number) => ({ tjc28, sjc28, patientGlobalCm, physicianGlobalCm });
const sdaiInputs = (tjc28: number, sjc28: number, patientGlobalCm: number, physicianGlobalCm: number, crpMgDl: number) => ({
  ...cdaiInputs(tjc28, sjc28, patientGlobalCm, physicianGlobalCm),
  crpMgDl,
});

describe("CDAI_RA", () => {
  it("has a code distinct from the Crohn's Disease Activity Index", () => {
    expect(CDAI_RA.code).toBe("CDAI_RA");
    expect(CDAI_RA.description).toMatch(/not the Crohn/);
  });

  it("reproduces rheumtools cdai_score(4, 5, 5, 6) = 20 (moderate)", () => {
    expect(score(CDAI_RA, cdaiInputs(4, 5, 5, 6))).toMatchObject({ value: 20, category: "moderate" });
  });

  it("reproduces RheumaComposites CDAI(1, 0, 1, 0) = 2.0 (remission)", () => {
    expect(score(CDAI_RA, cdaiInputs(1, 0, 1, 0))).toMatchObject({ value: 2, category: "remission" });
  });

  it("reproduces RheumaComposites: CDAI(3, 4, 4, 4) is not remission", () => {
    expect(score(CDAI_RA, cdaiInputs(3, 4, 4, 4)).category).not.toBe("remission");
  });

  it("exposes each term as a component", () => {
    expect(score(CDAI_RA, cdaiInputs(4, 5, 5, 6)).components).toEqual({ tjc28: 4, sjc28: 5, patientGlobal: 5, physicianGlobal: 6 });
  });

  describe("bands: remission ≤ 2.8, low ≤ 10, moderate ≤ 22, high > 22", () => {
    // 2.79/2.81, 9.99/10.01 and 21.99/22.01 are the RheumaComposites categorise tests.
    const cases: Array<[number, string]> = [
      [0, "remission"],
      [2.79, "remission"],
      [2.8, "remission"],
      [2.81, "low"],
      [9.99, "low"],
      [10, "low"],
      [10.01, "moderate"],
      [21.99, "moderate"],
      [22, "moderate"],
      [22.01, "high"],
      [76, "high"],
    ];
    for (const [value, code] of cases) it(`${value} is ${code}`, () => expect(bandFor(CDAI_RA.bands, value)?.code).toBe(code));
  });

  it("computes the boundary scores from inputs: 2.8 remission, 2.81 low", () => {
    expect(score(CDAI_RA, cdaiInputs(1, 0, 0.9, 0.9))).toMatchObject({ value: 2.8, category: "remission" });
    expect(score(CDAI_RA, cdaiInputs(1, 0, 0.9, 0.91))).toMatchObject({ value: 2.81, category: "low" });
    expect(score(CDAI_RA, cdaiInputs(4, 4, 1, 1))).toMatchObject({ value: 10, category: "low" });
    expect(score(CDAI_RA, cdaiInputs(10, 10, 1, 1))).toMatchObject({ value: 22, category: "moderate" });
    expect(score(CDAI_RA, cdaiInputs(10, 10, 1, 1.1))).toMatchObject({ value: 22.1, category: "high" });
  });

  it("keeps 1 + 0 + 1.2 + 0.6 (2.8000000000000003 in doubles) in remission", () => {
    expect(score(CDAI_RA, cdaiInputs(1, 0, 1.2, 0.6)).category).toBe("remission");
  });

  it("takes the globals in cm: a mm value above 10 is rejected, not rescaled", () => {
    expect(rejected(CDAI_RA, cdaiInputs(4, 5, 50, 6))).toEqual(["inputs.patientGlobalCm"]);
    expect(rejected(CDAI_RA, cdaiInputs(4, 5, 5, 10.5))).toEqual(["inputs.physicianGlobalCm"]);
    expect(CDAI_RA.inputs.find((i) => i.name === "patientGlobalCm")?.unit).toBe("cm");
  });

  it("does not accept the DAS28 input names (patientGlobal in mm)", () => {
    expect(rejected(CDAI_RA, { tjc28: 4, sjc28: 5, patientGlobal: 50, physicianGlobalCm: 6 })).toEqual(
      expect.arrayContaining(["inputs.patientGlobal", "inputs.patientGlobalCm"]),
    );
  });

  it("rejects joint counts of 29 and 2.5 and a negative global", () => {
    expect(rejected(CDAI_RA, cdaiInputs(29, 5, 5, 6))).toEqual(["inputs.tjc28"]);
    expect(rejected(CDAI_RA, cdaiInputs(4, 2.5, 5, 6))).toEqual(["inputs.sjc28"]);
    expect(rejected(CDAI_RA, cdaiInputs(4, 5, -0.1, 6))).toEqual(["inputs.patientGlobalCm"]);
  });

  it("has remission inclusive at 2.8, unlike DAS28's exclusive 2.6", () => {
    expect(CDAI_RA.bands[0].upper).toEqual({ value: 2.8, inclusive: true });
    expect(DAS28_ESR.bands[0].upper).toEqual({ value: 2.6, inclusive: false });
  });
});

describe("SDAI", () => {
  it("reproduces rheumtools sdai_score(4, 5, 5, 6, CRP 7 mg/dL) = 27: CDAI part 20 + 7", () => {
    expect(score(CDAI_RA, cdaiInputs(4, 5, 5, 6)).value).toBe(20);
    expect(score(SDAI, sdaiInputs(4, 5, 5, 6, 7))).toMatchObject({ value: 27, category: "high" });
  });

  it("reproduces rheumtools sdai_score(5, 6, 6, 7, 8) = 32", () => {
    expect(score(SDAI, sdaiInputs(5, 6, 6, 7, 8)).value).toBe(32);
  });

  it("gives 20.7 when the same CRP of 7 mg/L is correctly entered as 0.7 mg/dL (unit pitfall: 27 vs 20.7)", () => {
    expect(score(SDAI, sdaiInputs(4, 5, 5, 6, 0.7))).toMatchObject({ value: 20.7, category: "moderate" });
  });

  it("reproduces RheumaComposites/MDCalc SDAI(1, 0, 1, 0, 0.1 mg/dL) = 2.1 (remission)", () => {
    expect(score(SDAI, sdaiInputs(1, 0, 1, 0, 0.1))).toMatchObject({ value: 2.1, category: "remission" });
  });

  it("reproduces RheumaComposites: SDAI(3, 4, 4, 4, 5 mg/dL) is not remission, and CRP 1 mg/dL = 10 mg/L", () => {
    expect(score(SDAI, sdaiInputs(3, 4, 4, 4, 5)).category).not.toBe("remission");
    expect(score(SDAI, sdaiInputs(0, 1, 1, 1, 1)).value).toBe(4); // 0 + 1 + 1 + 1 + 1 mg/dL
  });

  it("exposes CRP (mg/dL) as a component", () => {
    expect(score(SDAI, sdaiInputs(1, 0, 1, 0, 0.1)).components).toMatchObject({ crp: 0.1 });
  });

  describe("bands: remission ≤ 3.3, low ≤ 11, moderate ≤ 26, high > 26", () => {
    // 3.29/3.31, 10.99/11.01 and 25.99/26.01 are the RheumaComposites categorise tests; 2, 8, 18, 42 are rheumtools'.
    const cases: Array<[number, string]> = [
      [2, "remission"],
      [3.29, "remission"],
      [3.3, "remission"],
      [3.31, "low"],
      [8, "low"],
      [10.99, "low"],
      [11, "low"],
      [11.01, "moderate"],
      [18, "moderate"],
      [25.99, "moderate"],
      [26, "moderate"],
      [26.01, "high"],
      [42, "high"],
    ];
    for (const [value, code] of cases) it(`${value} is ${code}`, () => expect(bandFor(SDAI.bands, value)?.code).toBe(code));
  });

  it("computes the boundary scores from inputs: 3.3 remission (0.1 + 0.2 float noise), 3.31 low", () => {
    expect(score(SDAI, sdaiInputs(1, 1, 0.1, 0.2, 1))).toMatchObject({ value: 3.3, category: "remission" });
    expect(score(SDAI, sdaiInputs(1, 1, 0.1, 0.2, 1.01))).toMatchObject({ value: 3.31, category: "low" });
  });

  it("takes CRP in mg/dL: a typical mg/L value of 60 is rejected (max 50 mg/dL); negative CRP is rejected", () => {
    expect(SDAI.inputs.find((i) => i.name === "crpMgDl")?.unit).toBe("mg/dL");
    expect(rejected(SDAI, sdaiInputs(4, 5, 5, 6, 60))).toEqual(["inputs.crpMgDl"]);
    expect(rejected(SDAI, sdaiInputs(4, 5, 5, 6, -1))).toEqual(["inputs.crpMgDl"]);
  });

  it("does not accept the DAS28 CRP input name (crp in mg/L)", () => {
    expect(rejected(SDAI, { ...cdaiInputs(4, 5, 5, 6), crp: 7 })).toEqual(expect.arrayContaining(["inputs.crp", "inputs.crpMgDl"]));
  });

  it("states the unit in its description", () => {
    expect(SDAI.description).toMatch(/mg\/dL/);
    expect(SDAI.description).toMatch(/NOT mg\/L/);
  });
});
