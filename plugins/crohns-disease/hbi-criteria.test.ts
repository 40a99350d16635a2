import { describe, expect, it } from "vitest";
import type { ResponseCriterion } from "../../src/plugin-api";
import { HBI_REMISSION, HBI_RESPONSE } from "./hbi-criteria";

const evaluate = (criterion: ResponseCriterion, baseline: number, followUp: number) =>
  criterion.evaluate({ baseline: { instrument: criterion.instruments[0], value: baseline }, followUp: { instrument: criterion.instruments[0], value: followUp }, parameters: {} });

describe("HBI criteria", () => {
  it("HBI response: a fall of 3 responds, 2 does not; 4.1 → 1.1 (2.9999999999999996 in doubles) responds", () => {
    expect(evaluate(HBI_RESPONSE, 10, 7).status).toBe("RESPONDER");
    expect(evaluate(HBI_RESPONSE, 10, 8).status).toBe("NON_RESPONDER");
    expect(evaluate(HBI_RESPONSE, 4.1, 1.1).status).toBe("RESPONDER");
    expect(evaluate(HBI_RESPONSE, 5, 9).status).toBe("NON_RESPONDER");
  });

  it("HBI response evaluates a zero baseline (points, not percent)", () => {
    expect(evaluate(HBI_RESPONSE, 0, 0)).toMatchObject({ status: "NON_RESPONDER", percentChange: null });
    expect(evaluate(HBI_REMISSION, 0, 0)).toMatchObject({ status: "RESPONDER", percentChange: null });
  });

  it("HBI remission: 4 is remission, 5 is not", () => {
    expect(evaluate(HBI_REMISSION, 12, 4).status).toBe("RESPONDER");
    expect(evaluate(HBI_REMISSION, 12, 5).status).toBe("NON_RESPONDER");
  });
});
