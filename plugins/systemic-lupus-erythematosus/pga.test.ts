import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { PGA_SLE } from "./pga";

const fields = (inputs: Inputs) => {
  const outcome = scoreInstrument(PGA_SLE, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
};

describe("PGA_SLE (0–3)", () => {
  it("returns the value as entered, unrounded", () => {
    const outcome = scoreInstrument(PGA_SLE, { physicianGlobal: 1.25 });
    expect(outcome.ok && outcome.value).toBe(1.25);
  });

  it("accepts both ends of the 0–3 line", () => {
    expect(fields({ physicianGlobal: 0 })).toEqual([]);
    expect(fields({ physicianGlobal: 3 })).toEqual([]);
  });

  it("rejects values off the line, strings and a missing value", () => {
    for (const value of [-0.1, 3.01, 10, "1", null]) expect(fields({ physicianGlobal: value }), String(value)).toEqual(["inputs.physicianGlobal"]);
  });
});
