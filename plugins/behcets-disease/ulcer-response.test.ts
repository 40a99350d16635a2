import { describe, expect, it } from "vitest";
import { generalInstruments } from "../../src/general-instruments";
import { evaluateCriterion } from "../../src/plugins/evaluate-criterion";
import plugin from ".";
import { GENITAL_ULCER_RESPONSE, ORAL_ULCER_RESPONSE, ulcerCountResponse } from "./ulcer-response";

const instruments = new Map([...generalInstruments, ...plugin.instruments].map((i) => [i.code, i]));
const oral = (baseline: number, followUp: number, parameters?: Record<string, unknown>) =>
  evaluateCriterion(ORAL_ULCER_RESPONSE, instruments, { instrument: "ORAL_ULCER_COUNT", baseline: { value: baseline }, followUp: { value: followUp }, parameters }).result;

describe("ORAL_ULCER_RESPONSE (trial-defined)", () => {
  it("is a complete response when the patient is ulcer-free at follow-up", () => {
    expect(oral(4, 0)).toMatchObject({ status: "RESPONDER", category: "complete_response", change: -4, percentChange: -100 });
    expect(oral(1, 0)).toMatchObject({ status: "RESPONDER", category: "complete_response" });
  });

  it("is a partial response at a fall of exactly 50% (inclusive) and not just below it", () => {
    expect(oral(4, 2)).toMatchObject({ status: "RESPONDER", category: "partial_response", percentChange: -50 });
    expect(oral(2, 1)).toMatchObject({ status: "RESPONDER", category: "partial_response" });
    expect(oral(5, 3)).toMatchObject({ status: "NON_RESPONDER", category: "no_response", percentChange: -40 });
    expect(oral(3, 2)).toMatchObject({ status: "NON_RESPONDER", category: "no_response" }); // 33.3%
  });

  it("is no response when the count is unchanged or rises", () => {
    expect(oral(3, 3)).toMatchObject({ status: "NON_RESPONDER", category: "no_response", change: 0 });
    expect(oral(2, 5)).toMatchObject({ status: "NON_RESPONDER", category: "no_response", change: 3 });
  });

  it("is NOT_EVALUABLE for a zero baseline, with or without ulcers at follow-up", () => {
    for (const followUp of [0, 3]) {
      const result = oral(0, followUp);
      expect(result).toMatchObject({ status: "NOT_EVALUABLE", percentChange: null });
      expect(result.category).toBeUndefined();
      expect(result.reason).toMatch(/Baseline oral-ulcer count is 0/);
    }
  });

  it("takes the required fall as a parameter: 70% is met by 10 → 3 and missed by 10 → 4", () => {
    expect(oral(10, 3, { requiredFallPercent: 70 })).toMatchObject({ status: "RESPONDER", category: "partial_response" });
    expect(oral(10, 4, { requiredFallPercent: 70 })).toMatchObject({ status: "NON_RESPONDER", category: "no_response" });
    // The default 50% would have counted 10 → 4.
    expect(oral(10, 4)).toMatchObject({ status: "RESPONDER", category: "partial_response" });
  });

  it("compares the fall with a tolerance: a threshold a float away from the exact fall still counts", () => {
    // 3 → 2 is a fall of 33.33…%; the double 100/3 is met, a threshold 1e-6 higher is not.
    expect(ulcerCountResponse("oral", 3, 2, 100 / 3).status).toBe("RESPONDER");
    expect(ulcerCountResponse("oral", 3, 2, 100 / 3 + 1e-6).status).toBe("NON_RESPONDER");
  });

  it("refuses a required fall outside (0, 100] and a count outside the instrument's range, naming the field", () => {
    expect(() => oral(4, 2, { requiredFallPercent: 0 })).toThrow(/parameters\.requiredFallPercent/);
    expect(() => oral(4, 2, { requiredFallPercent: 101 })).toThrow(/parameters\.requiredFallPercent/);
    expect(() => oral(101, 2)).toThrow(/baseline\.value/);
  });

  it("does not treat a fractional score value as a count", () => {
    expect(oral(2.5, 1)).toMatchObject({ status: "NOT_EVALUABLE" });
  });

  it("evaluates from raw inputs too", () => {
    const { result } = evaluateCriterion(ORAL_ULCER_RESPONSE, instruments, {
      instrument: "ORAL_ULCER_COUNT",
      baseline: { inputs: { oralUlcerCount: 6 } },
      followUp: { inputs: { oralUlcerCount: 3 } },
    });
    expect(result).toMatchObject({ status: "RESPONDER", category: "partial_response", change: -3 });
  });

  it("says TRIAL-DEFINED first in its description", () => {
    expect(ORAL_ULCER_RESPONSE.description).toMatch(/^TRIAL-DEFINED/);
  });
});

describe("GENITAL_ULCER_RESPONSE (trial-defined)", () => {
  it("applies the same rule to genital-ulcer counts", () => {
    const genital = (baseline: number, followUp: number) =>
      evaluateCriterion(GENITAL_ULCER_RESPONSE, instruments, { instrument: "GENITAL_ULCER_COUNT", baseline: { value: baseline }, followUp: { value: followUp } }).result;
    expect(genital(2, 0)).toMatchObject({ status: "RESPONDER", category: "complete_response" });
    expect(genital(2, 1)).toMatchObject({ status: "RESPONDER", category: "partial_response" });
    expect(genital(3, 2)).toMatchObject({ status: "NON_RESPONDER", category: "no_response" });
    expect(genital(0, 1)).toMatchObject({ status: "NOT_EVALUABLE" });
  });

  it("does not accept the oral-ulcer instrument", () => {
    expect(() =>
      evaluateCriterion(GENITAL_ULCER_RESPONSE, instruments, { instrument: "ORAL_ULCER_COUNT", baseline: { value: 2 }, followUp: { value: 1 } }),
    ).toThrow(/instrument/);
  });
});
