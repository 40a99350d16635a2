import { cutBands } from "../../src/plugin-api";
import type { InstrumentDefinition, InstrumentExample } from "../../src/plugin-api";
import { BDCAF_ITEM_INPUTS, bdcafForm, rawIndex } from "./bdcaf-items";
import type { BdcafItem } from "./bdcaf-items";
import { BDAI_SHEET, BHAKTA_1999, LAWTON_2004 } from "./references";
import { TRANSFORMED_INDEX } from "./transformation-table";

const ITEM_NOTE =
  "12 items asked as 'Over the past 4 weeks have you had any …?': headache, mouth ulceration, genital ulceration, erythema, skin pustules, arthralgia, " +
  "arthritis, nausea/vomiting/abdominal pain, diarrhoea with altered or frank blood per rectum, new eye involvement, new nervous system involvement " +
  "(intracranial vascular disease included), new major vessel involvement (intracranial excluded). An item counts once, whatever its duration: the " +
  "BDCAF form's duration grades for ulcers and skin lesions, fatigue and the global impressions are not part of the index. Only features the clinician " +
  "attributes to Behçet's disease are scored. " +
  "Protocol convention, not a published cut-off: the only category is whether any feature was present, 0 = inactive, above 0 = active; " +
  "no published bands grade the activity further.";

/**
 * No activity bands are published for the index. Cross-disease views still need a category, so the bands
 * state only what the score itself says: no feature in the past 4 weeks (0) or at least one (> 0).
 */
const ANY_FEATURE_BANDS = cutBands(
  [
    ["inactive", "Inactive: no feature in the past 4 weeks"],
    ["active", "Active: at least one feature in the past 4 weeks"],
  ],
  [{ value: 0, upperInclusive: true }],
);

/** Items present in the worked examples: the whole form, a mucocutaneous visit and a major-organ visit. */
const MUCOCUTANEOUS: BdcafItem[] = ["oralUlceration", "genitalUlceration", "skinPustules"];
const MAJOR_ORGAN: BdcafItem[] = ["oralUlceration", "headache", "newEyeInvolvement", "newNervousSystemInvolvement", "newMajorVesselInvolvement"];
const ALL: BdcafItem[] = [
  "headache", "oralUlceration", "genitalUlceration", "erythema", "skinPustules", "arthralgia", "arthritis",
  "nauseaVomitingAbdominalPain", "bloodyDiarrhoea", "newEyeInvolvement", "newNervousSystemInvolvement", "newMajorVesselInvolvement",
];

const rawExamples: InstrumentExample[] = [
  { inputs: bdcafForm([]), value: 0, category: "inactive", source: "BDAI scoring sheet rule (1 per item answered yes): no item present gives 0 (hand-computed)" },
  { inputs: bdcafForm(MUCOCUTANEOUS), value: 3, category: "active", source: "BDAI scoring sheet rule: oral ulcers, genital ulcers and skin pustules give 3 (hand-computed)" },
  { inputs: bdcafForm(MAJOR_ORGAN), value: 5, category: "active", source: "BDAI scoring sheet rule: 5 items present give 5 (hand-computed)" },
  { inputs: bdcafForm(ALL), value: 12, category: "active", source: "BDAI scoring sheet rule: all 12 items present give the maximum 12 (hand-computed)" },
];

export const BDCAF_INDEX: InstrumentDefinition = {
  code: "BDCAF_INDEX",
  name: "Behçet's Disease Activity Index (BDCAF), raw 0–12",
  description: `Behçet's Disease Activity Index from the Behçet's Disease Current Activity Form (Bhakta 1999; Lawton 2004): one point per item present in the past 4 weeks, 0–12. ${ITEM_NOTE} Components: each item (1 present, 0 absent).`,
  version: "1.0.0",
  inputs: BDCAF_ITEM_INPUTS,
  compute: (inputs) => {
    const { total, items } = rawIndex(inputs);
    return { value: total, components: items };
  },
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 12 },
  decimals: 0,
  bands: ANY_FEATURE_BANDS,
  references: [BHAKTA_1999, LAWTON_2004, BDAI_SHEET],
  examples: rawExamples,
};

/** Every row of the published conversion table, as a form with that many items present. */
const transformedExamples: InstrumentExample[] = TRANSFORMED_INDEX.map((transformed, raw) => ({
  inputs: bdcafForm(ALL.slice(0, raw)),
  value: transformed,
  category: raw === 0 ? "inactive" : "active",
  source: `BDAI scoring sheet conversion table: raw index ${raw} → ${transformed}`,
}));

export const BDCAF_INDEX_TRANSFORMED: InstrumentDefinition = {
  code: "BDCAF_INDEX_TRANSFORMED",
  name: "Behçet's Disease Activity Index, transformed 0–20",
  description:
    "PROVISIONAL: the raw-to-transformed conversion table is from a single reproduced scoring sheet and is not confirmed against Lawton 2004 or the " +
    "official BDCAF form (whose Rasch analysis used 14 questions, the sheet 12 items). " +
    "Behçet's Disease Activity Index on the transformed (Rasch, interval-like) scale: the raw index (one point per item present in the past 4 weeks, " +
    "0–12) converted with the table 0→0, 1→3, 2→5, 3→7, 4→8, 5→9, 6→10, 7→11, 8→12, 9→13, 10→15, 11→17, 12→20. " +
    `${ITEM_NOTE} Components: rawIndex and each item (1 present, 0 absent).`,
  version: "1.0.0",
  inputs: BDCAF_ITEM_INPUTS,
  compute: (inputs) => {
    const { total, items } = rawIndex(inputs);
    return { value: TRANSFORMED_INDEX[total], components: { rawIndex: total, ...items } };
  },
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 20 },
  decimals: 0,
  bands: ANY_FEATURE_BANDS,
  references: [LAWTON_2004, BDAI_SHEET, BHAKTA_1999],
  examples: transformedExamples,
};
