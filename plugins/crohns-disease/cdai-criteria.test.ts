import { describe, expect, it } from "vitest";
import type { ResponseCriterion } from "../../src/plugin-api";
import { CDAI_100, CDAI_70, CDAI_REMISSION } from "./cdai-criteria";

const evaluate = (criterion: ResponseCriterion, baseline: number, followUp: number) =>
  criterion.evaluate({ baseline: { instrument: criterion.instruments[0], value: baseline }, followUp: { instrument: criterion.instruments[0], value: followUp }, parameters: {} });

describe("CDAI response criteria", () => {
  it("CDAI-70: a fall of exactly 70 responds, 69.99 does not; float noise does not decide", () => {
    expect(evaluate(CDAI_70, 300, 230)).toMatchObject({ status: "RESPONDER", change: -70 });
    expect(evaluate(CDAI_70, 300, 230.01).status).toBe("NON_RESPONDER");
    expect(128.2 - 58.2).toBeLessThan(70);
    expect(evaluate(CDAI_70, 128.2, 58.2).status).toBe("RESPONDER");
    expect(evaluate(CDAI_70, 200, 270).status).toBe("NON_RESPONDER");
  });

  it("CDAI-100: a fall of exactly 100 responds, 99.5 does not", () => {
    expect(evaluate(CDAI_100, 320, 220).status).toBe("RESPONDER");
    expect(evaluate(CDAI_100, 320, 220.5).status).toBe("NON_RESPONDER");
    expect(evaluate(CDAI_100, 128.2, 28.2).status).toBe("RESPONDER");
  });

  it("evaluates a zero baseline (points, not percent) and reports a null percentage", () => {
    expect(evaluate(CDAI_70, 0, 0)).toMatchObject({ status: "NON_RESPONDER", percentChange: null });
    expect(evaluate(CDAI_REMISSION, 0, 0)).toMatchObject({ status: "RESPONDER", percentChange: null });
  });

  it("CDAI remission: 149.99 is remission, 150 is not, and 150 − 3e-14 counts as 150", () => {
    expect(evaluate(CDAI_REMISSION, 300, 149.99).status).toBe("RESPONDER");
    expect(evaluate(CDAI_REMISSION, 300, 150).status).toBe("NON_RESPONDER");
    expect(evaluate(CDAI_REMISSION, 300, 149.99999999999997).status).toBe("NON_RESPONDER");
    expect(evaluate(CDAI_REMISSION, 100, -12).status).toBe("RESPONDER");
  });
});
