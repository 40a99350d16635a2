import { describe, expect, it } from "vitest";
import { spearman } from "./spearman";
import { NotEstimableReason } from "./estimate";
import { expectClose } from "./reference/expect-close";

// Reference: reference/spearman-reference.py under SciPy 1.17.1 (spearmanr; Fisher-z with variance 1.06/(n − 3)):
//   PLAIN rho p lower upper: 0.951515151515151 2.27985492064169e-05 0.794993708133678 0.989248895170517
//   TIES rho p lower upper: 0.762959385165011 0.0167822698344513 0.177550170338482 0.949538207760289
//   NEGATIVE rho p lower upper: -0.9 0.0373860734684987 -0.993952261547089 -0.0453131191825803
//   THREE rho p: 0.5 0.666666666666667
// and, exact over every pairing of the ranks (the same script, itertools):
//   NEGATIVE exact rho p: -0.9 0.0833333333333333
//   PERFECT4 exact rho p: 1 0.0833333333333333
//   NINE exact rho p: 0.816666666666667 0.0107694003527337
//   THREE exact rho p: 0.5 1
describe("spearman", () => {
  it.each([
    ["PLAIN", [1.2, 2.3, 3.1, 4.8, 5.0, 6.7, 7.1, 8.4, 9.9, 10.2], [2.0, 1.8, 3.5, 3.9, 6.1, 5.2, 7.7, 7.0, 9.1, 8.8], [0.951515151515151, 2.27985492064169e-05, 0.794993708133678, 0.989248895170517]],
    ["TIES", [1, 2, 2, 3, 4, 4, 4, 5, 6], [3, 1, 2, 2, 5, 4, 6, 6, 5], [0.762959385165011, 0.0167822698344513, 0.177550170338482, 0.949538207760289]],
  ])("%s matches SciPy (t approximation: more than 9 pairs, or ties)", (_label, x, y, [rho, p, lower, upper]) => {
    const r = spearman(x as number[], y as number[]);
    if (!r.estimable) throw new Error(r.message);
    expectClose(r.rho, rho);
    expectClose(r.p, p);
    expect(r.pMethod).toBe("T_APPROXIMATION");
    if (!r.ci.estimable) throw new Error(r.ci.message);
    expectClose(r.ci.interval.lower, lower);
    expectClose(r.ci.interval.upper, upper);
  });

  it.each([
    ["NEGATIVE", [3.1, 0.4, 2.2, 5.5, 1.0], [1.0, 2.5, 2.0, 0.1, 1.9], -0.9, 0.0833333333333333],
    ["PERFECT4", [1, 2, 3, 4], [2, 4, 6, 9], 1, 0.0833333333333333],
    ["NINE", [2.1, 3.4, 1.2, 8.8, 5.5, 6.1, 7.7, 4.3, 9.0], [1.0, 2.2, 3.1, 6.5, 4.4, 9.9, 7.0, 5.2, 8.1], 0.816666666666667, 0.0107694003527337],
  ])("%s: up to 9 pairs without ties, the exact p over every pairing of the ranks", (_label, x, y, rho, p) => {
    const r = spearman(x as number[], y as number[]);
    if (!r.estimable) throw new Error(r.message);
    expectClose(r.rho, rho as number);
    expectClose(r.p, p as number);
    expect(r.pMethod).toBe("EXACT");
  });

  it("NEGATIVE's Fisher-z interval is SciPy's (the exact p does not change it)", () => {
    const r = spearman([3.1, 0.4, 2.2, 5.5, 1.0], [1.0, 2.5, 2.0, 0.1, 1.9]);
    if (!r.estimable || !r.ci.estimable) throw new Error("not estimable");
    expectClose(r.ci.interval.lower, -0.993952261547089);
    expectClose(r.ci.interval.upper, -0.0453131191825803);
  });

  it("n = 3: rho and the exact p (every one of the 6 pairings), but no Fisher-z interval", () => {
    const r = spearman([1, 2, 3], [1, 3, 2]);
    expect(r).toMatchObject({ estimable: true, rho: 0.5, pMethod: "EXACT", ci: { estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS } });
    if (r.estimable) expectClose(r.p, 1);
  });

  it("perfect, constant, too few: reasons, not NaN", () => {
    expect(spearman([1, 2, 3, 4], [2, 4, 6, 9])).toMatchObject({ rho: 1, ci: { estimable: false, reason: NotEstimableReason.PERFECT_CORRELATION } });
    expect(spearman([1, 2, 3, 4], [5, 5, 5, 5])).toMatchObject({ estimable: false, reason: NotEstimableReason.ZERO_VARIANCE });
    expect(spearman([1, 2], [2, 1])).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS });
    expect(spearman([], [])).toMatchObject({ estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS });
  });
});
