import { describe, expect, it } from "vitest";
import { DESCRIPTOR_INPUTS, SLEDAI_2K_DESCRIPTORS, descriptorInputs, scoreDescriptors } from "./descriptors";

/** The SLEDAI-2K weight table as printed in scores.md §3 (Gladman 2002), written out independently of the plugin. */
const TABLE: Record<number, string[]> = {
  8: ["seizure", "psychosis", "organicBrainSyndrome", "visualDisturbance", "cranialNerveDisorder", "lupusHeadache", "cerebrovascularAccident", "vasculitis"],
  4: ["arthritis", "myositis", "urinaryCasts", "haematuria", "proteinuria", "pyuria"],
  2: ["rash", "alopecia", "mucosalUlcers", "pleurisy", "pericarditis", "lowComplement", "increasedDnaBinding"],
  1: ["fever", "thrombocytopenia", "leukopenia"],
};

describe("SLEDAI-2K descriptor table", () => {
  it("has the 24 descriptors of the published table, each with its published weight", () => {
    const published = Object.entries(TABLE).flatMap(([weight, names]) => names.map((name) => [name, Number(weight)]));
    expect(published).toHaveLength(24);
    expect(Object.fromEntries(SLEDAI_2K_DESCRIPTORS.map((d) => [d.name, d.weight]))).toEqual(Object.fromEntries(published));
  });

  it("scores alopecia 2, not 1 (cross-cutting pitfall 9)", () => {
    expect(SLEDAI_2K_DESCRIPTORS.find((d) => d.name === "alopecia")?.weight).toBe(2);
    expect(scoreDescriptors(descriptorInputs(["alopecia"])).total).toBe(2);
  });

  it("states the lab thresholds of the definitions in each input's description", () => {
    const description = (name: string) => DESCRIPTOR_INPUTS.find((i) => i.name === name)?.description ?? "";
    expect(description("proteinuria")).toContain("> 0.5 g/24 h");
    expect(description("haematuria")).toContain("> 5 red blood cells per high-power field");
    expect(description("pyuria")).toContain("> 5 white blood cells per high-power field");
    expect(description("fever")).toContain("> 38 °C");
    expect(description("thrombocytopenia")).toContain("< 100 × 10⁹ platelets/L");
    expect(description("leukopenia")).toContain("< 3 × 10⁹ white blood cells/L");
    expect(description("arthritis")).toContain("≥ 2 joints");
    expect(description("lowComplement")).toMatch(/CH50, C3 or C4/);
  });

  it("gives every descriptor a label, its weight and the 10-day window in the description", () => {
    for (const input of DESCRIPTOR_INPUTS) {
      expect(input.type).toBe("boolean");
      expect(input.label.length).toBeGreaterThan(3);
      expect(input.description).toMatch(/^SLEDAI-2K weight [8421]\./);
      expect(input.description).toContain("preceding 10 days");
    }
  });

  it("refuses to build inputs for a name that is not a descriptor", () => {
    expect(() => descriptorInputs(["malarRash"])).toThrow(/malarRash/);
  });
});

describe("scoreDescriptors", () => {
  it("sums each weight class: 8×8 = 64, 6×4 = 24, 7×2 = 14, 3×1 = 3", () => {
    expect(scoreDescriptors(descriptorInputs(TABLE[8])).total).toBe(64);
    expect(scoreDescriptors(descriptorInputs(TABLE[4])).total).toBe(24);
    expect(scoreDescriptors(descriptorInputs(TABLE[2])).total).toBe(14);
    expect(scoreDescriptors(descriptorInputs(TABLE[1])).total).toBe(3);
  });

  it("gives 105 with all 24 present and 0 with none", () => {
    expect(scoreDescriptors(descriptorInputs(Object.values(TABLE).flat())).total).toBe(105);
    expect(scoreDescriptors(descriptorInputs([])).total).toBe(0);
  });

  it("takes the clinical score without low complement and DNA binding", () => {
    // rash 2 + low complement 2 + DNA binding 2 = 6 in total; clinical 2.
    const score = scoreDescriptors(descriptorInputs(["rash", "lowComplement", "increasedDnaBinding"]));
    expect(score.total).toBe(6);
    expect(score.clinical).toBe(2);
  });

  it("counts the LLDAS major organ systems: renal, CNS, cardiopulmonary, vasculitis, fever", () => {
    const major = (names: string[]) => scoreDescriptors(descriptorInputs(names)).majorOrgan;
    expect(major(["haematuria"])).toBe(4);
    expect(major(["lupusHeadache"])).toBe(8);
    expect(major(["vasculitis"])).toBe(8);
    expect(major(["pericarditis"])).toBe(2);
    expect(major(["fever"])).toBe(1);
    // Musculoskeletal, mucocutaneous, immunological and haematological are not major.
    expect(major(["arthritis", "myositis", "rash", "alopecia", "mucosalUlcers", "lowComplement", "increasedDnaBinding", "thrombocytopenia", "leukopenia"])).toBe(0);
  });
});
