import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs, Observation } from "../../src/plugin-api";
import { BVAS_V3, bvasInputs } from "./bvas-v3";
import { AAV_EULAR_RESPONSE, eularResponse, newManifestations } from "./eular-response";

// Hand-computed cases on both sides of the 50% cut-off, with and without new manifestations.

function observe(inputs: Inputs): Observation {
  const outcome = scoreInstrument(BVAS_V3, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return { instrument: "BVAS_V3", value: outcome.value, inputs, components: outcome.components };
}

describe("AAV_EULAR_RESPONSE", () => {
  it("puts the 50% boundary on the responder side", () => {
    expect(eularResponse(10, 5, []).status).toBe("RESPONDER"); // exactly 50%
    expect(eularResponse(10, 6, []).status).toBe("NON_RESPONDER"); // 40%
    expect(eularResponse(9, 4, []).status).toBe("RESPONDER"); // 55.6%
    expect(eularResponse(9, 5, []).status).toBe("NON_RESPONDER"); // 44.4%
  });

  it("holds the 50% boundary against float noise", () => {
    // BVAS is an integer, but the comparison must not depend on it: 100 × (0.17 − 0.34) / 0.34 = -49.99999999999999 in doubles.
    expect(100 * (0.17 - 0.34) / 0.34).not.toBe(-50);
    expect(eularResponse(0.34, 0.17, []).status).toBe("RESPONDER");
  });

  it("is not met with a new manifestation, however large the fall", () => {
    expect(eularResponse(20, 1, ["myalgia"])).toMatchObject({ status: "NON_RESPONDER", reason: expect.stringContaining("myalgia (NOT met)") });
  });

  it("is not evaluable from a zero baseline", () => {
    expect(eularResponse(0, 0, [])).toMatchObject({ status: "NOT_EVALUABLE", percentChange: null });
  });

  it("finds new items whatever the follow-up form, and ignores the creatinine bands", () => {
    const baseline = bvasInputs(true, ["haematuria", "proteinuria"], { serumCreatinine: "250_to_499" });
    expect(newManifestations(baseline, bvasInputs(false, ["haematuria"]))).toEqual([]);
    expect(newManifestations(baseline, bvasInputs(false, ["haematuria", "hypertension"], { persistentDisease: true }))).toEqual(["hypertension"]);
    expect(newManifestations(baseline, bvasInputs(false, ["creatinineRise"]))).toEqual(["creatinineRise"]);
    expect(newManifestations(bvasInputs(true), bvasInputs(true, [], { serumCreatinine: "125_to_249" }))).toEqual([]);
    // an item sent as false is as absent as an omitted one
    expect(newManifestations(bvasInputs(false, [], { fever: false }), bvasInputs(false, ["fever"]))).toEqual(["fever"]);
  });

  it("decides from the raw items of both visits", () => {
    const baseline = observe(bvasInputs(false, ["haematuria", "proteinuria"])); // 10
    const same = observe(bvasInputs(false, ["haematuria", "proteinuria"], { persistentDisease: true })); // 5
    const withNew = observe(bvasInputs(false, ["haematuria", "myalgia"], { persistentDisease: true })); // 3 + 1 = 4
    expect(AAV_EULAR_RESPONSE.evaluate({ baseline, followUp: same, parameters: {} }).status).toBe("RESPONDER");
    expect(AAV_EULAR_RESPONSE.evaluate({ baseline, followUp: withNew, parameters: {} }).status).toBe("NON_RESPONDER");
    expect(AAV_EULAR_RESPONSE.evaluate({ baseline: { instrument: "BVAS_V3", value: 10 }, followUp: same, parameters: {} }).status).toBe("NOT_EVALUABLE");
  });
});
