import { describe, expect, it } from "vitest";
import { BASDAI50, basdai50 } from "./basdai50";

describe("BASDAI50 (Rudwaleit 2004), strict ≥ 50% by default", () => {
  it("counts exactly 50% as a response", () => {
    expect(basdai50(6, 3)).toMatchObject({ status: "RESPONDER", category: "response" });
    // (1.36 − 2.72) / 2.72 = −50%, computed as −49.99999999999999%.
    expect((100 * (1.36 - 2.72)) / 2.72 <= -50).toBe(false);
    expect(basdai50(2.72, 1.36)).toMatchObject({ status: "RESPONDER", category: "response" });
  });

  it("does not count just under 50%", () => {
    // (3.1 − 6) / 6 = −48.3%
    expect(basdai50(6, 3.1)).toMatchObject({ status: "NON_RESPONDER", category: "no_response" });
    // (1.37 − 2.72) / 2.72 = −49.6%
    expect(basdai50(2.72, 1.37)).toMatchObject({ status: "NON_RESPONDER", category: "no_response" });
  });

  it("ignores an absolute fall of ≥ 2 units unless the protocol asks for it", () => {
    // 6 → 3.8 is a fall of 2.2 units but only 36.7%.
    expect(basdai50(6, 3.8)).toMatchObject({ status: "NON_RESPONDER", category: "no_response" });
    expect(basdai50(6, 3.8, true)).toMatchObject({ status: "RESPONDER", category: "response_by_absolute_fall" });
  });

  it("counts an absolute fall of exactly 2 units with the option, despite float noise", () => {
    // 4.1 − 2.1 = 1.9999999999999996 in doubles; 48.8% relative.
    expect(basdai50(4.1, 2.1, true)).toMatchObject({ status: "RESPONDER", category: "response_by_absolute_fall" });
    // 4.1 → 2.2 is 1.9 units and 46.3%.
    expect(basdai50(4.1, 2.2, true)).toMatchObject({ status: "NON_RESPONDER", category: "no_response" });
  });

  it("prefers the relative category when both rules hold", () => {
    expect(basdai50(8, 3, true)).toMatchObject({ status: "RESPONDER", category: "response" });
  });

  it("is NOT_EVALUABLE with a zero baseline, whatever the option", () => {
    for (const option of [false, true]) {
      const result = basdai50(0, 2, option);
      expect(result.status).toBe("NOT_EVALUABLE");
      expect(result.percentChange).toBeNull();
      expect(result.reason).toMatch(/Baseline BASDAI is 0/);
    }
  });

  it("reports the change and the percent change", () => {
    const result = basdai50(5, 2);
    expect(result.change).toBe(-3);
    expect(result.percentChange).toBeCloseTo(-60, 9);
  });

  it("reads the option from the evaluation parameters", () => {
    const evaluate = (parameters: Record<string, unknown>) =>
      BASDAI50.evaluate({ baseline: { instrument: "BASDAI", value: 6 }, followUp: { instrument: "BASDAI", value: 3.8 }, parameters }).status;
    expect(evaluate({})).toBe("NON_RESPONDER");
    expect(evaluate({ countTwoUnitFall: false })).toBe("NON_RESPONDER");
    expect(evaluate({ countTwoUnitFall: true })).toBe("RESPONDER");
  });

  it("states the strict default in its description", () => {
    expect(BASDAI50.description).toMatch(/Strict rule by default/);
    expect(BASDAI50.parameters?.[0]).toMatchObject({ name: "countTwoUnitFall", type: "boolean", optional: true });
  });
});
