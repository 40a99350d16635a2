import { describe, expect, it } from "vitest";
import type { Inputs, ResponseCriterion } from "../../src/plugin-api";
import { MODIFIED_MAYO_REMISSION, MODIFIED_MAYO_REMISSION_SF_FALL } from "./modified-mayo-remission";

const m = (stoolFrequency: number, rectalBleeding: number, endoscopy: number): Inputs => ({ stoolFrequency, rectalBleeding, endoscopy, friability: endoscopy >= 2 });
const evaluate = (criterion: ResponseCriterion, baseline: Inputs, followUp: Inputs) =>
  criterion.evaluate({ baseline: { instrument: "MODIFIED_MAYO", value: null, inputs: baseline }, followUp: { instrument: "MODIFIED_MAYO", value: null, inputs: followUp }, parameters: {} });

describe("modified-Mayo remission", () => {
  it("needs SF ≤ 1, RB 0 and ES ≤ 1: each condition on both sides", () => {
    const base = m(3, 3, 3);
    expect(evaluate(MODIFIED_MAYO_REMISSION, base, m(1, 0, 1)).status).toBe("RESPONDER");
    expect(evaluate(MODIFIED_MAYO_REMISSION, base, m(2, 0, 1)).status).toBe("NON_RESPONDER");
    expect(evaluate(MODIFIED_MAYO_REMISSION, base, m(1, 1, 1)).status).toBe("NON_RESPONDER");
    expect(evaluate(MODIFIED_MAYO_REMISSION, base, m(1, 0, 2))).toMatchObject({ status: "NON_RESPONDER", reason: expect.stringContaining("endoscopy 2") });
    expect(evaluate(MODIFIED_MAYO_REMISSION, m(0, 0, 0), m(0, 0, 0))).toMatchObject({ status: "RESPONDER", percentChange: null });
  });

  it("the SF-fall variant also needs stool frequency at least 1 below baseline", () => {
    expect(evaluate(MODIFIED_MAYO_REMISSION_SF_FALL, m(2, 2, 2), m(1, 0, 1)).status).toBe("RESPONDER");
    expect(evaluate(MODIFIED_MAYO_REMISSION_SF_FALL, m(1, 2, 2), m(1, 0, 1))).toMatchObject({ status: "NON_RESPONDER", reason: expect.stringContaining("did not fall") });
    expect(evaluate(MODIFIED_MAYO_REMISSION, m(1, 2, 2), m(1, 0, 1)).status).toBe("RESPONDER");
    expect(evaluate(MODIFIED_MAYO_REMISSION_SF_FALL, m(0, 0, 0), m(0, 0, 0)).status).toBe("NON_RESPONDER");
  });
});
