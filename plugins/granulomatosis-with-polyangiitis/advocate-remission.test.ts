import { describe, expect, it } from "vitest";
import { ADVOCATE_REMISSION, advocateRemission } from "./advocate-remission";

// Hand-computed cases on both sides of each condition.

describe("ADVOCATE_REMISSION", () => {
  it("needs BVAS 0 and no glucocorticoids for vasculitis in the prior 4 weeks", () => {
    expect(advocateRemission(16, 0, false).status).toBe("RESPONDER");
    expect(advocateRemission(16, 0, true)).toMatchObject({ status: "NON_RESPONDER", reason: expect.stringContaining("glucocorticoids for vasculitis in the prior 4 weeks: yes") });
    expect(advocateRemission(16, 1, false).status).toBe("NON_RESPONDER");
  });

  it("is decided from the follow-up alone: a zero baseline is evaluable on both sides", () => {
    expect(advocateRemission(0, 0, false)).toMatchObject({ status: "RESPONDER", percentChange: null });
    expect(advocateRemission(0, 0, true).status).toBe("NON_RESPONDER");
    expect(advocateRemission(0, 1, false).status).toBe("NON_RESPONDER");
  });

  it("reads the parameter", () => {
    const evaluate = (gc: boolean) =>
      ADVOCATE_REMISSION.evaluate({ baseline: { instrument: "BVAS_V3", value: 9 }, followUp: { instrument: "BVAS_V3", value: 0 }, parameters: { glucocorticoidsForVasculitisPrior4Weeks: gc } }).status;
    expect(evaluate(false)).toBe("RESPONDER");
    expect(evaluate(true)).toBe("NON_RESPONDER");
  });
});
