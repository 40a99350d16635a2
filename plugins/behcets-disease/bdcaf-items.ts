import { booleanInput } from "../../src/plugin-api";
import type { InputDefinition, Inputs } from "../../src/plugin-api";

/**
 * The 12 items of the Behçet's Disease Activity Index (Bhakta 1999 BDCAF; Lawton 2004), in the order of the
 * scoring sheet. Each is asked as "Over the past 4 weeks have you had any …?" and counts 1 when the answer
 * is yes, whatever its duration (the form's duration grades for ulcers and skin lesions do not enter the
 * index). Only features the clinician attributes to Behçet's disease are scored.
 */
export const BDCAF_ITEMS = [
  ["headache", "Headache", "Headache in the past 4 weeks."],
  ["oralUlceration", "Mouth ulceration", "Oral ulceration in the past 4 weeks."],
  ["genitalUlceration", "Genital ulceration", "Genital ulceration in the past 4 weeks."],
  ["erythema", "Erythema", "Erythema in the past 4 weeks."],
  ["skinPustules", "Skin pustules", "Skin pustules in the past 4 weeks."],
  ["arthralgia", "Joints: arthralgia", "Joint pain in the past 4 weeks."],
  ["arthritis", "Joints: arthritis", "Joint swelling (arthritis) in the past 4 weeks."],
  ["nauseaVomitingAbdominalPain", "Nausea, vomiting or abdominal pain", "Nausea, vomiting or abdominal pain in the past 4 weeks."],
  ["bloodyDiarrhoea", "Diarrhoea with altered or frank blood per rectum", "Diarrhoea plus altered or frank blood per rectum in the past 4 weeks."],
  ["newEyeInvolvement", "New eye involvement", "New eye involvement in the past 4 weeks: a red eye, a painful eye, blurred or reduced vision."],
  [
    "newNervousSystemInvolvement",
    "New nervous system involvement (including intracranial vascular disease)",
    "New nervous system involvement in the past 4 weeks, intracranial vascular disease included: blackouts, difficulty with speech or hearing, blurred or " +
      "double vision, weakness or loss of feeling of face, arm or leg, memory loss, loss of balance.",
  ],
  [
    "newMajorVesselInvolvement",
    "New major vessel involvement (excluding intracranial vascular disease)",
    "New major vessel involvement in the past 4 weeks, intracranial vascular disease excluded: chest pain, breathlessness, coughed up blood, pain, swelling " +
      "or discolouration of the face, arm or leg.",
  ],
] as const;

export type BdcafItem = (typeof BDCAF_ITEMS)[number][0];

const ATTRIBUTION = "Yes only when the clinician attributes the feature to Behçet's disease.";

/** Declared once so that the raw and the transformed index take the same form. */
export const BDCAF_ITEM_INPUTS: InputDefinition[] = BDCAF_ITEMS.map(([name, label, description]) =>
  booleanInput(name, label, { description: `${description} ${ATTRIBUTION}` }),
);

/** The raw index: one point per item present in the past 4 weeks (0–12), with each item as a 0/1 component. */
export function rawIndex(inputs: Inputs): { total: number; items: Record<string, number> } {
  const items = Object.fromEntries(BDCAF_ITEMS.map(([name]) => [name, inputs[name] === true ? 1 : 0]));
  return { total: Object.values(items).reduce((a, b) => a + b, 0), items };
}

/** A form with the named items present and every other item absent, for examples, tests and the demo. */
export function bdcafForm(present: readonly BdcafItem[]): Inputs {
  return Object.fromEntries(BDCAF_ITEMS.map(([name]) => [name, present.includes(name)]));
}
