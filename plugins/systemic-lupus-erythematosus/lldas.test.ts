import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { descriptorInputs } from "./descriptors";
import { LLDAS, LLDAS_VISIT } from "./lldas";

function state(change: Inputs) {
  const outcome = scoreInstrument(LLDAS, { ...LLDAS_VISIT, ...change });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return outcome;
}
const category = (change: Inputs) => state(change).category?.code;

describe("LLDAS (Franklyn 2016) boundaries", () => {
  it("is met at every inclusive limit: SLEDAI-2K 4, PGA 1, prednisolone 7.5 mg/day", () => {
    const outcome = state({});
    expect(outcome.category?.code).toBe("in_lldas");
    expect(outcome.value).toBe(0);
    expect(outcome.components).toMatchObject({ sledai2k: 4, majorOrganPoints: 0, diseaseActivityMet: 1, physicianGlobalMet: 1, prednisoloneMet: 1 });
  });

  it("fails at SLEDAI-2K 5", () => {
    // arthritis 4 + thrombocytopenia 1 = 5.
    expect(category(descriptorInputs(["arthritis", "thrombocytopenia"]))).toBe("not_in_lldas");
  });

  it("allows serological activity within the 4 points", () => {
    // low complement 2 + DNA binding 2 = 4.
    expect(category(descriptorInputs(["lowComplement", "increasedDnaBinding"]))).toBe("in_lldas");
  });

  it("fails on any major organ activity even when SLEDAI-2K ≤ 4", () => {
    for (const name of ["pyuria", "proteinuria", "pleurisy", "pericarditis", "fever"]) expect(category(descriptorInputs([name])), name).toBe("not_in_lldas");
  });

  it("fails on haemolytic anaemia, gastrointestinal activity or new activity", () => {
    expect(category({ haemolyticAnaemia: true })).toBe("not_in_lldas");
    expect(category({ gastrointestinalActivity: true })).toBe("not_in_lldas");
    expect(category({ newActivity: true })).toBe("not_in_lldas");
  });

  it("fails on PGA 1.01 but absorbs float noise at 1", () => {
    expect(category({ physicianGlobal: 1.01 })).toBe("not_in_lldas");
    // 3 × 0.1 / 0.3 is 1.0000000000000002 in doubles: a PGA of 1 up to float noise, so still ≤ 1.
    expect((3 * 0.1) / 0.3).toBeGreaterThan(1);
    expect(category({ physicianGlobal: (3 * 0.1) / 0.3 })).toBe("in_lldas");
  });

  it("fails on prednisolone 7.6 mg/day", () => {
    expect(category({ prednisoloneDose: 7.6 })).toBe("not_in_lldas");
    expect(category({ prednisoloneDose: 0 })).toBe("in_lldas");
  });

  it("fails without standard maintenance therapy", () => {
    expect(category({ standardMaintenanceTherapy: false })).toBe("not_in_lldas");
  });

  it("counts the criteria not met", () => {
    // SLEDAI-2K 5 (criterion 1) + PGA 2 (criterion 3) + prednisolone 10 (criterion 4) = 3 unmet.
    expect(state({ ...descriptorInputs(["arthritis", "fever"]), physicianGlobal: 2, prednisoloneDose: 10 }).value).toBe(3);
  });
});

describe("LLDAS invalid inputs", () => {
  const fields = (change: Inputs) => {
    const outcome = scoreInstrument(LLDAS, { ...LLDAS_VISIT, ...change });
    return outcome.ok ? [] : outcome.problems.map((p) => p.field);
  };

  it("rejects a negative dose, a PGA above 3 and a non-boolean answer, naming each field", () => {
    expect(fields({ prednisoloneDose: -1, physicianGlobal: 3.5, newActivity: "no" })).toEqual(["inputs.newActivity", "inputs.physicianGlobal", "inputs.prednisoloneDose"]);
  });

  it("rejects a missing criterion input and an unknown descriptor", () => {
    const inputs: Inputs = { ...LLDAS_VISIT, sledai2k: 4 };
    delete inputs.standardMaintenanceTherapy;
    const outcome = scoreInstrument(LLDAS, inputs);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(["inputs.sledai2k", "inputs.standardMaintenanceTherapy"]);
  });
});
