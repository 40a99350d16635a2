import { agnes } from "ml-hclust";
import { kmeans } from "ml-kmeans";
import { type Estimate, NotEstimableReason, estimated, notEstimable, plural } from "./estimate";
import { relabel } from "./profile-matrix";

export enum Linkage {
  WARD = "WARD",
  COMPLETE = "COMPLETE",
  AVERAGE = "AVERAGE",
}

/**
 * ml-hclust's method for each linkage. Its "ward" is R's ward.D (Lance–Williams on plain distances);
 * "ward2" is ward.D2 — SciPy's `linkage(method="ward")` — whose heights are Euclidean distances.
 */
const METHOD = { WARD: "ward2", COMPLETE: "complete", AVERAGE: "average" } as const;

export interface HierarchicalClustering {
  /** Cluster of each row, 1 … k in order of first appearance. */
  readonly clusters: readonly number[];
  /** The n − 1 merge heights, ascending (SciPy's linkage matrix column 2, sorted). */
  readonly mergeHeights: readonly number[];
}

export interface KMeansCluster {
  readonly size: number;
  readonly centre: readonly number[];
  /** Sum of squared Euclidean distances of its rows to its centre. */
  readonly withinSs: number;
}

export interface KMeansClustering {
  readonly clusters: readonly number[];
  /** In label order (cluster 1 first). */
  readonly centres: readonly KMeansCluster[];
  readonly totalWithinSs: number;
  /** Sum of squared distances to the grand mean: totalWithinSs + betweenSs. */
  readonly totalSs: number;
  readonly converged: boolean;
  readonly restarts: number;
}

/** A partition into k clusters needs more rows than clusters, and k of them distinct. */
function checkPartition(rows: readonly (readonly number[])[], k: number): Estimate<object> {
  const n = rows.length;
  if (n <= k) return notEstimable(NotEstimableReason.TOO_FEW_OBSERVATIONS, `${plural(n, "profile")}; ${k} clusters need at least ${k + 1}`);
  const distinct = new Set(rows.map((r) => r.join(","))).size;
  if (distinct < k) return notEstimable(NotEstimableReason.ZERO_VARIANCE, `${plural(distinct, "distinct profile")}; ${k} clusters need ${k}`);
  return estimated({});
}

/** Agglomerative clustering on Euclidean distances (ml-hclust), cut into k clusters (SciPy's fcluster maxclust). */
export function hierarchicalClustering(rows: readonly (readonly number[])[], k: number, linkage: Linkage): Estimate<HierarchicalClustering> {
  const check = checkPartition(rows, k);
  if (!check.estimable) return check;
  const tree = agnes(rows.map((r) => [...r]), { method: METHOD[linkage] });
  const label = new Array<number>(rows.length);
  tree.group(k).children.forEach((cluster, c) => cluster.indices().forEach((i) => (label[i] = c)));
  const heights: number[] = [];
  tree.traverse((node) => {
    if (!node.isLeaf) heights.push(node.height);
  });
  return estimated({ clusters: relabel(label), mergeHeights: heights.sort((a, b) => a - b) });
}

const squaredDistance = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0);
const centreOf = (rows: readonly (readonly number[])[]) => rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);

/** Centres, sizes and sums of squares of a partition (labels 1 … k), computed here rather than taken from the library. */
function describePartition(rows: readonly (readonly number[])[], labels: readonly number[], k: number) {
  const centres = Array.from({ length: k }, (_, c) => {
    const members = rows.filter((_, i) => labels[i] === c + 1);
    const centre = members.length ? centreOf(members) : [];
    return { size: members.length, centre, withinSs: members.reduce((s, r) => s + squaredDistance(r, centre), 0) };
  });
  const grand = centreOf(rows);
  return { centres, totalWithinSs: centres.reduce((s, c) => s + c.withinSs, 0), totalSs: rows.reduce((s, r) => s + squaredDistance(r, grand), 0) };
}

/** Restarts from different k-means++ starts; the partition with the smallest within-cluster sum of squares is kept (R's `nstart`). */
export const KMEANS_RESTARTS = 10;

/**
 * Lloyd's k-means (ml-kmeans, k-means++ starts seeded with seed, seed + 1, …), best of
 * {@link KMEANS_RESTARTS} starts by total within-cluster sum of squares; the same seed gives the same answer.
 */
export function kMeansClustering(rows: readonly (readonly number[])[], k: number, seed: number): Estimate<KMeansClustering> {
  const check = checkPartition(rows, k);
  if (!check.estimable) return check;
  const data = rows.map((r) => [...r]);
  let best: (ReturnType<typeof describePartition> & { clusters: number[]; converged: boolean }) | undefined;
  for (let start = 0; start < KMEANS_RESTARTS; start++) {
    const run = kmeans(data, k, { seed: seed + start, initialization: "kmeans++", maxIterations: 300 });
    const clusters = relabel(run.clusters);
    if (new Set(clusters).size < k) continue; // a start that left a cluster empty is no k-partition
    const described = describePartition(rows, clusters, k);
    // Strictly smaller, with a margin for round-off: equal partitions found again keep the first start.
    if (!best || described.totalWithinSs < best.totalWithinSs - 1e-12 * Math.max(1, best.totalWithinSs)) best = { ...described, clusters, converged: run.converged };
  }
  if (!best) return notEstimable(NotEstimableReason.TOO_FEW_OBSERVATIONS, `every k-means start left a cluster empty; ${k} clusters are too many for these profiles`);
  return estimated({ ...best, restarts: KMEANS_RESTARTS });
}
