import { describe, expect, it } from "vitest";
import { LAB_UNIT_FACTORS, LAB_TEST_BY_CODE, labUnitFactor } from "./lab-tests";

describe("lab unit conversions", () => {
  it("are 1 for the catalogue unit and the conventional factors otherwise", () => {
    expect(labUnitFactor("ALT", "U/L")).toBe(1);
    expect(51.3 * labUnitFactor("BILI", "mg/dL")!).toBeCloseTo(3, 12); // 17.1 µmol/L per mg/dL
    expect(32 * labUnitFactor("ALB", "g/dL")!).toBeCloseTo(3.2, 12); // 10 g/L per g/dL
    expect(12 * labUnitFactor("IGG", "mg/dL")!).toBeCloseTo(1200, 12);
    expect(88.4 * labUnitFactor("CREAT", "mg/dL")!).toBeCloseTo(1, 12);
  });

  it("are undefined for an unknown unit or test", () => {
    expect(labUnitFactor("ALT", "µkat/L")).toBeUndefined();
    expect(labUnitFactor("NOPE", "U/L")).toBeUndefined();
    expect(labUnitFactor("ALT", undefined)).toBeUndefined();
  });

  it("only name catalogue tests and units other than the catalogue's", () => {
    for (const [code, units] of Object.entries(LAB_UNIT_FACTORS)) {
      expect(LAB_TEST_BY_CODE.has(code), code).toBe(true);
      expect(Object.keys(units)).not.toContain(LAB_TEST_BY_CODE.get(code)!.unit);
    }
  });
});
