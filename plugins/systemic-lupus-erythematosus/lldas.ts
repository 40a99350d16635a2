import { atMost, booleanInput } from "../../src/plugin-api";
import type { InstrumentDefinition, InstrumentExample, Inputs } from "../../src/plugin-api";
import { DESCRIPTOR_INPUTS, descriptorInputs, scoreDescriptors } from "./descriptors";
import { FRANKLYN_2016, GLADMAN_2002, GOLDER_2016 } from "./references";
import { gastrointestinalActivity, haemolyticAnaemia, newActivity, physicianGlobal, prednisoloneDose } from "./state-inputs";

/**
 * Lupus Low Disease Activity State (Franklyn 2016, Table 1), a single-visit state met when all 5 hold:
 * 1. SLEDAI-2K ≤ 4, with no activity in major organ systems (renal, CNS, cardiopulmonary, vasculitis, fever)
 *    and no haemolytic anaemia or gastrointestinal activity;
 * 2. no new features of lupus activity compared with the previous assessment;
 * 3. SELENA-SLEDAI PGA (0–3) ≤ 1;
 * 4. current prednisolone (or equivalent) ≤ 7.5 mg/day;
 * 5. well-tolerated standard maintenance doses of immunosuppressive drugs and approved biological agents,
 *    excluding investigational drugs.
 *
 * SLEDAI-2K and the major-organ check are computed from the 24 descriptors (the same inputs as SLEDAI_2K),
 * so they cannot contradict each other. The value is the number of criteria NOT met (0 = LLDAS).
 */

export const standardMaintenanceTherapy = booleanInput("standardMaintenanceTherapy", "Only standard maintenance immunosuppression", {
  description:
    "LLDAS criterion 5. True when the patient takes no immunosuppressive drug or biological, or only well-tolerated standard maintenance doses of " +
    "immunosuppressive drugs and approved biological agents (Golder 2016 operationalised maximum doses: hydroxychloroquine ≤ 400, methotrexate ≤ 30, " +
    "azathioprine ≤ 200, mycophenolate mofetil ≤ 3000, mycophenolic acid ≤ 2160, leflunomide ≤ 20 mg/day). False for induction or higher doses, a " +
    "poorly tolerated regimen, or an investigational drug. Protocol decision: whether this trial's own investigational product counts here.",
});

const INPUTS = [...DESCRIPTOR_INPUTS, haemolyticAnaemia, gastrointestinalActivity, newActivity, physicianGlobal, prednisoloneDose, standardMaintenanceTherapy];

export const LLDAS_CATEGORIES = [
  { code: "in_lldas", label: "In lupus low disease activity state (all 5 criteria met)" },
  { code: "not_in_lldas", label: "Not in lupus low disease activity state" },
];

export function lldas(inputs: Inputs) {
  const sledai = scoreDescriptors(inputs);
  const met = {
    diseaseActivityMet:
      atMost(sledai.total, 4) && atMost(sledai.majorOrgan, 0) && inputs.haemolyticAnaemia !== true && inputs.gastrointestinalActivity !== true,
    noNewActivityMet: inputs.newActivity !== true,
    physicianGlobalMet: atMost(inputs.physicianGlobal as number, 1),
    prednisoloneMet: atMost(inputs.prednisoloneDose as number, 7.5),
    maintenanceTherapyMet: inputs.standardMaintenanceTherapy === true,
  };
  const flags = Object.fromEntries(Object.entries(met).map(([k, v]) => [k, v ? 1 : 0]));
  const notMet = Object.values(met).filter((v) => !v).length;
  return {
    value: notMet,
    components: { sledai2k: sledai.total, majorOrganPoints: sledai.majorOrgan, ...flags },
    category: notMet === 0 ? "in_lldas" : "not_in_lldas",
  };
}

/** A visit in LLDAS on every criterion, to vary one field at a time in examples and tests. */
export const LLDAS_VISIT: Inputs = {
  // Arthritis 4 = SLEDAI-2K 4, musculoskeletal is not a major organ system.
  ...descriptorInputs(["arthritis"]),
  haemolyticAnaemia: false,
  gastrointestinalActivity: false,
  newActivity: false,
  physicianGlobal: 1,
  prednisoloneDose: 7.5,
  standardMaintenanceTherapy: true,
};

const F = "Franklyn 2016 Table 1, hand-checked";
const ex = (change: Inputs, value: number, note: string): InstrumentExample => ({
  inputs: { ...LLDAS_VISIT, ...change },
  value,
  category: value === 0 ? "in_lldas" : "not_in_lldas",
  source: `${F}: ${note}`,
});

export const LLDAS: InstrumentDefinition = {
  code: "LLDAS",
  name: "Lupus Low Disease Activity State (LLDAS)",
  description:
    "LLDAS (Franklyn 2016) at one visit; all 5 criteria must hold: (1) SLEDAI-2K ≤ 4 with no activity in major organ systems (renal, CNS, " +
    "cardiopulmonary, vasculitis, fever) and no haemolytic anaemia or gastrointestinal activity; (2) no new lupus activity since the previous " +
    "assessment; (3) PGA (0–3) ≤ 1; (4) prednisolone or equivalent ≤ 7.5 mg/day; (5) well-tolerated standard maintenance doses of immunosuppressive " +
    "drugs and approved biologicals, excluding investigational drugs. SLEDAI-2K is computed from the 24 descriptors (10-day window, same definitions " +
    "as SLEDAI_2K); serology (low complement, DNA binding) counts towards the ≤ 4. Major organ descriptors: seizure, psychosis, organic brain syndrome, " +
    "visual disturbance, cranial nerve disorder, lupus headache, CVA, vasculitis, urinary casts, haematuria, proteinuria, pyuria, pleurisy, " +
    "pericarditis, fever. All limits inclusive. Category in_lldas / not_in_lldas; the value is the number of criteria not met (0–5); components " +
    "are 1 for each criterion met, with the SLEDAI-2K total and the major-organ points. A single-visit state: time in LLDAS is not computed.",
  version: "1.0.0",
  inputs: INPUTS,
  compute: lldas,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 5 },
  decimals: 0,
  bands: [],
  categories: LLDAS_CATEGORIES,
  references: [FRANKLYN_2016, GLADMAN_2002, GOLDER_2016],
  examples: [
    ex({}, 0, "SLEDAI-2K 4 (arthritis), PGA 1, prednisolone 7.5 mg/day: every limit is inclusive"),
    ex({ ...descriptorInputs(["rash", "lowComplement"]) }, 0, "rash 2 + low complement 2 = 4: serological activity allowed within the 4 points"),
    ex({ ...descriptorInputs(["arthritis", "leukopenia"]) }, 1, "arthritis 4 + leukopenia 1 = 5 > 4"),
    ex({ ...descriptorInputs(["haematuria"]) }, 1, "haematuria 4 = 4 but renal is a major organ system"),
    ex({ ...descriptorInputs(["fever"]) }, 1, "fever 1 = 1 but fever is listed among the major organ activity"),
    ex({ ...descriptorInputs(["pleurisy"]) }, 1, "pleurisy 2: cardiopulmonary is a major organ system"),
    ex({ haemolyticAnaemia: true }, 1, "haemolytic anaemia excludes LLDAS"),
    ex({ gastrointestinalActivity: true }, 1, "gastrointestinal activity excludes LLDAS"),
    ex({ newActivity: true }, 1, "new activity since the previous assessment"),
    ex({ physicianGlobal: 1.01 }, 1, "PGA 1.01 > 1"),
    ex({ prednisoloneDose: 7.6 }, 1, "prednisolone 7.6 > 7.5 mg/day"),
    ex({ standardMaintenanceTherapy: false }, 1, "non-standard or investigational immunosuppression"),
    ex(
      { ...descriptorInputs(["proteinuria", "arthritis"]), newActivity: true, physicianGlobal: 2, prednisoloneDose: 20, standardMaintenanceTherapy: false },
      5,
      "SLEDAI-2K 8 with renal activity, new activity, PGA 2, prednisolone 20 mg/day, non-standard therapy: all 5 unmet",
    ),
  ],
};
