import { describe, expect, it } from "vitest";
import type { Inputs, ResponseCriterion } from "../../src/plugin-api";
import { ENDOSCOPIC_IMPROVEMENT, MUCOSAL_HEALING } from "./endoscopic-criteria";

const at = (endoscopy: number): Inputs => ({ stoolFrequency: 1, rectalBleeding: 1, endoscopy, physicianGlobal: 1 });
const evaluate = (criterion: ResponseCriterion, before: number, after: number) =>
  criterion.evaluate({ baseline: { instrument: "MAYO", value: null, inputs: at(before) }, followUp: { instrument: "MAYO", value: null, inputs: at(after) }, parameters: {} }).status;

describe("endoscopic criteria", () => {
  it("endoscopic improvement: subscore 1 yes, 2 no", () => {
    expect([0, 1, 2, 3].map((after) => evaluate(ENDOSCOPIC_IMPROVEMENT, 3, after))).toEqual(["RESPONDER", "RESPONDER", "NON_RESPONDER", "NON_RESPONDER"]);
  });

  it("mucosal healing: subscore 0 yes, 1 no", () => {
    expect([0, 1, 2].map((after) => evaluate(MUCOSAL_HEALING, 2, after))).toEqual(["RESPONDER", "NON_RESPONDER", "NON_RESPONDER"]);
  });

  it("a zero baseline is evaluable (follow-up alone)", () => {
    expect(evaluate(ENDOSCOPIC_IMPROVEMENT, 0, 0)).toBe("RESPONDER");
    expect(evaluate(MUCOSAL_HEALING, 0, 0)).toBe("RESPONDER");
  });
});
