import { EPSILON } from "./numbers";
import type { ActivityBand } from "./types";

function aboveLower(value: number, band: ActivityBand): boolean {
  if (!band.lower) return true;
  return band.lower.inclusive ? value >= band.lower.value - EPSILON : value > band.lower.value + EPSILON;
}

function belowUpper(value: number, band: ActivityBand): boolean {
  if (!band.upper) return true;
  return band.upper.inclusive ? value <= band.upper.value + EPSILON : value < band.upper.value - EPSILON;
}

/** The band a score falls in, honouring each bound's inclusiveness (with an epsilon against float noise). */
export function bandFor(bands: ActivityBand[], value: number): ActivityBand | undefined {
  return bands.find((band) => aboveLower(value, band) && belowUpper(value, band));
}

/** Builds contiguous bands from cut-offs: `cutBands([["remission","Remission"],["low","Low"]], [{ value: 2.6, inclusive: false }])`. */
export function cutBands(labels: Array<[code: string, label: string]>, cuts: Array<{ value: number; upperInclusive: boolean }>): ActivityBand[] {
  if (labels.length !== cuts.length + 1) throw new Error("cutBands needs one more label than cut-offs");
  return labels.map(([code, label], i) => {
    const band: ActivityBand = { code, label };
    if (i > 0) band.lower = { value: cuts[i - 1].value, inclusive: !cuts[i - 1].upperInclusive };
    if (i < cuts.length) band.upper = { value: cuts[i].value, inclusive: cuts[i].upperInclusive };
    return band;
  });
}
