import semver from "semver";

/** What a comparison needs to know of a stored score: which instrument, and which calculator computed it. */
export interface ScoredBy {
  instrumentCode: string;
  calculatorVersion: string;
}

/**
 * Two scores of an instrument are comparable when their calculators share the MAJOR of their semver
 * `version`: a plugin raises MAJOR when the same inputs can give another score or category, MINOR and
 * PATCH when they cannot. As semver has it, a 0.y version promises nothing between MINORs (0.1 and 0.2
 * are not comparable), and a pre-release compares only with itself. A version that is not semver compares
 * with nothing (fail closed).
 */
export function calculatorsCompatible(a: string, b: string): boolean {
  const [x, y] = [semver.parse(a), semver.parse(b)];
  if (!x || !y) return false;
  if (x.prerelease.length > 0 || y.prerelease.length > 0) return x.compare(y) === 0;
  return x.major === y.major && (x.major !== 0 || x.minor === y.minor);
}

/**
 * Why the baseline and follow-up scores of `codes` (an instrument and its companions) cannot be compared,
 * or null when each pair was computed by compatible calculators. A code missing at either visit is not
 * this function's concern (the callers report missing data first).
 */
export function incomparableScores(codes: readonly string[], baseline: readonly ScoredBy[], followUp: readonly ScoredBy[], visitCode: string): string | null {
  const versionOf = (scores: readonly ScoredBy[], code: string) => scores.find((s) => s.instrumentCode === code)?.calculatorVersion;
  for (const code of codes) {
    const before = versionOf(baseline, code);
    const after = versionOf(followUp, code);
    if (before === undefined || after === undefined || calculatorsCompatible(before, after)) continue;
    return `${code} was computed by calculator ${before} at baseline and ${after} at ${visitCode}: versions of another MAJOR are not comparable (re-score them with \`assessments rescore\`)`;
  }
  return null;
}
