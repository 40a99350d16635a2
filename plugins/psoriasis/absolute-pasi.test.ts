import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import { PASI_ABSOLUTE_2, absolutePasi } from "./absolute-pasi";
import { PASI, pasiInputs } from "./pasi";

// Threshold from Mahil 2020 (BADBIR): absolute PASI ≤ 2 at follow-up, boundary inclusive.
describe("absolute PASI ≤ 2", () => {
  it.each([
    [20, 2, "RESPONDER"],
    [20, 1.9, "RESPONDER"],
    [20, 0, "RESPONDER"],
    [20, 2.1, "NON_RESPONDER"],
    [1, 2.5, "NON_RESPONDER"],
    // Head 0.1·1·2 + upper limbs 0.2·3·3 summed naively is 2.0000000000000004, not 2.
    [20, 0.1 * 1 * 2 + 0.2 * 3 * 3, "RESPONDER"],
    [20, 2.0001, "NON_RESPONDER"],
  ] as const)("%s → %s is %s", (baseline, followUp, status) => {
    expect(absolutePasi(baseline, followUp).status).toBe(status);
  });

  it("does not need the baseline: a zero baseline stays evaluable, with no percentage", () => {
    expect(absolutePasi(0, 0)).toMatchObject({ status: "RESPONDER", change: 0, percentChange: null });
    expect(absolutePasi(0, 3).status).toBe("NON_RESPONDER");
  });

  it("reports the change from baseline", () => {
    // 13.2 → 2: change −11.2, percent change 100·(−11.2)/13.2 = −84.85.
    const result = absolutePasi(13.2, 2);
    expect(result.change).toBeCloseTo(-11.2, 10);
    expect(result.percentChange).toBeCloseTo(-84.848, 2);
  });

  it("works on a PASI computed from raw inputs", () => {
    // Lower limbs (2+2+1)·1·0.4 = 2.0.
    const outcome = scoreInstrument(PASI, pasiInputs({ lowerLimbs: [2, 2, 1, 1] }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const followUp = { instrument: "PASI", value: outcome.value };
    expect(PASI_ABSOLUTE_2.evaluate({ baseline: { instrument: "PASI", value: 13.2 }, followUp, parameters: {} }).status).toBe("RESPONDER");
  });
});
