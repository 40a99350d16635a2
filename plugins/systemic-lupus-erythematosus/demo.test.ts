import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import plugin from ".";
import { demoAssessments } from "./demo";
import { SLEDAI_2K_DESCRIPTORS } from "./descriptors";

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

function visits(activity: number, n = 400) {
  const random = seeded(11);
  return Array.from({ length: n }, () => demoAssessments({ random, activity, visitCode: "D85", sex: "FEMALE" }));
}

function value(code: string, inputs: Record<string, unknown>) {
  const instrument = plugin.instruments.find((i) => i.code === code)!;
  const outcome = scoreInstrument(instrument, inputs);
  if (!outcome.ok) throw new Error(`${code}: ${outcome.problems.map((p) => p.message).join("; ")}`);
  return outcome;
}

describe("SLE demo", () => {
  it("gives every instrument valid inputs and the same descriptors and PGA to each", () => {
    for (const activity of [0, 0.5, 1]) {
      for (const assessments of visits(activity, 50)) {
        const byCode = Object.fromEntries(assessments.map((a) => [a.instrument, a.inputs]));
        expect(Object.keys(byCode).sort()).toEqual(["DORIS_REMISSION", "LLDAS", "PGA_SLE", "SLEDAI_2K"]);
        for (const { instrument, inputs } of assessments) value(instrument, inputs);
        for (const { name } of SLEDAI_2K_DESCRIPTORS) {
          expect(byCode.LLDAS[name]).toBe(byCode.SLEDAI_2K[name]);
          expect(byCode.DORIS_REMISSION[name]).toBe(byCode.SLEDAI_2K[name]);
        }
        expect(byCode.LLDAS.physicianGlobal).toBe(byCode.PGA_SLE.physicianGlobal);
      }
    }
  });

  it("tracks the activity: mean SLEDAI-2K near the expected 0.9 / 7.6 / 14.4", () => {
    // Expected values: Σ weight × (base + slope × activity) over the demo's likelihood table (see demo.ts).
    const mean = (activity: number) => visits(activity).reduce((sum, a) => sum + (value("SLEDAI_2K", a[0].inputs).value as number), 0) / 400;
    expect(mean(0)).toBeLessThan(2);
    expect(Math.abs(mean(0.5) - 7.6)).toBeLessThan(1.5);
    expect(Math.abs(mean(1) - 14.4)).toBeLessThan(1.5);
  });

  it("puts some inactive visits in LLDAS and DORIS remission, and almost no active ones", () => {
    const share = (activity: number, code: string, category: string) =>
      visits(activity).filter((a) => value(code, a.find((x) => x.instrument === code)!.inputs).category?.code === category).length / 400;
    expect(share(0, "LLDAS", "in_lldas")).toBeGreaterThan(0.3);
    expect(share(0, "DORIS_REMISSION", "remission")).toBeGreaterThan(0.2);
    expect(share(1, "LLDAS", "in_lldas")).toBeLessThan(0.05);
    expect(share(1, "DORIS_REMISSION", "remission")).toBeLessThan(0.05);
  });
});
