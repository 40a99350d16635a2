import { describe, expect, it } from "vitest";
import { bandFor, roundTo, scoreInstrument } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { DAS28_CRP, DAS28_CRP_3, DAS28_ESR, DAS28_ESR_3 } from "./das28";

function score(instrument: InstrumentDefinition, inputs: Inputs) {
  const outcome = scoreInstrument(instrument, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return { value: roundTo(outcome.value!, 2), category: outcome.category?.code };
}

function rejected(instrument: InstrumentDefinition, inputs: Inputs): string[] {
  const outcome = scoreInstrument(instrument, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
}

describe("DAS28-ESR", () => {
  it("reproduces the 4s-dawn reference value quoted by RheumaComposites (4, 5, ESR 44, GH 12) = 4.56", () => {
    expect(score(DAS28_ESR, { tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 12 })).toEqual({ value: 4.56, category: "moderate" });
  });

  it("reproduces the rheumtools test values (4, 5, 7, 50) = 3.81 and (5, 6, 8, 51) = 4.11", () => {
    expect(score(DAS28_ESR, { tjc28: 4, sjc28: 5, esr: 7, patientGlobal: 50 }).value).toBe(3.81);
    expect(score(DAS28_ESR, { tjc28: 5, sjc28: 6, esr: 8, patientGlobal: 51 }).value).toBe(4.11);
  });

  it("gives 0 for no joints, ESR 1 and GH 0 (no intercept, ln 1 = 0)", () => {
    expect(score(DAS28_ESR, { tjc28: 0, sjc28: 0, esr: 1, patientGlobal: 0 })).toEqual({ value: 0, category: "remission" });
  });

  it("rejects ESR ≤ 0 and ESR < 1 (not floored), and accepts ESR 1", () => {
    for (const esr of [0, -5, 0.5, 0.99]) expect(rejected(DAS28_ESR, { tjc28: 4, sjc28: 5, esr, patientGlobal: 50 }), `ESR ${esr}`).toEqual(["inputs.esr"]);
    expect(rejected(DAS28_ESR, { tjc28: 4, sjc28: 5, esr: 1, patientGlobal: 50 })).toEqual([]);
  });

  it("rejects joint counts of 29 and 2.5 and -1, naming the field", () => {
    for (const bad of [29, 2.5, -1]) {
      expect(rejected(DAS28_ESR, { tjc28: bad, sjc28: 5, esr: 7, patientGlobal: 50 })).toEqual(["inputs.tjc28"]);
      expect(rejected(DAS28_ESR, { tjc28: 4, sjc28: bad, esr: 7, patientGlobal: 50 })).toEqual(["inputs.sjc28"]);
    }
  });

  it("rejects a patient global outside 0–100 mm (e.g. a 0–10 cm value is not rescaled, 101 is out of range)", () => {
    expect(rejected(DAS28_ESR, { tjc28: 4, sjc28: 5, esr: 7, patientGlobal: 101 })).toEqual(["inputs.patientGlobal"]);
    expect(rejected(DAS28_ESR, { tjc28: 4, sjc28: 5, esr: 7, patientGlobal: -1 })).toEqual(["inputs.patientGlobal"]);
  });

  it("accepts a patient global read to half a millimetre (22.5 mm), as CDAI accepts the same global as 2.25 cm", () => {
    // Hand-computed: 0.56·√4 + 0.28·√5 + 0.70·ln 44 + 0.014·22.5 = 1.12 + 0.6261 + 2.6489 + 0.315 = 4.7100.
    expect(score(DAS28_ESR, { tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 22.5 })).toEqual({ value: 4.71, category: "moderate" });
    const outcome = scoreInstrument(DAS28_ESR, { tjc28: 4, sjc28: 5, esr: 44, patientGlobal: 22.5 });
    expect(outcome.ok && outcome.components?.patientGlobal).toBeCloseTo(0.315, 12);
    expect(DAS28_ESR.inputs.find((i) => i.name === "patientGlobal")).toMatchObject({ type: "number", unit: "mm", min: 0, max: 100 });
  });

  it("says in its description that ESR below 1 is rejected", () => {
    expect(DAS28_ESR.description).toMatch(/below 1 mm\/h is rejected/);
  });
});

describe("DAS28-CRP", () => {
  it("reproduces the 4s-dawn reference value quoted by RheumaComposites (4, 5, CRP 44, GH 12) = 4.24", () => {
    expect(score(DAS28_CRP, { tjc28: 4, sjc28: 5, crp: 44, patientGlobal: 12 })).toEqual({ value: 4.24, category: "moderate" });
  });

  it("accepts a patient global of 22.5 mm: 0.56·√4 + 0.28·√5 + 0.36·ln 45 + 0.014·22.5 + 0.96 = 4.39 (hand-computed)", () => {
    // 1.12 + 0.6261 + 1.3704 + 0.315 + 0.96 = 4.3915.
    expect(score(DAS28_CRP, { tjc28: 4, sjc28: 5, crp: 44, patientGlobal: 22.5 })).toEqual({ value: 4.39, category: "moderate" });
    expect(rejected(DAS28_CRP, { tjc28: 4, sjc28: 5, crp: 44, patientGlobal: 100.5 })).toEqual(["inputs.patientGlobal"]);
  });

  it("reproduces the rheumtools test values (4, 5, 7, 50) = 4.15 and (5, 6, 8, 51) = 4.40", () => {
    expect(score(DAS28_CRP, { tjc28: 4, sjc28: 5, crp: 7, patientGlobal: 50 }).value).toBe(4.15);
    expect(score(DAS28_CRP, { tjc28: 5, sjc28: 6, crp: 8, patientGlobal: 51 }).value).toBe(4.4);
  });

  it("gives the 0.96 constant for all-zero input (differs from DAS28-ESR's 0)", () => {
    expect(score(DAS28_CRP, { tjc28: 0, sjc28: 0, crp: 0, patientGlobal: 0 }).value).toBe(0.96);
  });

  it("takes CRP in mg/L: 44 mg/L and 4.4 (a mg/dL figure) give different scores", () => {
    // 0.36·ln(45) = 1.370, 0.36·ln(5.4) = 0.607: entering mg/dL lowers the score by 0.76.
    const mgL = score(DAS28_CRP, { tjc28: 4, sjc28: 5, crp: 44, patientGlobal: 12 }).value;
    const mgDl = score(DAS28_CRP, { tjc28: 4, sjc28: 5, crp: 4.4, patientGlobal: 12 }).value;
    expect(mgL).toBe(4.24);
    expect(mgDl).toBe(3.48); // 1.12 + 0.6261 + 0.36·ln 5.4 (0.6071) + 0.168 + 0.96 = 3.4812
  });

  it("rejects negative CRP and accepts CRP 0", () => {
    expect(rejected(DAS28_CRP, { tjc28: 4, sjc28: 5, crp: -0.1, patientGlobal: 50 })).toEqual(["inputs.crp"]);
    expect(rejected(DAS28_CRP, { tjc28: 4, sjc28: 5, crp: 0, patientGlobal: 50 })).toEqual([]);
  });

  it("rejects joint counts of 29 and 2.5", () => {
    expect(rejected(DAS28_CRP, { tjc28: 29, sjc28: 5, crp: 7, patientGlobal: 50 })).toEqual(["inputs.tjc28"]);
    expect(rejected(DAS28_CRP, { tjc28: 4, sjc28: 2.5, crp: 7, patientGlobal: 50 })).toEqual(["inputs.sjc28"]);
  });

  it("uses the DAS28-ESR cut-offs by default and says so (Fleischmann 2.4/2.9/4.6 not applied)", () => {
    expect(DAS28_CRP.bands).toEqual(DAS28_ESR.bands);
    // 2.5 would be low under Fleischmann's CRP cut-offs (≥ 2.4); with the ESR cut-offs it is remission.
    expect(bandFor(DAS28_CRP.bands, 2.5)?.code).toBe("remission");
    expect(DAS28_CRP.description).toMatch(/das-score\.nl/);
    expect(DAS28_CRP.description).toMatch(/2\.4 \/ 2\.9 \/ 4\.6/);
    expect(DAS28_CRP.references.join(" ")).toMatch(/Fleischmann/);
  });
});

describe("DAS28 activity bands (remission < 2.6, low ≤ 3.2, moderate ≤ 5.1, high > 5.1)", () => {
  const cases: Array<[number, string]> = [
    [2.59, "remission"],
    [2.6, "low"], // remission is strictly below 2.6
    [3.2, "low"],
    [3.21, "moderate"],
    [5.1, "moderate"],
    [5.11, "high"],
    [1.8, "remission"], // rheumtools das_28_classification test values
    [3.13, "low"],
    [4.25, "moderate"],
  ];
  for (const [value, code] of cases) {
    it(`${value} is ${code}`, () => {
      for (const instrument of [DAS28_ESR, DAS28_CRP, DAS28_ESR_3, DAS28_CRP_3]) expect(bandFor(instrument.bands, value)?.code).toBe(code);
    });
  }

  it("classifies a computed score near a cut-off by its unrounded value", () => {
    // 0.56·√1 + 0.28·√1 + 0.70·ln(5) + 0.014·20 = 0.56 + 0.28 + 1.1266 + 0.28 = 2.2466: remission.
    expect(score(DAS28_ESR, { tjc28: 1, sjc28: 1, esr: 5, patientGlobal: 20 })).toEqual({ value: 2.25, category: "remission" });
  });
});

describe("DAS28 3-variable forms", () => {
  it("DAS28-ESR(3): (4, 5, ESR 7) = [1.12 + 0.6261 + 0.70·ln 7 (1.3621)]·1.08 + 0.16 = 3.52", () => {
    // 3.1082·1.08 = 3.3569; + 0.16 = 3.5169.
    expect(score(DAS28_ESR_3, { tjc28: 4, sjc28: 5, esr: 7 })).toEqual({ value: 3.52, category: "moderate" });
  });

  it("DAS28-CRP(3): (4, 5, CRP 7) = [1.12 + 0.6261 + 0.36·ln 8 (0.7486)]·1.10 + 1.15 = 3.89", () => {
    // 2.4947·1.10 = 2.7442; + 1.15 = 3.8942.
    expect(score(DAS28_CRP_3, { tjc28: 4, sjc28: 5, crp: 7 })).toEqual({ value: 3.89, category: "moderate" });
  });

  it("have the constants 0.16 (ESR, ESR 1) and 1.15 (CRP, medicalalgorithms.com minimum) for no joints", () => {
    expect(score(DAS28_ESR_3, { tjc28: 0, sjc28: 0, esr: 1 }).value).toBe(0.16);
    expect(score(DAS28_CRP_3, { tjc28: 0, sjc28: 0, crp: 0 }).value).toBe(1.15);
  });

  it("reject a patient global, which they do not take", () => {
    expect(rejected(DAS28_ESR_3, { tjc28: 4, sjc28: 5, esr: 7, patientGlobal: 50 })).toEqual(["inputs.patientGlobal"]);
  });

  it("reject ESR < 1 too", () => {
    expect(rejected(DAS28_ESR_3, { tjc28: 4, sjc28: 5, esr: 0 })).toEqual(["inputs.esr"]);
  });
});
