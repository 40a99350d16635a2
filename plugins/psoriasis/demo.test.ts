import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import { demoAssessments } from "./demo";
import { PASI } from "./pasi";

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

function meanPasi(activity: number): number {
  const random = seeded(7);
  let total = 0;
  for (let i = 0; i < 200; i++) {
    const [{ instrument, inputs }] = demoAssessments({ random, activity, visitCode: "BASELINE", sex: "FEMALE" });
    expect(instrument).toBe("PASI");
    const outcome = scoreInstrument(PASI, inputs);
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
    total += outcome.value!;
  }
  return total / 200;
}

describe("PASI demo", () => {
  it("produces valid inputs whose PASI follows the activity", () => {
    const [none, half, full] = [0, 0.5, 1].map(meanPasi);
    // Trial entry usually needs PASI ≥ 12; near-clear skin at no activity; ordered in between.
    expect(full).toBeGreaterThanOrEqual(12);
    expect(none).toBeLessThan(2);
    expect(half).toBeGreaterThan(none);
    expect(half).toBeLessThan(full);
  });
});
