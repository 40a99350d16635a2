import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { BVAS_WG } from "./bvas-wg";

const score = (inputs: Inputs) => scoreInstrument(BVAS_WG, inputs);
const rejected = (inputs: Inputs) => {
  const outcome = score(inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
};

// Hand calculations from the confirmed weights: major 3, minor 1 (Stone 2001 abstract).
describe("BVAS_WG", () => {
  it("scores 3 per major and 1 per minor new/worse item", () => {
    expect(score({ majorItemsNewWorse: 1, minorItemsNewWorse: 0, persistentItems: 0 })).toMatchObject({ value: 3 });
    expect(score({ majorItemsNewWorse: 0, minorItemsNewWorse: 1, persistentItems: 0 })).toMatchObject({ value: 1 });
    expect(score({ majorItemsNewWorse: 4, minorItemsNewWorse: 5, persistentItems: 0 })).toMatchObject({ value: 17, components: { majorPoints: 12, minorPoints: 5 } });
  });

  it("records persistent items without scoring them", () => {
    const outcome = score({ majorItemsNewWorse: 0, minorItemsNewWorse: 0, persistentItems: 3 });
    expect(outcome).toMatchObject({ ok: true, value: 0, components: { persistentItems: 3 } });
    expect(BVAS_WG.description.startsWith("PROVISIONAL:")).toBe(true);
  });

  it("reaches its declared range maximum with every item major and new/worse", () => {
    expect(score({ majorItemsNewWorse: 35, minorItemsNewWorse: 0, persistentItems: 0 })).toMatchObject({ value: BVAS_WG.range.max });
  });

  it("accepts a total of 35 items and refuses 36, naming the field (provisional plausibility bound)", () => {
    expect(score({ majorItemsNewWorse: 20, minorItemsNewWorse: 10, persistentItems: 5 })).toMatchObject({ value: 70 });
    expect(rejected({ majorItemsNewWorse: 20, minorItemsNewWorse: 10, persistentItems: 6 })).toEqual(["inputs.persistentItems"]);
    expect(rejected({ majorItemsNewWorse: 35, minorItemsNewWorse: 35, persistentItems: 35 })).toEqual(["inputs.persistentItems"]);
  });

  it("rejects negative, fractional and too large counts, naming the field", () => {
    expect(rejected({ majorItemsNewWorse: -1, minorItemsNewWorse: 0, persistentItems: 0 })).toEqual(["inputs.majorItemsNewWorse"]);
    expect(rejected({ majorItemsNewWorse: 0, minorItemsNewWorse: 1.5, persistentItems: 0 })).toEqual(["inputs.minorItemsNewWorse"]);
    expect(rejected({ majorItemsNewWorse: 0, minorItemsNewWorse: 0, persistentItems: 36 })).toEqual(["inputs.persistentItems"]);
  });
});
