import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { descriptorInputs } from "./descriptors";
import { SLEDAI_2K } from "./sledai-2k";

function score(inputs: Inputs) {
  const outcome = scoreInstrument(SLEDAI_2K, inputs);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return outcome;
}

const rejected = (inputs: Inputs) => {
  const outcome = scoreInstrument(SLEDAI_2K, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
};

describe("SLEDAI-2K weights (Gladman 2002 table)", () => {
  it.each([
    [8, ["seizure", "psychosis", "organicBrainSyndrome", "visualDisturbance", "cranialNerveDisorder", "lupusHeadache", "cerebrovascularAccident", "vasculitis"]],
    [4, ["arthritis", "myositis", "urinaryCasts", "haematuria", "proteinuria", "pyuria"]],
    [2, ["rash", "alopecia", "mucosalUlcers", "pleurisy", "pericarditis", "lowComplement", "increasedDnaBinding"]],
    [1, ["fever", "thrombocytopenia", "leukopenia"]],
  ] as const)("every weight-%i descriptor alone scores %i", (weight, names) => {
    for (const name of names) expect(score(descriptorInputs([name])).value, name).toBe(weight);
  });

  it("scores all 24 present as 105 (8×8 + 6×4 + 7×2 + 3×1) with per-class components", () => {
    const all = score(descriptorInputs(SLEDAI_2K.inputs.map((i) => i.name)));
    expect(all.value).toBe(105);
    expect(all.components).toMatchObject({ weight8Points: 64, weight4Points: 24, weight2Points: 14, weight1Points: 3, clinicalScore: 101 });
    expect(all.category?.code).toBe("very_high");
  });

  it("scores alopecia as 2", () => {
    expect(score(descriptorInputs(["alopecia"])).value).toBe(2);
  });

  it("reports the points per organ system", () => {
    // proteinuria 4 + haematuria 4 = renal 8; lupus headache 8 = CNS 8; low complement 2 = immunological 2; total 18.
    const outcome = score(descriptorInputs(["proteinuria", "haematuria", "lupusHeadache", "lowComplement"]));
    expect(outcome.value).toBe(18);
    expect(outcome.components).toMatchObject({ renalPoints: 8, cnsPoints: 8, immunologicalPoints: 2, musculoskeletalPoints: 0, clinicalScore: 16 });
  });
});

describe("activity strata (Cook 2000: 0, 1–5, 6–10, 11–19, ≥ 20)", () => {
  it.each([
    [[], 0, "no_activity"],
    [["fever"], 1, "mild"],
    [["arthritis", "fever"], 5, "mild"], // 4 + 1
    [["arthritis", "rash"], 6, "moderate"], // 4 + 2
    [["arthritis", "proteinuria", "rash"], 10, "moderate"], // 4 + 4 + 2
    [["arthritis", "proteinuria", "rash", "fever"], 11, "high"], // 10 + 1
    [["seizure", "proteinuria", "arthritis", "rash", "fever"], 19, "high"], // 8 + 4 + 4 + 2 + 1
    [["seizure", "proteinuria", "arthritis", "rash", "alopecia"], 20, "very_high"], // 8 + 4 + 4 + 2 + 2
  ] as const)("%j scores %i: %s", (present, value, band) => {
    const outcome = score(descriptorInputs(present));
    expect(outcome.value).toBe(value);
    expect(outcome.category?.code).toBe(band);
  });

  it("says in its description that the strata are a convention and the window is 10 days", () => {
    expect(SLEDAI_2K.description).toMatch(/preceding 10 days/);
    expect(SLEDAI_2K.description).toMatch(/Cook 2000/);
    expect(SLEDAI_2K.description).toMatch(/Alopecia is 2/);
    expect(SLEDAI_2K.description).toMatch(/SELENA-SLEDAI is not implemented/);
  });
});

describe("invalid inputs", () => {
  it("rejects an unknown descriptor name, naming it", () => {
    expect(rejected({ ...descriptorInputs(["rash"]), malarRash: true })).toEqual(["inputs.malarRash"]);
  });

  it("rejects a missing descriptor: every descriptor must be answered", () => {
    const inputs = descriptorInputs(["rash"]);
    delete inputs.alopecia;
    expect(rejected(inputs)).toEqual(["inputs.alopecia"]);
  });

  it("rejects non-boolean answers such as 1, \"yes\" or a weight", () => {
    for (const value of [1, "yes", "true", 2]) expect(rejected({ ...descriptorInputs([]), alopecia: value }), String(value)).toEqual(["inputs.alopecia"]);
  });
});
