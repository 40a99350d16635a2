import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/plugin-api";
import { ALP_ENDPOINTS, PSC_ALP_BELOW_1_5_ULN, PSC_ALP_BELOW_2_4_ULN, PSC_ALP_FALL_40, PSC_ALP_NORMALISATION, alpFall } from "./alp-endpoints";

const at = (value: number): Observation => ({ instrument: "ALP_PSC", value });
const evaluate = (criterion: typeof PSC_ALP_NORMALISATION, baseline: number, followUp: number) =>
  criterion.evaluate({ baseline: at(baseline), followUp: at(followUp), parameters: {} });

describe("ALP endpoints are flagged as trial-defined", () => {
  it.each(ALP_ENDPOINTS.map((c) => [c.code, c] as const))("%s", (_code, criterion) => {
    expect(criterion.description).toMatch(/^TRIAL-DEFINED/);
  });
});

describe("thresholds on the follow-up ALP (both sides of each cut-off)", () => {
  it.each([
    [PSC_ALP_NORMALISATION, 1, "RESPONDER"],
    [PSC_ALP_NORMALISATION, 1.0000000000000002, "RESPONDER"],
    [PSC_ALP_NORMALISATION, 1.001, "NON_RESPONDER"],
    [PSC_ALP_BELOW_1_5_ULN, 1.499, "RESPONDER"],
    [PSC_ALP_BELOW_1_5_ULN, 1.5, "NON_RESPONDER"],
    [PSC_ALP_BELOW_1_5_ULN, 1.4999999999999998, "NON_RESPONDER"],
    [PSC_ALP_BELOW_2_4_ULN, 2.399, "RESPONDER"],
    [PSC_ALP_BELOW_2_4_ULN, 2.4, "NON_RESPONDER"],
    [PSC_ALP_BELOW_2_4_ULN, 2.3999999999999995, "NON_RESPONDER"],
  ] as const)("%#: follow-up %s × ULN", (criterion, followUp, status) => {
    expect(evaluate(criterion, 3, followUp).status).toBe(status);
  });

  it("stays evaluable with a zero baseline and reports the change", () => {
    expect(evaluate(PSC_ALP_NORMALISATION, 0, 0.8)).toMatchObject({ status: "RESPONDER", change: 0.8, percentChange: null });
  });
});

describe("ALP fall ≥ 40 %", () => {
  it.each([
    [5, 3, "RESPONDER"], // exactly 40 %
    [3.3, 1.98, "RESPONDER"], // exactly 40 %, −39.99999999999999 in doubles
    [5, 3.01, "NON_RESPONDER"], // 39.8 %
    [5, 2, "RESPONDER"], // 60 %
    [2, 3, "NON_RESPONDER"], // rise
  ] as const)("%s → %s × ULN is %s", (baseline, followUp, status) => {
    expect(alpFall(baseline, followUp).status).toBe(status);
  });

  it("is NOT_EVALUABLE with a zero baseline, with a reason", () => {
    const result = evaluate(PSC_ALP_FALL_40, 0, 1);
    expect(result).toMatchObject({ status: "NOT_EVALUABLE", percentChange: null });
    expect(result.reason).toMatch(/baseline ALP is 0/i);
  });
});
