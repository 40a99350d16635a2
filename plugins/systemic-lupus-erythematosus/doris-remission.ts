import { atMost, booleanInput, lessThan } from "../../src/plugin-api";
import type { InstrumentDefinition, InstrumentExample, Inputs } from "../../src/plugin-api";
import { DESCRIPTOR_INPUTS, descriptorInputs, scoreDescriptors } from "./descriptors";
import { GLADMAN_2002, VAN_VOLLENHOVEN_2017, VAN_VOLLENHOVEN_2021 } from "./references";
import { physicianGlobal, prednisoloneDose } from "./state-inputs";

/**
 * 2021 DORIS definition of remission in SLE (van Vollenhoven 2021), a single-visit state:
 * clinical SLEDAI = 0 (serology ignored), PGA < 0.5 on 0–3, prednisolone ≤ 5 mg/day, and antimalarials,
 * immunosuppressives and biologics only at stable doses. No duration requirement (DORIS statement 2).
 *
 * Clinical SLEDAI is SLEDAI-2K without low complement and increased DNA binding, computed from the same
 * 24 descriptors as SLEDAI_2K. The value is the number of the 4 conditions NOT met (0 = remission).
 *
 * The glucocorticoid limit is inclusive (≤ 5 mg/day) as in the abstract ("5 mg/day or less"); the
 * recommendation table prints "<5 mg/day", see the README.
 */

export const stableMaintenanceTherapy = booleanInput("stableMaintenanceTherapy", "Only stable antimalarial / immunosuppressive / biological therapy", {
  description:
    "DORIS 2021: the patient may be on antimalarials and on stable immunosuppressives including biologics. True when the patient takes none of " +
    "these, or takes them at stable maintenance doses; false when one was started or increased for lupus activity. DORIS does not fix the look-back " +
    "period for stability: the protocol defines it.",
});

const INPUTS = [...DESCRIPTOR_INPUTS, physicianGlobal, prednisoloneDose, stableMaintenanceTherapy];

export const DORIS_CATEGORIES = [
  { code: "remission", label: "In DORIS remission (all 4 conditions met)" },
  { code: "not_in_remission", label: "Not in DORIS remission" },
];

export function dorisRemission(inputs: Inputs) {
  const sledai = scoreDescriptors(inputs);
  const met = {
    clinicalSledaiMet: atMost(sledai.clinical, 0),
    physicianGlobalMet: lessThan(inputs.physicianGlobal as number, 0.5),
    prednisoloneMet: atMost(inputs.prednisoloneDose as number, 5),
    stableTherapyMet: inputs.stableMaintenanceTherapy === true,
  };
  const flags = Object.fromEntries(Object.entries(met).map(([k, v]) => [k, v ? 1 : 0]));
  const notMet = Object.values(met).filter((v) => !v).length;
  return {
    value: notMet,
    components: { clinicalSledai: sledai.clinical, sledai2k: sledai.total, ...flags },
    category: notMet === 0 ? "remission" : "not_in_remission",
  };
}

/** A visit in DORIS remission on every condition, to vary one field at a time in examples and tests. */
export const DORIS_VISIT: Inputs = {
  ...descriptorInputs([]),
  physicianGlobal: 0.4,
  prednisoloneDose: 5,
  stableMaintenanceTherapy: true,
};

const V = "van Vollenhoven 2021 DORIS definition, hand-checked";
const ex = (change: Inputs, value: number, note: string): InstrumentExample => ({
  inputs: { ...DORIS_VISIT, ...change },
  value,
  category: value === 0 ? "remission" : "not_in_remission",
  source: `${V}: ${note}`,
});

export const DORIS_REMISSION: InstrumentDefinition = {
  code: "DORIS_REMISSION",
  name: "DORIS remission (2021)",
  description:
    "2021 DORIS definition of remission in SLE (van Vollenhoven 2021) at one visit; all must hold: clinical SLEDAI = 0 (SLEDAI-2K from the 24 " +
    "descriptors, 10-day window, without low complement and increased DNA binding: serology is ignored), PGA (0–3) < 0.5 (exclusive), prednisolone " +
    "or equivalent ≤ 5 mg/day (inclusive, as in the abstract), and antimalarials, immunosuppressives and biologics only at stable doses. No duration " +
    "requirement. Remission off therapy and the 2017 framework variants are not offered. Category remission / not_in_remission; the value is the " +
    "number of conditions not met (0–4); components are 1 for each condition met, with the clinical SLEDAI and the SLEDAI-2K total.",
  version: "1.0.0",
  inputs: INPUTS,
  compute: dorisRemission,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 4 },
  decimals: 0,
  bands: [],
  categories: DORIS_CATEGORIES,
  references: [VAN_VOLLENHOVEN_2021, VAN_VOLLENHOVEN_2017, GLADMAN_2002],
  examples: [
    ex({}, 0, "clinical SLEDAI 0, PGA 0.4 < 0.5, prednisolone 5 mg/day (limit inclusive)"),
    ex({ ...descriptorInputs(["lowComplement", "increasedDnaBinding"]) }, 0, "low complement + DNA binding: SLEDAI-2K 4 but clinical SLEDAI 0 (serology ignored)"),
    ex({ ...descriptorInputs(["alopecia"]) }, 1, "alopecia 2: clinical SLEDAI 2 > 0"),
    ex({ ...descriptorInputs(["leukopenia"]) }, 1, "leukopenia 1: haematological descriptors are clinical SLEDAI"),
    ex({ physicianGlobal: 0.5 }, 1, "PGA 0.5 is not < 0.5"),
    ex({ physicianGlobal: 0.49 }, 0, "PGA 0.49 < 0.5"),
    ex({ prednisoloneDose: 5.1 }, 1, "prednisolone 5.1 > 5 mg/day"),
    ex({ prednisoloneDose: 0 }, 0, "no glucocorticoid"),
    ex({ stableMaintenanceTherapy: false }, 1, "immunosuppression started or increased for activity"),
    ex({ ...descriptorInputs(["arthritis"]), physicianGlobal: 1, prednisoloneDose: 10, stableMaintenanceTherapy: false }, 4, "all 4 conditions unmet"),
  ],
};
