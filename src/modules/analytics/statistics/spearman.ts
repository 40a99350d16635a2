import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { mean } from "./moments";
import { averageRanks } from "./ranks";
import { type ConfidenceInterval, type Estimate, NotEstimableReason, capP, estimated, nonFinite, notEstimable } from "./estimate";
import { isConstant } from "./t-interval";

export interface SpearmanCorrelation {
  readonly n: number;
  /** Pearson correlation of the average ranks. */
  readonly rho: number;
  /**
   * Two-sided p. Up to {@link EXACT_MAX_N} pairs without ties: exact, from all n! pairings of the ranks
   * (the share of pairings whose S = Σd² lies at least as far from its mean as the observed one; R's
   * `cor.test(method = "spearman")` gives the same for such samples). Otherwise the t approximation
   * t = ρ·√((n − 2)/(1 − ρ²)) on n − 2 df, as SciPy's `spearmanr` (R uses AS 89's Edgeworth series there
   * when there are no ties). The t approximation answers p = 0 for |ρ| = 1, which no small sample supports:
   * with 4 patients, a perfect order happens by chance in 2 pairings of 24.
   */
  readonly p: number;
  readonly pMethod: "EXACT" | "T_APPROXIMATION";
  /**
   * Fisher-z interval with Fieller, Hartley & Pearson's (1957) variance 1.06/(n − 3) for a rank
   * correlation: tanh(atanh ρ ± z(1 − α/2)·√(1.06/(n − 3))). Needs n ≥ 4 and |ρ| < 1.
   */
  readonly ci: Estimate<{ readonly interval: ConfidenceInterval }>;
}

/** Largest sample whose p is computed exactly (9! = 362,880 pairings). */
export const EXACT_MAX_N = 9;

/**
 * How many of the n! pairings of the ranks 1…n give each S = Σd² (index S), enumerated once per n
 * (Heap's algorithm) and kept: the null distribution depends on n alone.
 */
const pairingsByS = new Map<number, number[]>();
function nullDistribution(n: number): number[] {
  const known = pairingsByS.get(n);
  if (known) return known;
  const counts = new Array<number>((n * n * n - n) / 3 + 1).fill(0);
  const perm = Array.from({ length: n }, (_, i) => i + 1);
  const c = new Array<number>(n).fill(0);
  const tally = () => counts[perm.reduce((sum, r, i) => sum + (i + 1 - r) ** 2, 0)]++;
  tally();
  for (let i = 1; i < n; ) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [perm[j], perm[i]] = [perm[i], perm[j]];
      tally();
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  pairingsByS.set(n, counts);
  return counts;
}

/** Exact two-sided p: the share of pairings whose S lies at least as far from its mean as the observed one. */
function exactSpearmanP(rx: readonly number[], ry: readonly number[]): number {
  const n = rx.length;
  const centre = (n * n * n - n) / 6;
  const observed = Math.abs(rx.reduce((sum, r, i) => sum + (r - ry[i]) ** 2, 0) - centre);
  const counts = nullDistribution(n);
  let far = 0;
  let total = 0;
  counts.forEach((count, s) => {
    total += count;
    if (Math.abs(s - centre) >= observed - 1e-9) far += count;
  });
  return far / total;
}

/** Spearman's rank correlation of paired observations (ties get average ranks). */
export function spearman(x: readonly number[], y: readonly number[], level = 0.95): Estimate<SpearmanCorrelation> {
  if (x.length !== y.length) throw new Error("spearman: samples of different lengths");
  const bad = nonFinite([...x, ...y]);
  if (bad) return bad;
  const n = x.length;
  if (n === 0) return notEstimable(NotEstimableReason.NO_OBSERVATIONS, "no pairs");
  if (n < 3) return notEstimable(NotEstimableReason.TOO_FEW_OBSERVATIONS, `${n} pair${n === 1 ? "" : "s"}; a rank correlation test needs at least 3`);
  if (isConstant(x) || isConstant(y)) return notEstimable(NotEstimableReason.ZERO_VARIANCE, "one of the variables is constant; its ranks do not vary");
  const rx = averageRanks(x).ranks;
  const ry = averageRanks(y).ranks;
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  const rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const df = n - 2;
  const untied = (ranks: readonly number[]) => ranks.every(Number.isInteger) && new Set(ranks).size === n;
  const exact = n <= EXACT_MAX_N && untied(rx) && untied(ry);
  const p = exact ? exactSpearmanP(rx, ry) : Math.abs(rho) === 1 ? 0 : capP(2 * tCdf(-Math.abs(rho * Math.sqrt(df / (1 - rho * rho))), df));
  let ci: SpearmanCorrelation["ci"];
  if (n < 4) ci = notEstimable(NotEstimableReason.TOO_FEW_OBSERVATIONS, `${n} pairs; a Fisher-z interval needs at least 4`);
  else if (Math.abs(rho) === 1) ci = notEstimable(NotEstimableReason.PERFECT_CORRELATION, `ρ = ${rho}; its Fisher-z transform is infinite`);
  else {
    const z = Math.atanh(rho);
    const half = normalQuantile(1 - (1 - level) / 2, 0, 1) * Math.sqrt(1.06 / (n - 3));
    ci = estimated({ interval: { lower: Math.tanh(z - half), upper: Math.tanh(z + half), level } });
  }
  return estimated({ n, rho, p, pMethod: exact ? ("EXACT" as const) : ("T_APPROXIMATION" as const), ci });
}
