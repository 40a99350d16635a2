import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";
import { BDCAF_ITEMS } from "./bdcaf-items";

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * How often each BDCAF item is present at full activity. Mucocutaneous features dominate Behçet's disease;
 * major-organ items are rare, so the index stays low (about 0–1 at no activity, 5–7 at full activity).
 */
const ITEM_FREQUENCY: Record<string, number> = {
  headache: 0.5,
  oralUlceration: 0.95,
  genitalUlceration: 0.5,
  erythema: 0.35,
  skinPustules: 0.5,
  arthralgia: 0.55,
  arthritis: 0.25,
  nauseaVomitingAbdominalPain: 0.3,
  bloodyDiarrhoea: 0.05,
  newEyeInvolvement: 0.15,
  newNervousSystemInvolvement: 0.03,
  newMajorVesselInvolvement: 0.03,
};

/** One visit: the BDCAF items (raw and transformed index), ulcer counts consistent with them, and the eyes. */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  const items = Object.fromEntries(BDCAF_ITEMS.map(([name]) => [name, random() < 0.02 + activity * ITEM_FREQUENCY[name]]));
  // Ulcers counted at the visit only if the patient had them in the past 4 weeks (they may have healed since).
  const oralUlcerCount = items.oralUlceration ? clamp(Math.round(activity * 5 + (random() - 0.4) * 3), 0, 100) : 0;
  const genitalUlcerCount = items.genitalUlceration ? clamp(Math.round(activity * 2 + (random() - 0.5) * 2), 0, 100) : 0;
  const site = () => (!items.newEyeInvolvement ? "none" : random() < 0.5 ? "anterior" : random() < 0.5 ? "posterior" : "panuveitis");
  return [
    { instrument: "BDCAF_INDEX", inputs: items },
    { instrument: "BDCAF_INDEX_TRANSFORMED", inputs: items },
    { instrument: "ORAL_ULCER_COUNT", inputs: { oralUlcerCount } },
    { instrument: "GENITAL_ULCER_COUNT", inputs: { genitalUlcerCount } },
    { instrument: "BEHCET_EYE_INVOLVEMENT", inputs: { rightEye: site(), leftEye: items.newEyeInvolvement && random() < 0.5 ? site() : "none" } },
  ];
}
