/**
 * Why a statistic could not be computed. A statistic that cannot be computed is reported with one of
 * these reasons — never as NaN, never as an exception — so that a cohort of one patient, or one where
 * every change is zero, still answers with the other figures and says what is missing and why.
 */
export enum NotEstimableReason {
  /** No observations. */
  NO_OBSERVATIONS = "NO_OBSERVATIONS",
  /** Too few observations for this statistic (a standard deviation needs two, a Fisher-z interval four…). */
  TOO_FEW_OBSERVATIONS = "TOO_FEW_OBSERVATIONS",
  /** Every observation is the same, so there is no spread to scale a test or an interval by. */
  ZERO_VARIANCE = "ZERO_VARIANCE",
  /** Every paired difference is zero: the signed-rank test has nothing to rank. */
  ALL_DIFFERENCES_ZERO = "ALL_DIFFERENCES_ZERO",
  /** A baseline is missing, so there is no change or fold change. */
  MISSING_BASELINE = "MISSING_BASELINE",
  /** A fold change needs positive values on both visits (its logarithm is taken). */
  NON_POSITIVE_VALUE = "NON_POSITIVE_VALUE",
  /** An input is not a finite number. */
  NON_FINITE_VALUE = "NON_FINITE_VALUE",
  /** The correlation is exactly ±1, so its Fisher-z transform is infinite. */
  PERFECT_CORRELATION = "PERFECT_CORRELATION",
}

export interface NotEstimable {
  readonly estimable: false;
  readonly reason: NotEstimableReason;
  /** The reason in words, with the figures behind it (e.g. "1 observation; a standard deviation needs at least 2"). */
  readonly message: string;
}

/** A statistic that was computed: its fields, marked estimable. */
export type Estimated<T> = { readonly estimable: true } & T;

/** Either the statistic or why it could not be computed. */
export type Estimate<T> = Estimated<T> | NotEstimable;

export function notEstimable(reason: NotEstimableReason, message: string): NotEstimable {
  return { estimable: false, reason, message };
}

export function estimated<T extends object>(value: T): Estimated<T> {
  return { estimable: true, ...value };
}

/** A two-sided confidence interval. */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
}

/** The first reason a sample cannot be used at all, or undefined when every value is a finite number. */
export function nonFinite(values: readonly number[], what = "value"): NotEstimable | undefined {
  const bad = values.filter((v) => !Number.isFinite(v)).length;
  return bad ? notEstimable(NotEstimableReason.NON_FINITE_VALUE, `${bad} ${what}${bad === 1 ? " is" : "s are"} not a finite number`) : undefined;
}

/** Two-sided p-values are probabilities: numerical round-off and discrete doubling never take them above 1. */
export function capP(p: number): number {
  return Math.min(1, Math.max(0, p));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
