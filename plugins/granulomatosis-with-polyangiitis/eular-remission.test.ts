import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs, Observation } from "../../src/plugin-api";
import { BVAS_V3, bvasInputs } from "./bvas-v3";
import { AAV_EULAR_REMISSION, eularRemission } from "./eular-remission";

// Hand-computed cases on both sides of the cut-off.

function observe(inputs: Inputs): Observation {
  const outcome = scoreInstrument(BVAS_V3, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return { instrument: "BVAS_V3", value: outcome.value, inputs, components: outcome.components };
}

describe("AAV_EULAR_REMISSION", () => {
  it("is met at BVAS 0 and not at 1", () => {
    expect(eularRemission(12, 0).status).toBe("RESPONDER");
    expect(eularRemission(12, 1)).toMatchObject({ status: "NON_RESPONDER", change: -11 });
  });

  it("is decided from the follow-up alone: a zero baseline is evaluable on both sides", () => {
    expect(eularRemission(0, 0)).toMatchObject({ status: "RESPONDER", change: 0, percentChange: null });
    expect(eularRemission(0, 1)).toMatchObject({ status: "NON_RESPONDER", change: 1, percentChange: null });
  });

  it("counts a persistent-form 0 and a new/worse-form 0 alike", () => {
    const baseline = observe(bvasInputs(true, ["fever"]));
    const followUp = observe(bvasInputs(false, [], { persistentDisease: true }));
    expect(AAV_EULAR_REMISSION.evaluate({ baseline, followUp, parameters: {} }).status).toBe("RESPONDER");
  });
});
