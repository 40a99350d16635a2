import { numberInput } from "../../src/plugin-api";
import type { InputDefinition, InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { morningStiffnessDuration, morningStiffnessSeverity, patientGlobal, scale } from "./items";

export const ASAS_HANDBOOK =
  "Sieper J, Rudwaleit M, Baraliakos X, et al. The Assessment of SpondyloArthritis international Society (ASAS) handbook: a guide to assess spondyloarthritis. Ann Rheum Dis 2009;68 Suppl 2:ii1-ii44.";
export const ANDERSON_2001 =
  "Anderson JJ, Baron G, van der Heijde D, Felson DT, Dougados M. Ankylosing spondylitis assessment group preliminary definition of short-term improvement in ankylosing spondylitis. Arthritis Rheum 2001;44:1876-1886.";
export const BRANDT_2004 =
  "Brandt J, Listing J, Sieper J, Rudwaleit M, van der Heijde D, Braun J. Development and preselection of criteria for short term improvement after anti-TNF alpha treatment in ankylosing spondylitis. Ann Rheum Dis 2004;63:1438-1444.";

/** The four ASAS domains, each on 0–10. */
export type AsasDomain = "patientGlobal" | "pain" | "function" | "inflammation";
export const ASAS_DOMAINS_ORDER: AsasDomain[] = ["patientGlobal", "pain", "function", "inflammation"];

/** What is entered at a visit: the inflammation domain is derived from two BASDAI questions. */
export const ASAS_DOMAIN_INPUTS: InputDefinition[] = [
  patientGlobal,
  scale("totalBackPain", "Total back pain (pain domain)", "Patient's assessment of total back pain over the last week. 0 = no pain, 10 = most severe pain."),
  numberInput("basfi", "BASFI score (function domain)", {
    min: 0,
    max: 10,
    description: "Bath Ankylosing Spondylitis Functional Index, 0–10: the mean of the ten BASFI questions (see the BASFI instrument).",
  }),
  morningStiffnessSeverity,
  morningStiffnessDuration,
];

/** The four domain values of a visit; inflammation = mean of BASDAI questions 5 and 6. */
export function asasDomains(inputs: Inputs): Record<AsasDomain, number> {
  return {
    patientGlobal: inputs.patientGlobal as number,
    pain: inputs.totalBackPain as number,
    function: inputs.basfi as number,
    inflammation: ((inputs.morningStiffnessSeverity as number) + (inputs.morningStiffnessDuration as number)) / 2,
  };
}

/** Inputs in domain order: patient global, total back pain, BASFI, then BASDAI Q5 and Q6. */
export function asasInputs(global: number, backPain: number, basfi: number, stiffnessSeverity: number, stiffnessDuration: number): Inputs {
  return { patientGlobal: global, totalBackPain: backPain, basfi, morningStiffnessSeverity: stiffnessSeverity, morningStiffnessDuration: stiffnessDuration };
}

/**
 * The ASAS core domains recorded at one visit, for ASAS20 and ASAS40. There is no composite score
 * (value is null); the components are the four domain values the criteria compare.
 */
export const ASAS_DOMAINS: InstrumentDefinition = {
  code: "ASAS_DOMAINS",
  name: "ASAS response domains",
  description:
    "The four ASAS domains of one visit, each 0–10: patient global assessment, pain (total back pain), function (BASFI score) " +
    "and inflammation (mean of BASDAI questions 5 and 6, severity and duration of morning stiffness). " +
    "No composite score (value is null); components hold the four domain values. Used by ASAS20 and ASAS40.",
  version: "1.0.0",
  inputs: ASAS_DOMAIN_INPUTS,
  compute: (inputs) => ({ value: null, components: asasDomains(inputs) }),
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 10 },
  decimals: 1,
  bands: [],
  references: [ANDERSON_2001, BRANDT_2004, ASAS_HANDBOOK],
  examples: [{ inputs: asasInputs(6, 7, 5.5, 6, 8), value: null, source: "No composite score: ASAS domains are recorded, not summed (Anderson 2001)" }],
};
