import { describe, expect, it } from "vitest";
import { proportion } from "./wilson-interval";
import { NotEstimableReason } from "./estimate";
import { expectClose } from "./reference/expect-close";

// Reference: reference/statistics-reference.R under R 4.2.2, prop.test(x, n, correct = FALSE)$conf.int:
//   WILSON 7/20 lower upper: 0.181191824101082 0.567145723314764
//   WILSON 0/10 lower upper: 0 0.277532799862889
//   WILSON 10/10 lower upper: 0.722467200137111 1
//   WILSON 1/1 lower upper: 0.206549314377238 1
describe("proportion (Wilson score interval)", () => {
  it.each([
    [7, 20, 0.181191824101082, 0.567145723314764],
    [0, 10, 0, 0.277532799862889],
    [10, 10, 0.722467200137111, 1],
    [1, 1, 0.206549314377238, 1],
  ])("%i/%i matches prop.test(correct = FALSE)", (x, n, lower, upper) => {
    const r = proportion(x, n);
    if (!r.estimable) throw new Error(r.message);
    expect(r.estimate).toBe(x / n);
    expectClose(r.ci.lower, lower);
    expectClose(r.ci.upper, upper);
  });

  it("n = 0 is not estimable", () => {
    expect(proportion(0, 0)).toMatchObject({ estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS });
  });
});
