import { type NotEstimable, NotEstimableReason, nonFinite, notEstimable, plural } from "./estimate";
import { mean, variance } from "./moments";
import { isConstant } from "./t-interval";

/** A map of profiles needs at least three rows (two points always lie on a line) and two columns. */
export const MIN_PROFILE_ROWS = 3;
export const MIN_PROFILE_COLUMNS = 2;

/**
 * Why a matrix of profiles (rows = patients, columns = parameters) cannot be standardised and mapped, or
 * undefined when it can: too few rows or columns, ragged rows, non-finite values, or a constant column
 * (standardising divides by its standard deviation).
 */
export function checkMatrix(rows: readonly (readonly number[])[]): NotEstimable | undefined {
  const n = rows.length;
  if (n === 0) return notEstimable(NotEstimableReason.NO_OBSERVATIONS, "no profiles");
  if (n < MIN_PROFILE_ROWS) return notEstimable(NotEstimableReason.TOO_FEW_OBSERVATIONS, `${plural(n, "profile")}; needs at least ${MIN_PROFILE_ROWS}`);
  const p = rows[0].length;
  if (p < MIN_PROFILE_COLUMNS) return notEstimable(NotEstimableReason.TOO_FEW_OBSERVATIONS, `${plural(p, "parameter")}; needs at least ${MIN_PROFILE_COLUMNS}`);
  if (rows.some((r) => r.length !== p)) throw new Error("profiles of different lengths"); // a programming error, not data
  const bad = nonFinite(rows.flat());
  if (bad) return bad;
  const constant = Array.from({ length: p }, (_, j) => j).filter((j) => isConstant(rows.map((r) => r[j])));
  if (constant.length) return notEstimable(NotEstimableReason.ZERO_VARIANCE, `column${constant.length === 1 ? "" : "s"} ${constant.map((j) => j + 1).join(", ")} constant; standardising needs spread`);
  return undefined;
}

/** Columns centred and divided by their standard deviation (denominator n − 1); checkMatrix first. */
export function standardise(rows: readonly (readonly number[])[]): number[][] {
  const p = rows[0].length;
  const stats = Array.from({ length: p }, (_, j) => {
    const column = rows.map((r) => r[j]);
    return { m: mean(column), sd: Math.sqrt(variance(column)) };
  });
  return rows.map((r) => r.map((v, j) => (v - stats[j].m) / stats[j].sd));
}

/** Cluster labels renumbered 1, 2, … in order of first appearance, so that equal partitions read the same. */
export function relabel(labels: readonly number[]): number[] {
  const seen = new Map<number, number>();
  return labels.map((l) => {
    if (!seen.has(l)) seen.set(l, seen.size + 1);
    return seen.get(l)!;
  });
}
