import { describe, expect, it } from "vitest";
import { bandFor, roundTo, scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { BASDAI, basdaiInputs } from "./basdai";

function score(inputs: Inputs) {
  const outcome = scoreInstrument(BASDAI, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return { value: roundTo(outcome.value!, 1), category: outcome.category?.code };
}

function rejected(inputs: Inputs): string[] {
  const outcome = scoreInstrument(BASDAI, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
}

const bandOf = (value: number) => bandFor(BASDAI.bands, value)?.code;

describe("BASDAI published worked examples", () => {
  it("reproduces rheumtools basdai_score(1, 2, 3, 4, 5, 10) = 3.5 and (0, 0, 3, 4, 5, 0) = 1.9", () => {
    expect(score(basdaiInputs(1, 2, 3, 4, 5, 10))).toEqual({ value: 3.5, category: "not_active" });
    expect(score(basdaiInputs(0, 0, 3, 4, 5, 0))).toEqual({ value: 1.9, category: "not_active" });
  });

  it("reproduces the rheumtools vectorised values (1..6) = 3.1 and (2..7) = 4.1", () => {
    expect(score(basdaiInputs(1, 2, 3, 4, 5, 6)).value).toBe(3.1);
    expect(score(basdaiInputs(2, 3, 4, 5, 6, 7)).value).toBe(4.1);
  });

  it("reproduces awell-score (2, 7, 1, 4, 9, 6) = 4.3", () => {
    expect(score(basdaiInputs(2, 7, 1, 4, 9, 6))).toEqual({ value: 4.3, category: "active" });
  });

  it("reproduces CamCOPS basdai_tests.py (2, 10, 7, 1, 9, 3) = 5.2", () => {
    expect(score(basdaiInputs(2, 10, 7, 1, 9, 3))).toEqual({ value: 5.2, category: "active" });
  });

  it("reproduces RheumaComposites (1, 2, 2, 2, 1, 3) = 1.8", () => {
    expect(score(basdaiInputs(1, 2, 2, 2, 1, 3))).toEqual({ value: 1.8, category: "not_active" });
  });
});

describe("BASDAI formula", () => {
  it("weights Q5 and Q6 by one tenth each and Q1–Q4 by one fifth each", () => {
    // Q5 = 10 alone: (10/2)/5 = 1.0; Q1 = 10 alone: 10/5 = 2.0.
    expect(score(basdaiInputs(0, 0, 0, 0, 10, 0)).value).toBe(1);
    expect(score(basdaiInputs(0, 0, 0, 0, 0, 10)).value).toBe(1);
    expect(score(basdaiInputs(10, 0, 0, 0, 0, 0)).value).toBe(2);
    expect(score(basdaiInputs(0, 0, 0, 10, 0, 0)).value).toBe(2);
  });

  it("spans 0 to 10", () => {
    expect(score(basdaiInputs(0, 0, 0, 0, 0, 0)).value).toBe(0);
    expect(score(basdaiInputs(10, 10, 10, 10, 10, 10)).value).toBe(10);
  });

  it("reports the morning-stiffness mean as a component", () => {
    const outcome = scoreInstrument(BASDAI, basdaiInputs(0, 0, 0, 0, 3, 6));
    expect(outcome.ok && outcome.components.morningStiffness).toBe(4.5);
  });
});

describe("BASDAI ≥ 4 active convention", () => {
  it("puts 4 in active and just below in not_active", () => {
    expect(bandOf(4)).toBe("active");
    expect(bandOf(3.99)).toBe("not_active");
    expect(bandOf(4.01)).toBe("active");
  });

  it("treats float noise just under 4 as 4", () => {
    // (8.1 + 2.1 + 2.2 + 4.2 + (4.5 + 2.3)/2) / 5 = (16.6 + 3.4) / 5 = 4.0, computed as 3.999999999999999.
    const outcome = scoreInstrument(BASDAI, basdaiInputs(8.1, 2.1, 2.2, 4.2, 4.5, 2.3));
    expect(outcome.ok && outcome.value).toBeLessThan(4);
    expect(outcome.ok && outcome.category?.code).toBe("active");
  });

  it("says in its description that the cut-off is a convention", () => {
    expect(BASDAI.description).toMatch(/≥ 4/);
    expect(BASDAI.description).toMatch(/CONVENTION/);
  });
});

describe("BASDAI input validation", () => {
  const valid = basdaiInputs(1, 2, 3, 4, 5, 6);

  it("accepts VAS values with decimals", () => {
    expect(rejected({ ...valid, fatigue: 3.7 })).toEqual([]);
  });

  it("rejects out-of-range, wrongly typed, missing and unknown inputs, naming the field", () => {
    expect(rejected({ ...valid, fatigue: 10.1 })).toEqual(["inputs.fatigue"]);
    expect(rejected({ ...valid, morningStiffnessDuration: -1 })).toEqual(["inputs.morningStiffnessDuration"]);
    expect(rejected({ ...valid, enthesitis: "4" })).toEqual(["inputs.enthesitis"]);
    const { spinalPain: _omitted, ...missing } = valid;
    expect(rejected(missing)).toEqual(["inputs.spinalPain"]);
    expect(rejected({ ...valid, q7: 1 })).toEqual(["inputs.q7"]);
  });
});
