import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { PETRI_2005, FURIE_2009 } from "./references";
import { physicianGlobal } from "./state-inputs";

/**
 * Physician global assessment (PGA) of SLE activity, 0–3, as used by SELENA-SLEDAI and the SRI.
 * Recorded as its own instrument so that SRI criteria can take it as a companion from the same visit.
 * No bands: the anchors 0/1/2/3 are points on a line, not published categories.
 */
export const PGA_SLE: InstrumentDefinition = {
  code: "PGA_SLE",
  name: "Physician global assessment (SLE, 0–3)",
  description:
    "SELENA-SLEDAI physician global assessment of lupus activity on a 0–3 line (0 none, 1 mild, 2 moderate, 3 severe). Reported with 1 decimal; " +
    "response criteria (SRI) compare the values as entered, unrounded, with a 1e-9 tolerance. No activity bands.",
  version: "1.0.0",
  inputs: [physicianGlobal],
  compute: (inputs: Inputs) => ({ value: inputs.physicianGlobal as number }),
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 3 },
  decimals: 1,
  bands: [],
  references: [PETRI_2005, FURIE_2009],
  examples: [
    { inputs: { physicianGlobal: 1.5 }, value: 1.5, source: "The PGA is the value marked on the 0–3 line (Petri 2005)" },
    { inputs: { physicianGlobal: 0 }, value: 0, source: "Petri 2005 anchor: 0 = no activity" },
    { inputs: { physicianGlobal: 3 }, value: 3, source: "Petri 2005 anchor: 3 = severe activity" },
  ],
};
