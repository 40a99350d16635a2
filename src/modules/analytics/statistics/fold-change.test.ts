import { describe, expect, it } from "vitest";
import { foldChange, geometricMeanFoldChange } from "./fold-change";
import { NotEstimableReason } from "./estimate";
import { expectClose } from "./reference/expect-close";

// Reference: reference/statistics-reference.R under R 4.2.2, exp(mean(log(fu/base))), exp(t.test(log(fu/base))$conf.int):
//   PAIRED gmfc lower upper: 1.33160164735518 1.12031785757263 1.58273202132197
const base = [4.1, 5.3, 3.8, 6.0, 4.7, 5.1, 3.9, 4.4];
const fu = [6.2, 7.9, 4.25, 9.3, 5.0, 8.8, 5.5, 4.3];

describe("geometricMeanFoldChange", () => {
  it("matches R on the log scale, back-transformed", () => {
    const folds = fu.map((v, i) => {
      const f = foldChange(base[i], v);
      if (!f.estimable) throw new Error(f.message);
      return f.value;
    });
    const g = geometricMeanFoldChange(folds);
    if (!g.estimable) throw new Error(g.message);
    expect(g.n).toBe(8);
    expectClose(g.value, 1.33160164735518);
    if (!g.ci.estimable) throw new Error(g.ci.message);
    expectClose(g.ci.interval.lower, 1.12031785757263);
    expectClose(g.ci.interval.upper, 1.58273202132197);
  });

  it("a fold change ≤ 0 makes it not estimable and says how many, rather than dropping it", () => {
    expect(geometricMeanFoldChange([1.2, 0, 0.8, -1])).toEqual({
      estimable: false,
      reason: NotEstimableReason.NON_POSITIVE_VALUE,
      message: "2 fold changes ≤ 0 of 4; a geometric mean needs positive fold changes",
    });
  });

  it("n = 0 not estimable; n = 1 gives the value and no interval; equal folds give no interval", () => {
    expect(geometricMeanFoldChange([])).toMatchObject({ estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS });
    expect(geometricMeanFoldChange([2])).toMatchObject({ estimable: true, n: 1, value: 2, ci: { estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS } });
    expect(geometricMeanFoldChange([2, 2])).toMatchObject({ estimable: true, value: 2, ci: { estimable: false, reason: NotEstimableReason.ZERO_VARIANCE } });
  });
});

describe("foldChange", () => {
  it("says why a patient has none", () => {
    expect(foldChange(null, 3)).toMatchObject({ estimable: false, reason: NotEstimableReason.MISSING_BASELINE });
    expect(foldChange(0, 3)).toMatchObject({ estimable: false, reason: NotEstimableReason.NON_POSITIVE_VALUE, message: "baseline 0 is not positive" });
    expect(foldChange(2, 0)).toMatchObject({ estimable: false, reason: NotEstimableReason.NON_POSITIVE_VALUE, message: "value 0 is not positive" });
    expect(foldChange(2, 3)).toEqual({ estimable: true, value: 1.5 });
  });
});
