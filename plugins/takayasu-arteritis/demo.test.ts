import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import plugin from ".";
import { demoAssessments } from "./demo";

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

const byCode = new Map(plugin.instruments.map((i) => [i.code, i]));

function meanItas(activity: number): number {
  const random = seeded(5);
  let total = 0;
  for (let i = 0; i < 200; i++) {
    for (const a of demoAssessments({ random, activity, visitCode: "BASELINE", sex: "FEMALE" })) {
      const outcome = scoreInstrument(byCode.get(a.instrument)!, a.inputs);
      if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
      if (a.instrument === "ITAS2010") total += outcome.value!;
    }
  }
  return total / 200;
}

describe("Takayasu demo", () => {
  it("produces valid inputs whose ITAS2010 follows the activity: inactive at none, active on average at full", () => {
    const [none, half, full] = [0, 0.5, 1].map(meanItas);
    expect(none).toBe(0);
    expect(half).toBeGreaterThan(none);
    expect(full).toBeGreaterThan(half);
    expect(full).toBeGreaterThanOrEqual(2);
  });
});
