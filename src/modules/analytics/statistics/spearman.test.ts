import { describe, expect, it } from "vitest";
import { spearman } from "./spearman";
import { NotEstimableReason } from "./estimate";
import { expectClose } from "./reference/expect-close";

// Reference: reference/spearman-reference.py under SciPy 1.17.1 (spearmanr; Fisher-z with variance 1.06/(n − 3)):
//   PLAIN rho p lower upper: 0.951515151515151 2.27985492064169e-05 0.794993708133678 0.989248895170517
//   TIES rho p lower upper: 0.762959385165011 0.0167822698344513 0.177550170338482 0.949538207760289
//   NEGATIVE rho p lower upper: -0.9 0.0373860734684987 -0.993952261547089 -0.0453131191825803
//   THREE rho p: 0.5 0.666666666666667
describe("spearman", () => {
  it.each([
    ["PLAIN", [1.2, 2.3, 3.1, 4.8, 5.0, 6.7, 7.1, 8.4, 9.9, 10.2], [2.0, 1.8, 3.5, 3.9, 6.1, 5.2, 7.7, 7.0, 9.1, 8.8], [0.951515151515151, 2.27985492064169e-05, 0.794993708133678, 0.989248895170517]],
    ["TIES", [1, 2, 2, 3, 4, 4, 4, 5, 6], [3, 1, 2, 2, 5, 4, 6, 6, 5], [0.762959385165011, 0.0167822698344513, 0.177550170338482, 0.949538207760289]],
    ["NEGATIVE", [3.1, 0.4, 2.2, 5.5, 1.0], [1.0, 2.5, 2.0, 0.1, 1.9], [-0.9, 0.0373860734684987, -0.993952261547089, -0.0453131191825803]],
  ])("%s matches SciPy", (_label, x, y, [rho, p, lower, upper]) => {
    const r = spearman(x as number[], y as number[]);
    if (!r.estimable) throw new Error(r.message);
    expectClose(r.rho, rho);
    expectClose(r.p, p);
    expect(r.pMethod).toBe("T_APPROXIMATION");
    if (!r.ci.estimable) throw new Error(r.ci.message);
    expectClose(r.ci.interval.lower, lower);
    expectClose(r.ci.interval.upper, upper);
  });

  it("n = 3: rho and p, but no Fisher-z interval", () => {
    const r = spearman([1, 2, 3], [1, 3, 2]);
    expect(r).toMatchObject({ estimable: true, rho: 0.5, ci: { estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS } });
    if (r.estimable) expectClose(r.p, 0.666666666666667);
  });

  it("perfect, constant, too few: reasons, not NaN", () => {
    expect(spearman([1, 2, 3, 4], [2, 4, 6, 9])).toMatchObject({ rho: 1, p: 0, ci: { estimable: false, reason: NotEstimableReason.PERFECT_CORRELATION } });
    expect(spearman([1, 2, 3, 4], [5, 5, 5, 5])).toMatchObject({ estimable: false, reason: NotEstimableReason.ZERO_VARIANCE });
    expect(spearman([1, 2], [2, 1])).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS });
    expect(spearman([], [])).toMatchObject({ estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS });
  });
});
