import { PCA } from "ml-pca";
import { type Estimate, estimated } from "./estimate";
import { checkMatrix } from "./profile-matrix";

export interface PrincipalComponents {
  /** Rows (observations) and columns (variables) analysed. */
  readonly n: number;
  readonly p: number;
  /** Column means and standard deviations (denominator n − 1) used to standardise. */
  readonly means: readonly number[];
  readonly sds: readonly number[];
  /** Variance of each component (eigenvalue of the correlation matrix), for min(n − 1, p) components. */
  readonly eigenvalues: readonly number[];
  /** Share of the total variance each component explains, and the running total. */
  readonly proportions: readonly number[];
  readonly cumulative: readonly number[];
  /** loadings[c][j]: unit-length eigenvector coefficient of column j on component c (R's prcomp `rotation`). */
  readonly loadings: readonly (readonly number[])[];
  /** scores[i][c]: row i projected on component c (R's prcomp `x`). */
  readonly scores: readonly (readonly number[])[];
}

/** Loadings this close to the largest absolute loading count as tied with it for the sign rule. */
const SIGN_TIE = 1e-9;

/**
 * Principal components of the standardised columns (each centred and divided by its standard deviation,
 * denominator n − 1: a PCA of the correlation matrix, R's `prcomp(x, scale. = TRUE)`), computed by
 * ml-pca's SVD (checked against numpy's, reference/profile-map-reference.py).
 *
 * An eigenvector's sign is arbitrary, and libraries differ: each component is turned so that its largest
 * absolute loading is positive (the first such column when several tie within 1e-9), and its scores with it.
 * Only the min(n − 1, p) components with variance are kept (centring n rows leaves at most n − 1).
 */
export function principalComponents(rows: readonly (readonly number[])[]): Estimate<PrincipalComponents> {
  const bad = checkMatrix(rows);
  if (bad) return bad;
  const n = rows.length;
  const p = rows[0].length;
  const model = new PCA(rows.map((r) => [...r]), { center: true, scale: true, method: "SVD" });
  const kept = Math.min(n - 1, p);
  const eigenvalues = model.getEigenvalues().slice(0, kept);
  const total = model.getEigenvalues().reduce((a, b) => a + b, 0);
  const raw = model.getLoadings().to2DArray().slice(0, kept);
  const signs = raw.map((loading) => {
    const largest = Math.max(...loading.map(Math.abs));
    return loading.find((v) => Math.abs(v) >= largest - SIGN_TIE)! < 0 ? -1 : 1;
  });
  const scores = model.predict(rows.map((r) => [...r]), { nComponents: kept }).to2DArray().map((row) => row.map((v, c) => v * signs[c]));
  const proportions = eigenvalues.map((e) => e / total);
  let running = 0;
  const { means, stdevs } = model.toJSON();
  return estimated({
    n,
    p,
    means,
    sds: stdevs,
    eigenvalues,
    proportions,
    cumulative: proportions.map((s) => (running += s)),
    loadings: raw.map((loading, c) => loading.map((v) => v * signs[c])),
    scores,
  });
}

