import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs, Observation, ResponseCriterion } from "../../src/plugin-api";
import { PASI, pasiInputs } from "./pasi";
import { PASI_50, PASI_75, PASI_90, PASI_100, pasiImprovement } from "./pasi-response";

describe("PASI75 boundary", () => {
  it.each([
    // Exactly 75%: 3/12 = 0.25, 2.5/10 = 0.25 (boundary inclusive).
    [12, 3, "RESPONDER"],
    [10, 2.5, "RESPONDER"],
    // Exactly 75%, but 100·(f − b)/b is −74.99999999999999 in doubles: a naive ≥ 75 would fail.
    [1.2, 0.3, "RESPONDER"],
    [9.6, 2.4, "RESPONDER"],
    [4.8, 1.2, "RESPONDER"],
    // Just short: 3.1/12 leaves 25.8%, a fall of 74.2%; 2.6/10 is a fall of 74%.
    [12, 3.1, "NON_RESPONDER"],
    [10, 2.6, "NON_RESPONDER"],
    // Worsening.
    [10, 12, "NON_RESPONDER"],
    // Clearly better: 20 → 1 is a 95% fall.
    [20, 1, "RESPONDER"],
  ] as const)("%s → %s is %s", (baseline, followUp, status) => {
    expect(pasiImprovement(baseline, followUp, 75).status).toBe(status);
  });

  it("guards against float noise only: a fall 1e-6 short of 75% still fails", () => {
    // Follow-up 2.50001 from 10 is a fall of 74.9999%.
    expect(pasiImprovement(10, 2.50001, 75).status).toBe("NON_RESPONDER");
  });

  it("reports the change and the percentage change", () => {
    // 12 → 3: change −9, percent change 100·(−9)/12 = −75.
    expect(pasiImprovement(12, 3, 75)).toMatchObject({ change: -9, percentChange: -75 });
  });
});

describe("PASI50 / PASI90 / PASI100 boundaries", () => {
  it.each([
    [50, 10, 5, "RESPONDER"], // exactly 50%
    [50, 10, 5.1, "NON_RESPONDER"], // 49%
    [90, 10, 1, "RESPONDER"], // exactly 90%
    [90, 21, 2.1, "RESPONDER"], // exactly 90%, 89.99999999999999 in doubles
    [90, 37, 3.7, "RESPONDER"], // exactly 90%, 89.99999999999999 in doubles
    [90, 10, 1.1, "NON_RESPONDER"], // 89%
    [100, 12, 0, "RESPONDER"], // clear skin
    [100, 12, 0.1, "NON_RESPONDER"], // 99.2%
  ] as const)("PASI%s: %s → %s is %s", (threshold, baseline, followUp, status) => {
    expect(pasiImprovement(baseline, followUp, threshold).status).toBe(status);
  });
});

describe("zero baseline", () => {
  it.each([50, 75, 90, 100])("PASI%s is NOT_EVALUABLE with a reason, never a division by zero", (threshold) => {
    for (const followUp of [0, 3]) {
      const result = pasiImprovement(0, followUp, threshold);
      expect(result.status).toBe("NOT_EVALUABLE");
      expect(result.percentChange).toBeNull();
      expect(result.reason).toMatch(/baseline PASI is 0/i);
    }
  });
});

describe("from raw inputs", () => {
  function observe(inputs: Inputs): Observation {
    const outcome = scoreInstrument(PASI, inputs);
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
    return { instrument: "PASI", value: outcome.value, inputs, components: outcome.components };
  }
  const evaluate = (criterion: ResponseCriterion, baseline: Inputs, followUp: Inputs) =>
    criterion.evaluate({ baseline: observe(baseline), followUp: observe(followUp), parameters: {} }).status;

  // Louden 2004 patient 1: published PASI 13.2.
  const louden1 = pasiInputs({ head: [2, 2, 2, 1], upperLimbs: [2, 2, 2, 2], trunk: [2, 2, 2, 3], lowerLimbs: [2, 2, 2, 2] });

  it("13.2 → 3.3 is exactly a 75% fall", () => {
    // Follow-up: trunk (4+4+3)·1·0.3 = 3.3; 3.3 / 13.2 = 0.25.
    const followUp = pasiInputs({ trunk: [4, 4, 3, 1] });
    expect(evaluate(PASI_75, louden1, followUp)).toBe("RESPONDER");
    expect(evaluate(PASI_90, louden1, followUp)).toBe("NON_RESPONDER");
  });

  it("13.2 → 6.6 is exactly a 50% fall", () => {
    // Follow-up: trunk (2+2+2)·1·0.3 = 1.8 + lower limbs (2+2+2)·2·0.4 = 4.8 → 6.6.
    const followUp = pasiInputs({ trunk: [2, 2, 2, 1], lowerLimbs: [2, 2, 2, 2] });
    expect(evaluate(PASI_50, louden1, followUp)).toBe("RESPONDER");
    expect(evaluate(PASI_75, louden1, followUp)).toBe("NON_RESPONDER");
  });

  it("1.2 → 0.3 from inputs is exactly a 75% fall", () => {
    // Lower limbs (1+1+1)·1·0.4 = 1.2; trunk (1+0+0)·1·0.3 = 0.3.
    expect(evaluate(PASI_75, pasiInputs({ lowerLimbs: [1, 1, 1, 1] }), pasiInputs({ trunk: [1, 0, 0, 1] }))).toBe("RESPONDER");
  });

  it("a clear follow-up is PASI100", () => {
    expect(evaluate(PASI_100, louden1, pasiInputs({}))).toBe("RESPONDER");
  });

  it("clear skin at baseline is NOT_EVALUABLE", () => {
    expect(evaluate(PASI_75, pasiInputs({}), pasiInputs({}))).toBe("NOT_EVALUABLE");
  });
});

describe("criterion declarations", () => {
  it("use distinct UPPER_SNAKE codes on the PASI score", () => {
    const all = [PASI_50, PASI_75, PASI_90, PASI_100];
    expect(all.map((c) => c.code)).toEqual(["PASI_50", "PASI_75", "PASI_90", "PASI_100"]);
    for (const c of all) expect(c).toMatchObject({ instruments: ["PASI"], basis: "SCORE" });
  });
});
