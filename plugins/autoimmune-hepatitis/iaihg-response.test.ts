import { describe, expect, it } from "vitest";
import type { Inputs, Observation } from "../../src/plugin-api";
import { biochemicalResponse, earlyTransaminaseFall } from "./iaihg-response";

const labs = (alt: number, ast: number, igg?: number): Inputs => ({ alt, altUln: 40, ast, astUln: 40, ...(igg === undefined ? {} : { igg, iggUln: 16 }) });
const at = (inputs: Inputs, studyDay?: number): Observation => ({ instrument: "AIH_BIOCHEMISTRY", value: (inputs.alt as number) / 40, inputs, studyDay });
const BASELINE = at(labs(200, 160, 24), 1);

describe("complete biochemical response by 6 months", () => {
  it.each([
    // [ALT, AST, IgG, study day, status, category]
    [30, 25, 14, 183, "RESPONDER", "complete_biochemical_response"],
    [40, 40, 16, 183, "RESPONDER", "complete_biochemical_response"], // = ULN counts as normal
    [30, 25, 14, 60, "RESPONDER", "complete_biochemical_response"], // early CBR
    [30, 25, 14, 190, "RESPONDER", "complete_biochemical_response"], // last day of the window
    [41, 30, 14, 183, "NON_RESPONDER", "insufficient_response"],
    [30, 41, 14, 176, "NON_RESPONDER", "insufficient_response"], // first day of the window
    [30, 25, 16.1, 190, "NON_RESPONDER", "insufficient_response"], // IgG above the ULN
    [41, 30, 14, 175, "NOT_EVALUABLE", undefined], // not normal, before the window
    [30, 25, 14, 191, "NOT_EVALUABLE", undefined], // after the window
    [30, 25, 14, 1, "NOT_EVALUABLE", undefined], // not after the start of treatment
    [30, 25, 14, -5, "NOT_EVALUABLE", undefined],
  ] as const)("ALT %s, AST %s, IgG %s on day %s → %s %s", (alt, ast, igg, day, status, category) => {
    const result = biochemicalResponse(at(labs(alt, ast, igg), day));
    expect(result.status).toBe(status);
    expect(result.category).toBe(category);
    if (status === "NOT_EVALUABLE") expect(result.reason).toBeTruthy();
  });

  it("is NOT_EVALUABLE without the follow-up's study day, saying so", () => {
    expect(biochemicalResponse(at(labs(30, 25, 14)))).toMatchObject({ status: "NOT_EVALUABLE", reason: expect.stringMatching(/study day of the followUp is unknown/) });
  });

  it("needs IgG when the transaminases are normal, but not to call an insufficient response", () => {
    expect(biochemicalResponse(at(labs(30, 25), 183))).toMatchObject({ status: "NOT_EVALUABLE", reason: expect.stringMatching(/IgG is not recorded/) });
    expect(biochemicalResponse(at(labs(50, 25), 183))).toMatchObject({ status: "NON_RESPONDER", category: "insufficient_response" });
  });

  it("treats float noise at the ULN as normal", () => {
    // 40.00000000000001 / 40 = 1.0000000000000002
    expect(biochemicalResponse(at(labs(40.00000000000001, 25, 14), 183)).status).toBe("RESPONDER");
  });
});

describe("transaminase fall within 4 weeks", () => {
  const fall = (alt: number, ast: number, day: number, baseline = BASELINE) => earlyTransaminaseFall(baseline, at(labs(alt, ast), day));

  it.each([
    [100, 80, 29, "RESPONDER", "early_fall_50"], // exactly 50 % of both
    [101, 60, 29, "NON_RESPONDER", "non_response"], // ALT 49.5 %
    [60, 81, 26, "NON_RESPONDER", "non_response"], // AST 49.4 %, first day of the window
    [60, 81, 32, "NON_RESPONDER", "non_response"], // last day of the window
    [60, 40, 15, "RESPONDER", "early_fall_50"], // already ≥ 50 % before the window
    [150, 120, 15, "NOT_EVALUABLE", undefined], // < 50 % so far, before the window
    [60, 40, 33, "NOT_EVALUABLE", undefined], // after the window
  ] as const)("ALT 200 → %s, AST 160 → %s on day %s: %s %s", (alt, ast, day, status, category) => {
    const result = fall(alt, ast, day);
    expect(result.status).toBe(status);
    expect(result.category).toBe(category);
  });

  it("compares the 50 % boundary with a tolerance against float noise", () => {
    // ALT 17 → 8.5 U/L with a ULN of 50 is exactly a 50 % fall, computed as 49.99999999999999 %.
    const uln50 = (alt: number): Inputs => ({ alt, altUln: 50, ast: alt, astUln: 50 });
    const result = earlyTransaminaseFall(at(uln50(17), 1), at(uln50(8.5), 29));
    expect(result.percentChange).toBe(-49.99999999999999);
    expect(result.status).toBe("RESPONDER");
  });

  it("needs a pre-treatment baseline and both study days", () => {
    expect(fall(60, 40, 29, at(labs(200, 160), 8)).reason).toMatch(/after the start of treatment/);
    expect(fall(60, 40, 29, at(labs(200, 160))).reason).toMatch(/study day of the baseline is unknown/);
    expect(earlyTransaminaseFall(BASELINE, at(labs(60, 40))).status).toBe("NOT_EVALUABLE");
  });

  it("is NOT_EVALUABLE with a zero baseline", () => {
    const result = fall(10, 40, 29, at(labs(0, 160), 1));
    expect(result).toMatchObject({ status: "NOT_EVALUABLE", reason: expect.stringMatching(/baseline ALT is 0/) });
  });

  it("reports the ALT change", () => {
    // 5 → 2.5 × ULN: change −2.5, −50 %.
    expect(fall(100, 80, 29)).toMatchObject({ change: -2.5, percentChange: -50 });
  });
});
