import type { DemoAssessment, DemoVisitContext, Inputs } from "../../src/plugin-api";
import { BOOLEAN_ITEMS, CREATININE_BANDS } from "./bvas-v3-items";

/**
 * Probability of each BVAS v3 item at no activity (base) and its rise at maximal activity (slope), shaped like
 * relapsing GPA: ENT, joints, constitutional symptoms, lung nodules and glomerulonephritis dominate; eye, nervous
 * system, cardiac and gut involvement stay rare. Items not listed never appear. Expected new/worse BVAS at maximal
 * activity is in the high teens, about that of GPA at diagnosis in trials.
 */
const LIKELIHOOD: Record<string, [base: number, slope: number]> = {
  myalgia: [0.01, 0.3],
  arthralgiaArthritis: [0.04, 0.5],
  fever: [0, 0.25],
  weightLoss: [0, 0.25],
  purpura: [0, 0.1],
  skinUlcer: [0, 0.05],
  mouthUlcers: [0, 0.1],
  scleritisEpiscleritis: [0, 0.1],
  conjunctivitisBlepharitisKeratitis: [0, 0.05],
  significantProptosis: [0, 0.03],
  bloodyNasalDischarge: [0.04, 0.6],
  paranasalSinusInvolvement: [0.04, 0.5],
  subglotticStenosis: [0, 0.05],
  conductiveHearingLoss: [0, 0.15],
  sensorineuralHearingLoss: [0, 0.05],
  wheeze: [0, 0.05],
  nodulesOrCavities: [0, 0.4],
  infiltrate: [0, 0.25],
  pleuralEffusionPleurisy: [0, 0.05],
  endobronchialInvolvement: [0, 0.05],
  alveolarHaemorrhage: [0, 0.03],
  hypertension: [0, 0.05],
  proteinuria: [0.02, 0.35],
  haematuria: [0.02, 0.4],
  creatinineRise: [0, 0.1],
  headache: [0, 0.05],
  sensoryPeripheralNeuropathy: [0, 0.08],
  mononeuritisMultiplex: [0, 0.05],
};

/** One BVAS v3 form per visit; the first assessment is the baseline visit. */
export function demoAssessments({ random, activity, visitCode }: DemoVisitContext): DemoAssessment[] {
  const firstAssessment = visitCode === "BASELINE";
  // An untreated first assessment records every abnormality as new/worse; later, quiet disease is mostly persistent.
  const persistentDisease = !firstAssessment && random() < 0.7 - 0.5 * activity;
  const inputs: Inputs = { firstAssessment };
  if (persistentDisease) inputs.persistentDisease = true;
  for (const item of BOOLEAN_ITEMS) {
    const [base, slope] = LIKELIHOOD[item.name] ?? [0, 0];
    const present = random() < base + slope * activity;
    // Items marked * are not compatible with persistent disease: a persistent form never has them.
    if (present && !(persistentDisease && item.persistent === null)) inputs[item.name] = true;
  }
  if (firstAssessment && random() < 0.35 * activity) inputs.serumCreatinine = CREATININE_BANDS[random() < 0.8 ? 0 : 1];
  return [{ instrument: "BVAS_V3", inputs }];
}
