import { describe, expect, it } from "vitest";
import { bandFor, roundTo, scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { MAYO_PSC, mayoRisk } from "./mayo-risk";

const base: Inputs = { age: 40, bilirubinMgDl: 1, albuminGdL: 4, ast: 50, varicealBleeding: false };
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
    const conventional = mayoRisk({ ...base, bilirubinMgDl: 3, albuminGdL: 3.2, ast: 120, age: 55, varicealBleeding: true }).value;
    const si = mayoRisk({ age: 55, bilirubinUmolL: 51.3, albuminGL: 32, ast: 120, varicealBleeding: true }).value;
    expect(si).toBeCloseTo(conventional, 12);
    expect(si).toBeCloseTo(3.3465749403181158, 12);
  });

  it("differs from the abstract's rounded coefficients by less than 0.1 in this example", () => {
    const rounded = 0.03 * 50 + 0.54 * Math.log(1.5) + 0.54 * Math.log(80) - 0.84 * 3.8;
    const full = mayoRisk({ ...base, age: 50, bilirubinMgDl: 1.5, albuminGdL: 3.8, ast: 80 }).value;
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
    const high = scoreInstrument(MAYO_PSC, { age: 55, bilirubinUmolL: 51.3, albuminGL: 32, ast: 120, varicealBleeding: true });
    expect(high.ok && roundTo(high.value!, 2)).toBe(3.35);
  });
});

describe("invalid inputs", () => {
  it("refuses bilirubin or AST of 0 (ln(0)) and negative values", () => {
    expect(fields({ ...base, bilirubinMgDl: 0 })).toContain("inputs.bilirubinMgDl");
    expect(fields({ ...base, bilirubinMgDl: -1 })).toContain("inputs.bilirubinMgDl");
    expect(fields({ age: 40, bilirubinUmolL: 0, albuminGdL: 4, ast: 50, varicealBleeding: false })).toContain("inputs.bilirubinUmolL");
    expect(fields({ ...base, ast: 0 })).toContain("inputs.ast");
  });

  it("refuses a value implausible for its unit instead of mixing units", () => {
    // 35 as g/dL is a g/L value in the wrong field; 3.5 as g/L is a g/dL value.
    expect(fields({ ...base, albuminGdL: 35 })).toEqual(["inputs.albuminGdL"]);
    expect(fields({ age: 40, bilirubinMgDl: 1, albuminGL: 3.5, ast: 50, varicealBleeding: false })).toEqual(["inputs.albuminGL"]);
    expect(fields({ age: 40, bilirubinMgDl: 1, albuminGL: 35, ast: 50, varicealBleeding: false })).toEqual([]);
    // 100 mg/dL of bilirubin is implausible (1710 µmol/L); 100 µmol/L is plausible.
    expect(fields({ ...base, bilirubinMgDl: 100 })).toEqual(["inputs.bilirubinMgDl"]);
    expect(fields({ age: 40, bilirubinUmolL: 100, albuminGdL: 4, ast: 50, varicealBleeding: false })).toEqual([]);
    const outcome = scoreInstrument(MAYO_PSC, { ...base, albuminGdL: 35 });
    expect(!outcome.ok && outcome.problems[0].message).toMatch(/from 1 to 7 g\/dL/);
  });

  it("needs exactly one unit of bilirubin and of albumin", () => {
    const { bilirubinMgDl: _b, albuminGdL: _a, ...rest } = base;
    expect(fields(rest)).toEqual(["inputs.bilirubinUmolL", "inputs.albuminGL"]);
    expect(fields({ ...base, bilirubinUmolL: 17.1 })).toEqual(["inputs.bilirubinMgDl"]);
    expect(fields({ ...base, albuminGL: 40 })).toEqual(["inputs.albuminGdL"]);
  });

  it("declares the same plausible range in both units", () => {
    const range = (name: string) => MAYO_PSC.inputs.find((i) => i.name === name)!;
    // written out by hand: 0.01–60 mg/dL × 17.1 = 0.171–1026 µmol/L; 1–7 g/dL = 10–70 g/L
    expect([range("bilirubinMgDl").min, range("bilirubinMgDl").max, range("bilirubinUmolL").min, range("bilirubinUmolL").max]).toEqual([0.01, 60, 0.171, 1026]);
    expect([range("albuminGdL").min, range("albuminGdL").max, range("albuminGL").min, range("albuminGL").max]).toEqual([1, 7, 10, 70]);
    expect(range("bilirubinUmolL").min! / 17.1).toBeCloseTo(range("bilirubinMgDl").min!, 3);
    expect(range("bilirubinUmolL").max! / 17.1).toBeCloseTo(range("bilirubinMgDl").max!, 3);
    expect(range("albuminGL").min! / 10).toBe(range("albuminGdL").min);
    expect(range("albuminGL").max! / 10).toBe(range("albuminGdL").max);
  });

  it("keeps every accepted input inside the declared range of the score", () => {
    const lowest = mayoRisk({ age: 18, bilirubinMgDl: 0.01, albuminGdL: 7, ast: 1, varicealBleeding: false }).value;
    const highest = mayoRisk({ age: 100, bilirubinMgDl: 60, albuminGdL: 1, ast: 10_000, varicealBleeding: true }).value;
    expect(lowest).toBeGreaterThanOrEqual(MAYO_PSC.range.min);
    expect(highest).toBeLessThanOrEqual(MAYO_PSC.range.max);
  });
});
