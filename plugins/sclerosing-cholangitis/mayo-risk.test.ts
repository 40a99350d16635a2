import { describe, expect, it } from "vitest";
import { bandFor, roundTo, scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { MAYO_PSC, mayoRisk } from "./mayo-risk";

const base: Inputs = { age: 40, bilirubin: 1, bilirubinUnit: "mg/dL", albumin: 4, albuminUnit: "g/dL", ast: 50, varicealBleeding: false };
const fields = (inputs: Inputs) => {
  const outcome = scoreInstrument(MAYO_PSC, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
};

describe("revised Mayo risk score (hand-calculated with the full-precision coefficients)", () => {
  it("computes each term: 0.0295·age + 0.5373·ln(bili) + 0.5380·ln(AST) + 1.2426·VB − 0.8389·albumin", () => {
    const { value, components } = mayoRisk(base);
    expect(components.ageTerm).toBeCloseTo(1.18, 10);
    expect(components.bilirubinTerm).toBe(0);
    expect(components.astTerm).toBeCloseTo(0.538 * Math.log(50), 12);
    expect(components.albuminTerm).toBeCloseTo(-3.3556, 10);
    // Independently computed in Python: -0.07093162307965706
    expect(value).toBeCloseTo(-0.07093162307965706, 12);
  });

  it("adds 1.2426 for a history of variceal bleeding", () => {
    expect(mayoRisk({ ...base, varicealBleeding: true }).value - mayoRisk(base).value).toBeCloseTo(1.2426, 12);
  });

  it("converts bilirubin µmol/L ÷ 17.1 and albumin g/L ÷ 10 to the same score", () => {
    const conventional = mayoRisk({ ...base, bilirubin: 3, albumin: 3.2, ast: 120, age: 55, varicealBleeding: true }).value;
    const si = mayoRisk({ ...base, bilirubin: 51.3, bilirubinUnit: "µmol/L", albumin: 32, albuminUnit: "g/L", ast: 120, age: 55, varicealBleeding: true }).value;
    expect(si).toBeCloseTo(conventional, 12);
    expect(si).toBeCloseTo(3.3465749403181158, 12);
  });

  it("differs from the abstract's rounded coefficients by less than 0.1 in this example", () => {
    const rounded = 0.03 * 50 + 0.54 * Math.log(1.5) + 0.54 * Math.log(80) - 0.84 * 3.8;
    const full = mayoRisk({ ...base, age: 50, bilirubin: 1.5, albumin: 3.8, ast: 80 }).value;
    expect(Math.abs(full - rounded)).toBeLessThan(0.1);
  });
});

describe("risk groups: low ≤ 0 < intermediate < 2 ≤ high", () => {
  it.each([
    [-0.5, "low"],
    [0, "low"],
    [1e-12, "low"], // float noise around 0 stays low
    [0.001, "intermediate"],
    [1.999, "intermediate"],
    [2, "high"],
    [1.9999999999999998, "high"], // 2 within the tolerance
    [3.3, "high"],
  ])("R = %s is %s", (value, code) => {
    expect(bandFor(MAYO_PSC.bands, value)?.code).toBe(code);
  });

  it("bands the hand-calculated examples", () => {
    expect(scoreInstrument(MAYO_PSC, base)).toMatchObject({ ok: true, category: { code: "low" } });
    const high = scoreInstrument(MAYO_PSC, { ...base, age: 55, bilirubin: 51.3, bilirubinUnit: "µmol/L", albumin: 32, albuminUnit: "g/L", ast: 120, varicealBleeding: true });
    expect(high.ok && roundTo(high.value!, 2)).toBe(3.35);
  });
});

describe("invalid inputs", () => {
  it("refuses bilirubin or AST of 0 (ln(0)) and negative values", () => {
    expect(fields({ ...base, bilirubin: 0 })).toContain("inputs.bilirubin");
    expect(fields({ ...base, bilirubin: -1 })).toContain("inputs.bilirubin");
    expect(fields({ ...base, ast: 0 })).toContain("inputs.ast");
  });

  it("refuses a value implausible for the unit given instead of mixing units", () => {
    // 35 as g/dL is a g/L value entered with the wrong unit; 3.5 as g/L is a g/dL value.
    expect(fields({ ...base, albumin: 35, albuminUnit: "g/dL" })).toEqual(["inputs.albumin"]);
    expect(fields({ ...base, albumin: 3.5, albuminUnit: "g/L" })).toEqual(["inputs.albumin"]);
    expect(fields({ ...base, albumin: 35, albuminUnit: "g/L" })).toEqual([]);
    // 100 mg/dL of bilirubin is implausible (1710 µmol/L); 100 µmol/L is plausible.
    expect(fields({ ...base, bilirubin: 100, bilirubinUnit: "mg/dL" })).toEqual(["inputs.bilirubin"]);
    expect(fields({ ...base, bilirubin: 100, bilirubinUnit: "µmol/L" })).toEqual([]);
    const outcome = scoreInstrument(MAYO_PSC, { ...base, albumin: 35, albuminUnit: "g/dL" });
    expect(!outcome.ok && outcome.problems[0].message).toMatch(/1–7 g\/dL \(10–70 g\/L\)/);
  });

  it("requires the unit of bilirubin and albumin: no default unit", () => {
    const { bilirubinUnit: _b, albuminUnit: _a, ...rest } = base;
    expect(fields(rest)).toEqual(["inputs.bilirubinUnit", "inputs.albuminUnit"]);
    expect(fields({ ...base, bilirubinUnit: "mmol/L" })).toEqual(["inputs.bilirubinUnit"]);
  });

  it("keeps every accepted input inside the declared range of the score", () => {
    const lowest = mayoRisk({ age: 18, bilirubin: 0.01, bilirubinUnit: "mg/dL", albumin: 7, albuminUnit: "g/dL", ast: 1, varicealBleeding: false }).value;
    const highest = mayoRisk({ age: 100, bilirubin: 60, bilirubinUnit: "mg/dL", albumin: 1, albuminUnit: "g/dL", ast: 10_000, varicealBleeding: true }).value;
    expect(lowest).toBeGreaterThanOrEqual(MAYO_PSC.range.min);
    expect(highest).toBeLessThanOrEqual(MAYO_PSC.range.max);
  });
});
