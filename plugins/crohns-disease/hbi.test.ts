import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { HBI, QUIET_HBI } from "./hbi";

const score = (changes: Inputs) => scoreInstrument(HBI, { ...QUIET_HBI, ...changes });

describe("HBI", () => {
  it("sums the items, one point per liquid stool and per complication (hand-computed)", () => {
    expect(score({ generalWellBeing: 2, abdominalPain: 2, liquidStools: 3, abdominalMass: 1, arthralgia: true })).toMatchObject({ ok: true, value: 9 });
    const all = Object.fromEntries(Object.keys(QUIET_HBI).filter((k) => typeof QUIET_HBI[k] === "boolean").map((k) => [k, true]));
    expect(score(all)).toMatchObject({ ok: true, value: 8, components: { complications: 8 } });
    expect(score({ generalWellBeing: 4, abdominalPain: 3, liquidStools: 30, abdominalMass: 3, ...all })).toMatchObject({ ok: true, value: HBI.range.max });
    expect(score({})).toMatchObject({ ok: true, value: 0, category: { code: "remission" } });
  });

  it("puts 4 in remission, 5 and 7 in mild, 8 and 16 in moderate, 17 in severe (Best 2006)", () => {
    const band = (liquidStools: number) => {
      const outcome = score({ liquidStools });
      return outcome.ok ? outcome.category?.code : undefined;
    };
    expect([4, 5, 7, 8, 16, 17].map(band)).toEqual(["remission", "mild", "mild", "moderate", "moderate", "severe"]);
  });

  it("refuses the CDAI coding of the mass (5), a well-being of 5 and a fractional stool count, naming each field", () => {
    const outcome = score({ abdominalMass: 5, generalWellBeing: 5, liquidStools: 1.5 });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field).sort()).toEqual(["inputs.abdominalMass", "inputs.generalWellBeing", "inputs.liquidStools"]);
  });
});
