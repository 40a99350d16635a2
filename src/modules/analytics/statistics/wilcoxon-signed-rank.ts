import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import signrankCdf from "@stdlib/stats-base-dists-signrank-cdf";
import { averageRanks } from "./ranks";
import { type Estimate, NotEstimableReason, capP, estimated, nonFinite, notEstimable, plural } from "./estimate";

export enum SignedRankMethod {
  /** Exact p from the signed-rank distribution. */
  EXACT = "EXACT",
  /** Normal approximation with continuity correction (and tie correction of the variance when there are ties). */
  NORMAL_APPROXIMATION = "NORMAL_APPROXIMATION",
}

export interface WilcoxonSignedRank {
  /** Sum of the ranks of the positive differences (R's V). */
  readonly v: number;
  /** Pairs analysed: non-zero differences. */
  readonly n: number;
  /** Zero differences dropped before ranking. */
  readonly zerosDropped: number;
  /** Whether tied absolute differences were found (average ranks, tie-corrected variance). */
  readonly ties: boolean;
  readonly method: SignedRankMethod;
  /** Standardized statistic of the normal approximation (after continuity correction); absent when exact. */
  readonly z?: number;
  /** Two-sided, at most 1. */
  readonly p: number;
  /** In words, e.g. "exact" or "normal approximation with continuity correction, ties, 2 zeros dropped". */
  readonly description: string;
}

/** Below this many non-zero differences R 4.2 computes the exact p (when there are no ties and no zeros). */
export const EXACT_BELOW = 50;

/**
 * Wilcoxon signed-rank test of follow-up − baseline against 0 as R 4.2's `wilcox.test(followUp, baseline,
 * paired = TRUE)` with its defaults: zero differences dropped; exact p from the signed-rank distribution
 * when fewer than 50 differences remain and there are neither ties nor zeros; otherwise the normal
 * approximation with continuity correction and the tie-corrected variance. (R 4.6 changed the small-sample
 * tied case to exact conditional p-values; this follows 4.2.)
 */
export function wilcoxonSignedRank(baseline: readonly number[], followUp: readonly number[]): Estimate<WilcoxonSignedRank> {
  if (baseline.length !== followUp.length) throw new Error("wilcoxonSignedRank: samples of different lengths");
  const bad = nonFinite([...baseline, ...followUp]);
  if (bad) return bad;
  if (baseline.length === 0) return notEstimable(NotEstimableReason.NO_OBSERVATIONS, "no pairs");
  const all = followUp.map((v, i) => v - baseline[i]);
  const d = all.filter((x) => x !== 0);
  const zerosDropped = all.length - d.length;
  const n = d.length;
  if (n === 0) return notEstimable(NotEstimableReason.ALL_DIFFERENCES_ZERO, `all ${plural(all.length, "difference")} are zero`);
  const { ranks, tieGroups } = averageRanks(d.map(Math.abs));
  const v = ranks.reduce((sum, r, i) => (d[i] > 0 ? sum + r : sum), 0);
  const ties = tieGroups.length > 0;
  const notes = [...(ties ? ["ties"] : []), ...(zerosDropped ? [`${plural(zerosDropped, "zero")} dropped`] : [])];

  if (n < EXACT_BELOW && !ties && zerosDropped === 0) {
    // R: p = P(V ≥ v) upper tail when v is above the centre, else P(V ≤ v); doubled and capped at 1.
    const tail = v > (n * (n + 1)) / 4 ? 1 - signrankCdf(v - 1, n) : signrankCdf(v, n);
    return estimated({ v, n, zerosDropped, ties, method: SignedRankMethod.EXACT, p: capP(2 * tail), description: "exact" });
  }
  const centred = v - (n * (n + 1)) / 4;
  const tieTerm = tieGroups.reduce((sum, t) => sum + t ** 3 - t, 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  const p = capP(2 * normalCdf(-Math.abs(z), 0, 1)); // the lower tail of −|z| keeps precision for tiny p
  const description = ["normal approximation with continuity correction", ...notes].join(", ");
  return estimated({ v, n, zerosDropped, ties, method: SignedRankMethod.NORMAL_APPROXIMATION, z, p, description });
}
