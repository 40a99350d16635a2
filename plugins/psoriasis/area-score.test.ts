import { describe, expect, it } from "vitest";
import { areaScoreFromPercent } from "./area-score";

// Expected scores read off the published scale (Fredriksson 1978; Feldman & Krueger 2005, Table 1):
// 0 → 0, >0–<10 → 1, 10–<30 → 2, 30–<50 → 3, 50–<70 → 4, 70–<90 → 5, 90–100 → 6.
describe("PASI area score from a percentage", () => {
  it.each([
    [0, 0],
    [0.1, 1],
    [5, 1],
    [9.99, 1],
    [10, 2],
    [29.9, 2],
    [30, 3],
    [49.9, 3],
    [50, 4],
    [69.9, 4],
    [70, 5],
    [89.9, 5],
    [90, 6],
    [100, 6],
  ])("%s percent scores %s", (percent, score) => {
    expect(areaScoreFromPercent(percent)).toBe(score);
  });

  it("treats a percentage within 1e-9 of a cut-off as the cut-off (float noise)", () => {
    // 9.7 + 0.2 + 0.1 is 9.999999999999998 in doubles: a 10% area summed from parts must still score 2.
    expect(areaScoreFromPercent(9.7 + 0.2 + 0.1)).toBe(2);
    expect(areaScoreFromPercent(10 - 1e-12)).toBe(2);
    expect(areaScoreFromPercent(1e-12)).toBe(0);
  });
});
