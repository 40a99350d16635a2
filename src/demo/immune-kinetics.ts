/**
 * Simulated immunomonitoring under low-dose IL-2: Tregs expand and activate (peak at D8, partly
 * maintained by the maintenance doses, back toward baseline two months after the last dose), CD56bright
 * NK cells and eosinophils rise modestly, and conventional effectors stay flat.
 */

/** Share of the D8 Treg expansion still present at each visit. */
const EXPANSION_SHARE: Record<string, number> = { BASELINE: 0, D8: 1, D15: 0.6, D29: 0.5, D85: 0.5, D183: 0.45, D240: 0.1 };

export interface ImmuneProfile {
  tregPct: number;
  tregFoldAtD8: number;
  cd4Count: number;
  activatedTeffPct: number;
  cd8Pct: number;
  bCellPct: number;
  nkPct: number;
  eosinophils: number;
}

export function randomImmuneProfile(random: () => number): ImmuneProfile {
  const between = (low: number, high: number) => low + (high - low) * random();
  return {
    tregPct: between(4, 8),
    tregFoldAtD8: between(1.5, 2.5),
    cd4Count: between(450, 1100),
    activatedTeffPct: between(1.5, 4),
    cd8Pct: between(20, 38),
    bCellPct: between(6, 15),
    nkPct: between(8, 18),
    eosinophils: between(80, 250),
  };
}

const round = (value: number, decimals = 2) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Immune parameter values (by catalogue code) of one patient at one visit. */
export function immuneValues(profile: ImmuneProfile, visitCode: string, random: () => number): Record<string, number> {
  const share = EXPANSION_SHARE[visitCode] ?? 0;
  const noise = (spread: number) => 1 + (random() - 0.5) * spread;
  const expansion = 1 + (profile.tregFoldAtD8 - 1) * share;
  const tregPct = profile.tregPct * expansion * noise(0.1);
  const naivePct = Math.min(80, 35 * (1 + 0.3 * share) * noise(0.1));
  return {
    TREG_PCT_CD4: round(tregPct),
    TREG_COUNT: round((tregPct / 100) * profile.cd4Count * noise(0.1), 1),
    TREG_CD25_MFI: round(2500 * (1 + 1.2 * (profile.tregFoldAtD8 - 1) * share) * noise(0.15), 0),
    TREG_NAIVE_PCT: round(naivePct),
    TREG_MEMORY_PCT: round(100 - naivePct),
    TREG_HELIOS_PCT: round(75 * noise(0.1)),
    TREG_KI67_PCT: round(Math.min(90, 8 * (1 + 2.5 * share) * noise(0.2))),
    TREG_CTLA4_PCT: round(Math.min(95, 30 * (1 + 0.8 * share) * noise(0.15))),
    TEFF_PCT_CD4: round(100 - tregPct),
    TEFF_ACTIVATED_PCT: round(profile.activatedTeffPct * noise(0.15)),
    CD4_COUNT: round(profile.cd4Count * noise(0.12), 0),
    CD8_PCT_CD3: round(profile.cd8Pct * noise(0.08)),
    CD8_TREG_PCT_CD8: round(0.6 * (1 + 0.8 * share) * noise(0.2)),
    B_CELL_PCT_LYMPH: round(profile.bCellPct * noise(0.1)),
    NK_PCT_LYMPH: round(profile.nkPct * (1 + 0.2 * share) * noise(0.1)),
    NK_CD56BRIGHT_PCT_NK: round(Math.min(60, 6 * (1 + 1.5 * share) * noise(0.2))),
    EOSINOPHIL_COUNT: round(profile.eosinophils * (1 + 0.6 * share) * noise(0.2), 0),
  };
}
