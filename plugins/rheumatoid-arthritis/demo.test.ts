import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { DemoAssessment, Inputs } from "../../src/plugin-api";
import plugin from ".";
import { ACR20 } from "./acr-response";
import { demoAssessments } from "./demo";

function seeded(seed: number) {
  return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
}

function visit(activity: number, seed: number): Record<string, Inputs> {
  const assessments: DemoAssessment[] = demoAssessments({ random: seeded(seed), activity, visitCode: "BASELINE", sex: "FEMALE" });
  return Object.fromEntries(assessments.map((a) => [a.instrument, a.inputs]));
}

describe("demo assessments", () => {
  it("record DAS28, CDAI, SDAI, both Boolean remissions and the ACR core set at every visit", () => {
    expect(Object.keys(visit(0.5, 7)).sort()).toEqual(
      ["ACR_CORE_SET", "BOOLEAN_REMISSION_2011", "BOOLEAN_REMISSION_2022", "CDAI_RA", "DAS28_CRP", "DAS28_ESR", "SDAI"].sort(),
    );
  });

  it("enter the same measurements in each instrument's units (mm vs cm, mg/L vs mg/dL)", () => {
    for (const activity of [0, 0.3, 0.7, 1]) {
      const v = visit(activity, 11);
      const das = v.DAS28_CRP as Record<string, number>;
      const sdai = v.SDAI as Record<string, number>;
      const acr = v.ACR_CORE_SET as Record<string, number>;
      expect(sdai.patientGlobalCm).toBeCloseTo(das.patientGlobal / 10, 10);
      expect(sdai.crpMgDl).toBeCloseTo(das.crp / 10, 2);
      expect(acr.patientGlobal).toBe(das.patientGlobal);
      expect(acr.tjc68).toBeGreaterThanOrEqual(das.tjc28);
      expect(acr.sjc66).toBeGreaterThanOrEqual(das.sjc28);
      expect((acr.haqDi * 8) % 1).toBe(0);
    }
  });

  it("are accepted by every instrument across activities and seeds", () => {
    for (let seed = 1; seed < 40; seed++) {
      for (const activity of [0, 0.1, 0.5, 0.9, 1]) {
        for (const [code, inputs] of Object.entries(visit(activity, seed))) {
          const outcome = scoreInstrument(plugin.instruments.find((i) => i.code === code)!, inputs);
          expect(outcome.ok, `${code} ${JSON.stringify(inputs)}`).toBe(true);
        }
      }
    }
  });

  it("let ACR20 be evaluated between a high-activity baseline and a low-activity follow-up", () => {
    const baseline = visit(0.9, 3).ACR_CORE_SET;
    const followUp = visit(0.1, 5).ACR_CORE_SET;
    const observation = (inputs: Inputs) => ({ instrument: "ACR_CORE_SET", value: null, inputs });
    const result = ACR20.evaluate({ baseline: observation(baseline), followUp: observation(followUp), parameters: {} });
    expect(result.status).toBe("RESPONDER");
  });
});
