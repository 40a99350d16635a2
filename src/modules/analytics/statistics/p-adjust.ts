/**
 * Multiplicity adjustment as R's `p.adjust`: p-values given as null (a test that was not estimable) stay
 * null and do not count towards the number of tests, as R's NA.
 */
export type PAdjustMethod = "holm" | "BH";

export function pAdjust(pValues: readonly (number | null)[], method: PAdjustMethod): (number | null)[] {
  const present = pValues.map((p, i) => ({ p, i })).filter((e): e is { p: number; i: number } => e.p !== null);
  const m = present.length;
  const out: (number | null)[] = pValues.map(() => null);
  if (m === 0) return out;
  if (method === "holm") {
    // Ascending: p(k)·(m − k + 1), made non-decreasing, capped at 1.
    const asc = [...present].sort((a, b) => a.p - b.p);
    let running = 0;
    asc.forEach((e, k) => {
      running = Math.max(running, Math.min(1, (m - k) * e.p));
      out[e.i] = running;
    });
  } else {
    // Descending: p(k)·m/k, made non-increasing from the largest down, capped at 1.
    const desc = [...present].sort((a, b) => b.p - a.p);
    let running = 1;
    desc.forEach((e, j) => {
      const rank = m - j;
      running = Math.min(running, (m / rank) * e.p);
      out[e.i] = Math.min(1, running);
    });
  }
  return out;
}
