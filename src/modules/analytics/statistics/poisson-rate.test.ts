import { describe, expect, it } from "vitest";
import { NotEstimableReason } from "./estimate";
import { poissonRate } from "./poisson-rate";
import { expectClose } from "./reference/expect-close";

// Reference: reference/poisson-reference.py under SciPy 1.17.1 (gamma.ppf, checked there against chi2.ppf),
// the interval of R's poisson.test(x, T):
//   ZERO x=0 T=12.5 level=0.95 rate lower upper: 0 0 0.295110356329115
//   ONE x=1 T=3.0 level=0.95 rate lower upper: 0.333333333333333 0.00843926932809663 1.8572144636463
//   SOME x=7 T=41.3 level=0.95 rate lower upper: 0.169491525423729 0.0681443838140404 0.349217321106595
//   MANY x=123 T=987.25 level=0.95 rate lower upper: 0.124588503418587 0.103545227136727 0.148651729362511
//   LEVEL90 x=4 T=10.0 level=0.9 rate lower upper: 0.4 0.136631839674983 0.915351902663757
describe("poissonRate (exact Poisson interval)", () => {
  it.each([
    [0, 12.5, 0.95, 0, 0, 0.295110356329115],
    [1, 3.0, 0.95, 0.333333333333333, 0.00843926932809663, 1.8572144636463],
    [7, 41.3, 0.95, 0.169491525423729, 0.0681443838140404, 0.349217321106595],
    [123, 987.25, 0.95, 0.124588503418587, 0.103545227136727, 0.148651729362511],
    [4, 10.0, 0.9, 0.4, 0.136631839674983, 0.915351902663757],
  ])("%i events over %f matches poisson.test at level %f", (x, t, level, rate, lower, upper) => {
    const r = poissonRate(x, t, level);
    if (!r.estimable) throw new Error(r.message);
    expectClose(r.rate, rate);
    expectClose(r.ci.lower, lower);
    expectClose(r.ci.upper, upper);
    expect(r.ci.level).toBe(level);
  });

  it("no exposure is not estimable, with a reason", () => {
    expect(poissonRate(0, 0)).toEqual({ estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS, message: "no exposure time" });
    expect(poissonRate(2, Number.NaN)).toMatchObject({ estimable: false, reason: NotEstimableReason.NON_FINITE_VALUE });
  });
});
