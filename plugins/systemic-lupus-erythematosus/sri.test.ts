import { describe, expect, it } from "vitest";
import { generalInstruments } from "../../src/general-instruments";
import { evaluateCriterion } from "../../src/plugins/evaluate-criterion";
import plugin from ".";
import { SRI_4, SRI_5, SRI_6, SRI_7, SRI_8, sriResponse, sriVisit } from "./sri";
import type { SriValues } from "./sri";

const instruments = new Map([...generalInstruments, ...plugin.instruments].map((i) => [i.code, i]));

/** Baseline SLEDAI-2K 10, PGA 1.0, no new BILAG domains; each test overrides what it probes. */
const base: SriValues = { baselineSledai: 10, followUpSledai: 6, baselinePga: 1.0, followUpPga: 1.0, newBilagA: 0, newBilagB: 0 };
const sri4 = (change: Partial<SriValues>) => sriResponse(4, { ...base, ...change }).status;

describe("SRI-4 (Furie 2009) boundaries", () => {
  it("needs a SLEDAI-2K reduction of at least 4: 10 → 6 responds, 10 → 7 does not", () => {
    expect(sri4({ followUpSledai: 6 })).toBe("RESPONDER"); // reduction 4
    expect(sri4({ followUpSledai: 7 })).toBe("NON_RESPONDER"); // reduction 3
    expect(sri4({ followUpSledai: 0 })).toBe("RESPONDER"); // reduction 10
  });

  it("fails on a PGA rise of 0.3, including 1.0 → 1.3, which doubles compute as 0.30000000000000004", () => {
    expect(1.3 - 1.0).not.toBe(0.3); // the float case is real
    expect(sri4({ baselinePga: 1.0, followUpPga: 1.3 })).toBe("NON_RESPONDER");
    // 2.4 − 2.1 = 0.2999999999999998: still a rise of 0.3, so still not < 0.3.
    expect(sri4({ baselinePga: 2.1, followUpPga: 2.4 })).toBe("NON_RESPONDER");
    expect(sri4({ baselinePga: 0.5, followUpPga: 0.8 })).toBe("NON_RESPONDER");
  });

  it("passes on a PGA rise of 0.29, no change, or a fall", () => {
    expect(sri4({ baselinePga: 1.0, followUpPga: 1.29 })).toBe("RESPONDER");
    expect(sri4({ baselinePga: 1.0, followUpPga: 1.0 })).toBe("RESPONDER");
    expect(sri4({ baselinePga: 2.0, followUpPga: 0.5 })).toBe("RESPONDER");
  });

  it("allows no new BILAG A domain", () => {
    expect(sri4({ newBilagA: 1 })).toBe("NON_RESPONDER");
  });

  it("allows one new BILAG B domain but not two", () => {
    expect(sri4({ newBilagB: 1 })).toBe("RESPONDER");
    expect(sri4({ newBilagB: 2 })).toBe("NON_RESPONDER");
  });

  it("is not a responder from a baseline below 4 (saying why), and not evaluable when the BILAG counts exceed the 9 domains", () => {
    expect(sri4({ baselineSledai: 3, followUpSledai: 0 })).toBe("NON_RESPONDER");
    expect(sriResponse(4, { ...base, baselineSledai: 3, followUpSledai: 0 }).reason).toMatch(/reduction 3 \(≥ 4 needed: NOT met; impossible from a baseline below 4\)/);
    expect(sri4({ newBilagA: 5, newBilagB: 5 })).toBe("NOT_EVALUABLE");
  });

  it("reports the SLEDAI-2K change and names every component in the reason", () => {
    const result = sriResponse(4, { ...base, followUpSledai: 6, followUpPga: 1.3, newBilagB: 2 });
    // 10 → 6: change −4, −40 %.
    expect(result).toMatchObject({ change: -4, percentChange: -40 });
    expect(result.reason).toMatch(/reduction 4 \(≥ 4 needed: met\)/);
    expect(result.reason).toMatch(/new BILAG B 2 \(≤ 1 allowed: NOT met\)/);
    expect(result.reason).toMatch(/rise 0\.3 \(< 0\.3 needed: NOT met\)/);
  });
});

describe("SRI-5 to SRI-8 raise the SLEDAI threshold", () => {
  it.each([5, 6, 7, 8])("SRI-%i: a reduction of exactly k responds, k − 1 does not, nor a fall to 0 from baseline k − 1", (k) => {
    const at = (baselineSledai: number, followUpSledai: number) => sriResponse(k, { ...base, baselineSledai, followUpSledai }).status;
    expect(at(16, 16 - k)).toBe("RESPONDER");
    expect(at(16, 17 - k)).toBe("NON_RESPONDER");
    expect(at(k - 1, 0)).toBe("NON_RESPONDER");
  });

  it("are separate criteria SRI_4 … SRI_8 on SLEDAI_2K with PGA_SLE as companion", () => {
    for (const [criterion, code] of [[SRI_4, "SRI_4"], [SRI_5, "SRI_5"], [SRI_6, "SRI_6"], [SRI_7, "SRI_7"], [SRI_8, "SRI_8"]] as const) {
      expect(criterion).toMatchObject({ code, basis: "INPUTS", instruments: ["SLEDAI_2K"], companions: ["PGA_SLE"] });
      expect(criterion.parameters?.map((p) => [p.name, p.type, p.min, p.max])).toEqual([
        ["newBilagA", "integer", 0, 9],
        ["newBilagB", "integer", 0, 9],
      ]);
      expect(criterion.description).toMatch(/BILAG-2004 is not scored/);
    }
  });
});

describe("through the core evaluator, from raw descriptors and the PGA_SLE companion", () => {
  const request = (baseline: [number, number], followUp: [number, number], parameters: Record<string, unknown> = { newBilagA: 0, newBilagB: 0 }) => ({
    instrument: "SLEDAI_2K",
    baseline: sriVisit(...baseline),
    followUp: sriVisit(...followUp),
    parameters,
  });

  it("computes SLEDAI-2K 16 → 12 (reduction 4) and reads the PGA from the companion", () => {
    // 16 = proteinuria 4 + arthritis 4 + rash 2 + alopecia 2 + low complement 2 + DNA binding 2; 12 = proteinuria + arthritis + low complement + DNA binding.
    expect(evaluateCriterion(SRI_4, instruments, request([16, 1.0], [12, 1.29])).result.status).toBe("RESPONDER");
    expect(evaluateCriterion(SRI_4, instruments, request([16, 1.0], [12, 1.3])).result.status).toBe("NON_RESPONDER");
    expect(evaluateCriterion(SRI_5, instruments, request([16, 1.0], [12, 1.0])).result.status).toBe("NON_RESPONDER");
  });

  it("requires the PGA_SLE companion at both visits", () => {
    const { companions: _dropped, ...withoutPga } = sriVisit(12, 1.0);
    expect(() => evaluateCriterion(SRI_4, instruments, { ...request([16, 1.0], [12, 1.0]), followUp: withoutPga })).toThrow(/followUp\.companions\.PGA_SLE/);
  });

  it("rejects a PGA off the 0–3 line in the companion, naming the field", () => {
    const visit = sriVisit(12, 1.0);
    visit.companions.PGA_SLE.physicianGlobal = 3.5;
    expect(() => evaluateCriterion(SRI_4, instruments, { ...request([16, 1.0], [12, 1.0]), followUp: visit })).toThrow(
      /followUp\.companions\.PGA_SLE\.physicianGlobal/,
    );
  });

  it("rejects missing, non-integer and out-of-range BILAG counts, naming the parameter", () => {
    expect(() => evaluateCriterion(SRI_4, instruments, request([16, 1], [12, 1], { newBilagB: 0 }))).toThrow(/parameters\.newBilagA/);
    expect(() => evaluateCriterion(SRI_4, instruments, request([16, 1], [12, 1], { newBilagA: 0, newBilagB: 1.5 }))).toThrow(/parameters\.newBilagB/);
    expect(() => evaluateCriterion(SRI_4, instruments, request([16, 1], [12, 1], { newBilagA: 10, newBilagB: 0 }))).toThrow(/parameters\.newBilagA/);
    expect(() => evaluateCriterion(SRI_4, instruments, request([16, 1], [12, 1], { newBilagA: 0, newBilagB: 0, newBilagC: 1 }))).toThrow(/parameters\.newBilagC/);
  });

  it("refuses a score-only time point: SRI needs the descriptors", () => {
    expect(() => evaluateCriterion(SRI_4, instruments, { instrument: "SLEDAI_2K", baseline: { value: 16 }, followUp: { value: 12 }, parameters: { newBilagA: 0, newBilagB: 0 } })).toThrow(
      /baseline\.inputs/,
    );
  });
});
