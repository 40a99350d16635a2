import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import plugin from ".";
import { demoAssessments } from "./demo";

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

const byCode = new Map(plugin.instruments.map((i) => [i.code, i]));

function mean(activity: number, instrument: string): number {
  const random = seeded(11);
  let total = 0;
  for (let i = 0; i < 200; i++) {
    const assessments = demoAssessments({ random, activity, visitCode: "BASELINE", sex: "MALE" });
    expect(assessments.map((a) => a.instrument).sort()).toEqual(plugin.instruments.map((i) => i.code).sort());
    for (const a of assessments) {
      const outcome = scoreInstrument(byCode.get(a.instrument)!, a.inputs);
      if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
      if (a.instrument === instrument) total += outcome.value!;
    }
  }
  return total / 200;
}

describe("Behçet's demo", () => {
  it("produces valid inputs for every instrument whose index and oral-ulcer count follow the activity", () => {
    const [none, half, full] = [0, 0.5, 1].map((a) => mean(a, "BDCAF_INDEX"));
    expect(none).toBeLessThan(1);
    expect(half).toBeGreaterThan(none);
    expect(full).toBeGreaterThan(half);
    const [noUlcers, manyUlcers] = [0, 1].map((a) => mean(a, "ORAL_ULCER_COUNT"));
    expect(manyUlcers).toBeGreaterThan(noUlcers + 2);
  });
});
