import { describe, expect, it } from "vitest";
import { scoreInstrument, validateInputs } from "../../src/plugin-api";
import type { Inputs, Observation, ResponseCriterion } from "../../src/plugin-api";
import { ACR20, ACR50, ACR70, ACR_CORE_SET, acrResponse } from "./acr-response";

/** Validates both core sets and the parameters as the core does, then evaluates; throws naming rejected fields. */
function evaluate(criterion: ResponseCriterion, baseline: Inputs, followUp: Inputs, parameters: Inputs = {}) {
  const problems: string[] = [];
  const observe = (inputs: Inputs, field: string): Observation => {
    const outcome = scoreInstrument(ACR_CORE_SET, inputs, `${field}.inputs.`);
    if (!outcome.ok) problems.push(...outcome.problems.map((p) => p.field));
    return { instrument: ACR_CORE_SET.code, value: null, inputs, components: outcome.ok ? outcome.components : {} };
  };
  const before = observe(baseline, "baseline");
  const after = observe(followUp, "followUp");
  problems.push(...validateInputs(criterion.parameters ?? [], parameters, "parameters.").map((p) => p.field));
  if (problems.length > 0) throw new Error(problems.join(", "));
  return criterion.evaluate({ baseline: before, followUp: after, parameters });
}

/** A baseline core set with round numbers. */
const BASE = { tjc68: 10, sjc66: 10, patientPain: 50, patientGlobal: 50, physicianGlobal: 50, haqDi: 1.25, crp: 10, esr: 40 };

describe("ACR_CORE_SET", () => {
  it("records the measures without a score", () => {
    const outcome = scoreInstrument(ACR_CORE_SET, BASE);
    expect(outcome).toMatchObject({ ok: true, value: null });
  });

  it("needs CRP or ESR, accepts either alone", () => {
    const { crp, esr, ...rest } = BASE;
    const outcome = scoreInstrument(ACR_CORE_SET, rest);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(["inputs.crp"]);
    expect(scoreInstrument(ACR_CORE_SET, { ...rest, crp }).ok).toBe(true);
    expect(scoreInstrument(ACR_CORE_SET, { ...rest, esr }).ok).toBe(true);
    // Null is absent, as the API sends it: both null is the same as both omitted.
    const nulled = scoreInstrument(ACR_CORE_SET, { ...rest, crp: null, esr: null });
    expect(nulled.ok ? [] : nulled.problems.map((p) => p.field)).toEqual(["inputs.crp"]);
  });

  it("rejects 69 tender joints, 67 swollen joints, 2.5 joints, a VAS of 101 mm and HAQ-DI 3.1", () => {
    const fields = (inputs: Inputs) => {
      const outcome = scoreInstrument(ACR_CORE_SET, inputs);
      return outcome.ok ? [] : outcome.problems.map((p) => p.field);
    };
    expect(fields({ ...BASE, tjc68: 69 })).toEqual(["inputs.tjc68"]);
    expect(fields({ ...BASE, sjc66: 67 })).toEqual(["inputs.sjc66"]);
    expect(fields({ ...BASE, sjc66: 2.5 })).toEqual(["inputs.sjc66"]);
    expect(fields({ ...BASE, patientPain: 101 })).toEqual(["inputs.patientPain"]);
    expect(fields({ ...BASE, haqDi: 3.1 })).toEqual(["inputs.haqDi"]);
    expect(fields({ ...BASE, tjc68: 68, sjc66: 66, haqDi: 3 })).toEqual([]);
  });
});

describe("ACR20 boundaries (improvement = (baseline − follow-up) / baseline ≥ 20%)", () => {
  // Each measure 10 → 8, 50 → 40, 1.25 → 1: exactly 20%.
  const exactly20 = { tjc68: 8, sjc66: 8, patientPain: 40, patientGlobal: 40, physicianGlobal: 40, haqDi: 1, crp: 8, esr: 32 };

  it("exactly 20% in every measure is a response", () => {
    expect(acrResponse(20, BASE, exactly20).status).toBe("RESPONDER");
  });

  it("TJC68 10 → 9 (10%) fails even with everything else improved", () => {
    expect(acrResponse(20, BASE, { ...exactly20, tjc68: 9 }).status).toBe("NON_RESPONDER");
  });

  it("SJC66 10 → 9 (10%) fails even with everything else improved", () => {
    expect(acrResponse(20, BASE, { ...exactly20, sjc66: 9 }).status).toBe("NON_RESPONDER");
  });

  it("needs 3 of the 5 other measures: 3 is enough, 2 is not", () => {
    const three = { ...exactly20, haqDi: 1.25, crp: 10 }; // pain, patient global, physician global improved
    expect(acrResponse(20, BASE, three).status).toBe("RESPONDER");
    expect(acrResponse(20, BASE, { ...three, physicianGlobal: 41 }).status).toBe("NON_RESPONDER"); // 50 → 41 is 18%
  });

  it("a measure just short of 20% does not count: pain 50 → 40.5 is 19%", () => {
    const three = { ...exactly20, haqDi: 1.25, crp: 10 };
    expect(acrResponse(20, BASE, { ...three, patientPain: 40.5 }).status).toBe("NON_RESPONDER");
  });

  it("CRP 1.0 → 0.8 mg/L is exactly 20% (0.19999999999999996 in doubles)", () => {
    const before = { ...BASE, crp: 1 };
    const after = { ...exactly20, physicianGlobal: 50, haqDi: 1.25, crp: 0.8 }; // pain, patient global, CRP
    expect(acrResponse(20, before, after).status).toBe("RESPONDER");
  });

  it("worsening counts as not improved", () => {
    expect(acrResponse(20, BASE, { ...exactly20, patientPain: 70, patientGlobal: 70, physicianGlobal: 70 }).status).toBe("NON_RESPONDER");
  });
});

describe("ACR50 and ACR70 boundaries", () => {
  const fifty = { tjc68: 5, sjc66: 5, patientPain: 25, patientGlobal: 25, physicianGlobal: 25, haqDi: 0.625, crp: 5, esr: 20 };
  const seventy = { tjc68: 3, sjc66: 3, patientPain: 15, patientGlobal: 15, physicianGlobal: 15, haqDi: 0.375, crp: 3, esr: 12 };

  it("exactly 50% is ACR50 but not ACR70; exactly 70% is both", () => {
    expect(acrResponse(50, BASE, fifty).status).toBe("RESPONDER");
    expect(acrResponse(70, BASE, fifty).status).toBe("NON_RESPONDER");
    expect(acrResponse(70, BASE, seventy).status).toBe("RESPONDER");
    expect(acrResponse(50, BASE, seventy).status).toBe("RESPONDER");
  });

  it("TJC68 10 → 6 (40%) fails ACR50 but passes ACR20; 10 → 4 (60%) fails ACR70", () => {
    expect(acrResponse(50, BASE, { ...fifty, tjc68: 6 }).status).toBe("NON_RESPONDER");
    expect(acrResponse(20, BASE, { ...fifty, tjc68: 6 }).status).toBe("RESPONDER");
    expect(acrResponse(70, BASE, { ...seventy, tjc68: 4 }).status).toBe("NON_RESPONDER");
  });

  it("HAQ-DI 1.25 → 0.375 is exactly 70%", () => {
    const onlyHaqAndTwo = { ...seventy, physicianGlobal: 50, crp: 10 }; // pain, patient global, HAQ-DI
    expect(acrResponse(70, BASE, onlyHaqAndTwo).status).toBe("RESPONDER");
    expect(acrResponse(70, BASE, { ...onlyHaqAndTwo, haqDi: 0.5 }).status).toBe("NON_RESPONDER"); // 60%
  });
});

describe("zero baselines", () => {
  const exactly20 = { tjc68: 8, sjc66: 8, patientPain: 40, patientGlobal: 40, physicianGlobal: 40, haqDi: 1, crp: 8, esr: 32 };

  it("baseline TJC68 0 or SJC66 0 makes the criterion not evaluable, with a reason", () => {
    const tjc = acrResponse(20, { ...BASE, tjc68: 0 }, { ...exactly20, tjc68: 0 });
    expect(tjc.status).toBe("NOT_EVALUABLE");
    expect(tjc.reason).toMatch(/TJC68 is 0/);
    expect(acrResponse(20, { ...BASE, sjc66: 0 }, { ...exactly20, sjc66: 0 }).status).toBe("NOT_EVALUABLE");
  });

  it("a zero baseline in another measure counts as not improved (CONVENTION), never a division by zero", () => {
    // HAQ-DI 0 at baseline: pain, patient global and CRP improved = 3 → responder.
    const after = { ...exactly20, physicianGlobal: 50, haqDi: 0 };
    const result = acrResponse(20, { ...BASE, haqDi: 0 }, after);
    expect(result.status).toBe("RESPONDER");
    expect(result.reason).toMatch(/HAQ-DI 0→0 \(zero baseline: counts as not improved\)/);
    // With CRP unchanged only 2 others improve.
    expect(acrResponse(20, { ...BASE, haqDi: 0 }, { ...after, crp: 10 }).status).toBe("NON_RESPONDER");
  });

  it("three zero baselines among the others leave at most 2 improvable: not a responder", () => {
    const before = { ...BASE, patientPain: 0, patientGlobal: 0, haqDi: 0 };
    expect(acrResponse(20, before, { ...exactly20, patientPain: 0, patientGlobal: 0, haqDi: 0 }).status).toBe("NON_RESPONDER");
  });
});

describe("acute-phase reactant", () => {
  const improvedButApr = { tjc68: 8, sjc66: 8, patientPain: 40, patientGlobal: 40, physicianGlobal: 50, haqDi: 1.25 };

  it("uses CRP by default when both are recorded", () => {
    expect(acrResponse(20, BASE, { ...improvedButApr, crp: 8, esr: 40 }).status).toBe("RESPONDER");
    expect(acrResponse(20, BASE, { ...improvedButApr, crp: 10, esr: 32 }).status).toBe("NON_RESPONDER");
  });

  it("uses ESR when requested", () => {
    expect(acrResponse(20, BASE, { ...improvedButApr, crp: 10, esr: 32 }, "esr").status).toBe("RESPONDER");
    expect(acrResponse(20, BASE, { ...improvedButApr, crp: 8, esr: 40 }, "esr").status).toBe("NON_RESPONDER");
  });

  it("falls back to ESR when CRP is missing at a visit", () => {
    const { crp: _crp, ...noCrp } = BASE;
    expect(acrResponse(20, noCrp, { ...improvedButApr, esr: 32 }).status).toBe("RESPONDER");
  });

  it("is not evaluable when no reactant is recorded at both visits, or the requested one is missing", () => {
    const { esr: _esr, ...crpOnly } = BASE;
    expect(acrResponse(20, crpOnly, { ...improvedButApr, esr: 32 }).status).toBe("NOT_EVALUABLE");
    expect(acrResponse(20, crpOnly, { ...improvedButApr, crp: 8 }, "esr").status).toBe("NOT_EVALUABLE");
  });
});

describe("result shape", () => {
  it("names the improved measures in the reason and has no single change", () => {
    const result = acrResponse(20, BASE, { tjc68: 8, sjc66: 7, patientPain: 40, patientGlobal: 45, physicianGlobal: 30, haqDi: 1, crp: 10, esr: 40 });
    expect(result.status).toBe("RESPONDER");
    expect(result.reason).toMatch(/Improved: TJC68, SJC66, patient pain, physician global/);
    expect(result.reason).toMatch(/SJC66 10→7 \(30\.0% improvement\)/);
    expect(result.reason).toMatch(/patient global 50→45 \(10\.0% improvement, not enough\)/);
    expect(result.change).toBeNull();
    expect(result.percentChange).toBeNull();
  });

  it("documents the protocol choices in the criterion descriptions", () => {
    for (const criterion of [ACR20, ACR50, ACR70]) {
      expect(criterion.description).toMatch(/zero baseline in one of the 5 other measures counts as not improved/);
      expect(criterion.description).toMatch(/NOT_EVALUABLE/);
      expect(criterion.basis).toBe("INPUTS");
    }
  });
});

describe("evaluated from validated core sets", () => {
  const followUp = { tjc68: 8, sjc66: 8, patientPain: 40, patientGlobal: 40, physicianGlobal: 50, haqDi: 1.25, crp: 10, esr: 32 };

  it("is decided from the raw inputs of the ACR core set", () => {
    for (const criterion of [ACR20, ACR50, ACR70]) expect(criterion).toMatchObject({ basis: "INPUTS", instruments: ["ACR_CORE_SET"] });
  });

  it("evaluates a core set and honours the acutePhaseReactant parameter", () => {
    expect(evaluate(ACR20, BASE, followUp).status).toBe("NON_RESPONDER"); // CRP unchanged: 2 others
    expect(evaluate(ACR20, BASE, followUp, { acutePhaseReactant: "esr" }).status).toBe("RESPONDER"); // ESR 40 → 32
  });

  it("rejects an unknown acute-phase reactant parameter and an invalid follow-up, naming the field", () => {
    expect(() => evaluate(ACR20, BASE, followUp, { acutePhaseReactant: "il6" })).toThrow("parameters.acutePhaseReactant");
    expect(() => evaluate(ACR50, BASE, { ...followUp, tjc68: 70 })).toThrow("followUp.inputs.tjc68");
  });
});
