import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import { ASDAS_ESR, asdasInputs } from "./asdas";
import { ASDAS_IMPROVEMENT, asdasImprovement } from "./asdas-improvement";

describe("ASDAS improvement (Machado 2011): Δ ≥ 1.1 clinically important, Δ ≥ 2.0 major", () => {
  const cases: Array<[baseline: number, followUp: number, category: string, why: string]> = [
    [2.4, 1.3, "clinically_important_improvement", "Δ = 1.1 exactly, 1.0999999999999999 in doubles"],
    [2.4, 1.31, "no_important_improvement", "Δ = 1.09"],
    [3.5, 2.4, "clinically_important_improvement", "Δ = 1.1"],
    [3.3, 1.3, "major_improvement", "Δ = 2.0 exactly, 1.9999999999999998 in doubles"],
    [3.3, 1.31, "clinically_important_improvement", "Δ = 1.99"],
    [4.0, 1.9, "major_improvement", "Δ = 2.1"],
    [2.0, 2.0, "no_important_improvement", "no change"],
    [1.5, 2.5, "no_important_improvement", "worsening"],
  ];

  it.each(cases)("%s → %s is %s (%s)", (baseline, followUp, category) => {
    const result = asdasImprovement(baseline, followUp);
    expect(result.category).toBe(category);
    expect(result.status).toBe(category === "no_important_improvement" ? "NON_RESPONDER" : "RESPONDER");
  });

  it("would fail the exact boundaries with a naive comparison", () => {
    expect(2.4 - 1.3 >= 1.1).toBe(false);
    expect(3.3 - 1.3 >= 2.0).toBe(false);
  });

  it("reports change as follow-up minus baseline", () => {
    const result = asdasImprovement(3.0, 1.5);
    expect(result.change).toBeCloseTo(-1.5, 12);
    expect(result.percentChange).toBeCloseTo(-50, 9);
  });

  it("gives a null percent change, not a division by zero, from an ASDAS-ESR baseline of 0", () => {
    const result = asdasImprovement(0, 1);
    expect(result.percentChange).toBeNull();
    expect(result.category).toBe("no_important_improvement");
  });

  it("works from raw inputs through the instrument", () => {
    // 0.226 + 0.344 + 2.930 = 3.500 → 0.079 + 0.791 + 0.430 = 1.300: Δ = 2.2, major.
    const before = scoreInstrument(ASDAS_ESR, asdasInputs(0, 0, 2, 4, { esr: 100 }));
    const after = scoreInstrument(ASDAS_ESR, asdasInputs(1, 0, 7, 5, { esr: 0 }));
    if (!before.ok || !after.ok) throw new Error("inputs rejected");
    const result = ASDAS_IMPROVEMENT.evaluate({
      baseline: { instrument: "ASDAS_ESR", value: before.value },
      followUp: { instrument: "ASDAS_ESR", value: after.value },
      parameters: {},
    });
    expect(result.category).toBe("major_improvement");
  });

  it("is defined on the score of either ASDAS version", () => {
    expect(ASDAS_IMPROVEMENT.basis).toBe("SCORE");
    expect(ASDAS_IMPROVEMENT.instruments).toEqual(["ASDAS_CRP", "ASDAS_ESR"]);
  });
});
