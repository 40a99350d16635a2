import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import plugin from ".";
import { demoAssessments } from "./demo";

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

function visit(activity: number, seed: number) {
  const assessments = demoAssessments({ random: seeded(seed), activity, visitCode: "BASELINE", sex: "MALE" });
  return Object.fromEntries(
    assessments.map(({ instrument, inputs }) => {
      const outcome = scoreInstrument(plugin.instruments.find((i) => i.code === instrument)!, inputs);
      if (!outcome.ok) throw new Error(`${instrument}: ${outcome.problems.map((p) => p.message).join("; ")}`);
      return [instrument, { inputs, value: outcome.value, category: outcome.category?.code }];
    }),
  );
}

describe("demo assessments", () => {
  it("record every instrument of the plugin with valid inputs", () => {
    for (const activity of [0, 0.3, 0.7, 1]) {
      expect(Object.keys(visit(activity, 7)).sort()).toEqual(plugin.instruments.map((i) => i.code).sort());
    }
  });

  it("follow the simulated activity", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const quiet = visit(0, seed);
      const flaring = visit(1, seed);
      expect(quiet.ASDAS_CRP.value as number).toBeLessThan(flaring.ASDAS_CRP.value as number);
      expect(quiet.BASDAI.value as number).toBeLessThan(flaring.BASDAI.value as number);
      expect(flaring.ASDAS_CRP.category).toBe("very_high");
      expect(quiet.ASAS_PARTIAL_REMISSION.category).toBe("partial_remission");
    }
  });

  it("reuse the same answers across instruments, as on one form", () => {
    const v = visit(0.5, 3);
    expect(v.ASDAS_CRP.inputs.backPain).toBe(v.BASDAI.inputs.spinalPain);
    expect(v.ASDAS_CRP.inputs.peripheralPain).toBe(v.BASDAI.inputs.peripheralPain);
    expect(v.ASDAS_CRP.inputs.morningStiffnessDuration).toBe(v.BASDAI.inputs.morningStiffnessDuration);
    expect(v.ASAS_DOMAINS.inputs.basfi).toBeCloseTo(v.BASFI.value as number, 9);
  });
});
