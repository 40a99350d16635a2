import { describe, expect, it } from "vitest";
import { hierarchicalClustering, kMeansClustering, KMEANS_RESTARTS, Linkage } from "./clustering";
import { NotEstimableReason } from "./estimate";
import { expectClose } from "./reference/expect-close";

// Reference: reference/profile-map-reference.py (SciPy 1.17.1: linkage on Euclidean distances, 'ward' = R's
// ward.D2; fcluster(criterion="maxclust"); labels renumbered by first appearance; k-means partition of
// well-separated groups from kmeans2 with k-means++ starts, centres and sums of squares from that partition).
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
const SEPARATED = [
  [0.0, 0.1], [0.3, -0.2], [-0.2, 0.2], [0.1, 0.0],
  [5.0, 5.2], [5.3, 4.9], [4.8, 5.1], [5.1, 4.7],
  [-4.9, 5.0], [-5.2, 5.3], [-5.0, 4.6], [-4.6, 5.1],
];
const HCLUST: Array<[string, number[][], Linkage, number[], number[]]> = [
  ["PROFILES", PROFILES, Linkage.WARD, [1, 2, 1, 3, 1, 1, 3, 2], [0.547722557505166, 0.707106781186547, 0.836660026534076, 0.842614977317636, 1.36747943311773, 2.27082951070015, 4.36128803604317]],
  ["PROFILES", PROFILES, Linkage.COMPLETE, [1, 2, 1, 3, 1, 1, 3, 2], [0.547722557505166, 0.768114574786861, 0.836660026534076, 0.842614977317636, 1.31529464379659, 2.31084400165827, 4.14366987102013]],
  ["PROFILES", PROFILES, Linkage.AVERAGE, [1, 2, 1, 3, 1, 1, 3, 2], [0.547722557505166, 0.662445505534931, 0.836660026534076, 0.842614977317636, 1.17012053132446, 1.4578496247865, 2.56591430337328]],
  ["SEPARATED", SEPARATED, Linkage.WARD, [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3], [0.14142135623731, 0.223606797749979, 0.282842712474619, 0.316227766016838, 0.336650164612069, 0.549241901776136, 0.594418483337567, 0.651920240520264, 0.664580067912563, 14.0714249456123, 18.2027928260107]],
  ["SEPARATED", SEPARATED, Linkage.COMPLETE, [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3], [0.14142135623731, 0.223606797749979, 0.282842712474619, 0.316227766016838, 0.360555127546399, 0.53851648071345, 0.632455532033676, 0.640312423743285, 0.728010988928052, 7.23463889907437, 10.5076162853427]],
  ["SEPARATED", SEPARATED, Linkage.AVERAGE, [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3], [0.14142135623731, 0.223606797749979, 0.282842712474619, 0.292080962648189, 0.316227766016838, 0.449139734976611, 0.493170625196164, 0.526311493152526, 0.594910196557886, 7.03950739412783, 8.5117407952173]],
];

describe("hierarchicalClustering (ml-hclust) against SciPy's linkage + fcluster", () => {
  it.each(HCLUST)("%s %s", (_label, rows, linkage, clusters, heights) => {
    const r = hierarchicalClustering(rows, 3, linkage);
    if (!r.estimable) throw new Error(r.message);
    expect(r.clusters).toEqual(clusters);
    expect(r.mergeHeights.length).toBe(rows.length - 1);
    r.mergeHeights.forEach((h, i) => expectClose(h, heights[i]));
  });

  it("k = 2 on the separated groups joins the two closest groups (SciPy: SEPARATED ward k=2)", () => {
    const r = hierarchicalClustering(SEPARATED, 2, Linkage.WARD);
    expect(r).toMatchObject({ estimable: true, clusters: [1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1] });
  });
});

describe("kMeansClustering (ml-kmeans, seeded)", () => {
  it("finds SciPy's partition of well-separated groups, with its centres and sums of squares", () => {
    const r = kMeansClustering(SEPARATED, 3, 42);
    if (!r.estimable) throw new Error(r.message);
    expect(r.clusters).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    const ref = [
      { centre: [0.05, 0.025], withinSs: 0.2175 },
      { centre: [5.05, 4.975], withinSs: 0.2775 },
      { centre: [-4.925, 5], withinSs: 0.4475 },
    ];
    r.centres.forEach((c, i) => {
      expect(c.size).toBe(4);
      c.centre.forEach((v, j) => expectClose(v, ref[i].centre[j]));
      expectClose(c.withinSs, ref[i].withinSs);
    });
    expectClose(r.totalWithinSs, 0.2175 + 0.2775 + 0.4475);
    expectClose(r.totalSs, 265.615833333333);
    expect(r).toMatchObject({ converged: true, restarts: KMEANS_RESTARTS });
  });

  it("the same seed gives the same answer; every seed finds the separated groups", () => {
    expect(kMeansClustering(PROFILES, 3, 7)).toEqual(kMeansClustering(PROFILES, 3, 7));
    for (const seed of [0, 1, 2, 99, 123456]) expect(kMeansClustering(SEPARATED, 3, seed)).toMatchObject({ clusters: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3] });
  });

  it("the best of the restarts is never worse than the hierarchical partition's sum of squares on clear groups", () => {
    const r = kMeansClustering(PROFILES, 3, 1);
    if (!r.estimable) throw new Error(r.message);
    // SciPy's ward partition of PROFILES, its within-cluster sum of squares computed by hand from the rows.
    const ward = [1, 2, 1, 3, 1, 1, 3, 2];
    const ss = [1, 2, 3].reduce((total, c) => {
      const members = PROFILES.filter((_, i) => ward[i] === c);
      const centre = members[0].map((_, j) => members.reduce((s, m) => s + m[j], 0) / members.length);
      return total + members.reduce((s, m) => s + m.reduce((t, v, j) => t + (v - centre[j]) ** 2, 0), 0);
    }, 0);
    expect(r.totalWithinSs).toBeLessThanOrEqual(ss + 1e-12);
  });
});

describe("clustering: degenerate inputs", () => {
  it("k clusters need more than k profiles, and k distinct ones", () => {
    for (const cluster of [(rows: number[][], k: number) => hierarchicalClustering(rows, k, Linkage.WARD), (rows: number[][], k: number) => kMeansClustering(rows, k, 1)]) {
      expect(cluster([[1, 2], [3, 4], [5, 6]], 3)).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS, message: "3 profiles; 3 clusters need at least 4" });
      expect(cluster([], 2)).toMatchObject({ estimable: false, reason: NotEstimableReason.TOO_FEW_OBSERVATIONS });
      expect(cluster([[1, 1], [1, 1], [1, 1], [2, 2]], 3)).toMatchObject({ estimable: false, reason: NotEstimableReason.ZERO_VARIANCE, message: "2 distinct profiles; 3 clusters need 3" });
    }
  });
});
