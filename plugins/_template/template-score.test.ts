import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import { TEMPLATE_SCORE } from "./template-score";

// Test the published worked examples, both sides of every cut-off and the invalid inputs.
describe("TEMPLATE_SCORE", () => {
  it("puts 3 in inactive and 4 in active", () => {
    const score = (itemA: number, itemB: number) => scoreInstrument(TEMPLATE_SCORE, { itemA, itemB });
    expect(score(1, 2)).toMatchObject({ ok: true, value: 3, category: { code: "inactive" } });
    expect(score(2, 2)).toMatchObject({ ok: true, value: 4, category: { code: "active" } });
  });

  it("rejects an item above 10, naming it", () => {
    const outcome = scoreInstrument(TEMPLATE_SCORE, { itemA: 11, itemB: 0 });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(["inputs.itemA"]);
  });
});
