import { describe, expect, it } from "vitest";
import { pairedTTest } from "./paired-t-test";
import { NotEstimableReason } from "./estimate";
import { expectClose } from "./reference/expect-close";

// Reference: reference/statistics-reference.R under R 4.2.2, t.test(fu, base, paired = TRUE):
//   PAIRED t df p lower upper meandiff: 3.45227085601633 7 0.0106584907043825 0.549372817361172 2.93812718263883 1.74375
//   t.test(c(2, 3, 4) + 1, c(2, 3, 4), paired = TRUE): "data are essentially constant"
const base = [4.1, 5.3, 3.8, 6.0, 4.7, 5.1, 3.9, 4.4];
const fu = [6.2, 7.9, 4.25, 9.3, 5.0, 8.8, 5.5, 4.3];

describe("pairedTTest", () => {
  it("matches R's t.test(paired = TRUE)", () => {
    const r = pairedTTest(base, fu);
    if (!r.estimable) throw new Error(r.message);
    expectClose(r.t, 3.45227085601633);
    expect(r.df).toBe(7);
    expectClose(r.p, 0.0106584907043825);
    expectClose(r.ci.lower, 0.549372817361172);
    expectClose(r.ci.upper, 2.93812718263883);
    expectClose(r.meanDifference, 1.74375);
  });

  it("a decrease gives a negative t and the same two-sided p", () => {
    const r = pairedTTest(fu, base);
    if (!r.estimable) throw new Error(r.message);
    expectClose(r.t, -3.45227085601633);
    expectClose(r.p, 0.0106584907043825);
  });

  it("equal differences, one pair, no pairs: not estimable with a reason", () => {
    expect(pairedTTest([2, 3, 4], [3, 4, 5])).toMatchObject({ estimable: false, reason: NotEstimableReason.ZERO_VARIANCE });
    expect(pairedTTest([2], [3])).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS });
    expect(pairedTTest([], [])).toMatchObject({ estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS });
  });
});
