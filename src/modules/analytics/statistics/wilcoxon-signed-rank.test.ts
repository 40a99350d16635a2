import { describe, expect, it } from "vitest";
import { SignedRankMethod, wilcoxonSignedRank } from "./wilcoxon-signed-rank";
import { NotEstimableReason } from "./estimate";
import { expectClose } from "./reference/expect-close";

// Reference: reference/statistics-reference.R under R 4.2.2, wilcox.test(100 + d, rep(100, length(d)), paired = TRUE)
// (and wilcox.test(fu, base, paired = TRUE) for the first case), which printed:
//   PAIRED wilcox V p: 35 0.015625                       method: Wilcoxon signed rank exact test
//   TIES_ONLY V p: 29 0.137563893909903
//   ZEROS_ONLY V p: 19 0.0934924836898357
//   TIES_ZEROS V p: 26 0.0498269496005039
//   ONE V p: 1 1
//   CAPPED V p: 5 1
//   N49 V p: 817 0.0417038542324235
//   N50 V p: 867 0.0270634921760479
//   N49 normal approximation (for contrast) V p: 817 0.0424330262419392
const shifted = (d: number[]) => ({ baseline: d.map(() => 100), followUp: d.map((x) => 100 + x) });
function run(d: number[]) {
  const { baseline, followUp } = shifted(d);
  const r = wilcoxonSignedRank(baseline, followUp);
  if (!r.estimable) throw new Error(r.message);
  return r;
}
const alternating = (n: number) => Array.from({ length: n }, (_, k) => (k + 1) * ((k + 1) % 3 === 0 ? -1 : 1));

describe("wilcoxonSignedRank (R 4.2 wilcox.test(paired = TRUE))", () => {
  it("exact without ties or zeros", () => {
    const r = wilcoxonSignedRank([4.1, 5.3, 3.8, 6.0, 4.7, 5.1, 3.9, 4.4], [6.2, 7.9, 4.25, 9.3, 5.0, 8.8, 5.5, 4.3]);
    expect(r).toMatchObject({ estimable: true, v: 35, n: 8, method: SignedRankMethod.EXACT, ties: false, zerosDropped: 0, description: "exact" });
    if (r.estimable) expectClose(r.p, 0.015625);
  });

  it("ties: normal approximation with continuity and tie correction", () => {
    const r = run([1, 2, -1, 2, 3, 1, 4, -2]);
    expect(r).toMatchObject({ v: 29, n: 8, ties: true, zerosDropped: 0, method: SignedRankMethod.NORMAL_APPROXIMATION });
    expect(r.description).toBe("normal approximation with continuity correction, ties");
    expectClose(r.p, 0.137563893909903);
  });

  it("zeros are dropped and force the normal approximation", () => {
    const r = run([1, 5, -2, 0, 3, 0, 4, 6]);
    expect(r).toMatchObject({ v: 19, n: 6, ties: false, zerosDropped: 2, method: SignedRankMethod.NORMAL_APPROXIMATION });
    expect(r.description).toBe("normal approximation with continuity correction, 2 zeros dropped");
    expectClose(r.p, 0.0934924836898357);
  });

  it("ties and zeros together", () => {
    const r = run([1, 2, -1, 2, 3, 1, 4, 0]);
    expect(r).toMatchObject({ v: 26, n: 7, ties: true, zerosDropped: 1 });
    expectClose(r.p, 0.0498269496005039);
  });

  it("one pair: exact p = 1", () => {
    const r = run([3]);
    expect(r).toMatchObject({ v: 1, n: 1, method: SignedRankMethod.EXACT, p: 1 });
  });

  it("caps the doubled exact p at 1 (a library gives 1.125 here)", () => {
    const r = run([1, -2, -3, 4]);
    expect(r).toMatchObject({ v: 5, method: SignedRankMethod.EXACT, p: 1 });
  });

  it("n = 49 is exact, n = 50 the normal approximation", () => {
    const r49 = run(alternating(49));
    expect(r49).toMatchObject({ v: 817, n: 49, method: SignedRankMethod.EXACT });
    expectClose(r49.p, 0.0417038542324235);
    // The same 49 under the normal approximation would give 0.0424330262419392: the switch is visible.
    expect(Math.abs(r49.p - 0.0424330262419392)).toBeGreaterThan(1e-4);
    const r50 = run(alternating(50));
    expect(r50).toMatchObject({ v: 867, n: 50, method: SignedRankMethod.NORMAL_APPROXIMATION, ties: false });
    expectClose(r50.p, 0.0270634921760479);
  });

  it("all differences zero, or no pairs: not estimable with a reason", () => {
    expect(wilcoxonSignedRank([1, 2], [1, 2])).toEqual({ estimable: false, reason: NotEstimableReason.ALL_DIFFERENCES_ZERO, message: "all 2 differences are zero" });
    expect(wilcoxonSignedRank([], [])).toMatchObject({ estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS });
  });
});
