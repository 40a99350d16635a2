import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app";
import type { TestApp } from "../support/test-app";

/** The Takayasu arteritis plugin through GraphQL. */
const COMPUTE = `query Compute($instrument: String!, $inputs: JSONObject!) {
  computeScore(instrument: $instrument, inputs: $inputs) { value category { code } components { name value } instrument { code description } }
}`;

const HEADLINE = [
  "malaiseOrWeightLoss", "myalgiaArthralgiaArthritis", "headache", "severeAbdominalPain", "recentSpontaneousAbortion", "systolicBpAbove140",
  "diastolicBpAbove90", "stroke", "seizures", "syncope", "vertigoOrDizziness", "bruits", "pulseInequality", "newLossOfPulses", "claudication",
  "carotidynia", "aorticIncompetence", "myocardialInfarctionOrAngina", "cardiomyopathyOrCardiacFailure",
];
const form = (ticked: string[]) => ({ ...Object.fromEntries(HEADLINE.map((n) => [n, false])), ...Object.fromEntries(ticked.map((n) => [n, true])) });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp("sqlite");
});
afterAll(() => t.close());

describe("Takayasu arteritis through GraphQL", () => {
  it("computes ITAS2010 with sub-locations and its active band (≥ 2), and says it is PROVISIONAL", async () => {
    const one = (await t.data(COMPUTE, { instrument: "ITAS2010", inputs: form(["headache"]) })).computeScore;
    expect(one).toMatchObject({ value: 1, category: { code: "inactive" } });
    const bruits = (await t.data(COMPUTE, { instrument: "ITAS2010", inputs: form(["bruits", "carotidBruitLeft", "renalBruitRight"]) })).computeScore;
    expect(bruits).toMatchObject({ value: 4, category: { code: "active" } }); // 2 + 1 + 1
    expect(bruits.components).toContainEqual({ name: "subLocationPoints", value: 2 });
    expect(bruits.instrument.description).toMatch(/^PROVISIONAL:/);
  });

  it("refuses a sub-location without its headline item, naming the field", async () => {
    const result = await t.execute(COMPUTE, { instrument: "ITAS2010", inputs: form(["carotidBruitLeft"]) });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(["inputs.carotidBruitLeft"]);
  });

  it("computes the NIH criteria: one feature is not active, two are", async () => {
    const nih = async (elevatedEsr: boolean) =>
      (await t.data(COMPUTE, {
        instrument: "NIH_TAKAYASU_ACTIVITY",
        inputs: { systemicFeatures: true, elevatedEsr, vascularIschaemiaOrInflammation: false, typicalAngiographicFeatures: false },
      })).computeScore;
    expect(await nih(false)).toMatchObject({ value: 1, category: { code: "inactive" } });
    expect(await nih(true)).toMatchObject({ value: 2, category: { code: "active" } });
  });
});
