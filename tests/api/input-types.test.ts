import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundTo } from "../../src/plugin-api";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";

/**
 * A visual analogue scale is continuous: a reading of 22.5 mm is as valid on the DAS28 form (mm) as its
 * 2.25 cm equivalent on the CDAI form. Counts stay integers.
 */
const COMPUTE = `query Compute($instrument: String!, $inputs: JSONObject!) {
  computeScore(instrument: $instrument, inputs: $inputs) { value components { name value } }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp("sqlite");
});
afterAll(() => t.close());

const component = (score: { components: Array<{ name: string; value: number }> }, name: string) => score.components.find((c) => c.name === name)?.value;

describe("continuous inputs through computeScore", () => {
  it("accepts a DAS28 patient global of 22.5 mm (hand-computed DAS28-ESR 4.71), as CDAI accepts 2.25 cm", async () => {
    const das28 = (await t.data(COMPUTE, { instrument: "DAS28_ESR", inputs: { tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 22.5 } })).computeScore;
    // 0.56·√4 + 0.28·√5 + 0.70·ln 44 + 0.014·22.5 = 1.12 + 0.6261 + 2.6489 + 0.315.
    expect(roundTo(das28.value, 2)).toBe(4.71);
    expect(component(das28, "patientGlobal")).toBeCloseTo(0.315, 12);
    const cdai = (await t.data(COMPUTE, { instrument: "CDAI_RA", inputs: { tjc28: 4, sjc28: 5, patientGlobalCm: 2.25, physicianGlobalCm: 3 } })).computeScore;
    expect(cdai.value).toBeCloseTo(14.25, 12);
  });

  it("accepts 22.5 mm for DAS28-CRP and still refuses a fractional joint count, naming the field", async () => {
    const crp = (await t.data(COMPUTE, { instrument: "DAS28_CRP", inputs: { tjc28: 4, sjc28: 5, crp: 44, patientGlobal: 22.5 } })).computeScore;
    expect(roundTo(crp.value, 2)).toBe(4.39);
    const refused = await t.execute(COMPUTE, { instrument: "DAS28_ESR", inputs: { tjc28: 4.5, sjc28: 5, esr: 44, patientGlobal: 22.5 } });
    expect(refused.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(["inputs.tjc28"]);
  });

  it("declares the DAS28 patient global as a NUMBER in mm in the catalogue", async () => {
    const { instruments } = await t.data(`{ instruments { code inputs { name type unit min max allowed } } }`);
    for (const code of ["DAS28_ESR", "DAS28_CRP"]) {
      const global = instruments.find((i: { code: string }) => i.code === code).inputs.find((i: { name: string }) => i.name === "patientGlobal");
      expect(global).toMatchObject({ type: "NUMBER", unit: "mm", min: 0, max: 100, allowed: "a number from 0 to 100 mm" });
    }
  });
});
