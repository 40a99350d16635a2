import { describe, expect, it } from "vitest";
import { AIH_BIOCHEMISTRY } from "../../../plugins/autoimmune-hepatitis/biochemistry";
import { scoreInstrument } from "../../plugin-api";
import { fillLabFedInputsFrom } from "./lab-fed-inputs";

const result = (id: number, testCode: string, value: number | null, referenceHigh: number | null) => ({ id, testCode, value, unit: testCode === "IGG" ? "g/L" : "U/L", referenceHigh });

describe("filling lab-fed inputs from a visit's results", () => {
  it("fills an optional value and its ULN together or not at all: an IgG stored without its ULN leaves both out, and the transaminases still score", () => {
    const results = [result(1, "ALT", 80, 40), result(2, "AST", 60, 40), result(3, "IGG", 18, null)];
    const filled = fillLabFedInputsFrom(AIH_BIOCHEMISTRY, {}, results);
    expect(filled.problems).toEqual([]);
    expect(filled.inputs).toEqual({ alt: 80, altUln: 40, ast: 60, astUln: 40 });
    expect(filled.sources).toEqual({ alt: 1, altUln: 1, ast: 2, astUln: 2 });
    expect(() => scoreInstrument(AIH_BIOCHEMISTRY, filled.inputs)).not.toThrow();
  });

  it("leaves out both when the IgG is below the detection limit, and fills both when the result is complete", () => {
    const base = [result(1, "ALT", 80, 40), result(2, "AST", 60, 40)];
    expect(fillLabFedInputsFrom(AIH_BIOCHEMISTRY, {}, [...base, result(3, "IGG", null, 16)]).inputs).toEqual({ alt: 80, altUln: 40, ast: 60, astUln: 40 });
    const complete = fillLabFedInputsFrom(AIH_BIOCHEMISTRY, {}, [...base, result(3, "IGG", 18, 16)]);
    expect(complete.inputs).toEqual({ alt: 80, altUln: 40, ast: 60, astUln: 40, igg: 18, iggUln: 16 });
    expect(complete.sources).toMatchObject({ igg: 3, iggUln: 3 });
  });

  it("still refuses a required input with no usable result, naming it", () => {
    const filled = fillLabFedInputsFrom(AIH_BIOCHEMISTRY, {}, [result(1, "ALT", 80, null), result(2, "AST", 60, 40)]);
    expect(filled.problems.map((p) => p.field)).toEqual(["inputs.altUln"]);
  });
});
