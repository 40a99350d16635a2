import { describe, expect, it } from "vitest";
import { roundTo, scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { PASI, pasiInputs } from "./pasi";

const score = (inputs: Inputs) => scoreInstrument(PASI, inputs);

function value(inputs: Inputs): number {
  const outcome = score(inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return roundTo(outcome.value!, 1);
}

function rejected(inputs: Inputs): string[] {
  const outcome = score(inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
}

/** Louden 2004, Figure 1, patient 1: every severity 2; areas 5 / 12 / 35 / 20 %. Published PASI 13.2. */
const LOUDEN_1: Inputs = {
  headErythema: 2, headInduration: 2, headDesquamation: 2, headAreaPercent: 5,
  upperLimbsErythema: 2, upperLimbsInduration: 2, upperLimbsDesquamation: 2, upperLimbsAreaPercent: 12,
  trunkErythema: 2, trunkInduration: 2, trunkDesquamation: 2, trunkAreaPercent: 35,
  lowerLimbsErythema: 2, lowerLimbsInduration: 2, lowerLimbsDesquamation: 2, lowerLimbsAreaPercent: 20,
};

describe("PASI worked examples", () => {
  it("reproduces Louden 2004 patient 1 (published 13.2) and its components", () => {
    const outcome = score(LOUDEN_1);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(roundTo(outcome.value!, 1)).toBe(13.2);
    // Published row 8 of the figure: 0.6, 2.4, 5.4, 4.8; area scores (row 6) 1, 2, 3, 2.
    expect(outcome.components.headContribution).toBeCloseTo(0.6, 10);
    expect(outcome.components.upperLimbsContribution).toBeCloseTo(2.4, 10);
    expect(outcome.components.trunkContribution).toBeCloseTo(5.4, 10);
    expect(outcome.components.lowerLimbsContribution).toBeCloseTo(4.8, 10);
    expect([outcome.components.headAreaScore, outcome.components.upperLimbsAreaScore, outcome.components.trunkAreaScore, outcome.components.lowerLimbsAreaScore]).toEqual([1, 2, 3, 2]);
    expect(outcome.category?.code).toBe("moderate_to_severe");
  });

  it("gives 13.2 exactly, not 13.200000000000001, so percentage criteria see clean values", () => {
    const outcome = score(LOUDEN_1);
    expect(outcome.ok && outcome.value).toBe(13.2);
  });

  it("sums in tenths: head 0.1·1·2 + upper limbs 0.2·3·3 is 2 exactly (naively 2.0000000000000004)", () => {
    const outcome = score(pasiInputs({ head: [1, 0, 0, 2], upperLimbs: [1, 1, 1, 3] }));
    expect(outcome.ok && outcome.value).toBe(2);
  });

  it("gives the same score with the printed area scores instead of percentages", () => {
    expect(value(pasiInputs({ head: [2, 2, 2, 1], upperLimbs: [2, 2, 2, 2], trunk: [2, 2, 2, 3], lowerLimbs: [2, 2, 2, 2] }))).toBe(13.2);
  });

  it("computes Louden 2004 patient 2 inputs by hand: 14.8", () => {
    // Head (3+1+2)·2·0.1 = 1.2; upper limbs (1+4+3)·1·0.2 = 1.6; trunk (3+2+1)·2·0.3 = 3.6; lower limbs (1+4+2)·3·0.4 = 8.4.
    expect(value(pasiInputs({ head: [3, 1, 2, 2], upperLimbs: [1, 4, 3, 1], trunk: [3, 2, 1, 2], lowerLimbs: [1, 4, 2, 3] }))).toBe(14.8);
  });

  it("applies the region weights 0.1 / 0.2 / 0.3 / 0.4", () => {
    // One region with E+I+D = 3 and area score 1: 3·1·w.
    expect(value(pasiInputs({ head: [1, 1, 1, 1] }))).toBe(0.3);
    expect(value(pasiInputs({ upperLimbs: [1, 1, 1, 1] }))).toBe(0.6);
    expect(value(pasiInputs({ trunk: [1, 1, 1, 1] }))).toBe(0.9);
    expect(value(pasiInputs({ lowerLimbs: [1, 1, 1, 1] }))).toBe(1.2);
  });

  it("reaches the maximum of 72 and the minimum of 0", () => {
    // 12·6·(0.1 + 0.2 + 0.3 + 0.4) = 72.
    const all = [4, 4, 4, 6] as [number, number, number, number];
    expect(value(pasiInputs({ head: all, upperLimbs: all, trunk: all, lowerLimbs: all }))).toBe(72);
    expect(value(pasiInputs({}))).toBe(0);
  });

  it("scores no area as 0 whatever the severities", () => {
    // Severity 4/4/4 on 0% of the trunk: 12·0·0.3 = 0.
    expect(value({ ...pasiInputs({}), trunkErythema: 4, trunkInduration: 4, trunkDesquamation: 4, trunkArea: undefined, trunkAreaPercent: 0 })).toBe(0);
  });

  it("converts percentages at the band edges", () => {
    // Lower limbs with E+I+D = 5, so PASI = 5·A·0.4 = 2·A.
    const legs = (percent: number) => value({ ...pasiInputs({ lowerLimbs: [2, 2, 1, 0] }), lowerLimbsArea: undefined, lowerLimbsAreaPercent: percent });
    expect([0, 0.1, 9.99, 10, 29.9, 30, 89.9, 90, 100].map(legs)).toEqual([0, 2, 2, 4, 4, 6, 10, 12, 12]);
  });

  it("puts 10 in the mild band and 10.1 in moderate to severe (rule of tens: severe is > 10)", () => {
    // Lower limbs (2+2+1)·5·0.4 = 10; adding head 1·1·0.1 gives 10.1.
    expect(score(pasiInputs({ lowerLimbs: [2, 2, 1, 5] }))).toMatchObject({ ok: true, value: 10, category: { code: "mild" } });
    expect(score(pasiInputs({ head: [1, 0, 0, 1], lowerLimbs: [2, 2, 1, 5] }))).toMatchObject({ ok: true, category: { code: "moderate_to_severe" } });
  });
});

describe("PASI input validation", () => {
  it("rejects both area inputs for a region, naming the field and the alternatives", () => {
    const outcome = score({ ...LOUDEN_1, headArea: 1 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.field)).toEqual(["inputs.headArea"]);
    expect(outcome.problems[0].message).toContain("headArea");
    expect(outcome.problems[0].message).toContain("headAreaPercent");
  });

  it("rejects a region with neither area input", () => {
    const inputs = { ...LOUDEN_1 };
    delete inputs.trunkAreaPercent;
    const outcome = score(inputs);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.field)).toEqual(["inputs.trunkArea"]);
    expect(outcome.problems[0].message).toMatch(/trunkArea .*trunkAreaPercent/);
  });

  it("reports every region with an area problem", () => {
    const inputs: Inputs = { ...LOUDEN_1, headArea: 1 };
    delete inputs.lowerLimbsAreaPercent;
    expect(rejected(inputs)).toEqual(["inputs.headArea", "inputs.lowerLimbsArea"]);
  });

  it.each([
    ["headErythema", 5],
    ["headErythema", -1],
    ["headErythema", 2.5],
    ["trunkInduration", "2"],
    ["lowerLimbsDesquamation", null],
    ["upperLimbsAreaPercent", 100.1],
    ["upperLimbsAreaPercent", -0.1],
    ["upperLimbsAreaPercent", "12"],
  ])("rejects %s = %j", (field, bad) => {
    expect(rejected({ ...LOUDEN_1, [field]: bad })).toContain(`inputs.${field}`);
  });

  it.each([
    ["headArea", 7],
    ["headArea", -1],
    ["headArea", 1.5],
  ])("rejects an area score %s = %j", (field, bad) => {
    const inputs: Inputs = { ...LOUDEN_1, [field]: bad };
    delete inputs.headAreaPercent;
    expect(rejected(inputs)).toEqual([`inputs.${field}`]);
  });

  it("rejects unknown inputs", () => {
    expect(rejected({ ...LOUDEN_1, headPruritus: 2 })).toEqual(["inputs.headPruritus"]);
  });

  it("accepts the boundaries of every range", () => {
    expect(rejected({ ...LOUDEN_1, headErythema: 0, trunkInduration: 4, upperLimbsAreaPercent: 100, lowerLimbsAreaPercent: 0 })).toEqual([]);
  });
});
