import { describe, expect, it } from "vitest";
import { NotEstimableReason } from "./estimate";
import { principalComponents } from "./pca";
import { expectClose } from "./reference/expect-close";

// Reference: reference/profile-map-reference.py (numpy 2.4.6 SVD of the standardised columns, SD denominator n − 1;
// signs turned so that each component's largest absolute loading is positive).
const PROFILES = [
  [2.5, 2.4, 0.5, 1.1],
  [0.5, 0.7, 1.9, 0.2],
  [2.2, 2.9, 0.8, 1.5],
  [1.9, 2.2, 1.1, 0.9],
  [3.1, 3.0, 0.3, 1.8],
  [2.3, 2.7, 0.9, 1.0],
  [2.0, 1.6, 1.4, 0.4],
  [1.0, 1.1, 1.7, 0.7],
];
const PROFILES_REF = {
  eigenvalues: [3.70123967035401, 0.194492935598164, 0.0715165826272658, 0.0327508114205587],
  proportions: [0.925309917588503, 0.0486232338995411, 0.0178791456568164, 0.00818770285513967],
  loadings: [
    [-0.498162964188018, -0.506072570672589, 0.509845577895723, -0.485573579413482],
    [-0.587660128197007, 0.0169478029333807, 0.191214761745423, 0.786005890940933],
    [-0.160369936373551, 0.844822152785823, 0.446810487825992, -0.246814508565785],
    [0.617066218769451, -0.172855012513077, 0.70982729558641, 0.292396369237307],
  ],
  scores: [
    [-1.18824975716522, -0.365740324270216, -0.313859555053011, -0.290481352571616],
    [3.10963064136795, 0.162919293724675, -0.0777151848447767, -0.162356549626322],
    [-1.39742886253766, 0.549792046437124, 0.290940876862878, -0.0162328349654434],
    [0.0168217826155298, -0.0363574221090203, 0.173847802520401, -0.0491085374130344],
    [-2.72408739004854, 0.187722597712458, -0.320560692301079, 0.166898732097026],
    [-0.791929138362249, -0.229954355075377, 0.385417959414269, -0.0501202025055716],
    [1.04040296991017, -0.756049233054992, 0.0318627761053928, 0.25026326514219],
    [1.93483975422003, 0.48766739663535, -0.169933982704071, 0.151137479842771],
  ],
};
// Fewer patients than parameters: n − 1 = 2 components.
const WIDE = [
  [0.2, 1.5, -0.3, 0.8, 2.0],
  [1.1, 0.4, 0.9, -0.5, 1.2],
  [-0.7, 0.9, 0.1, 0.3, -1.0],
];
const WIDE_REF = {
  eigenvalues: [3.38273606547282, 1.61726393452718],
  proportions: [0.676547213094564, 0.323452786905436],
  loadings: [
    [0.386217435800036, -0.516308636084034, 0.542128216454639, -0.538839464741802, 0.00324233705357101],
    [0.553471653295, 0.246474744957471, -0.0599049163510342, 0.104997407846642, 0.786324535061389],
  ],
  scores: [
    [-1.49482123583254, 1.04309953589434],
    [2.05388226711149, 0.373559975709967],
    [-0.559061031278944, -1.41665951160431],
  ],
};

const closeAll = (actual: readonly (readonly number[])[] | readonly number[], reference: readonly (readonly number[])[] | readonly number[]) => {
  expect(actual.length).toBe(reference.length);
  (reference as unknown[]).flat().forEach((r, i) => expectClose((actual as unknown[]).flat()[i] as number, r as number));
};

describe("principalComponents (ml-pca) against numpy's SVD", () => {
  it.each([
    ["PROFILES", PROFILES, PROFILES_REF],
    ["WIDE (n < p)", WIDE, WIDE_REF],
  ])("%s", (_label, rows, ref) => {
    const r = principalComponents(rows);
    if (!r.estimable) throw new Error(r.message);
    closeAll(r.eigenvalues, ref.eigenvalues);
    closeAll(r.proportions, ref.proportions);
    closeAll(r.loadings, ref.loadings);
    closeAll(r.scores, ref.scores);
    expectClose(r.cumulative[r.cumulative.length - 1], 1);
    // Standardised columns: variance 1 each, so the eigenvalues of p columns (n > p) sum to p.
    if (rows.length > rows[0].length) expectClose(r.eigenvalues.reduce((a, b) => a + b, 0), rows[0].length);
  });

  it("the sign rule holds whatever the row order, and a tie picks the first column", () => {
    const r = principalComponents([...PROFILES].reverse());
    if (!r.estimable) throw new Error(r.message);
    closeAll(r.loadings, PROFILES_REF.loadings);
    // Two standardised columns: loadings ±1/√2, all tied in size; the first column decides the sign.
    const two = principalComponents([[1, 2], [2, 1], [3, 5], [4, 3]]);
    if (!two.estimable) throw new Error(two.message);
    for (const loading of two.loadings) expect(loading[0]).toBeGreaterThan(0);
    expectClose(Math.abs(two.loadings[0][1]), Math.SQRT1_2);
  });

  it("too few rows or columns, a constant column, a non-finite value: reasons, not NaN", () => {
    expect(principalComponents([])).toMatchObject({ estimable: false, reason: NotEstimableReason.NO_OBSERVATIONS });
    expect(principalComponents([[1, 2]])).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS });
    expect(principalComponents([[1, 2], [2, 3]])).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS, message: "2 profiles; needs at least 3" });
    expect(principalComponents([[1], [2], [3]])).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS, message: "1 parameter; needs at least 2" });
    expect(principalComponents([[1, 5], [2, 5], [3, 5]])).toMatchObject({ estimable: false, reason: NotEstimableReason.ZERO_VARIANCE });
    expect(principalComponents([[1, 5], [2, NaN], [3, 4]])).toMatchObject({ estimable: false, reason: NotEstimableReason.NON_FINITE_VALUE });
  });
});
