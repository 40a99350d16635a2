import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import { BVAS_V3 } from "./bvas-v3";
import { demoAssessments } from "./demo";

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

function meanBvas(activity: number, visitCode: string): number {
  const random = seeded(11);
  let total = 0;
  for (let i = 0; i < 300; i++) {
    const [{ instrument, inputs }] = demoAssessments({ random, activity, visitCode, sex: "MALE" });
    expect(instrument).toBe("BVAS_V3");
    const outcome = scoreInstrument(BVAS_V3, inputs);
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
    total += outcome.value!;
  }
  return total / 300;
}

describe("BVAS v3 demo", () => {
  it("produces valid forms whose BVAS follows the activity", () => {
    const [none, half, full] = [0, 0.5, 1].map((a) => meanBvas(a, "BASELINE"));
    expect(none).toBeLessThan(1.5);
    expect(half).toBeGreaterThan(none);
    expect(full).toBeGreaterThan(half);
    expect(full).toBeGreaterThanOrEqual(10);
    expect(full).toBeLessThanOrEqual(30);
  });

  it("answers the first-assessment question from the visit and uses the PERSISTENT box only later", () => {
    const random = seeded(3);
    for (let i = 0; i < 100; i++) {
      const [baseline] = demoAssessments({ random, activity: 0.2, visitCode: "BASELINE", sex: "FEMALE" });
      expect(baseline.inputs.firstAssessment).toBe(true);
      expect(baseline.inputs.persistentDisease).toBeUndefined();
    }
    const later = Array.from({ length: 100 }, () => demoAssessments({ random, activity: 0.2, visitCode: "D85", sex: "FEMALE" })[0].inputs);
    expect(later.every((inputs) => inputs.firstAssessment === false && inputs.serumCreatinine === undefined)).toBe(true);
    expect(later.some((inputs) => inputs.persistentDisease === true)).toBe(true);
    // mean scores of persistent follow-up forms stay below those of baseline forms at the same activity
    expect(meanBvas(0.5, "D85")).toBeLessThan(meanBvas(0.5, "BASELINE"));
  });
});
