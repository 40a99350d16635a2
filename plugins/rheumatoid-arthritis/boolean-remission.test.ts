import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { BOOLEAN_REMISSION_2011, BOOLEAN_REMISSION_2022 } from "./boolean-remission";

function assess(instrument: InstrumentDefinition, inputs: Inputs) {
  const outcome = scoreInstrument(instrument, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return { value: outcome.value, category: outcome.category?.code, components: outcome.components };
}

function rejected(instrument: InstrumentDefinition, inputs: Inputs): string[] {
  const outcome = scoreInstrument(instrument, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
}

const visit = (tjc28: number, sjc28: number, crpMgDl: number, patientGlobalCm: number) => ({ tjc28, sjc28, crpMgDl, patientGlobalCm });

describe("RheumaComposites test/types/boolean.jl cases", () => {
  it("(TJC 1, SJC 0, PtGA 14 mm = 1.4 cm, CRP 0.4 mg/dL): not in 2011 remission, in 2022 remission", () => {
    expect(assess(BOOLEAN_REMISSION_2011, visit(1, 0, 0.4, 1.4))).toMatchObject({ value: 1, category: "not_in_remission" });
    expect(assess(BOOLEAN_REMISSION_2022, visit(1, 0, 0.4, 1.4))).toMatchObject({ value: 0, category: "remission" });
  });

  it("partial-revised inputs (2, 0, 1.4, 0.4) and (1, 2, 1.4, 0.4): a joint count of 2 fails the full 2022 definition", () => {
    expect(assess(BOOLEAN_REMISSION_2022, visit(2, 0, 0.4, 1.4))).toMatchObject({ value: 1, category: "not_in_remission" });
    expect(assess(BOOLEAN_REMISSION_2022, visit(1, 2, 0.4, 1.4))).toMatchObject({ value: 1, category: "not_in_remission" });
  });

  it("docs example (0, 1, PtGA 14 mm, CRP 8 mg/L = 0.8 mg/dL): 2011 not in remission, 2022 in remission", () => {
    expect(assess(BOOLEAN_REMISSION_2011, visit(0, 1, 0.8, 1.4)).category).toBe("not_in_remission");
    expect(assess(BOOLEAN_REMISSION_2022, visit(0, 1, 0.8, 1.4)).category).toBe("remission");
  });
});

describe("2011 versus 2022: the patient global limit", () => {
  const cases: Array<[number, string, string]> = [
    [1, "remission", "remission"],
    [1.01, "not_in_remission", "remission"],
    [2, "not_in_remission", "remission"], // the difference the 2022 revision makes
    [2.01, "not_in_remission", "not_in_remission"],
  ];
  for (const [ptga, in2011, in2022] of cases) {
    it(`PtGA ${ptga} cm: 2011 ${in2011}, 2022 ${in2022}`, () => {
      expect(assess(BOOLEAN_REMISSION_2011, visit(1, 1, 1, ptga)).category).toBe(in2011);
      expect(assess(BOOLEAN_REMISSION_2022, visit(1, 1, 1, ptga)).category).toBe(in2022);
    });
  }
});

describe("inclusive limits on both sides", () => {
  for (const instrument of [BOOLEAN_REMISSION_2011, BOOLEAN_REMISSION_2022]) {
    describe(instrument.code, () => {
      it("TJC28 1 meets, 2 does not", () => {
        expect(assess(instrument, visit(1, 0, 0, 0)).category).toBe("remission");
        expect(assess(instrument, visit(2, 0, 0, 0))).toMatchObject({ value: 1, category: "not_in_remission", components: { tjc28Met: 0 } });
      });

      it("SJC28 1 meets, 2 does not", () => {
        expect(assess(instrument, visit(0, 1, 0, 0)).category).toBe("remission");
        expect(assess(instrument, visit(0, 2, 0, 0))).toMatchObject({ value: 1, components: { sjc28Met: 0 } });
      });

      it("CRP 1 mg/dL meets, 1.01 does not; 0.1 + 0.9 (float) still meets", () => {
        expect(assess(instrument, visit(0, 0, 1, 0)).category).toBe("remission");
        expect(assess(instrument, visit(0, 0, 1.01, 0))).toMatchObject({ value: 1, components: { crpMet: 0 } });
        expect(assess(instrument, visit(0, 0, 0.1 + 0.9, 0)).category).toBe("remission");
      });
    });
  }
});

describe("value and components", () => {
  it("counts the criteria not met (0–4) and marks each criterion met (1) or not (0)", () => {
    expect(assess(BOOLEAN_REMISSION_2011, visit(0, 0, 0, 0))).toEqual({
      value: 0,
      category: "remission",
      components: { tjc28Met: 1, sjc28Met: 1, crpMet: 1, patientGlobalMet: 1 },
    });
    expect(assess(BOOLEAN_REMISSION_2011, visit(5, 3, 2.5, 6))).toEqual({
      value: 4,
      category: "not_in_remission",
      components: { tjc28Met: 0, sjc28Met: 0, crpMet: 0, patientGlobalMet: 0 },
    });
    // Near remission: everything but the patient global.
    expect(assess(BOOLEAN_REMISSION_2011, visit(0, 1, 0.5, 3))).toMatchObject({ value: 1, components: { patientGlobalMet: 0, tjc28Met: 1 } });
  });
});

describe("units and validation", () => {
  it("takes CRP in mg/dL: 8 (a mg/L figure) fails the CRP criterion that 0.8 mg/dL meets", () => {
    expect(assess(BOOLEAN_REMISSION_2022, visit(0, 0, 8, 0)).components.crpMet).toBe(0);
    expect(assess(BOOLEAN_REMISSION_2022, visit(0, 0, 0.8, 0)).components.crpMet).toBe(1);
    expect(BOOLEAN_REMISSION_2011.description).toMatch(/NOT mg\/L/);
  });

  it("takes the patient global in cm 0–10: 14 (a mm figure) is rejected", () => {
    expect(rejected(BOOLEAN_REMISSION_2011, visit(1, 0, 0.4, 14))).toEqual(["inputs.patientGlobalCm"]);
  });

  it("rejects joint counts of 29 and 2.5, negative CRP and missing inputs", () => {
    expect(rejected(BOOLEAN_REMISSION_2011, visit(29, 0, 0.4, 1))).toEqual(["inputs.tjc28"]);
    expect(rejected(BOOLEAN_REMISSION_2011, visit(1, 2.5, 0.4, 1))).toEqual(["inputs.sjc28"]);
    expect(rejected(BOOLEAN_REMISSION_2022, visit(1, 0, -0.1, 1))).toEqual(["inputs.crpMgDl"]);
    expect(rejected(BOOLEAN_REMISSION_2022, { tjc28: 1, sjc28: 0, crpMgDl: 0.4 })).toEqual(["inputs.patientGlobalCm"]);
  });
});
