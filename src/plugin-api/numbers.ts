/** Tolerance for comparing clinical thresholds against float noise (4.4 - 3.2 is 1.2000000000000002). */
export const EPSILON = 1e-9;

export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - EPSILON;
}

export function atMost(value: number, threshold: number): boolean {
  return value <= threshold + EPSILON;
}

export function greaterThan(value: number, threshold: number): boolean {
  return value > threshold + EPSILON;
}

export function lessThan(value: number, threshold: number): boolean {
  return value < threshold - EPSILON;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Number.EPSILON nudges halves such as 1.005 that are stored just below .5.
  return Math.round((value + Math.sign(value) * Number.EPSILON) * factor) / factor;
}

/** 100 × (followUp − baseline) / baseline, or null when the baseline is zero. */
export function percentChange(baseline: number, followUp: number): number | null {
  if (Math.abs(baseline) < EPSILON) return null;
  return (100 * (followUp - baseline)) / baseline;
}
