import { describe, expect, it } from "vitest";
import { bandFor, roundTo, scoreInstrument } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { ASDAS_BANDS, ASDAS_CRP, ASDAS_ESR, asdasInputs } from "./asdas";

function outcome(instrument: InstrumentDefinition, inputs: Inputs) {
  const result = scoreInstrument(instrument, inputs);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return { value: result.value!, category: result.category?.code, components: result.components };
}

function rejected(instrument: InstrumentDefinition, inputs: Inputs): string[] {
  const result = scoreInstrument(instrument, inputs);
  return result.ok ? [] : result.problems.map((p) => p.field);
}

// 0.579 · ln(2 + 1) = 0.579 · 1.0986123 = 0.6360965: the CRP term at or below the 2 mg/L floor.
const FLOOR_TERM = 0.6360965;

describe("ASDAS-CRP (3-decimal ARD 2009 coefficients)", () => {
  it("computes a full hand-calculated example", () => {
    // 0.121·6 + 0.058·5 + 0.110·6 + 0.073·4 + 0.579·ln(11) = 0.726 + 0.290 + 0.660 + 0.292 + 1.38838 = 3.35638
    const result = outcome(ASDAS_CRP, asdasInputs(6, 5, 6, 4, { crp: 10 }));
    expect(result.value).toBeCloseTo(3.35638, 5);
    expect(result.category).toBe("high");
  });

  it("gives each item its own weight (catches swapped coefficients)", () => {
    // One item at 10, the rest 0, CRP at the floor: score − floor term = 10 × that item's weight.
    const increments: Array<[Inputs, number]> = [
      [asdasInputs(10, 0, 0, 0, { crp: 2 }), 1.21], // back pain 0.121
      [asdasInputs(0, 10, 0, 0, { crp: 2 }), 0.58], // duration of morning stiffness 0.058
      [asdasInputs(0, 0, 10, 0, { crp: 2 }), 1.1], // patient global 0.110
      [asdasInputs(0, 0, 0, 10, { crp: 2 }), 0.73], // peripheral pain/swelling 0.073
    ];
    for (const [inputs, expected] of increments) expect(outcome(ASDAS_CRP, inputs).value - FLOOR_TERM).toBeCloseTo(expected, 6);
  });

  it("separates patient global from peripheral pain (the known 0.110/0.073 swap)", () => {
    // Global 10: 1.100 + 0.636 = 1.736 (low); peripheral 10: 0.730 + 0.636 = 1.366 (low). Swapped weights exchange them.
    expect(roundTo(outcome(ASDAS_CRP, asdasInputs(0, 0, 10, 0, { crp: 2 })).value, 2)).toBe(1.74);
    expect(roundTo(outcome(ASDAS_CRP, asdasInputs(0, 0, 0, 10, { crp: 2 })).value, 2)).toBe(1.37);
  });

  it("uses the natural logarithm of CRP + 1", () => {
    // 0.579 · ln(100) = 0.579 · 4.6051702 = 2.6663935; log10 would give 1.158.
    expect(outcome(ASDAS_CRP, asdasInputs(0, 0, 0, 0, { crp: 99 })).value).toBeCloseTo(2.6663935, 6);
  });

  it("scores CRP below 2 mg/L as 2 mg/L and shows the floor in the components", () => {
    for (const crp of [0, 0.5, 1, 1.99]) {
      const result = outcome(ASDAS_CRP, asdasInputs(0, 0, 0, 0, { crp }));
      expect(result.value, `CRP ${crp}`).toBeCloseTo(FLOOR_TERM, 6);
      expect(result.components).toMatchObject({ crpEntered: crp, crpUsed: 2, crpFloorApplied: 1 });
      expect(result.category).toBe("inactive");
    }
  });

  it("uses CRP unchanged from 2 mg/L upwards", () => {
    expect(outcome(ASDAS_CRP, asdasInputs(0, 0, 0, 0, { crp: 2 })).components).toMatchObject({ crpUsed: 2, crpFloorApplied: 0 });
    // 0.579 · ln(4) = 0.579 · 1.3862944 = 0.8026645
    const above = outcome(ASDAS_CRP, asdasInputs(0, 0, 0, 0, { crp: 3 }));
    expect(above.value).toBeCloseTo(0.8026645, 6);
    expect(above.components).toMatchObject({ crpEntered: 3, crpUsed: 3, crpFloorApplied: 0 });
  });

  it("declares a range from the floor (0.636) to all items 10 and CRP 500", () => {
    // 3.62 + 0.579 · ln(501) = 3.62 + 0.579 · 6.2166061 = 7.2194149
    expect(ASDAS_CRP.range.min).toBeCloseTo(FLOOR_TERM, 6);
    expect(ASDAS_CRP.range.max).toBeCloseTo(7.2194149, 6);
  });

  it("names the coefficient set and the floor in its description", () => {
    expect(ASDAS_CRP.description).toMatch(/3-decimal/);
    expect(ASDAS_CRP.description).toMatch(/2 mg\/L/);
  });
});

describe("ASDAS-ESR", () => {
  it("computes a full hand-calculated example", () => {
    // 0.079·6 + 0.069·5 + 0.113·6 + 0.086·4 + 0.293·√25 = 0.474 + 0.345 + 0.678 + 0.344 + 1.465 = 3.306
    expect(outcome(ASDAS_ESR, asdasInputs(6, 5, 6, 4, { esr: 25 })).value).toBeCloseTo(3.306, 9);
  });

  it("gives each item its own weight (catches swapped coefficients)", () => {
    const increments: Array<[Inputs, number]> = [
      [asdasInputs(10, 0, 0, 0, { esr: 0 }), 0.79], // back pain 0.079
      [asdasInputs(0, 10, 0, 0, { esr: 0 }), 0.69], // duration of morning stiffness 0.069
      [asdasInputs(0, 0, 10, 0, { esr: 0 }), 1.13], // patient global 0.113
      [asdasInputs(0, 0, 0, 10, { esr: 0 }), 0.86], // peripheral pain/swelling 0.086
      [asdasInputs(0, 0, 0, 0, { esr: 100 }), 2.93], // 0.293 · √100
    ];
    for (const [inputs, expected] of increments) expect(outcome(ASDAS_ESR, inputs).value).toBeCloseTo(expected, 9);
  });

  it("has no ESR floor", () => {
    expect(outcome(ASDAS_ESR, asdasInputs(0, 0, 0, 0, { esr: 0 })).value).toBe(0);
    expect(outcome(ASDAS_ESR, asdasInputs(0, 0, 0, 0, { esr: 1 })).value).toBeCloseTo(0.293, 9);
    expect(ASDAS_ESR.range.min).toBe(0);
  });
});

describe("ASDAS disease activity states (inactive < 1.3 ≤ low < 2.1 ≤ high ≤ 3.5 < very high)", () => {
  const bandOf = (value: number) => bandFor(ASDAS_BANDS, value)?.code;

  it("places each cut-off in the state the publication gives it", () => {
    expect([1.29, 1.3, 2.09, 2.1, 3.5, 3.51].map(bandOf)).toEqual(["inactive", "low", "low", "high", "high", "very_high"]);
  });

  it("is not fooled by float noise at the cut-offs", () => {
    expect(bandOf(1.2999999999999998)).toBe("low");
    expect(bandOf(2.0999999999999996)).toBe("high");
    expect(bandOf(3.5000000000000004)).toBe("high");
  });

  it("classifies exact hand-calculated ASDAS-ESR boundary scores", () => {
    const cases: Array<[Inputs, string]> = [
      [asdasInputs(0, 9, 6, 0, { esr: 0 }), "inactive"], // 0.621 + 0.678 = 1.299
      [asdasInputs(1, 0, 7, 5, { esr: 0 }), "low"], // 0.079 + 0.791 + 0.430 = 1.300 (1.2999999999999998)
      [asdasInputs(0, 1, 5, 0, { esr: 25 }), "low"], // 0.069 + 0.565 + 1.465 = 2.099
      [asdasInputs(0, 9, 7, 8, { esr: 0 }), "high"], // 0.621 + 0.791 + 0.688 = 2.100 (2.0999999999999996)
      [asdasInputs(0, 0, 2, 4, { esr: 100 }), "high"], // 0.226 + 0.344 + 2.930 = 3.500 (3.4999999999999996)
      [asdasInputs(0, 2, 4, 10, { esr: 49 }), "very_high"], // 0.138 + 0.452 + 0.860 + 2.051 = 3.501
    ];
    for (const [inputs, category] of cases) expect(outcome(ASDAS_ESR, inputs).category, JSON.stringify(inputs)).toBe(category);
  });

  it("uses the 2018 name 'low' for the state once called 'moderate'", () => {
    expect(ASDAS_BANDS.map((b) => b.code)).toEqual(["inactive", "low", "high", "very_high"]);
  });
});

describe("ASDAS input validation", () => {
  const valid = asdasInputs(6, 5, 6, 4, { crp: 10 });

  it("rejects negative CRP, ESR on the CRP form and out-of-range items, naming the field", () => {
    expect(rejected(ASDAS_CRP, { ...valid, crp: -0.1 })).toEqual(["inputs.crp"]);
    expect(rejected(ASDAS_CRP, { ...valid, backPain: 11 })).toEqual(["inputs.backPain"]);
    expect(rejected(ASDAS_CRP, { ...valid, esr: 20 })).toEqual(["inputs.esr"]);
    expect(rejected(ASDAS_ESR, asdasInputs(6, 5, 6, 4, { esr: -1 }))).toEqual(["inputs.esr"]);
    const { patientGlobal: _omitted, ...missing } = valid;
    expect(rejected(ASDAS_CRP, missing)).toEqual(["inputs.patientGlobal"]);
    expect(rejected(ASDAS_CRP, { ...valid, patientGlobal: "high" })).toEqual(["inputs.patientGlobal"]);
  });
});
