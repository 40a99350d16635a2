import { integerInput } from "../../src/plugin-api";
import type { InstrumentDefinition } from "../../src/plugin-api";
import { HATEMI_2015, HATEMI_2019 } from "./references";

/**
 * Ulcer counts at a visit, the organ outcome of Behçet's mucocutaneous trials: the number of oral ulcers
 * was the primary end point at week 12 of the apremilast phase 2 trial (Hatemi 2015) and, as its area under
 * the curve over 12 weeks, of the phase 3 RELIEF trial (Hatemi 2019), where oral-ulcer-free was the complete
 * response. The AUC spans many visits: it is an analysis over stored counts, not a per-visit score.
 *
 * The upper limit of 100 is a plausibility bound (herpetiform ulceration can give dozens of small ulcers),
 * not a clinical cut-off.
 */
const MAX_ULCERS = 100;

function ulcerCount(code: string, site: "oral" | "genital", name: string, label: string, references: string[]): InstrumentDefinition {
  return {
    code,
    name: label,
    description:
      `Number of ${site} ulcers counted by the investigator at the visit (0–${MAX_ULCERS}); the score is the count. ` +
      "Protocol choice: the count at the visit, as in the apremilast trials, not a patient-recalled count over the past 4 weeks. No activity bands are published.",
    version: "1.0.0",
    inputs: [
      integerInput(name, `Number of ${site} ulcers at the visit`, 0, MAX_ULCERS, {
        description: `${site === "oral" ? "Oral" : "Genital"} ulcers present when the investigator examines the patient at this visit (a count, 0 when none).`,
      }),
    ],
    compute: (inputs) => ({ value: inputs[name] as number }),
    direction: "HIGHER_IS_WORSE",
    range: { min: 0, max: MAX_ULCERS },
    decimals: 0,
    bands: [],
    references,
    examples: [
      { inputs: { [name]: 0 }, value: 0, source: "Definition: no ulcer at the visit (ulcer-free)" },
      { inputs: { [name]: 4 }, value: 4, source: "Definition: the score is the count (RELIEF baseline mean oral-ulcer count about 4)" },
    ],
  };
}

export const ORAL_ULCER_COUNT = ulcerCount("ORAL_ULCER_COUNT", "oral", "oralUlcerCount", "Oral ulcer count", [HATEMI_2015, HATEMI_2019]);
export const GENITAL_ULCER_COUNT = ulcerCount("GENITAL_ULCER_COUNT", "genital", "genitalUlcerCount", "Genital ulcer count", [HATEMI_2015]);
