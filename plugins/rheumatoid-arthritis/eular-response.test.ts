import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs, Observation } from "../../src/plugin-api";
import { DAS28_INSTRUMENTS } from "./das28";
import { EULAR_RESPONSE, eularResponse } from "./eular-response";

/** Scores raw DAS28 inputs the way the core does (validation first), or throws naming the rejected fields. */
function observe(code: string, inputs: Inputs): Observation {
  const instrument = DAS28_INSTRUMENTS.find((i) => i.code === code)!;
  const outcome = scoreInstrument(instrument, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.field).join(", "));
  return { instrument: code, value: outcome.value, inputs, components: outcome.components };
}

describe("EULAR response table (van Gestel 1996), both sides of 0.6 and 1.2 in every row", () => {
  // [baseline, follow-up, expected category]; Δ = baseline − follow-up.
  const rows: Array<[string, Array<[number, number, string]>]> = [
    [
      "follow-up ≤ 3.2",
      [
        [3.6, 3.0, "none"], // Δ 0.6 (0.6000000000000001 in doubles)
        [3.61, 3.0, "moderate"], // Δ 0.61
        [4.2, 3.0, "moderate"], // Δ 1.2
        [4.21, 3.0, "good"], // Δ 1.21
        [3.8, 3.2, "none"], // Δ 0.6 at the row's upper edge
        [3.81, 3.2, "moderate"],
        [4.4, 3.2, "moderate"], // Δ 1.2: 4.4 − 3.2 = 1.2000000000000002 must not count as > 1.2
        [4.41, 3.2, "good"],
      ],
    ],
    [
      "3.2 < follow-up ≤ 5.1",
      [
        [4.6, 4.0, "none"], // Δ 0.6 (4.6 − 4.0 = 0.5999999999999996)
        [4.61, 4.0, "moderate"],
        [5.2, 4.0, "moderate"], // Δ 1.2
        [5.21, 4.0, "moderate"], // Δ 1.21: still moderate in this row
        [5.7, 5.1, "none"], // upper edge of the row
        [5.71, 5.1, "moderate"],
        [6.3, 5.1, "moderate"],
        [6.31, 5.1, "moderate"],
      ],
    ],
    [
      "follow-up > 5.1",
      [
        [6.1, 5.5, "none"], // Δ 0.6
        [6.11, 5.5, "none"], // Δ 0.61: none in this row
        [6.7, 5.5, "none"], // Δ 1.2
        [6.71, 5.5, "moderate"], // Δ 1.21
        [5.71, 5.11, "none"], // just above 5.1
        [6.32, 5.11, "moderate"],
      ],
    ],
  ];
  for (const [row, cases] of rows) {
    describe(row, () => {
      for (const [baseline, followUp, category] of cases) {
        it(`${baseline} → ${followUp} is ${category}`, () => {
          const result = eularResponse(baseline, followUp);
          expect(result.category).toBe(category);
          expect(result.status).toBe(category === "none" ? "NON_RESPONDER" : "RESPONDER");
        });
      }
    });
  }

  it("separates the rows at follow-up 3.2 / 3.21 and 5.1 / 5.11", () => {
    expect(eularResponse(4.5, 3.2).category).toBe("good"); // Δ 1.3, follow-up ≤ 3.2
    expect(eularResponse(4.51, 3.21).category).toBe("moderate"); // Δ 1.3, follow-up > 3.2
    expect(eularResponse(6.0, 5.1).category).toBe("moderate"); // Δ 0.9, follow-up ≤ 5.1
    expect(eularResponse(6.01, 5.11).category).toBe("none"); // Δ 0.9, follow-up > 5.1
  });
});

describe("rheumtools eular_ra_response test values", () => {
  const cases: Array<[number, number, string]> = [
    [5.21, 1.8, "good"],
    [4.2, 3.2, "moderate"],
    [3.1, 2.9, "none"],
    [4.3, 3.3, "moderate"],
    [4.0, 3.3, "moderate"],
    [4.4, 4.2, "none"],
    [7.46, 6.19, "moderate"],
    [7.43, 6.81, "none"],
    [7.19, 6.7, "none"],
  ];
  for (const [baseline, followUp, category] of cases) {
    it(`${baseline} → ${followUp} is ${category}`, () => expect(eularResponse(baseline, followUp).category).toBe(category));
  }
});

describe("rounding to the 2 reported decimals before comparing", () => {
  it("treats 4.404 → 3.2 as Δ 1.20 (moderate), not 1.204 (good)", () => {
    expect(eularResponse(4.404, 3.2).category).toBe("moderate");
  });

  it("treats 4.406 → 3.2 as 4.41 → 3.2, Δ 1.21 (good)", () => {
    expect(eularResponse(4.406, 3.2).category).toBe("good");
  });

  it("returns change and percent change on the rounded values", () => {
    const result = eularResponse(5.0, 3.0);
    expect(result.change).toBeCloseTo(-2, 10);
    expect(result.percentChange).toBeCloseTo(-40, 10);
  });

  it("says so in its description", () => {
    expect(EULAR_RESPONSE.description).toMatch(/rounded to the 2 decimals/);
  });
});

describe("from raw inputs", () => {
  it("computes both DAS28 values from raw inputs: 5.99 → 3.09 is a good response", () => {
    // Baseline 0.56·√10 (1.7709) + 0.28·√8 (0.7920) + 0.70·ln 40 (2.5822) + 0.014·60 (0.84) = 5.985 → 5.99.
    // Follow-up 0.56·√2 (0.7920) + 0.28·√1 (0.28) + 0.70·ln 12 (1.7394) + 0.014·20 (0.28) = 3.091 → 3.09.
    const baseline = observe("DAS28_ESR", { tjc28: 10, sjc28: 8, esr: 40, patientGlobal: 60 });
    const followUp = observe("DAS28_ESR", { tjc28: 2, sjc28: 1, esr: 12, patientGlobal: 20 });
    const result = EULAR_RESPONSE.evaluate({ baseline, followUp, parameters: {} });
    expect(result.category).toBe("good");
    expect(result.change).toBeCloseTo(3.09 - 5.99, 10);
  });

  it("states the correctly computed DAS28 values in the raw-input example's source", () => {
    const raw = EULAR_RESPONSE.examples.find((e) => e.baseline.inputs);
    expect(raw?.source).toMatch(/5\.99/);
    expect(raw?.source).toMatch(/3\.09/);
    expect(raw?.source).not.toMatch(/6\.18/);
  });

  it("cannot be fed a raw ESR below 1: the instrument rejects it, naming the field", () => {
    expect(() => observe("DAS28_ESR", { tjc28: 10, sjc28: 8, esr: 0, patientGlobal: 60 })).toThrow("esr");
  });

  it("is defined on the four DAS28 variants only (not on CDAI or SDAI)", () => {
    expect(EULAR_RESPONSE.instruments).toEqual(["DAS28_ESR", "DAS28_CRP", "DAS28_ESR_3", "DAS28_CRP_3"]);
  });
});
