import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { DemoAssessment, Inputs } from "../../src/plugin-api";
import plugin from ".";
import { demoAssessments } from "./demo";

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

function visit(activity: number, seed: number, sex: "FEMALE" | "MALE" = "FEMALE"): Record<string, Inputs> {
  const assessments: DemoAssessment[] = demoAssessments({ random: seeded(seed), activity, visitCode: "BASELINE", sex });
  return Object.fromEntries(assessments.map((a) => [a.instrument, a.inputs]));
}

const scoreOf = (code: string, inputs: Inputs) => {
  const outcome = scoreInstrument(plugin.instruments.find((i) => i.code === code)!, inputs);
  if (!outcome.ok) throw new Error(`${code} ${JSON.stringify(outcome.problems)}`);
  return outcome.value!;
};

describe("demo assessments", () => {
  it("record CDAI and HBI, with the patient's sex entered into the CDAI", () => {
    expect(Object.keys(visit(0.5, 7)).sort()).toEqual(["CDAI_CROHNS", "HBI"]);
    expect(visit(0.5, 7, "MALE").CDAI_CROHNS.sex).toBe("MALE");
    expect(visit(0.5, 7, "FEMALE").CDAI_CROHNS.sex).toBe("FEMALE");
  });

  it("are accepted by both instruments across activities, seeds and sexes", () => {
    for (let seed = 1; seed < 40; seed++) {
      for (const activity of [0, 0.1, 0.5, 0.9, 1]) {
        for (const sex of ["FEMALE", "MALE"] as const) {
          for (const [code, inputs] of Object.entries(visit(activity, seed, sex))) scoreOf(code, inputs);
        }
      }
    }
  });

  it("follow the activity: remission when inactive, active when maximal", () => {
    for (let seed = 1; seed < 10; seed++) {
      expect(scoreOf("CDAI_CROHNS", visit(0, seed).CDAI_CROHNS)).toBeLessThan(150);
      expect(scoreOf("CDAI_CROHNS", visit(1, seed).CDAI_CROHNS)).toBeGreaterThan(220);
      expect(scoreOf("HBI", visit(0, seed).HBI)).toBeLessThan(5);
      expect(scoreOf("HBI", visit(1, seed).HBI)).toBeGreaterThan(7);
    }
  });
});
