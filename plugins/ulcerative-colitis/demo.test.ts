import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { DemoAssessment, Inputs } from "../../src/plugin-api";
import plugin from ".";
import { demoAssessments } from "./demo";

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

function visit(activity: number, seed: number): Record<string, Inputs> {
  const assessments: DemoAssessment[] = demoAssessments({ random: seeded(seed), activity, visitCode: "BASELINE", sex: "FEMALE" });
  return Object.fromEntries(assessments.map((a) => [a.instrument, a.inputs]));
}

const scoreOf = (code: string, inputs: Inputs) => {
  const outcome = scoreInstrument(plugin.instruments.find((i) => i.code === code)!, inputs);
  if (!outcome.ok) throw new Error(`${code} ${JSON.stringify(outcome.problems)}`);
  return outcome.value!;
};

describe("demo assessments", () => {
  it("enter the same subscores into the three totals, the modified endoscopy scoring friability as 2", () => {
    for (let seed = 1; seed < 40; seed++) {
      for (const activity of [0, 0.2, 0.5, 0.8, 1]) {
        const v = visit(activity, seed);
        expect(Object.keys(v).sort()).toEqual(["MAYO", "MODIFIED_MAYO", "PARTIAL_MAYO"]);
        const total = scoreOf("MAYO", v.MAYO);
        expect(scoreOf("PARTIAL_MAYO", v.PARTIAL_MAYO)).toBe(total - (v.MAYO.endoscopy as number));
        expect(v.MODIFIED_MAYO.stoolFrequency).toBe(v.MAYO.stoolFrequency);
        expect(v.MODIFIED_MAYO.endoscopy).toBeGreaterThanOrEqual(v.MAYO.endoscopy as number);
        scoreOf("MODIFIED_MAYO", v.MODIFIED_MAYO);
      }
    }
  });

  it("follow the activity: inactive or mild when inactive, moderate or severe when maximal", () => {
    for (let seed = 1; seed < 10; seed++) {
      expect(scoreOf("MAYO", visit(0, seed).MAYO)).toBeLessThanOrEqual(5);
      expect(scoreOf("MAYO", visit(1, seed).MAYO)).toBeGreaterThanOrEqual(6);
    }
  });
});
