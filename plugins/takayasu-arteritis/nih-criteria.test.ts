import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { NIH_TAKAYASU_ACTIVITY } from "./nih-criteria";

const none = { systemicFeatures: false, elevatedEsr: false, vascularIschaemiaOrInflammation: false, typicalAngiographicFeatures: false };
const score = (inputs: Inputs) => scoreInstrument(NIH_TAKAYASU_ACTIVITY, inputs);

describe("NIH_TAKAYASU_ACTIVITY (Kerr 1994)", () => {
  it("is not active with any single feature, and active with any two", () => {
    const names = Object.keys(none);
    for (const a of names) {
      expect(score({ ...none, [a]: true }), a).toMatchObject({ ok: true, value: 1, category: { code: "inactive" } });
      for (const b of names.filter((n) => n !== a)) {
        expect(score({ ...none, [a]: true, [b]: true }), `${a}+${b}`).toMatchObject({ ok: true, value: 2, category: { code: "active" } });
      }
    }
  });

  it("counts 0 to 4 features", () => {
    expect(score(none)).toMatchObject({ value: 0, category: { code: "inactive" } });
    expect(score({ systemicFeatures: true, elevatedEsr: true, vascularIschaemiaOrInflammation: true, typicalAngiographicFeatures: true })).toMatchObject({
      value: 4,
      category: { code: "active" },
    });
  });

  it("rejects a missing or non-boolean feature, naming it", () => {
    const { elevatedEsr: _omitted, ...missing } = none;
    const fields = (inputs: Inputs) => {
      const outcome = score(inputs);
      return outcome.ok ? [] : outcome.problems.map((p) => p.field);
    };
    expect(fields(missing)).toEqual(["inputs.elevatedEsr"]);
    expect(fields({ ...none, elevatedEsr: 45 })).toEqual(["inputs.elevatedEsr"]);
  });
});
