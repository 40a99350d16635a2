import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { ASAS_DOMAINS, asasInputs } from "./asas-domains";
import { ASAS_PARTIAL_REMISSION } from "./asas-partial-remission";

function state(inputs: Inputs) {
  const outcome = scoreInstrument(ASAS_PARTIAL_REMISSION, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return outcome;
}

describe("ASAS domains", () => {
  it("derives inflammation as the mean of BASDAI questions 5 and 6 and has no composite score", () => {
    const outcome = scoreInstrument(ASAS_DOMAINS, asasInputs(6, 7, 5.5, 6, 9));
    expect(outcome.ok && outcome.value).toBeNull();
    // (6 + 9) / 2 = 7.5
    expect(outcome.ok && outcome.components).toEqual({ patientGlobal: 6, pain: 7, function: 5.5, inflammation: 7.5 });
  });

  it("rejects a BASFI score above 10, naming the field", () => {
    const outcome = scoreInstrument(ASAS_DOMAINS, asasInputs(6, 7, 10.5, 6, 9));
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(["inputs.basfi"]);
  });
});

describe("ASAS partial remission: every domain ≤ 2 (inclusive)", () => {
  it("is reached when every domain is exactly 2", () => {
    expect(state(asasInputs(2, 2, 2, 2, 2)).category?.code).toBe("partial_remission");
  });

  it("is missed when any single domain is just above 2", () => {
    const above: Inputs[] = [
      asasInputs(2.1, 2, 2, 2, 2), // patient global
      asasInputs(2, 2.1, 2, 2, 2), // pain
      asasInputs(2, 2, 2.1, 2, 2), // function (BASFI)
      asasInputs(2, 2, 2, 2, 2.2), // inflammation (2 + 2.2)/2 = 2.1
    ];
    for (const inputs of above) expect(state(inputs).category?.code, JSON.stringify(inputs)).toBe("no_partial_remission");
  });

  it("judges inflammation on the mean of Q5 and Q6, not on each question", () => {
    // Q6 = 3 is above 2, but (1 + 3)/2 = 2 is not.
    expect(state(asasInputs(0, 0, 0, 1, 3)).category?.code).toBe("partial_remission");
    // (1 + 3.1)/2 = 2.05 is above 2.
    expect(state(asasInputs(0, 0, 0, 1, 3.1)).category?.code).toBe("no_partial_remission");
  });

  it("reports the domains and the highest one, with no score", () => {
    const outcome = state(asasInputs(1, 0.5, 1.8, 0, 2));
    expect(outcome.value).toBeNull();
    expect(outcome.components).toEqual({ patientGlobal: 1, pain: 0.5, function: 1.8, inflammation: 1, highestDomain: 1.8 });
  });

  it("declares both categories and the inclusive, uncertain boundary in its description", () => {
    expect(ASAS_PARTIAL_REMISSION.categories?.map((c) => c.code)).toEqual(["partial_remission", "no_partial_remission"]);
    expect(ASAS_PARTIAL_REMISSION.description).toMatch(/≤ 2/);
    expect(ASAS_PARTIAL_REMISSION.description).toMatch(/UNCERTAIN/);
  });
});
