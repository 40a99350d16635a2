import { cutBands, integerInput, numberInput } from "../../src/plugin-api";
import type { FieldProblem, InputDefinition, InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { areaScoreFromPercent } from "./area-score";

export const PASI_REFERENCES = [
  "Fredriksson T, Pettersson U. Severe psoriasis – oral therapy with a new retinoid. Dermatologica 1978;157:238-244.",
  "Feldman SR, Krueger GG. Psoriasis assessment tools in clinical trials. Ann Rheum Dis 2005;64(Suppl 2):ii65-ii68 (Table 1: PASI steps and area scale).",
  "Louden BA, Pearce DJ, Lang W, Feldman SR. A simplified psoriasis area severity index (SPASI) for rating psoriasis severity in clinic patients. Dermatol Online J 2004;10(2):7 (Figure 1: worked PASI examples).",
  "Finlay AY. Current severe psoriasis and the rule of tens. Br J Dermatol 2005;152:861-867 (PASI > 10 as a criterion of severe psoriasis).",
  "Mrowietz U, Kragballe K, Reich K, et al. Definition of treatment goals for moderate to severe psoriasis: a European consensus. Arch Dermatol Res 2011;303:1-10 (mild: PASI ≤ 10 together with BSA ≤ 10 and DLQI ≤ 10).",
];

/**
 * The four PASI regions. Weights are kept in tenths (1, 2, 3, 4 for 0.1–0.4) so that the sum of
 * weight × severity × area is an exact integer; dividing once by 10 at the end gives the nearest double
 * to the decimal score (13.2 rather than the 13.200000000000001 of summing 0.1 × … terms).
 */
export const PASI_REGIONS = [
  { key: "head", label: "Head and neck", weightTenths: 1, note: "The neck counts with the head." },
  { key: "upperLimbs", label: "Upper limbs", weightTenths: 2, note: "Arms, including the hands." },
  { key: "trunk", label: "Trunk", weightTenths: 3, note: "Axillae and groin count with the trunk." },
  { key: "lowerLimbs", label: "Lower limbs", weightTenths: 4, note: "Buttocks count with the lower limbs." },
] as const;

export type PasiRegion = (typeof PASI_REGIONS)[number]["key"];

/** Raw PASI inputs from [erythema, induration, desquamation, area score] per region; regions not given are clear. */
export function pasiInputs(regions: Partial<Record<PasiRegion, [number, number, number, number]>>): Inputs {
  const inputs: Inputs = {};
  for (const { key } of PASI_REGIONS) {
    const [e, i, d, area] = regions[key] ?? [0, 0, 0, 0];
    Object.assign(inputs, { [`${key}Erythema`]: e, [`${key}Induration`]: i, [`${key}Desquamation`]: d, [`${key}Area`]: area });
  }
  return inputs;
}

const SEVERITY_SCALE = "0 none, 1 slight, 2 moderate, 3 marked, 4 very marked";
const AREA_SCALE = "0 = 0%, 1 = >0–<10%, 2 = 10–<30%, 3 = 30–<50%, 4 = 50–<70%, 5 = 70–<90%, 6 = 90–100%";

function regionInputs(region: (typeof PASI_REGIONS)[number]): InputDefinition[] {
  const { key, label, weightTenths, note } = region;
  const where = `${label} (weight 0.${weightTenths}). ${note}`;
  const severity = (sign: string, what: string) =>
    integerInput(`${key}${sign}`, `${label}: ${what} (0–4)`, 0, 4, { description: `${what} of the region's plaques: ${SEVERITY_SCALE}. ${where}` });
  return [
    severity("Erythema", "Erythema"),
    severity("Induration", "Induration (thickness)"),
    severity("Desquamation", "Desquamation (scaling)"),
    integerInput(`${key}Area`, `${label}: area score (0–6)`, 0, 6, {
      optional: true,
      description: `Area score of the region: ${AREA_SCALE}. Give this or ${key}AreaPercent, not both. ${where}`,
    }),
    numberInput(`${key}AreaPercent`, `${label}: involved area`, {
      unit: "%",
      min: 0,
      max: 100,
      optional: true,
      description: `Percentage of the region's skin involved, converted to the area score (${AREA_SCALE}; each cut-off belongs to the higher score). Give this or ${key}Area, not both. ${where}`,
    }),
  ];
}

/** Exactly one of the two area inputs per region: a record with both could disagree, one with neither has no area. */
export function validatePasi(inputs: Inputs): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const { key } of PASI_REGIONS) {
    const score = `${key}Area`;
    const percent = `${key}AreaPercent`;
    const hasScore = inputs[score] !== undefined && inputs[score] !== null;
    const hasPercent = inputs[percent] !== undefined && inputs[percent] !== null;
    const allowed = `exactly one of ${score} (area score 0–6) or ${percent} (0–100 %)`;
    if (hasScore && hasPercent) {
      problems.push({ field: score, message: `${score} and ${percent} were both given: give only one of ${score} (area score 0–6) or ${percent} (0–100 %)`, allowed });
    } else if (!hasScore && !hasPercent) {
      problems.push({ field: score, message: `${score} is required unless ${percent} is given: give ${allowed}`, allowed });
    }
  }
  return problems;
}

export function computePasi(inputs: Inputs) {
  const components: Record<string, number> = {};
  let totalTenths = 0;
  for (const { key, weightTenths } of PASI_REGIONS) {
    const severity = (inputs[`${key}Erythema`] as number) + (inputs[`${key}Induration`] as number) + (inputs[`${key}Desquamation`] as number);
    const given = inputs[`${key}Area`];
    const area = given !== undefined && given !== null ? (given as number) : areaScoreFromPercent(inputs[`${key}AreaPercent`] as number);
    const tenths = weightTenths * severity * area;
    totalTenths += tenths;
    components[`${key}AreaScore`] = area;
    components[`${key}Contribution`] = tenths / 10;
  }
  return { value: totalTenths / 10, components };
}

/**
 * PASI has no universal activity bands. This plugin uses the PASI criterion of the rule of tens
 * (Finlay 2005: PASI > 10 is severe) and of the European consensus (Mrowietz 2011: mild is PASI ≤ 10).
 * Both definitions also weigh BSA and DLQI, which PASI alone cannot see: the band is a CONVENTION.
 */
const BANDS = cutBands(
  [
    ["mild", "Mild (PASI ≤ 10)"],
    ["moderate_to_severe", "Moderate to severe (PASI > 10)"],
  ],
  [{ value: 10, upperInclusive: true }],
);

const LOUDEN = "Louden 2004, Dermatol Online J 10(2):7, Figure 1";

export const PASI: InstrumentDefinition = {
  code: "PASI",
  name: "Psoriasis Area and Severity Index (PASI)",
  description:
    "PASI (Fredriksson & Pettersson 1978) = Σ over four regions of weight × (erythema + induration + desquamation) × area score; " +
    "weights head and neck 0.1, upper limbs 0.2, trunk incl. axillae and groin 0.3, lower limbs incl. buttocks 0.4; " +
    "erythema, induration and desquamation are integers 0–4; the area is entered per region either as the area score 0–6 " +
    "or as the percentage involved (0 → 0, >0–<10 → 1, 10–<30 → 2, 30–<50 → 3, 50–<70 → 4, 70–<90 → 5, 90–100 → 6), exactly one of the two. " +
    "Range 0–72, reported with 1 decimal. PASI has no universal activity bands: the bands here are a CONVENTION taken from the PASI " +
    "criterion alone of the rule of tens (Finlay 2005) and the European consensus (Mrowietz 2011): mild ≤ 10, moderate to severe > 10 " +
    "(both sources also use BSA and DLQI, which are not part of PASI).",
  version: "1.0.0",
  inputs: PASI_REGIONS.flatMap(regionInputs),
  validate: validatePasi,
  compute: computePasi,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 72 },
  decimals: 1,
  bands: BANDS,
  references: PASI_REFERENCES,
  examples: [
    {
      // Head 6·1·0.1 = 0.6, upper limbs 6·2·0.2 = 2.4, trunk 6·3·0.3 = 5.4, lower limbs 6·2·0.4 = 4.8; total 13.2.
      inputs: {
        headErythema: 2, headInduration: 2, headDesquamation: 2, headAreaPercent: 5,
        upperLimbsErythema: 2, upperLimbsInduration: 2, upperLimbsDesquamation: 2, upperLimbsAreaPercent: 12,
        trunkErythema: 2, trunkInduration: 2, trunkDesquamation: 2, trunkAreaPercent: 35,
        lowerLimbsErythema: 2, lowerLimbsInduration: 2, lowerLimbsDesquamation: 2, lowerLimbsAreaPercent: 20,
      },
      value: 13.2,
      category: "moderate_to_severe",
      source: `${LOUDEN}, patient 1: all severities 2, areas 5/12/35/20 % (published PASI 13.2)`,
    },
    {
      // The same patient with the area scores 1/2/3/2 printed in the figure instead of percentages.
      inputs: {
        headErythema: 2, headInduration: 2, headDesquamation: 2, headArea: 1,
        upperLimbsErythema: 2, upperLimbsInduration: 2, upperLimbsDesquamation: 2, upperLimbsArea: 2,
        trunkErythema: 2, trunkInduration: 2, trunkDesquamation: 2, trunkArea: 3,
        lowerLimbsErythema: 2, lowerLimbsInduration: 2, lowerLimbsDesquamation: 2, lowerLimbsArea: 2,
      },
      value: 13.2,
      category: "moderate_to_severe",
      source: `${LOUDEN}, patient 1 entered as area scores 1/2/3/2 (published PASI 13.2)`,
    },
    {
      // Head (3+1+2)·2·0.1 = 1.2 (15% → 2), upper limbs (1+4+3)·1·0.2 = 1.6 (5% → 1),
      // trunk (3+2+1)·2·0.3 = 3.6 (25% → 2), lower limbs (1+4+2)·3·0.4 = 8.4 (40% → 3); total 14.8.
      inputs: {
        headErythema: 3, headInduration: 1, headDesquamation: 2, headAreaPercent: 15,
        upperLimbsErythema: 1, upperLimbsInduration: 4, upperLimbsDesquamation: 3, upperLimbsAreaPercent: 5,
        trunkErythema: 3, trunkInduration: 2, trunkDesquamation: 1, trunkAreaPercent: 25,
        lowerLimbsErythema: 1, lowerLimbsInduration: 4, lowerLimbsDesquamation: 2, lowerLimbsAreaPercent: 40,
      },
      value: 14.8,
      category: "moderate_to_severe",
      source: `${LOUDEN}, patient 2 inputs (area scores 2/1/2/3 as printed); total 14.8 by hand calculation, the published total was not retrieved`,
    },
    {
      // Head (1+0+0)·2·0.1 = 0.2 + upper limbs (1+1+1)·3·0.2 = 1.8 → 2.0; summed naively in doubles this is 2.0000000000000004.
      inputs: pasiInputs({ head: [1, 0, 0, 2], upperLimbs: [1, 1, 1, 3] }),
      value: 2,
      category: "mild",
      source: "Hand calculation (absolute PASI ≤ 2 boundary, Mahil 2020)",
    },
    {
      // Every region 12·6: 12·6·(0.1 + 0.2 + 0.3 + 0.4) = 72.
      inputs: {
        headErythema: 4, headInduration: 4, headDesquamation: 4, headArea: 6,
        upperLimbsErythema: 4, upperLimbsInduration: 4, upperLimbsDesquamation: 4, upperLimbsAreaPercent: 100,
        trunkErythema: 4, trunkInduration: 4, trunkDesquamation: 4, trunkAreaPercent: 90,
        lowerLimbsErythema: 4, lowerLimbsInduration: 4, lowerLimbsDesquamation: 4, lowerLimbsArea: 6,
      },
      value: 72,
      category: "moderate_to_severe",
      source: "Hand calculation: maximal severity and area everywhere gives the published maximum of 72 (Fredriksson 1978)",
    },
    {
      inputs: {
        headErythema: 0, headInduration: 0, headDesquamation: 0, headAreaPercent: 0,
        upperLimbsErythema: 0, upperLimbsInduration: 0, upperLimbsDesquamation: 0, upperLimbsAreaPercent: 0,
        trunkErythema: 0, trunkInduration: 0, trunkDesquamation: 0, trunkArea: 0,
        lowerLimbsErythema: 0, lowerLimbsInduration: 0, lowerLimbsDesquamation: 0, lowerLimbsArea: 0,
      },
      value: 0,
      category: "mild",
      source: "Hand calculation: clear skin gives the published minimum of 0",
    },
    {
      // Lower limbs (2+2+1)·5·0.4 = 10.0 (75% → 5); every other region 0. PASI 10 is not > 10.
      inputs: {
        headErythema: 0, headInduration: 0, headDesquamation: 0, headArea: 0,
        upperLimbsErythema: 0, upperLimbsInduration: 0, upperLimbsDesquamation: 0, upperLimbsArea: 0,
        trunkErythema: 0, trunkInduration: 0, trunkDesquamation: 0, trunkArea: 0,
        lowerLimbsErythema: 2, lowerLimbsInduration: 2, lowerLimbsDesquamation: 1, lowerLimbsAreaPercent: 75,
      },
      value: 10,
      category: "mild",
      source: "Hand calculation at the rule-of-tens boundary (Finlay 2005: severe is PASI > 10)",
    },
    {
      // As above plus head 1·1·0.1 = 0.1 (erythema 1 on 2% of the head): 10.1 > 10.
      inputs: {
        headErythema: 1, headInduration: 0, headDesquamation: 0, headAreaPercent: 2,
        upperLimbsErythema: 0, upperLimbsInduration: 0, upperLimbsDesquamation: 0, upperLimbsArea: 0,
        trunkErythema: 0, trunkInduration: 0, trunkDesquamation: 0, trunkArea: 0,
        lowerLimbsErythema: 2, lowerLimbsInduration: 2, lowerLimbsDesquamation: 1, lowerLimbsAreaPercent: 75,
      },
      value: 10.1,
      category: "moderate_to_severe",
      source: "Hand calculation just above the rule-of-tens boundary (Finlay 2005: severe is PASI > 10)",
    },
  ],
};
