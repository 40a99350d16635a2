import { describe, expect, it } from "vitest";
import { BOOLEAN_ITEMS, BVAS_V3_ITEMS, BVAS_V3_SYSTEMS, CREATININE_BAND_ROWS, NOT_PERSISTENT_ITEMS } from "./bvas-v3-items";
import { BVAS_V3 } from "./bvas-v3";

// Structure of the one weights table against the published form (Mukhtyar 2009): 56 items in 9 systems,
// new/worse total 63, persistent total 33. The weights themselves are tested through the instrument.
describe("BVAS v3 items table", () => {
  it("holds 56 items in the 9 organ systems, in the form's order", () => {
    expect(BVAS_V3_ITEMS).toHaveLength(56);
    expect(BVAS_V3_SYSTEMS.map((s) => s.system)).toEqual(["general", "cutaneous", "mucousMembranesEyes", "ent", "chest", "cardiovascular", "abdominal", "renal", "nervousSystem"]);
    const perSystem = BVAS_V3_SYSTEMS.map((s) => BVAS_V3_ITEMS.filter((i) => i.system === s.system).length);
    expect(perSystem).toEqual([4, 5, 10, 5, 7, 6, 3, 7, 9]);
  });

  it("has caps that add up to the published totals 63 (new/worse) and 33 (persistent)", () => {
    expect(BVAS_V3_SYSTEMS.reduce((sum, s) => sum + s.newWorseCap, 0)).toBe(63);
    expect(BVAS_V3_SYSTEMS.reduce((sum, s) => sum + s.persistentCap, 0)).toBe(33);
    expect(BVAS_V3.range).toEqual({ min: 0, max: 63 });
  });

  it("lets every system reach both caps (otherwise 63 and 33 would be unreachable)", () => {
    for (const s of BVAS_V3_SYSTEMS) {
      const items = BVAS_V3_ITEMS.filter((i) => i.system === s.system);
      // the creatinine bands are exclusive: count only the heaviest one
      const bands = CREATININE_BAND_ROWS.filter((b) => b.system === s.system);
      const others = items.filter((i) => !bands.includes(i));
      const heaviest = (w: (i: (typeof items)[number]) => number) => Math.max(0, ...bands.map(w));
      expect(others.reduce((sum, i) => sum + i.newWorse, 0) + heaviest((b) => b.newWorse), s.system).toBeGreaterThanOrEqual(s.newWorseCap);
      expect(others.reduce((sum, i) => sum + (i.persistent ?? 0), 0) + heaviest((b) => b.persistent ?? 0), s.system).toBeGreaterThanOrEqual(s.persistentCap);
    }
  });

  it("never weighs an item more when persistent than when new/worse, and names every input once", () => {
    for (const item of BVAS_V3_ITEMS) expect(item.persistent ?? 0, item.name).toBeLessThanOrEqual(item.newWorse);
    const names = BOOLEAN_ITEMS.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    expect(BVAS_V3.inputs.map((i) => i.name)).toEqual(["firstAssessment", "persistentDisease", ...names, "serumCreatinine"]);
  });

  it("marks sudden visual loss, nodules or cavities and a creatinine rise as not compatible with persistent disease", () => {
    expect(NOT_PERSISTENT_ITEMS.map((i) => i.name)).toEqual(["suddenVisualLoss", "nodulesOrCavities", "creatinineRise"]);
  });

  it("says which cells are disputed, and with what", () => {
    const disputed = BVAS_V3_ITEMS.filter((i) => i.provenance === "disputed");
    expect(disputed.map((i) => i.name)).toEqual(["bloodyNasalDischarge", "ischaemicAbdominalPain", "250_to_499", "500_or_more"]);
    for (const item of disputed) expect(item.disputed, item.name).toBeTruthy();
    expect(BVAS_V3.description.startsWith("PROVISIONAL:")).toBe(true);
  });

  it("keeps examples valid whatever their booleans: no example gives the PERSISTENT box with an item marked *", () => {
    for (const example of BVAS_V3.examples) {
      if (!("persistentDisease" in example.inputs)) continue;
      for (const item of NOT_PERSISTENT_ITEMS) expect(example.inputs, example.source).not.toHaveProperty(item.name);
    }
  });
});
