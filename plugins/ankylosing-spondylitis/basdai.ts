import { cutBands, defineInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { morningStiffnessDuration, morningStiffnessSeverity, peripheralPain, scale } from "./items";

export const BASDAI_REFERENCES = [
  "Garrett S, Jenkinson T, Kennedy LG, Whitelock H, Gaisford P, Calin A. A new approach to defining disease status in ankylosing spondylitis: the Bath Ankylosing Spondylitis Disease Activity Index. J Rheumatol 1994;21:2286-2291.",
  "Braun J, Pham T, Sieper J, et al. International ASAS consensus statement for the use of anti-tumour necrosis factor agents in patients with ankylosing spondylitis. Ann Rheum Dis 2003;62:817-824 (BASDAI ≥ 4 as active disease).",
];

export interface BasdaiItems {
  fatigue: number;
  spinalPain: number;
  peripheralPain: number;
  enthesitis: number;
  morningStiffnessSeverity: number;
  morningStiffnessDuration: number;
}

/** BASDAI = (Q1 + Q2 + Q3 + Q4 + (Q5 + Q6)/2) / 5: the two stiffness questions share one fifth of the weight. */
export function basdai(items: BasdaiItems) {
  const morningStiffness = (items.morningStiffnessSeverity + items.morningStiffnessDuration) / 2;
  const value = (items.fatigue + items.spinalPain + items.peripheralPain + items.enthesitis + morningStiffness) / 5;
  return { value, components: { morningStiffness } };
}

/**
 * Garrett 1994 defines no activity states. BASDAI ≥ 4 is the widely used CONVENTION for active disease
 * (ASAS anti-TNF consensus 2003), so the plugin gives two bands and says it is a convention.
 */
export const BASDAI_BANDS = cutBands(
  [
    ["not_active", "Below the active-disease threshold (< 4)"],
    ["active", "Active disease (≥ 4, convention)"],
  ],
  [{ value: 4, upperInclusive: false }],
);

const rheumtools = "fragla/rheumtools tests/testthat/test-basdai.R";

export const BASDAI = defineInstrument({
  code: "BASDAI",
  name: "Bath Ankylosing Spondylitis Disease Activity Index",
  description:
    "BASDAI (Garrett 1994) = (Q1 fatigue + Q2 spinal pain + Q3 peripheral pain/swelling + Q4 enthesitis + (Q5 + Q6)/2) / 5, " +
    "each item 0–10, score 0–10. Bands: ≥ 4 is 'active', < 4 'not_active'; this cut-off is a CONVENTION (ASAS anti-TNF " +
    "consensus 2003), not part of the original index. Bands are applied to the unrounded score with a 1e-9 tolerance.",
  version: "1.0.0",
  inputs: [
    scale("fatigue", "Fatigue/tiredness (BASDAI question 1)", "Overall level of fatigue/tiredness. 0 = none, 10 = very severe."),
    scale("spinalPain", "Neck, back or hip pain (BASDAI question 2)", "Overall level of AS neck, back or hip pain. 0 = none, 10 = very severe."),
    peripheralPain,
    scale("enthesitis", "Localised tenderness (BASDAI question 4)", "Overall level of discomfort from areas tender to touch or pressure. 0 = none, 10 = very severe."),
    morningStiffnessSeverity,
    morningStiffnessDuration,
  ],
  compute: basdai,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 10 },
  decimals: 1,
  bands: BASDAI_BANDS,
  references: BASDAI_REFERENCES,
  examples: [
    { inputs: basdaiInputs(1, 2, 3, 4, 5, 10), value: 3.5, category: "not_active", source: rheumtools },
    { inputs: basdaiInputs(0, 0, 3, 4, 5, 0), value: 1.9, category: "not_active", source: rheumtools },
    { inputs: basdaiInputs(1, 2, 3, 4, 5, 6), value: 3.1, category: "not_active", source: rheumtools },
    { inputs: basdaiInputs(2, 3, 4, 5, 6, 7), value: 4.1, category: "active", source: rheumtools },
    { inputs: basdaiInputs(2, 7, 1, 4, 9, 6), value: 4.3, category: "active", source: "awell-health/awell-score src/scores/basdai test data" },
    { inputs: basdaiInputs(2, 10, 7, 1, 9, 3), value: 5.2, category: "active", source: "ucam-department-of-psychiatry/camcops server/camcops_server/tasks/tests/basdai_tests.py" },
    { inputs: basdaiInputs(1, 2, 2, 2, 1, 3), value: 1.8, category: "not_active", source: "simonsteiger/RheumaComposites.jl test/types (BASDAI)" },
    {
      inputs: basdaiInputs(8.1, 2.1, 2.2, 4.2, 4.5, 2.3),
      value: 4,
      category: "active",
      source: "Boundary case by hand: (8.1 + 2.1 + 2.2 + 4.2 + (4.5 + 2.3)/2) / 5 = 20/5 = 4 exactly (3.999999999999999 in doubles)",
    },
  ],
});

/** Inputs in questionnaire order, Q1…Q6. */
export function basdaiInputs(q1: number, q2: number, q3: number, q4: number, q5: number, q6: number): Inputs {
  return {
    fatigue: q1,
    spinalPain: q2,
    peripheralPain: q3,
    enthesitis: q4,
    morningStiffnessSeverity: q5,
    morningStiffnessDuration: q6,
  };
}
