import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import { ALP_PSC } from "./alp";

describe("ALP × ULN", () => {
  it.each([
    [390, 130, 3, "elevated"],
    [130, 130, 1, "normal"], // equal to the ULN: normal (boundary inclusive)
    [129, 130, 129 / 130, "normal"],
    [131, 130, 131 / 130, "elevated"],
    [0, 120, 0, "normal"],
  ])("ALP %s U/L with ULN %s is %s × ULN (%s)", (alp, alpUln, value, category) => {
    const outcome = scoreInstrument(ALP_PSC, { alp, alpUln });
    expect(outcome).toMatchObject({ ok: true, category: { code: category } });
    expect(outcome.ok && outcome.value).toBeCloseTo(value, 12);
  });

  it("treats a ratio that is 1 only up to float noise as normal", () => {
    // 0.3 / 0.1 style noise: 1.0000000000000002 × ULN.
    const outcome = scoreInstrument(ALP_PSC, { alp: 100.00000000000001, alpUln: 100 });
    expect(outcome.ok && outcome.category?.code).toBe("normal");
  });

  it("refuses a zero, implausibly low or missing ULN", () => {
    const fields = (inputs: Record<string, unknown>) => {
      const outcome = scoreInstrument(ALP_PSC, inputs);
      return outcome.ok ? [] : outcome.problems.map((p) => p.field);
    };
    expect(fields({ alp: 100, alpUln: 0 })).toEqual(["inputs.alpUln"]);
    expect(fields({ alp: 100 })).toEqual(["inputs.alpUln"]);
    expect(fields({ alp: 100, alpUln: 9 })).toEqual(["inputs.alpUln"]);
    expect(fields({ alp: 5000, alpUln: 10 })).toEqual([]);
  });
});
