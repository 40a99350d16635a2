import { atMost, defineInstrument } from "../../src/plugin-api";
import type { InstrumentDefinition } from "../../src/plugin-api";
import { crpMgDl, patientGlobalCm, sjc28, tjc28 } from "./cdai-sdai";

/**
 * ACR/EULAR Boolean remission, a single-visit state: TJC28 ≤ 1, SJC28 ≤ 1, CRP ≤ 1 mg/dL and patient
 * global ≤ 1 (2011, Felson) or ≤ 2 (2022 revision, Studenic) on a 0–10 scale. All limits are inclusive.
 *
 * The category (remission / not_in_remission) is decided by the rule. The numeric value is the number
 * of criteria NOT met (0–4): 0 is remission, and 1 with only the patient global unmet is the
 * "near remission" state discussed in the revision literature. Components hold 1 for a criterion that
 * is met and 0 for one that is not.
 */

const FELSON_2011 =
  "Felson DT, Smolen JS, Wells G, Zhang B, van Tuyl LHD, Funovits J, et al. American College of Rheumatology/European League Against Rheumatism provisional definition of remission in rheumatoid arthritis for clinical trials. Arthritis Rheum 2011;63(3):573-586; Ann Rheum Dis 2011;70(3):404-413.";
const STUDENIC_2023 =
  "Studenic P, Aletaha D, de Wit M, Stamm TA, Alasti F, Lacaille D, et al. American College of Rheumatology/EULAR remission criteria for rheumatoid arthritis: 2022 revision. Ann Rheum Dis 2023;82(1):74-80; Arthritis Rheumatol 2023;75(1):15-22.";

export const BOOLEAN_CATEGORIES = [
  { code: "remission", label: "In Boolean remission (all four criteria met)" },
  { code: "not_in_remission", label: "Not in Boolean remission" },
];

interface Values {
  tjc28: number;
  sjc28: number;
  crpMgDl: number;
  patientGlobalCm: number;
}

/** Checks the four Boolean criteria with the given patient-global limit (1 for 2011, 2 for 2022). */
export function booleanRemission(v: Values, patientGlobalLimit: number) {
  const components = {
    tjc28Met: v.tjc28 <= 1 ? 1 : 0,
    sjc28Met: v.sjc28 <= 1 ? 1 : 0,
    crpMet: atMost(v.crpMgDl, 1) ? 1 : 0,
    patientGlobalMet: atMost(v.patientGlobalCm, patientGlobalLimit) ? 1 : 0,
  };
  const notMet = 4 - Object.values(components).reduce((a, b) => a + b, 0);
  return { value: notMet, components, category: notMet === 0 ? "remission" : "not_in_remission" };
}

const RC_TEST = "simonsteiger/RheumaComposites.jl test/types/boolean.jl";
const RC_PARTIAL =
  "simonsteiger/RheumaComposites.jl test/types/boolean.jl, 'Partial revised BoolRem' inputs (that test checks two-item subsets; the full four-item result follows from the criteria)";
const RC_DOCS = "simonsteiger/RheumaComposites.jl docs/src/examples/boolean.md (CRP 8 mg/L = 0.8 mg/dL, PtGA 14 mm = 1.4 cm)";

function boolean(
  code: string,
  name: string,
  year: string,
  patientGlobalLimit: number,
  references: string[],
  examples: InstrumentDefinition["examples"],
): InstrumentDefinition {
  return defineInstrument({
    code,
    name,
    description:
      `ACR/EULAR Boolean remission (${year}) at a single visit: TJC28 ≤ 1, SJC28 ≤ 1, CRP ≤ 1 mg/dL (NOT mg/L: 10 mg/L = 1 mg/dL) ` +
      `and patient global ≤ ${patientGlobalLimit} on 0–10 cm, all limits inclusive. Category remission / not_in_remission by rule; ` +
      "the value is the number of criteria not met (0 = remission; 1 with only the patient global unmet = near remission). " +
      "Components are 1 for each criterion met, 0 otherwise.",
    version: "1.0.0",
    inputs: [tjc28, sjc28, crpMgDl, patientGlobalCm],
    compute: (values) => booleanRemission(values, patientGlobalLimit),
    direction: "HIGHER_IS_WORSE",
    range: { min: 0, max: 4 },
    decimals: 0,
    bands: [],
    categories: BOOLEAN_CATEGORIES,
    references,
    examples,
  });
}

export const BOOLEAN_REMISSION_2011 = boolean("BOOLEAN_REMISSION_2011", "ACR/EULAR Boolean remission (2011)", "Felson 2011", 1, [FELSON_2011], [
  { inputs: { tjc28: 1, sjc28: 0, crpMgDl: 0.4, patientGlobalCm: 1.4 }, value: 1, category: "not_in_remission", source: `${RC_TEST}: original definition, not in remission (PtGA 14 mm > 10 mm)` },
  { inputs: { tjc28: 0, sjc28: 1, crpMgDl: 0.8, patientGlobalCm: 1.4 }, value: 1, category: "not_in_remission", source: `${RC_DOCS}: not in remission, patient global above 10 mm` },
  { inputs: { tjc28: 1, sjc28: 1, crpMgDl: 1, patientGlobalCm: 1 }, value: 0, category: "remission", source: "Felson 2011: every limit is inclusive (≤ 1)" },
]);

export const BOOLEAN_REMISSION_2022 = boolean("BOOLEAN_REMISSION_2022", "ACR/EULAR Boolean remission (2022 revision)", "Studenic 2023 revision", 2, [STUDENIC_2023, FELSON_2011], [
  { inputs: { tjc28: 1, sjc28: 0, crpMgDl: 0.4, patientGlobalCm: 1.4 }, value: 0, category: "remission", source: `${RC_TEST}: revised definition, in remission` },
  { inputs: { tjc28: 2, sjc28: 0, crpMgDl: 0.4, patientGlobalCm: 1.4 }, value: 1, category: "not_in_remission", source: `${RC_PARTIAL}: TJC28 2 > 1` },
  { inputs: { tjc28: 1, sjc28: 2, crpMgDl: 0.4, patientGlobalCm: 1.4 }, value: 1, category: "not_in_remission", source: `${RC_PARTIAL}: SJC28 2 > 1` },
  { inputs: { tjc28: 0, sjc28: 1, crpMgDl: 0.8, patientGlobalCm: 1.4 }, value: 0, category: "remission", source: `${RC_DOCS}: the revised definition puts this patient in remission` },
  { inputs: { tjc28: 1, sjc28: 1, crpMgDl: 1, patientGlobalCm: 2 }, value: 0, category: "remission", source: "Studenic 2023: every limit is inclusive (PtGA ≤ 2)" },
]);

export const BOOLEAN_INSTRUMENTS = [BOOLEAN_REMISSION_2011, BOOLEAN_REMISSION_2022];
