import type { EntityManager } from "typeorm";
import { ImmuneParameter } from "./immune-parameter.entity";
import { ImmuneStatistic } from "./immune-statistic";

type Entry = Omit<ImmuneParameter, "id" | "nodeId">;
const { PERCENT_OF_PARENT: PCT, CELLS_PER_UL: COUNT, MFI } = ImmuneStatistic;

const entry = (code: string, label: string, population: string, gatingDefinition: string, parentPopulation: string | null, statistic: ImmuneStatistic, unit: string, marker: string | null = null): Entry => ({
  code, label, population, gatingDefinition, parentPopulation, statistic, unit, marker,
});

/**
 * The flow-cytometry parameters of low-dose IL-2 immunomonitoring: regulatory T cells and their
 * activation, conventional effectors (which must not be activated), CD8, B and NK cells, eosinophils.
 */
export const IMMUNE_CATALOGUE: Entry[] = [
  entry("TREG_PCT_CD4", "Tregs, % of CD4+ T cells", "Treg", "CD3+CD4+CD25hiCD127loFOXP3+", "CD4+ T cells", PCT, "%"),
  entry("TREG_COUNT", "Tregs, absolute count", "Treg", "CD3+CD4+CD25hiCD127loFOXP3+", null, COUNT, "cells/µL"),
  entry("TREG_CD25_MFI", "CD25 expression on Tregs (MFI)", "Treg", "CD3+CD4+CD25hiCD127loFOXP3+", null, MFI, "MFI", "CD25"),
  entry("TREG_NAIVE_PCT", "Naive Tregs, % of Tregs", "Naive Treg", "CD45RA+ Treg", "Treg", PCT, "%"),
  entry("TREG_MEMORY_PCT", "Memory Tregs, % of Tregs", "Memory Treg", "CD45RA− Treg", "Treg", PCT, "%"),
  entry("TREG_HELIOS_PCT", "Helios+ Tregs, % of Tregs", "Helios+ Treg", "Helios+ Treg", "Treg", PCT, "%"),
  entry("TREG_KI67_PCT", "Proliferating (Ki-67+) Tregs, % of Tregs", "Ki-67+ Treg", "Ki-67+ Treg", "Treg", PCT, "%"),
  entry("TREG_CTLA4_PCT", "CTLA-4+ Tregs, % of Tregs", "CTLA-4+ Treg", "CTLA-4+ Treg", "Treg", PCT, "%"),
  entry("TEFF_PCT_CD4", "Conventional CD4 effectors, % of CD4+ T cells", "Teff", "CD3+CD4+FOXP3−", "CD4+ T cells", PCT, "%"),
  entry("TEFF_ACTIVATED_PCT", "Activated effectors (CD25+HLA-DR+), % of Teff", "Activated Teff", "CD25+HLA-DR+ Teff", "Teff", PCT, "%"),
  entry("CD4_COUNT", "CD4+ T cells, absolute count", "CD4+ T cells", "CD3+CD4+", null, COUNT, "cells/µL"),
  entry("CD8_PCT_CD3", "CD8+ T cells, % of CD3+ T cells", "CD8+ T cells", "CD3+CD8+", "CD3+ T cells", PCT, "%"),
  entry("CD8_TREG_PCT_CD8", "CD8+ Tregs, % of CD8+ T cells", "CD8 Treg", "CD3+CD8+FOXP3+", "CD8+ T cells", PCT, "%"),
  entry("B_CELL_PCT_LYMPH", "B cells, % of lymphocytes", "B cells", "CD19+", "Lymphocytes", PCT, "%"),
  entry("NK_PCT_LYMPH", "NK cells, % of lymphocytes", "NK cells", "CD3−CD56+", "Lymphocytes", PCT, "%"),
  entry("NK_CD56BRIGHT_PCT_NK", "CD56bright NK cells, % of NK cells", "CD56bright NK", "CD3−CD56bright", "NK cells", PCT, "%"),
  entry("EOSINOPHIL_COUNT", "Eosinophils, absolute count", "Eosinophils", "CD16−Siglec-8+", null, COUNT, "cells/µL"),
];

/** Allowed value range for each statistic. */
export const STATISTIC_RANGE: Record<ImmuneStatistic, { min: number; max: number }> = {
  PERCENT_OF_PARENT: { min: 0, max: 100 },
  CELLS_PER_UL: { min: 0, max: 100_000 },
  MFI: { min: 0, max: 1_000_000 },
  RATIO: { min: 0, max: 10_000 },
};

/** Adds catalogue entries the database does not have yet; existing rows are left as they are. */
export async function ensureImmuneCatalogue(manager: EntityManager): Promise<void> {
  const existing = new Set((await manager.find(ImmuneParameter, { select: { code: true } })).map((p) => p.code));
  const missing = IMMUNE_CATALOGUE.filter((e) => !existing.has(e.code));
  if (missing.length > 0) await manager.save(missing.map((e) => manager.create(ImmuneParameter, e)));
}
