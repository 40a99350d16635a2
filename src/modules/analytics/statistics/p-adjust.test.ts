import { describe, expect, it } from "vitest";
import { pAdjust } from "./p-adjust";
import { expectClose } from "./reference/expect-close";

// Reference: reference/statistics-reference.R under R 4.2.2, p.adjust(p, method):
//   p = c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04)
//   HOLM: 0.05 0.12 0.12 0.03 0.2 0.12
//   BH: 0.03 0.048 0.048 0.03 0.2 0.048
//   p = c(0.02, NA, 0.001, 0.5)
//   HOLM_NA: 0.04 NA 0.003 0.5
//   BH_NA: 0.03 NA 0.003 0.5
function expectAll(actual: (number | null)[], reference: (number | null)[]) {
  expect(actual.length).toBe(reference.length);
  reference.forEach((r, i) => (r === null ? expect(actual[i]).toBeNull() : expectClose(actual[i] ?? undefined, r)));
}

describe("pAdjust (R's p.adjust)", () => {
  const p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04];
  it("Holm", () => expectAll(pAdjust(p, "holm"), [0.05, 0.12, 0.12, 0.03, 0.2, 0.12]));
  it("Benjamini–Hochberg", () => expectAll(pAdjust(p, "BH"), [0.03, 0.048, 0.048, 0.03, 0.2, 0.048]));
  it("a missing p stays missing and does not count as a test", () => {
    expectAll(pAdjust([0.02, null, 0.001, 0.5], "holm"), [0.04, null, 0.003, 0.5]);
    expectAll(pAdjust([0.02, null, 0.001, 0.5], "BH"), [0.03, null, 0.003, 0.5]);
    expect(pAdjust([], "BH")).toEqual([]);
  });
});
