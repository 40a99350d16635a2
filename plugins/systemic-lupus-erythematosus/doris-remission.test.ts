import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { descriptorInputs } from "./descriptors";
import { DORIS_REMISSION, DORIS_VISIT } from "./doris-remission";

function state(change: Inputs) {
  const outcome = scoreInstrument(DORIS_REMISSION, { ...DORIS_VISIT, ...change });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return outcome;
}
const category = (change: Inputs) => state(change).category?.code;

describe("2021 DORIS remission (van Vollenhoven 2021) boundaries", () => {
  it("is met with clinical SLEDAI 0, PGA 0.4 and prednisolone exactly 5 mg/day", () => {
    const outcome = state({});
    expect(outcome.category?.code).toBe("remission");
    expect(outcome.value).toBe(0);
  });

  it("ignores serology: low complement and DNA binding (SLEDAI-2K 4) leave the clinical SLEDAI at 0", () => {
    const outcome = state(descriptorInputs(["lowComplement", "increasedDnaBinding"]));
    expect(outcome.category?.code).toBe("remission");
    expect(outcome.components).toMatchObject({ clinicalSledai: 0, sledai2k: 4 });
  });

  it("fails on any clinical descriptor, even a 1-point one", () => {
    for (const name of ["thrombocytopenia", "alopecia", "arthritis"]) expect(category(descriptorInputs([name])), name).toBe("not_in_remission");
  });

  it("needs PGA < 0.5: 0.49 passes, 0.5 fails, and 0.7 − 0.2 (0.49999999999999994 in doubles) fails", () => {
    expect(category({ physicianGlobal: 0.49 })).toBe("remission");
    expect(category({ physicianGlobal: 0.5 })).toBe("not_in_remission");
    expect(0.7 - 0.2).toBeLessThan(0.5);
    expect(category({ physicianGlobal: 0.7 - 0.2 })).toBe("not_in_remission");
    // 0.5 − 1e-12 is 0.5 up to float noise: not < 0.5.
    expect(category({ physicianGlobal: 0.5 - 1e-12 })).toBe("not_in_remission");
  });

  it("allows prednisolone up to 5 mg/day inclusive: 5.1 fails", () => {
    expect(category({ prednisoloneDose: 5.1 })).toBe("not_in_remission");
    expect(category({ prednisoloneDose: 2.5 * 2 })).toBe("remission");
  });

  it("fails when immunosuppression is not stable", () => {
    expect(category({ stableMaintenanceTherapy: false })).toBe("not_in_remission");
  });

  it("counts the conditions not met", () => {
    // alopecia (clinical SLEDAI 2) + PGA 0.5 = 2 unmet.
    expect(state({ ...descriptorInputs(["alopecia"]), physicianGlobal: 0.5 }).value).toBe(2);
  });

  it("rejects invalid inputs, naming the fields", () => {
    const outcome = scoreInstrument(DORIS_REMISSION, { ...DORIS_VISIT, prednisoloneDose: "5 mg", stableMaintenanceTherapy: 1 });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(["inputs.prednisoloneDose", "inputs.stableMaintenanceTherapy"]);
  });
});
