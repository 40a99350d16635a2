/** Arithmetic mean of a non-empty sample. */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample variance with denominator n − 1 (two-pass, so that a constant sample gives exactly 0); n ≥ 2. */
export function variance(values: readonly number[]): number {
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss / (values.length - 1);
}
