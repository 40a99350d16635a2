import { cutBands } from "../../src/plugin-api";
import type { InstrumentDefinition, InstrumentExample, Inputs } from "../../src/plugin-api";
import { DESCRIPTOR_INPUTS, descriptorComponents, descriptorInputs, scoreDescriptors } from "./descriptors";
import { BOMBARDIER_1992, COOK_2000, GLADMAN_2002, MIKDASHI_2015, TOUMA_2010 } from "./references";

/**
 * SLEDAI-2K (Gladman 2002): the sum of the weights (8/4/2/1) of the 24 descriptors present at the visit or
 * in the preceding 10 days. Range 0–105, integers only.
 *
 * Bands: the strata of Cook 2000 (0, 1–5, 6–10, 11–19, ≥ 20). Cook's abstract writes the top stratum as
 * "> 20" next to "11–19"; a score of exactly 20 would then belong nowhere, so it is read as "≥ 20"
 * (as Mikdashi & Nived restate it). Those strata were derived on the original SLEDAI for mortality; their use
 * as SLEDAI-2K activity categories is a convention, said so in the description.
 */

const BANDS = cutBands(
  [
    ["no_activity", "No activity (0)"],
    ["mild", "Mild activity (1–5)"],
    ["moderate", "Moderate activity (6–10)"],
    ["high", "High activity (11–19)"],
    ["very_high", "Very high activity (≥ 20)"],
  ],
  [
    { value: 0, upperInclusive: true },
    { value: 5, upperInclusive: true },
    { value: 10, upperInclusive: true },
    { value: 20, upperInclusive: false },
  ],
);

export function sledai2k(inputs: Inputs) {
  const score = scoreDescriptors(inputs);
  return { value: score.total, components: { ...descriptorComponents(score), clinicalScore: score.clinical } };
}

const HAND = "Hand calculation from the SLEDAI-2K weights (Gladman 2002)";

const example = (present: string[], value: number, category: string, source: string): InstrumentExample => ({
  inputs: descriptorInputs(present),
  value,
  category,
  source: `${HAND}: ${source}`,
});

export const SLEDAI_2K: InstrumentDefinition = {
  code: "SLEDAI_2K",
  name: "SLEDAI-2K",
  description:
    "Systemic Lupus Erythematosus Disease Activity Index 2000 (Gladman 2002): 24 yes/no descriptors, each scored with its weight when present at the visit " +
    "or in the preceding 10 days and attributable to SLE (the 10-day window; the 30-day variant of Touma 2010 is not the default: if a protocol uses it, " +
    "apply it at every visit). Weights: 8 for seizure, psychosis, organic brain syndrome, visual disturbance, cranial nerve disorder, lupus headache, CVA, " +
    "vasculitis; 4 for arthritis, myositis, urinary casts, haematuria, proteinuria, pyuria; 2 for rash, alopecia, mucosal ulcers, pleurisy, pericarditis, " +
    "low complement, increased DNA binding; 1 for fever, thrombocytopenia, leukopenia. Alopecia is 2 (not 1). As in SLEDAI-2K (unlike the 1992 SLEDAI), " +
    "rash, alopecia, mucosal ulcers and proteinuria score when persistent, not only when new. Range 0–105. Components: points per organ system, per " +
    "weight class, and clinicalScore (total without low complement and DNA binding). Bands: the strata of Cook 2000 (0 none, 1–5 mild, 6–10 moderate, " +
    "11–19 high, ≥ 20 very high), derived on the original SLEDAI and used here as a convention. SELENA-SLEDAI is not implemented.",
  version: "1.0.0",
  inputs: DESCRIPTOR_INPUTS,
  compute: sledai2k,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 105 },
  decimals: 0,
  bands: BANDS,
  references: [GLADMAN_2002, BOMBARDIER_1992, TOUMA_2010, COOK_2000, MIKDASHI_2015],
  examples: [
    example(["arthritis", "lowComplement", "increasedDnaBinding"], 8, "moderate", "arthritis 4 + low complement 2 + DNA binding 2 = 8"),
    example([], 0, "no_activity", "no descriptor present = 0"),
    example(
      [
        "seizure",
        "psychosis",
        "organicBrainSyndrome",
        "visualDisturbance",
        "cranialNerveDisorder",
        "lupusHeadache",
        "cerebrovascularAccident",
        "vasculitis",
        "arthritis",
        "myositis",
        "urinaryCasts",
        "haematuria",
        "proteinuria",
        "pyuria",
        "rash",
        "alopecia",
        "mucosalUlcers",
        "pleurisy",
        "pericarditis",
        "lowComplement",
        "increasedDnaBinding",
        "fever",
        "thrombocytopenia",
        "leukopenia",
      ],
      105,
      "very_high",
      "all 24 present: 8×8 + 6×4 + 7×2 + 3×1 = 64 + 24 + 14 + 3 = 105",
    ),
    example(["alopecia"], 2, "mild", "alopecia alone scores 2 in SLEDAI-2K (not 1)"),
    example(["vasculitis"], 8, "moderate", "one weight-8 descriptor = 8"),
    example(["thrombocytopenia"], 1, "mild", "one weight-1 descriptor = 1"),
    example(["arthritis", "fever"], 5, "mild", "4 + 1 = 5, top of the mild band"),
    example(["arthritis", "rash"], 6, "moderate", "4 + 2 = 6, bottom of the moderate band"),
    example(["proteinuria", "arthritis", "rash"], 10, "moderate", "4 + 4 + 2 = 10, top of the moderate band"),
    example(["proteinuria", "arthritis", "rash", "fever"], 11, "high", "4 + 4 + 2 + 1 = 11, bottom of the high band"),
    example(["seizure", "proteinuria", "arthritis", "rash", "fever"], 19, "high", "8 + 4 + 4 + 2 + 1 = 19, top of the high band"),
    example(["seizure", "proteinuria", "arthritis", "rash", "alopecia"], 20, "very_high", "8 + 4 + 4 + 2 + 2 = 20, bottom of the very high band"),
  ],
};
