import { describe, expect, it } from "vitest";
import { calculatorsCompatible, incomparableScores } from "./calculator-versions";

describe("calculator versions", () => {
  it("compares scores of one MAJOR, whatever their MINOR and PATCH", () => {
    expect(calculatorsCompatible("1.0.0", "1.4.2")).toBe(true);
    expect(calculatorsCompatible("2.1.0", "2.0.9")).toBe(true);
    expect(calculatorsCompatible("1.9.9", "2.0.0")).toBe(false);
  });

  it("treats every MINOR of a 0.y calculator as a change of results, as semver does", () => {
    expect(calculatorsCompatible("0.1.0", "0.1.5")).toBe(true);
    expect(calculatorsCompatible("0.1.0", "0.2.0")).toBe(false);
  });

  it("compares a pre-release with itself only, and a version that is not semver with nothing", () => {
    expect(calculatorsCompatible("2.0.0-rc.1", "2.0.0-rc.1")).toBe(true);
    expect(calculatorsCompatible("2.0.0-rc.1", "2.0.0")).toBe(false);
    expect(calculatorsCompatible("2.0.0-rc.1", "2.0.0-rc.2")).toBe(false);
    expect(calculatorsCompatible("1.0", "1.0")).toBe(false);
    expect(calculatorsCompatible("v1", "1.0.0")).toBe(false);
  });

  it("names the first instrument whose two scores cannot be compared, with both versions and the visit", () => {
    const at = (das28: string, crp?: string) => [{ instrumentCode: "DAS28_CRP", calculatorVersion: das28 }, ...(crp ? [{ instrumentCode: "CRP_FED", calculatorVersion: crp }] : [])];
    expect(incomparableScores(["DAS28_CRP"], at("1.0.0"), at("1.2.0"), "D183")).toBeNull();
    expect(incomparableScores(["DAS28_CRP", "CRP_FED"], at("1.0.0", "1.0.0"), at("1.0.0", "2.0.0"), "D183")).toMatch(/^CRP_FED was computed by calculator 1\.0\.0 at baseline and 2\.0\.0 at D183/);
    // A score missing at one visit is reported by the callers as missing data, not here.
    expect(incomparableScores(["DAS28_CRP", "CRP_FED"], at("1.0.0"), at("1.0.0", "2.0.0"), "D183")).toBeNull();
  });
});
