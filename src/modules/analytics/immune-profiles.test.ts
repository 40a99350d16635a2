import { describe, expect, it } from "vitest";
import type { ImmunePair } from "./immune-pairs";
import { buildProfiles } from "./immune-profiles";

/** A pair of patient `patient` (cohort 1), parameter `parameter`: baseline b (undefined: none measured), value v (null: below the limit). */
const pair = (patient: number, parameter: string, b: number | null | undefined, v: number | null): ImmunePair => ({
  patientId: patient, subjectCode: `S-${patient}`, cohortId: 1, siteCode: "01", parameter, visit: "D8",
  hasBaseline: b !== undefined, baseline: b ?? null, value: v,
});

describe("buildProfiles: the missing-value rule", () => {
  const pairs = [
    // A: everyone; B: 3 of 5 (60 %); C: everyone, but equal for the analysed patients; D: everyone but patient 5
    ...[1, 2, 3, 4, 5].map((p) => pair(p, "A", 2, 2 * 2 ** p)),
    pair(1, "B", 1, 2), pair(2, "B", 1, 4), pair(3, "B", 1, 8), pair(4, "B", undefined, 3), pair(5, "B", 1, null),
    ...[1, 2, 3, 4].map((p) => pair(p, "C", 5, 10)), pair(5, "C", 5, 20),
    ...[1, 2, 3, 4].map((p) => pair(p, "D", 1, p)), pair(5, "D", null, 3),
    pair(6, "E", 1, 2), // patient 6 measured only for a parameter not asked for
  ];
  const catalogue = ["A", "B", "C", "D", "E"];

  it("drops sparse parameters, then incomplete patients, then constant parameters, saying why", () => {
    const m = buildProfiles(pairs, { catalogue, parameters: ["A", "B", "C", "D"], minCoverage: 0.8 });
    expect(m.patients.map((p) => p.patientId)).toEqual([1, 2, 3, 4, 5]);
    expect(m.dropped).toEqual([
      { parameter: "B", patientsWithFoldChange: 3, coverage: 0.6, reason: "fold change for 3 of 5 measured patients (60 %), below the 80 % required" },
      { parameter: "C", patientsWithFoldChange: 5, coverage: 1, reason: "the same fold change for every analysed patient: no spread to standardise" },
    ]);
    expect(m.parameters).toEqual(["A", "D"]);
    expect(m.analysed.map((p) => p.patientId)).toEqual([1, 2, 3, 4]);
    expect(m.excluded.get(5)).toBe("no fold change of D (baseline below the detection limit)");
    expect(m.rows).toEqual([1, 2, 3, 4].map((p) => [p, Math.log2(p)]));
  });

  it("a lower coverage keeps the sparse parameter and leaves its patients out, reasons grouped", () => {
    const m = buildProfiles(pairs, { catalogue, parameters: ["A", "B", "D"], minCoverage: 0.5 });
    expect(m.parameters).toEqual(["A", "B", "D"]);
    expect(m.analysed.map((p) => p.patientId)).toEqual([1, 2, 3]);
    expect(m.excluded.get(4)).toBe("no fold change of B (no baseline measurement)");
    expect(m.excluded.get(5)).toBe("no fold change of B (value below the detection limit); D (baseline below the detection limit)");
  });

  it("by default every catalogue parameter with a fold change is a candidate", () => {
    const m = buildProfiles(pairs, { catalogue, parameters: null, minCoverage: 0.8 });
    expect(m.patients.map((p) => p.patientId)).toEqual([1, 2, 3, 4, 5, 6]);
    // E: 1 of 6; B: 3 of 6; D: 4 of 6 (patient 6 lacks A–D) — below 80 %: A and C (5 of 6 = 83 %) stay.
    expect(m.dropped.map((d) => d.parameter)).toEqual(["B", "D", "E"]);
    expect(m.parameters).toEqual(["A", "C"]);
    expect(m.excluded.get(6)).toBe("no fold change of A, C (not measured at the visit)");
  });

  it("no pairs: nothing measured, nothing analysed", () => {
    expect(buildProfiles([], { catalogue, parameters: null, minCoverage: 0.8 })).toMatchObject({ parameters: [], patients: [], analysed: [], rows: [], dropped: [] });
  });
});
