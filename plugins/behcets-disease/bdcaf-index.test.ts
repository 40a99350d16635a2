import { describe, expect, it } from "vitest";
import { bandFor, scoreInstrument } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { BDCAF_INDEX, BDCAF_INDEX_TRANSFORMED } from "./bdcaf-index";
import { BDCAF_ITEMS, bdcafForm } from "./bdcaf-items";
import { TRANSFORMED_INDEX } from "./transformation-table";

function score(instrument: InstrumentDefinition, inputs: Inputs) {
  const outcome = scoreInstrument(instrument, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return outcome;
}

function rejected(instrument: InstrumentDefinition, inputs: Inputs): string[] {
  const outcome = scoreInstrument(instrument, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
}

const ITEM_NAMES = BDCAF_ITEMS.map(([name]) => name);

describe("BDCAF_INDEX (raw 0–12)", () => {
  it("has the 12 items of the scoring sheet, in its order", () => {
    expect(ITEM_NAMES).toEqual([
      "headache", "oralUlceration", "genitalUlceration", "erythema", "skinPustules", "arthralgia", "arthritis",
      "nauseaVomitingAbdominalPain", "bloodyDiarrhoea", "newEyeInvolvement", "newNervousSystemInvolvement", "newMajorVesselInvolvement",
    ]);
    expect(BDCAF_INDEX.inputs.every((i) => i.type === "boolean" && !i.optional)).toBe(true);
  });

  it("scores each item 1 on its own (scoring sheet: 1 per YES), with the item as a component", () => {
    for (const name of ITEM_NAMES) {
      const outcome = score(BDCAF_INDEX, bdcafForm([name]));
      expect(outcome.value, name).toBe(1);
      expect(outcome.components?.[name], name).toBe(1);
    }
  });

  it("sums the items present (hand-computed): none 0, three mucocutaneous 3, all 12 give 12", () => {
    expect(score(BDCAF_INDEX, bdcafForm([])).value).toBe(0);
    expect(score(BDCAF_INDEX, bdcafForm(["oralUlceration", "genitalUlceration", "skinPustules"])).value).toBe(3);
    expect(score(BDCAF_INDEX, bdcafForm(ITEM_NAMES)).value).toBe(12);
  });

  it("reproduces its examples", () => {
    for (const example of BDCAF_INDEX.examples) expect(score(BDCAF_INDEX, example.inputs).value, example.source).toBe(example.value);
  });

  it("rejects a missing item, a non-boolean answer and an unknown item, naming the field", () => {
    const { headache: _omitted, ...missing } = bdcafForm([]);
    expect(rejected(BDCAF_INDEX, missing)).toEqual(["inputs.headache"]);
    expect(rejected(BDCAF_INDEX, { ...bdcafForm([]), headache: "yes" })).toEqual(["inputs.headache"]);
    expect(rejected(BDCAF_INDEX, { ...bdcafForm([]), arthritis: 1 })).toEqual(["inputs.arthritis"]);
    expect(rejected(BDCAF_INDEX, { ...bdcafForm([]), fatigue: true })).toEqual(["inputs.fatigue"]);
  });

  it("puts 0 in inactive and 1 (any single feature) in active: the only category the index itself gives", () => {
    expect(score(BDCAF_INDEX, bdcafForm([])).category?.code).toBe("inactive");
    expect(score(BDCAF_INDEX, bdcafForm(["arthralgia"])).category?.code).toBe("active");
    expect(bandFor(BDCAF_INDEX.bands, 0)?.code).toBe("inactive");
    expect(bandFor(BDCAF_INDEX.bands, 1e-12)?.code).toBe("inactive"); // float noise around 0 is still 0
    expect(bandFor(BDCAF_INDEX.bands, 12)?.code).toBe("active");
    expect(BDCAF_INDEX.description).toMatch(/Protocol convention, not a published cut-off/);
  });

  it("is not provisional: the scoring rule is confirmed", () => {
    expect(BDCAF_INDEX.description).not.toMatch(/PROVISIONAL/);
  });
});

describe("BDCAF_INDEX_TRANSFORMED (0–20)", () => {
  it("converts every raw index 0–12 with the sheet's table (0 3 5 7 8 9 10 11 12 13 15 17 20)", () => {
    const expected = [0, 3, 5, 7, 8, 9, 10, 11, 12, 13, 15, 17, 20];
    expected.forEach((transformed, raw) => {
      const outcome = score(BDCAF_INDEX_TRANSFORMED, bdcafForm(ITEM_NAMES.slice(0, raw)));
      expect(outcome.value, `raw ${raw}`).toBe(transformed);
      expect(outcome.components?.rawIndex).toBe(raw);
    });
  });

  it("depends only on how many items are present, not which", () => {
    const first = score(BDCAF_INDEX_TRANSFORMED, bdcafForm(["headache", "oralUlceration", "genitalUlceration"]));
    const last = score(BDCAF_INDEX_TRANSFORMED, bdcafForm(["bloodyDiarrhoea", "newNervousSystemInvolvement", "newMajorVesselInvolvement"]));
    expect(first.value).toBe(7);
    expect(last.value).toBe(7);
  });

  it("has one table entry per raw score, strictly increasing over 0–20", () => {
    expect(TRANSFORMED_INDEX).toHaveLength(13);
    for (let i = 1; i < TRANSFORMED_INDEX.length; i++) expect(TRANSFORMED_INDEX[i]).toBeGreaterThan(TRANSFORMED_INDEX[i - 1]);
    expect([TRANSFORMED_INDEX[0], TRANSFORMED_INDEX[12]]).toEqual([BDCAF_INDEX_TRANSFORMED.range.min, BDCAF_INDEX_TRANSFORMED.range.max]);
  });

  it("puts transformed 0 in inactive and 3 (one feature) in active", () => {
    expect(score(BDCAF_INDEX_TRANSFORMED, bdcafForm([])).category?.code).toBe("inactive");
    expect(score(BDCAF_INDEX_TRANSFORMED, bdcafForm(["headache"]))).toMatchObject({ value: 3, category: { code: "active" } });
  });

  it("says PROVISIONAL first in its description, naming the unconfirmed conversion table", () => {
    expect(BDCAF_INDEX_TRANSFORMED.description).toMatch(/^PROVISIONAL: the raw-to-transformed conversion table/);
  });

  it("takes the same form as the raw index", () => {
    expect(BDCAF_INDEX_TRANSFORMED.inputs).toBe(BDCAF_INDEX.inputs);
  });
});
