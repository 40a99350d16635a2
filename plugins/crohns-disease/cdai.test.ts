import { describe, expect, it } from "vitest";
import { bandFor, roundTo, scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { CDAI_CROHNS, QUIET_CDAI, weightTerm } from "./cdai";

const score = (changes: Inputs) => scoreInstrument(CDAI_CROHNS, { ...QUIET_CDAI, ...changes });
const value = (changes: Inputs) => {
  const outcome = score(changes);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value!;
};
const rejected = (changes: Inputs) => {
  const outcome = score(changes);
  return outcome.ok ? [] : outcome.problems;
};

describe("CDAI_CROHNS", () => {
  it("tells API clients that it is provisional and which conventions are unconfirmed", () => {
    expect(CDAI_CROHNS.description).toMatch(/^PROVISIONAL: .*weight term/);
  });

  it("reproduces the readycalculator.com example (published component points 8+5+7+20+30+0+42+5 = 117)", () => {
    const outcome = scoreInstrument(CDAI_CROHNS, CDAI_CROHNS.examples[0].inputs);
    expect(outcome).toMatchObject({ ok: true, category: { code: "remission" } });
    if (!outcome.ok) return;
    expect(roundTo(outcome.value!, 2)).toBe(117);
    const c = outcome.components;
    expect([c.liquidStools, c.abdominalPain, c.wellBeing, c.complications, c.antidiarrhoeal, c.abdominalMass, c.haematocrit]).toEqual([8, 5, 7, 20, 30, 0, 42]);
    expect(c.weight).toBeCloseTo(5, 10);
  });

  it("weights each item as in Best 1976 (hand-computed, one item at a time)", () => {
    expect(value({ liquidStools7Days: 10 })).toBe(20);
    expect(value({ abdominalPain7Days: 21 })).toBe(105);
    expect(value({ wellBeing7Days: 28 })).toBe(196);
    expect(value({ arthritisArthralgia: true, iritisUveitis: true, skinOrMouthLesions: true, analFissureFistulaAbscess: true, otherFistula: true, feverAbove378: true })).toBe(120);
    expect(value({ otherFistula: true })).toBe(20);
    expect(value({ antidiarrhoeal: true })).toBe(30);
    expect(value({ abdominalMass: 2 })).toBe(20);
    expect(value({ abdominalMass: 5 })).toBe(50);
  });

  it("uses 47 % for males and 42 % for females: the same haematocrit of 42 % gives 30 and 0 (scores.md sex pitfall)", () => {
    expect(value({ sex: "MALE", haematocritPercent: 42 })).toBe(30);
    expect(value({ sex: "FEMALE", haematocritPercent: 42 })).toBe(0);
    expect(value({ sex: "FEMALE", haematocritPercent: 36.5 })).toBeCloseTo(33, 10);
  });

  it("keeps the haematocrit term signed: above the reference it subtracts, and the total may go below 0", () => {
    expect(value({ sex: "FEMALE", haematocritPercent: 45 })).toBe(-18);
    expect(value({ sex: "MALE", haematocritPercent: 50, weightKg: 84 })).toBe(-28);
  });

  it("floors the weight term at −10 and leaves it unfloored below standard weight", () => {
    expect(weightTerm(63, 70)).toBeCloseTo(10, 10);
    expect(weightTerm(70, 70)).toBe(0);
    expect(weightTerm(75.6, 70)).toBeCloseTo(-8, 10);
    expect(weightTerm(77, 70)).toBeCloseTo(-10, 10); // exactly 10 % above
    expect(weightTerm(84, 70)).toBe(-10); // 20 % above, floored
    expect(weightTerm(35, 70)).toBeCloseTo(50, 10);
  });

  it("puts 149.99 in remission, 150 and 219.99 in mild, 220 and 450 in moderate, 450.01 in severe", () => {
    // Bands are checked on values built from inputs: stools × 2 plus a haematocrit term in 0.6 steps.
    const band = (changes: Inputs) => score(changes).ok && (score(changes) as any).category.code;
    expect(band({ liquidStools7Days: 74 })).toBe("remission"); // 148
    expect(band({ liquidStools7Days: 75 })).toBe("mild"); // exactly 150
    expect(band({ liquidStools7Days: 109 })).toBe("mild"); // 218
    expect(band({ liquidStools7Days: 110 })).toBe("moderate"); // exactly 220
    expect(band({ liquidStools7Days: 200, abdominalPain7Days: 10 })).toBe("moderate"); // exactly 450
    expect(band({ liquidStools7Days: 200, abdominalPain7Days: 10, haematocritPercent: 46.9 })).toBe("severe"); // 450.6
    const bandOf = (v: number) => CDAI_CROHNS.bands.find((b) => (b.lower ? v >= b.lower.value && (b.lower.inclusive || v > b.lower.value) : true) && (b.upper ? v <= b.upper.value && (b.upper.inclusive || v < b.upper.value) : true))?.code;
    expect([bandOf(149.99), bandOf(150), bandOf(219.99), bandOf(220), bandOf(450), bandOf(450.01)]).toEqual(["remission", "mild", "mild", "moderate", "moderate", "severe"]);
  });

  it("puts scores that miss a cut-off only by float noise on the cut-off's side (bands compared with a 1e-9 tolerance)", () => {
    const code = (v: number) => bandFor(CDAI_CROHNS.bands, v)?.code;
    expect(code(149.99999999999997)).toBe("mild");
    expect(code(219.99999999999997)).toBe("moderate");
    expect(code(450.00000000000006)).toBe("moderate");
    // From inputs: 100 × (1 − 63/70) is 9.999999999999998 in doubles, 10 exactly.
    const outcome = score({ liquidStools7Days: 70, weightKg: 63, standardWeightKg: 70 });
    expect(outcome.ok && outcome.components.weight).toBeLessThan(10);
    expect(outcome.ok && outcome.category?.code).toBe("mild");
  });

  it("refuses a haematocrit given as a fraction (0.42 L/L), naming the field and the % unit", () => {
    const [problem] = rejected({ haematocritPercent: 0.42 });
    expect(problem.field).toBe("inputs.haematocritPercent");
    expect(problem.message).toContain("a number from 10 to 70 %");
  });

  it("refuses weights whose ratio shows a kg/lb mix-up, naming both kg fields", () => {
    const [low] = rejected({ weightKg: 30, standardWeightKg: 70 * 1.0 + 62 }); // 30 kg against a 132 "kg" (60 kg in lb) standard
    expect(low?.field).toBe("inputs.weightKg");
    expect(low?.message).toMatch(/both must be in kg/);
    const [high] = rejected({ weightKg: 154, standardWeightKg: 70 });
    expect(high?.field).toBe("inputs.weightKg");
    expect(rejected({ weightKg: 35, standardWeightKg: 70 })).toEqual([]); // exactly half: accepted
    expect(rejected({ weightKg: 140, standardWeightKg: 70 })).toEqual([]); // exactly twice: accepted
    expect(rejected({ weightKg: 34.9, standardWeightKg: 70 })).toHaveLength(1);
  });

  it("refuses an abdominal mass code of 1, a missing sex, an unknown sex and a stool count that is a daily average", () => {
    expect(rejected({ abdominalMass: 1 }).map((p) => p.field)).toEqual(["inputs.abdominalMass"]);
    expect(rejected({ sex: "M" }).map((p) => p.field)).toEqual(["inputs.sex"]);
    expect(rejected({ liquidStools7Days: 2.5 }).map((p) => p.field)).toEqual(["inputs.liquidStools7Days"]);
    expect(rejected({ abdominalPain7Days: 22 }).map((p) => p.field)).toEqual(["inputs.abdominalPain7Days"]);
    const { sex: _omitted, ...noSex } = QUIET_CDAI;
    const outcome = scoreInstrument(CDAI_CROHNS, noSex);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(["inputs.sex"]);
  });

  it("has a range that holds the extreme accepted inputs", () => {
    const worst = value({
      liquidStools7Days: 210, abdominalPain7Days: 21, wellBeing7Days: 28, arthritisArthralgia: true, iritisUveitis: true, skinOrMouthLesions: true,
      analFissureFistulaAbscess: true, otherFistula: true, feverAbove378: true, antidiarrhoeal: true, abdominalMass: 5, sex: "MALE", haematocritPercent: 10, weightKg: 35, standardWeightKg: 70,
    });
    const best = value({ sex: "FEMALE", haematocritPercent: 70, weightKg: 140, standardWeightKg: 70 });
    expect(worst).toBeCloseTo(CDAI_CROHNS.range.max, 9);
    expect(best).toBeCloseTo(CDAI_CROHNS.range.min, 9);
  });
});
