import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";
import { itasForm } from "./itas2010";

/**
 * One visit: ITAS2010 and the NIH criteria from the same simulated features. Takayasu arteritis is mostly a
 * disease of young women; cardiovascular findings dominate active disease.
 */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  const present = (p: number) => random() < p * activity;
  const ticked: string[] = [];
  if (present(0.6)) ticked.push("malaiseOrWeightLoss");
  if (present(0.4)) ticked.push("myalgiaArthralgiaArthritis");
  if (present(0.3)) ticked.push("headache");
  if (present(0.25)) ticked.push("systolicBpAbove140");
  if (present(0.3)) ticked.push("carotidynia");
  if (present(0.5)) ticked.push("bruits", random() < 0.5 ? "carotidBruitLeft" : "subclavianBruitLeft");
  if (present(0.3)) ticked.push("newLossOfPulses", "radialPulseLossLeft");
  if (present(0.35)) ticked.push("claudication", "armClaudication");
  const systemic = ticked.includes("malaiseOrWeightLoss") || ticked.includes("myalgiaArthralgiaArthritis");
  const vascular = ["carotidynia", "bruits", "newLossOfPulses", "claudication"].some((n) => ticked.includes(n));
  return [
    { instrument: "ITAS2010", inputs: itasForm(ticked) },
    {
      instrument: "NIH_TAKAYASU_ACTIVITY",
      inputs: { systemicFeatures: systemic, elevatedEsr: present(0.7), vascularIschaemiaOrInflammation: vascular, typicalAngiographicFeatures: present(0.2) },
    },
  ];
}
