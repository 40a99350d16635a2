import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { AIH_BIOCHEMISTRY, isNormal } from "./biochemistry";

const base: Inputs = { alt: 120, altUln: 40, ast: 90, astUln: 40, igg: 22, iggUln: 16 };
const fields = (inputs: Inputs) => {
  const outcome = scoreInstrument(AIH_BIOCHEMISTRY, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
};

describe("AIH biochemistry (hand-calculated)", () => {
  it("scores ALT × ULN and reports AST and IgG × ULN", () => {
    const outcome = scoreInstrument(AIH_BIOCHEMISTRY, base);
    expect(outcome).toMatchObject({ ok: true, value: 3, category: { code: "elevated" }, components: { altTimesUln: 3, astTimesUln: 2.25, iggTimesUln: 1.375 } });
  });

  it("counts a value equal to the ULN as normal, and float noise around it too", () => {
    expect(isNormal(1)).toBe(true);
    expect(isNormal(1.0000000000000002)).toBe(true);
    expect(isNormal(1.001)).toBe(false);
    expect(scoreInstrument(AIH_BIOCHEMISTRY, { ...base, alt: 40 })).toMatchObject({ category: { code: "normal" } });
    expect(scoreInstrument(AIH_BIOCHEMISTRY, { ...base, alt: 40.1 })).toMatchObject({ category: { code: "elevated" } });
  });

  it("accepts a form without IgG, but not IgG without its ULN", () => {
    expect(fields({ alt: 20, altUln: 40, ast: 20, astUln: 40 })).toEqual([]);
    expect(fields({ ...base, iggUln: undefined })).toEqual(["inputs.iggUln"]);
    expect(fields({ ...base, igg: undefined })).toEqual(["inputs.igg"]);
  });

  it("refuses a zero or implausibly low ULN", () => {
    expect(fields({ ...base, altUln: 0 })).toEqual(["inputs.altUln"]);
    expect(fields({ ...base, astUln: 9 })).toEqual(["inputs.astUln"]);
    expect(fields({ ...base, iggUln: 4 })).toEqual(["inputs.iggUln"]);
    expect(fields({ ...base, alt: 10_000, altUln: 10 })).toEqual([]);
  });
});
