import { describe, expect, it } from "vitest";
import { roundTo, scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { BASFI, BASFI_ITEM_NAMES, basfiInputs } from "./basfi";

function score(inputs: Inputs) {
  const outcome = scoreInstrument(BASFI, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return roundTo(outcome.value!, 1);
}

describe("BASFI (Calin 1994): mean of ten 0–10 questions", () => {
  it("has ten questions", () => {
    expect(BASFI_ITEM_NAMES).toHaveLength(10);
    expect(BASFI.inputs).toHaveLength(10);
  });

  it("averages the answers", () => {
    // (1 + 2 + … + 10) / 10 = 55 / 10 = 5.5
    expect(score(basfiInputs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).toBe(5.5);
    // (3.2 + 4.7 + 0 + 10 + 2.5 + 6.1 + 8.8 + 1.4 + 9.9 + 5.3) / 10 = 51.9 / 10 = 5.19 → 5.2
    expect(score(basfiInputs(3.2, 4.7, 0, 10, 2.5, 6.1, 8.8, 1.4, 9.9, 5.3))).toBe(5.2);
  });

  it("weights every question equally (one tenth)", () => {
    for (let i = 0; i < 10; i++) {
      const answers = Array(10).fill(0);
      answers[i] = 10;
      expect(score(basfiInputs(...answers)), BASFI_ITEM_NAMES[i]).toBe(1);
    }
  });

  it("spans 0 to 10", () => {
    expect(score(basfiInputs(...Array(10).fill(0)))).toBe(0);
    expect(score(basfiInputs(...Array(10).fill(10)))).toBe(10);
  });

  it("rejects an answer out of range or missing, naming the question", () => {
    const outcome = scoreInstrument(BASFI, { ...basfiInputs(...Array(10).fill(5)), fullDay: 11 });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(["inputs.fullDay"]);
    const { socks: _omitted, ...missing } = basfiInputs(...Array(10).fill(5));
    const outcome2 = scoreInstrument(BASFI, missing);
    expect(outcome2.ok ? [] : outcome2.problems.map((p) => p.field)).toEqual(["inputs.socks"]);
  });
});
