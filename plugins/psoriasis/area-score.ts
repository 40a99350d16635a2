import { greaterThan, lessThan } from "../../src/plugin-api";

/**
 * PASI area score (0–6) from the percentage of a region's skin that is involved
 * (Fredriksson & Pettersson 1978; scale as tabulated by Feldman & Krueger 2005):
 *
 * | % involved | 0 | >0–<10 | 10–<30 | 30–<50 | 50–<70 | 70–<90 | 90–100 |
 * | area score | 0 |   1    |   2    |   3    |   4    |   5    |   6    |
 *
 * Each cut-off belongs to the band above it (10% scores 2, 90% scores 6). Comparisons go through the
 * plugin API's epsilon helpers, so a percentage within 1e-9 of a cut-off counts as the cut-off itself
 * (9.9999999999 scores 2) and any involvement not above 1e-9 % counts as none.
 */
export const AREA_CUTS = [10, 30, 50, 70, 90] as const;

export function areaScoreFromPercent(percent: number): number {
  if (!greaterThan(percent, 0)) return 0;
  const bandsBelow = AREA_CUTS.filter((cut) => !lessThan(percent, cut)).length;
  return 1 + bandsBelow;
}
