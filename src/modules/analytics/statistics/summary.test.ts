import { describe, expect, it } from "vitest";
import { summarize } from "./summary";
import { NotEstimableReason } from "./estimate";
import { expectClose } from "./reference/expect-close";

// Reference: reference/statistics-reference.R under R 4.2.2, which printed:
//   S1 mean sd median q1 q3 min max: 3.32857142857143 1.27503501352484 3.3 2.45 3.8 1.9 5.6
//   S1 ci: 2.14936071735635 4.50778213978651
//   TIES mean sd median q1 q3 min max: 3.42857142857143 2.99205296617238 3 2 3 1 10
//   TIES ci: 0.661383964064517 6.19575889307834
//   TWO mean sd median q1 q3 min max: 5.5 2.12132034355964 5.5 4.75 6.25 4 7
//   TWO ci: -13.559307104262 24.559307104262
//   ONE mean sd median q1 q3 min max: 4.2 NA 4.2 4.2 4.2 4.2 4.2
function expectSummary(values: number[], ref: number[], ci?: [number, number]) {
  const s = summarize(values);
  expect(s.n).toBe(values.length);
  if (!s.location.estimable) throw new Error(s.location.message);
  const { mean, median, q1, q3, min, max } = s.location;
  [mean, median, q1, q3, min, max].forEach((v, i) => expectClose(v, [ref[0], ref[2], ref[3], ref[4], ref[5], ref[6]][i]));
  if (Number.isNaN(ref[1])) expect(s.sd).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS });
  else expectClose(s.sd.estimable ? s.sd.value : undefined, ref[1]);
  if (ci) {
    if (!s.meanCi.estimable) throw new Error(s.meanCi.message);
    expectClose(s.meanCi.ci.lower, ci[0]);
    expectClose(s.meanCi.ci.upper, ci[1]);
    expect(s.meanCi.ci.level).toBe(0.95);
  }
  return s;
}

describe("summarize", () => {
  it("matches R's mean, sd, quantile(type = 7) and t.test CI", () => {
    expectSummary([2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 2.8], [3.32857142857143, 1.27503501352484, 3.3, 2.45, 3.8, 1.9, 5.6], [2.14936071735635, 4.50778213978651]);
  });

  it("handles ties in the quartiles", () => {
    expectSummary([1, 2, 2, 3, 3, 3, 10], [3.42857142857143, 2.99205296617238, 3, 2, 3, 1, 10], [0.661383964064517, 6.19575889307834]);
  });

  it("interpolates quartiles between two observations", () => {
    expectSummary([7, 4], [5.5, 2.12132034355964, 5.5, 4.75, 6.25, 4, 7], [-13.559307104262, 24.559307104262]);
  });

  it("n = 1: location only; SD and CI not estimable with a reason", () => {
    const s = expectSummary([4.2], [4.2, NaN, 4.2, 4.2, 4.2, 4.2, 4.2]);
    expect(s.meanCi).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS });
  });

  it("n = 0: nothing estimable, no NaN", () => {
    const s = summarize([]);
    expect(s).toEqual({
      n: 0,
      location: { estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS, message: "no observations" },
      sd: { estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS, message: "no observations" },
      meanCi: { estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS, message: "no observations" },
    });
  });

  it("zero variance: SD is 0 exactly, the CI is not estimable (R: 'data are essentially constant')", () => {
    const s = summarize([0.1, 0.1, 0.1]);
    expect(s.sd).toEqual({ estimable: true, value: 0 });
    expect(s.meanCi).toMatchObject({ estimable: false, reason: NotEstimableReason.ZERO_VARIANCE });
  });

  it("a non-finite value makes the sample unusable, with a reason", () => {
    const s = summarize([1, Number.NaN, 3]);
    expect(s.location).toMatchObject({ estimable: false, reason: NotEstimableReason.NON_FINITE_VALUE });
  });
});
