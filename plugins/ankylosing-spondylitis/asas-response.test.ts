import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Observation, ResponseCriterion } from "../../src/plugin-api";
import { ASAS_DOMAINS, asasInputs } from "./asas-domains";
import { ASAS20, ASAS40 } from "./asas-response";

type Visit = [global: number, backPain: number, basfi: number, stiffnessSeverity: number, stiffnessDuration: number];

function observe(visit: Visit): Observation {
  const inputs = asasInputs(...visit);
  const outcome = scoreInstrument(ASAS_DOMAINS, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return { instrument: "ASAS_DOMAINS", value: outcome.value, inputs, components: outcome.components };
}

const evaluate = (criterion: ResponseCriterion, baseline: Visit, followUp: Visit) =>
  criterion.evaluate({ baseline: observe(baseline), followUp: observe(followUp), parameters: {} });

/** The same value in all four domains (inflammation from Q5 = Q6 = value). */
const all = (value: number): Visit => [value, value, value, value, value];

describe("ASAS20 (Anderson 2001): ≥ 20% and ≥ 1 unit in ≥ 3 of 4 domains, no ≥ 20% and ≥ 1 unit worsening in the fourth", () => {
  it("counts exactly 20% (5.5 → 4.4, 1.0999999999999996 vs 1.1 in doubles)", () => {
    expect(5.5 - 4.4 >= 0.2 * 5.5).toBe(false);
    expect(evaluate(ASAS20, all(5.5), all(4.4))).toMatchObject({ status: "RESPONDER", category: "response" });
  });

  it("does not count 18% even with 1 unit (5.5 → 4.5)", () => {
    expect(evaluate(ASAS20, all(5.5), all(4.5))).toMatchObject({ status: "NON_RESPONDER", category: "insufficient_improvement" });
  });

  it("counts exactly 1 unit (2.3 → 1.3, 0.9999999999999998 in doubles)", () => {
    expect(evaluate(ASAS20, all(2.3), all(1.3))).toMatchObject({ status: "RESPONDER", category: "response" });
  });

  it("does not count 0.9 units even at 39% (2.3 → 1.4)", () => {
    expect(evaluate(ASAS20, all(2.3), all(1.4))).toMatchObject({ status: "NON_RESPONDER", category: "insufficient_improvement" });
  });

  it("needs three improved domains, not two", () => {
    // Global and pain 6 → 4 (33%, 2 units); BASFI and inflammation unchanged.
    expect(evaluate(ASAS20, [6, 6, 6, 6, 6], [4, 4, 6, 6, 6])).toMatchObject({ category: "insufficient_improvement" });
    // Add BASFI 6 → 4: three domains.
    expect(evaluate(ASAS20, [6, 6, 6, 6, 6], [4, 4, 4, 6, 6])).toMatchObject({ status: "RESPONDER", category: "response" });
  });

  it("fails when the remaining domain worsens by exactly 20% and 1 unit", () => {
    // Inflammation 5 → 6: +1 unit and +20%.
    expect(evaluate(ASAS20, [6, 6, 6, 5, 5], [4, 4, 4, 6, 6])).toMatchObject({ status: "NON_RESPONDER", category: "worsening_in_remaining_domain" });
  });

  it("needs both parts of the worsening to fail", () => {
    // Inflammation 5 → 5.9: +0.9 units (18%).
    expect(evaluate(ASAS20, [6, 6, 6, 5, 5], [4, 4, 4, 5.9, 5.9])).toMatchObject({ status: "RESPONDER" });
    // Pain 8 → 9.5: +1.5 units but only 18.75%.
    expect(evaluate(ASAS20, [6, 8, 6, 6, 6], [4, 9.5, 4, 4, 4])).toMatchObject({ status: "RESPONDER" });
    // Pain 8 → 9.6: +1.6 units = 20%.
    expect(evaluate(ASAS20, [6, 8, 6, 6, 6], [4, 9.6, 4, 4, 4])).toMatchObject({ category: "worsening_in_remaining_domain" });
  });

  it("treats a zero-baseline domain as not improvable, and a rise of ≥ 1 unit from zero as worsening", () => {
    expect(evaluate(ASAS20, [6, 6, 6, 0, 0], [4, 4, 4, 0, 0])).toMatchObject({ status: "RESPONDER" });
    expect(evaluate(ASAS20, [6, 6, 6, 0, 0], [4, 4, 4, 0.9, 0.9])).toMatchObject({ status: "RESPONDER" });
    expect(evaluate(ASAS20, [6, 6, 6, 0, 0], [4, 4, 4, 1, 1])).toMatchObject({ category: "worsening_in_remaining_domain" });
  });

  it("is NOT_EVALUABLE with two zero-baseline domains, naming them", () => {
    const result = evaluate(ASAS20, [0, 0, 6, 6, 6], [0, 0, 1, 1, 1]);
    expect(result.status).toBe("NOT_EVALUABLE");
    expect(result.reason).toMatch(/patientGlobal, pain/);
  });

  it("uses the mean of Q5 and Q6 as inflammation", () => {
    // Q5 8 → 3 and Q6 2 → 2: inflammation 5 → 2.5 improves (2.5 units, 50%) although Q6 does not.
    expect(evaluate(ASAS20, [6, 6, 6, 8, 2], [6, 4, 4, 3, 2])).toMatchObject({ status: "RESPONDER" });
  });

  it("is decided from the raw inputs", () => {
    expect(ASAS20.basis).toBe("INPUTS");
    expect(ASAS20.instruments).toContain("ASAS_DOMAINS");
  });
});

describe("ASAS40 (Brandt 2004): ≥ 40% and ≥ 2 units in ≥ 3 of 4 domains, no worsening at all in the fourth", () => {
  it("counts exactly 40% (6 → 3.6, 2.4 vs 2.4000000000000004 in doubles)", () => {
    expect(6 - 3.6 >= 0.4 * 6).toBe(false);
    expect(evaluate(ASAS40, all(6), all(3.6))).toMatchObject({ status: "RESPONDER", category: "response" });
  });

  it("does not count 38% (6 → 3.7)", () => {
    expect(evaluate(ASAS40, all(6), all(3.7))).toMatchObject({ category: "insufficient_improvement" });
  });

  it("counts exactly 2 units (3.3 → 1.3, 1.9999999999999998 in doubles) but not 1.9 (3.3 → 1.4)", () => {
    expect(evaluate(ASAS40, all(3.3), all(1.3))).toMatchObject({ status: "RESPONDER" });
    expect(evaluate(ASAS40, all(3.3), all(1.4))).toMatchObject({ category: "insufficient_improvement" });
  });

  it("fails on any worsening of the remaining domain, however small", () => {
    expect(evaluate(ASAS40, [8, 8, 8, 4, 4], [4, 4, 4, 4, 4])).toMatchObject({ status: "RESPONDER" });
    expect(evaluate(ASAS40, [8, 8, 8, 4, 4], [4, 4, 4, 4, 4.2])).toMatchObject({ category: "worsening_in_remaining_domain" });
  });

  it("accepts a remaining domain that improved, but not enough", () => {
    // Inflammation 4 → 3: 1 unit, 25%.
    expect(evaluate(ASAS40, [8, 8, 8, 4, 4], [4, 4, 4, 3, 3])).toMatchObject({ status: "RESPONDER" });
  });

  it("is stricter than ASAS20 on the same data", () => {
    // Every domain 6 → 4.5: 1.5 units, 25%: ASAS20 yes, ASAS40 no.
    expect(evaluate(ASAS20, all(6), all(4.5)).status).toBe("RESPONDER");
    expect(evaluate(ASAS40, all(6), all(4.5)).status).toBe("NON_RESPONDER");
  });

  it("is NOT_EVALUABLE with two zero-baseline domains", () => {
    expect(evaluate(ASAS40, [0, 0, 8, 8, 8], [0, 0, 2, 2, 2]).status).toBe("NOT_EVALUABLE");
  });
});
