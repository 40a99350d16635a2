import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { MAYO, MODIFIED_MAYO, PARTIAL_MAYO } from "./mayo";

const fields = (outcome: ReturnType<typeof scoreInstrument>) => (outcome.ok ? [] : outcome.problems.map((p) => p.field).sort());
const mayo = (stoolFrequency: number, rectalBleeding: number, endoscopy: number, physicianGlobal: number): Inputs => ({ stoolFrequency, rectalBleeding, endoscopy, physicianGlobal });

describe("MAYO", () => {
  it("sums the four subscores (hand-computed) and reports each as a component", () => {
    expect(scoreInstrument(MAYO, mayo(3, 2, 1, 2))).toMatchObject({ ok: true, value: 8, components: { stoolFrequency: 3, rectalBleeding: 2, endoscopy: 1, physicianGlobal: 2 } });
    expect(scoreInstrument(MAYO, mayo(0, 0, 0, 0))).toMatchObject({ ok: true, value: 0, category: { code: "inactive" } });
    expect(scoreInstrument(MAYO, mayo(3, 3, 3, 3))).toMatchObject({ ok: true, value: 12, category: { code: "severe" } });
  });

  it("bands 2 | 3, 5 | 6 and 10 | 11 on the published side (3–5 mild, 6–10 moderate, 11–12 severe)", () => {
    const band = (total: number) => {
      const parts = [0, 0, 0, 0].map((_, i) => Math.max(0, Math.min(3, total - 3 * i)));
      const outcome = scoreInstrument(MAYO, mayo(parts[0], parts[1], parts[2], parts[3]));
      return outcome.ok ? [outcome.value, outcome.category?.code] : [];
    };
    expect([2, 3, 5, 6, 10, 11].map(band)).toEqual([
      [2, "inactive"], [3, "mild"], [5, "mild"], [6, "moderate"], [10, "moderate"], [11, "severe"],
    ]);
  });

  it("refuses a subscore of 4, a fractional subscore and a missing physician global, naming each", () => {
    expect(fields(scoreInstrument(MAYO, { stoolFrequency: 4, rectalBleeding: 1.5, endoscopy: 1 }))).toEqual(["inputs.physicianGlobal", "inputs.rectalBleeding", "inputs.stoolFrequency"]);
  });
});

describe("PARTIAL_MAYO", () => {
  it("sums stool frequency, rectal bleeding and physician global, and refuses an endoscopy input", () => {
    expect(scoreInstrument(PARTIAL_MAYO, { stoolFrequency: 3, rectalBleeding: 3, physicianGlobal: 3 })).toMatchObject({ ok: true, value: 9 });
    expect(fields(scoreInstrument(PARTIAL_MAYO, { stoolFrequency: 1, rectalBleeding: 1, physicianGlobal: 1, endoscopy: 1 }))).toEqual(["inputs.endoscopy"]);
    expect(PARTIAL_MAYO.range).toEqual({ min: 0, max: 9 });
  });
});

describe("MODIFIED_MAYO", () => {
  it("sums stool frequency, rectal bleeding and the modified endoscopy, without the physician global", () => {
    expect(scoreInstrument(MODIFIED_MAYO, { stoolFrequency: 3, rectalBleeding: 3, endoscopy: 3, friability: true })).toMatchObject({ ok: true, value: 9 });
    expect(scoreInstrument(MODIFIED_MAYO, { stoolFrequency: 1, rectalBleeding: 0, endoscopy: 1, friability: false })).toMatchObject({ ok: true, value: 2 });
    expect(fields(scoreInstrument(MODIFIED_MAYO, { stoolFrequency: 1, rectalBleeding: 0, endoscopy: 1, friability: false, physicianGlobal: 1 }))).toEqual(["inputs.physicianGlobal"]);
  });

  it("refuses friability with an endoscopy subscore of 0 or 1 (friability scores 2), accepts it at 2 and 3", () => {
    for (const endoscopy of [0, 1]) {
      const outcome = scoreInstrument(MODIFIED_MAYO, { stoolFrequency: 1, rectalBleeding: 0, endoscopy, friability: true });
      expect(fields(outcome)).toEqual(["inputs.endoscopy"]);
      expect(outcome.ok ? "" : outcome.problems[0].message).toContain("friability scores at least 2");
    }
    for (const endoscopy of [2, 3]) expect(scoreInstrument(MODIFIED_MAYO, { stoolFrequency: 1, rectalBleeding: 0, endoscopy, friability: true }).ok).toBe(true);
    expect(fields(scoreInstrument(MODIFIED_MAYO, { stoolFrequency: 1, rectalBleeding: 0, endoscopy: 1 }))).toEqual(["inputs.friability"]);
  });
});
