import { describe, expect, it } from "vitest";
import { bandFor, scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { AIH_SIMPLIFIED_SCORE, simplifiedScore } from "./simplified-score";

const base: Inputs = { autoantibodies: "none", igg: 10, iggUln: 16, histology: "atypical", noViralHepatitis: false };

describe("simplified diagnostic criteria (Hennes 2008, hand-calculated)", () => {
  it("scores each item", () => {
    expect(simplifiedScore(base).value).toBe(0);
    expect(simplifiedScore({ ...base, autoantibodies: "ana_or_sma_40" }).components.autoantibodies).toBe(1);
    expect(simplifiedScore({ ...base, autoantibodies: "ana_or_sma_80_lkm_40_or_sla" }).components.autoantibodies).toBe(2);
    expect(simplifiedScore({ ...base, histology: "compatible" }).components.histology).toBe(1);
    expect(simplifiedScore({ ...base, histology: "typical" }).components.histology).toBe(2);
    expect(simplifiedScore({ ...base, noViralHepatitis: true }).components.viralHepatitis).toBe(2);
    expect(simplifiedScore({ autoantibodies: "ana_or_sma_80_lkm_40_or_sla", igg: 30, iggUln: 16, histology: "typical", noViralHepatitis: true }).value).toBe(8);
  });

  it.each([
    [16, 0], // = ULN: not above
    [16.1, 1],
    [17.6, 1], // exactly 1.10 × ULN: not above 1.10
    [17.600000000000001, 1], // float noise at 1.10
    [17.7, 2],
  ])("IgG %s g/L with ULN 16 gives %s", (igg, points) => {
    expect(simplifiedScore({ ...base, igg }).components.igg).toBe(points);
  });

  it.each([
    [5, "not_diagnostic"],
    [6, "probable"],
    [7, "definite"],
    [8, "definite"],
  ])("a total of %s is %s", (value, code) => {
    expect(bandFor(AIH_SIMPLIFIED_SCORE.bands, value)?.code).toBe(code);
  });

  it("refuses an unknown autoantibody or histology code and a missing IgG ULN", () => {
    const outcome = scoreInstrument(AIH_SIMPLIFIED_SCORE, { ...base, autoantibodies: "lkm_1_40", histology: "maybe", iggUln: undefined });
    expect(!outcome.ok && outcome.problems.map((p) => p.field)).toEqual(["inputs.autoantibodies", "inputs.iggUln", "inputs.histology"]);
  });
});
