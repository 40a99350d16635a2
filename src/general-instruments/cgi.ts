import { cutBands, integerInput } from "../plugin-api";
import type { InstrumentDefinition } from "../plugin-api";

const GUY = "Guy W. ECDEU Assessment Manual for Psychopharmacology. Rockville, MD: US Department of Health, Education, and Welfare; 1976:218-222.";

/** Seven ordered levels scored 1–7, each its own category. */
function sevenLevels(levels: Array<[string, string]>) {
  return cutBands(levels, [1, 2, 3, 4, 5, 6].map((value) => ({ value, upperInclusive: true })));
}

const SEVERITY = sevenLevels([
  ["normal", "Normal, not at all ill"],
  ["borderline", "Borderline ill"],
  ["mildly_ill", "Mildly ill"],
  ["moderately_ill", "Moderately ill"],
  ["markedly_ill", "Markedly ill"],
  ["severely_ill", "Severely ill"],
  ["extremely_ill", "Among the most extremely ill patients"],
]);

const IMPROVEMENT = sevenLevels([
  ["very_much_improved", "Very much improved"],
  ["much_improved", "Much improved"],
  ["minimally_improved", "Minimally improved"],
  ["no_change", "No change"],
  ["minimally_worse", "Minimally worse"],
  ["much_worse", "Much worse"],
  ["very_much_worse", "Very much worse"],
]);

export const CGI_S: InstrumentDefinition = {
  code: "CGI_S",
  name: "Clinical Global Impression – Severity",
  description: "Clinician's rating of the severity of illness at this visit, 1 (normal) to 7 (among the most extremely ill).",
  version: "1.0.0",
  inputs: [integerInput("severity", "Severity of illness", 1, 7, { options: SEVERITY.map((b, i) => ({ value: i + 1, label: b.label })) })],
  compute: (inputs) => ({ value: inputs.severity as number }),
  direction: "HIGHER_IS_WORSE",
  range: { min: 1, max: 7 },
  decimals: 0,
  bands: SEVERITY,
  references: [GUY],
  examples: [
    { inputs: { severity: 1 }, value: 1, category: "normal", source: "Guy 1976 rating definitions" },
    { inputs: { severity: 4 }, value: 4, category: "moderately_ill", source: "Guy 1976 rating definitions" },
  ],
};

export const CGI_I: InstrumentDefinition = {
  code: "CGI_I",
  name: "Clinical Global Impression – Improvement",
  description: "Clinician's rating of change since the start of treatment, 1 (very much improved) to 7 (very much worse).",
  version: "1.0.0",
  inputs: [integerInput("improvement", "Global improvement", 1, 7, { options: IMPROVEMENT.map((b, i) => ({ value: i + 1, label: b.label })) })],
  compute: (inputs) => ({ value: inputs.improvement as number }),
  direction: "HIGHER_IS_WORSE",
  range: { min: 1, max: 7 },
  decimals: 0,
  bands: IMPROVEMENT,
  references: [GUY],
  examples: [
    { inputs: { improvement: 2 }, value: 2, category: "much_improved", source: "Guy 1976 rating definitions" },
    { inputs: { improvement: 7 }, value: 7, category: "very_much_worse", source: "Guy 1976 rating definitions" },
  ],
};
