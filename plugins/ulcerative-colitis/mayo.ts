import { cutBands } from "../../src/plugin-api";
import type { FieldProblem, InputDefinition, InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { FDA_UC_2016, LEWIS_2008, RUTGEERTS_2005, SCHROEDER_1987 } from "./references";
import { endoscopy, friability, modifiedEndoscopy, physicianGlobal, rectalBleeding, stoolFrequency, sumOf } from "./subscores";

/**
 * The Mayo score for ulcerative colitis (Schroeder 1987) and its two 9-point reductions: partial Mayo
 * (no endoscopy) and modified Mayo (no physician global; FDA 2016). Each is the plain sum of its subscores.
 */

/** Total Mayo severity: 3–5 mild, 6–10 moderate, 11–12 severe; 0–2 below the mild band. */
export const MAYO_BANDS = cutBands(
  [
    ["inactive", "Inactive or minimal (0–2; clinical remission also needs every subscore ≤ 1)"],
    ["mild", "Mild (3–5)"],
    ["moderate", "Moderate (6–10)"],
    ["severe", "Severe (11–12)"],
  ],
  [
    { value: 2, upperInclusive: true },
    { value: 5, upperInclusive: true },
    { value: 10, upperInclusive: true },
  ],
);

function total(
  code: string,
  name: string,
  description: string,
  inputs: InputDefinition[],
  bands: InstrumentDefinition["bands"],
  references: string[],
  examples: InstrumentDefinition["examples"],
  validate?: InstrumentDefinition["validate"],
): InstrumentDefinition {
  const subscores = inputs.filter((i) => i.type === "integer");
  return {
    code,
    name,
    description,
    version: "1.0.0",
    inputs,
    validate,
    compute: (raw: Inputs) => sumOf(inputs, raw),
    direction: "HIGHER_IS_WORSE",
    range: { min: 0, max: 3 * subscores.length },
    decimals: 0,
    bands,
    references,
    examples,
  };
}

export const MAYO = total(
  "MAYO",
  "Mayo score (total)",
  "Total Mayo score (Schroeder 1987), 0–12: stool frequency + rectal bleeding + endoscopy (original reading: mild friability " +
    "is compatible with 1) + physician global assessment, each 0–3. Severity: 0–2 inactive or minimal, 3–5 mild, 6–10 moderate, " +
    "11–12 severe. Clinical response and remission (ACT 1/2) and endoscopic criteria are decided from its subscores.",
  [stoolFrequency, rectalBleeding, endoscopy, physicianGlobal],
  MAYO_BANDS,
  [SCHROEDER_1987, RUTGEERTS_2005],
  [
    { inputs: { stoolFrequency: 1, rectalBleeding: 0, endoscopy: 1, physicianGlobal: 0 }, value: 2, category: "inactive", source: "Hand-computed: 1 + 0 + 1 + 0 = 2, top of the 0–2 band" },
    { inputs: { stoolFrequency: 1, rectalBleeding: 1, endoscopy: 1, physicianGlobal: 0 }, value: 3, category: "mild", source: "Hand-computed: 3, bottom of the mild band (3–5)" },
    { inputs: { stoolFrequency: 2, rectalBleeding: 2, endoscopy: 2, physicianGlobal: 2 }, value: 8, category: "moderate", source: "Hand-computed: 2 + 2 + 2 + 2 = 8" },
    { inputs: { stoolFrequency: 3, rectalBleeding: 3, endoscopy: 3, physicianGlobal: 2 }, value: 11, category: "severe", source: "Hand-computed: 11, bottom of the severe band (11–12)" },
  ],
);

export const PARTIAL_MAYO = total(
  "PARTIAL_MAYO",
  "Partial Mayo score (non-invasive)",
  "Partial Mayo score, 0–9: stool frequency + rectal bleeding + physician global assessment (the total Mayo without endoscopy; " +
    "Lewis 2008). No activity bands or response criterion here: the published partial-Mayo cut-offs could not be confirmed from a primary source.",
  [stoolFrequency, rectalBleeding, physicianGlobal],
  [],
  [LEWIS_2008, SCHROEDER_1987],
  [{ inputs: { stoolFrequency: 2, rectalBleeding: 1, physicianGlobal: 2 }, value: 5, source: "Hand-computed: 2 + 1 + 2 = 5" }],
);

function friabilityRule(raw: Inputs): FieldProblem[] {
  if (raw.friability === true && (raw.endoscopy as number) < 2) {
    return [
      {
        field: "endoscopy",
        message: `endoscopy is ${raw.endoscopy} with friability: in the modified Mayo endoscopic subscore any friability scores at least 2`,
        allowed: "2 or 3 when friability is true",
      },
    ];
  }
  return [];
}

export const MODIFIED_MAYO = total(
  "MODIFIED_MAYO",
  "Modified Mayo score (no physician global)",
  "Modified Mayo score (FDA 2016), 0–9: stool frequency + rectal bleeding + endoscopy, without the physician global assessment. " +
    "The endoscopy subscore is the MODIFIED reading: 1 excludes friability, any friability scores at least 2; `friability` is " +
    "recorded and an endoscopy subscore below 2 with friability is refused. No activity bands (none published for this total).",
  [stoolFrequency, rectalBleeding, modifiedEndoscopy, friability],
  [],
  [FDA_UC_2016, SCHROEDER_1987],
  [
    { inputs: { stoolFrequency: 1, rectalBleeding: 0, endoscopy: 1, friability: false }, value: 2, source: "Hand-computed: 1 + 0 + 1 = 2" },
    { inputs: { stoolFrequency: 3, rectalBleeding: 2, endoscopy: 2, friability: true }, value: 7, source: "Hand-computed: 3 + 2 + 2 = 7 (friability scored 2)" },
  ],
  friabilityRule,
);

export const MAYO_INSTRUMENTS = [MAYO, PARTIAL_MAYO, MODIFIED_MAYO];
