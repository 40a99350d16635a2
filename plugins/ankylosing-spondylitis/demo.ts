import { roundTo } from "../../src/plugin-api";
import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";
import { BASFI_ITEM_NAMES } from "./basfi";

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * One visit of a patient with axial SpA. Each 0–10 answer tracks `activity` with some noise and is entered
 * as an integer NRS, as ASAS prefers. The same answers feed BASDAI, ASDAS and the ASAS domains, as they
 * would on a real form (BASDAI Q2 = ASDAS back pain, Q3 = peripheral pain, Q6 = stiffness duration).
 */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  const nrs = (level: number, spread = 2) => clamp(Math.round(level * 10 + (random() - 0.5) * spread), 0, 10);
  const axial = 0.1 + activity * 0.75;
  const fatigue = nrs(axial);
  const spinalPain = nrs(axial);
  const peripheralPain = nrs(activity * 0.5);
  const enthesitis = nrs(activity * 0.6);
  const morningStiffnessSeverity = nrs(axial);
  const morningStiffnessDuration = nrs(axial * 0.9);
  const patientGlobal = nrs(axial);
  const totalBackPain = nrs(axial);

  const functionItems = BASFI_ITEM_NAMES.map((name) => [name, nrs(activity * 0.7, 3)] as const);
  const basfi = roundTo(functionItems.reduce((sum, [, value]) => sum + value, 0) / functionItems.length, 1);

  // Acute-phase reactants rise with activity; CRP is often below 2 mg/L in quiet disease (scored as 2).
  const crp = roundTo(clamp(0.5 + activity * activity * 40 + (random() - 0.5) * 4 * (0.2 + activity), 0, 500), 1);
  const esr = clamp(Math.round(4 + activity * 45 + (random() - 0.5) * 10), 0, 200);

  const asdas = { backPain: spinalPain, morningStiffnessDuration, patientGlobal, peripheralPain };
  const domains = { patientGlobal, totalBackPain, basfi, morningStiffnessSeverity, morningStiffnessDuration };
  return [
    { instrument: "BASDAI", inputs: { fatigue, spinalPain, peripheralPain, enthesitis, morningStiffnessSeverity, morningStiffnessDuration } },
    { instrument: "ASDAS_CRP", inputs: { ...asdas, crp } },
    { instrument: "ASDAS_ESR", inputs: { ...asdas, esr } },
    { instrument: "BASFI", inputs: Object.fromEntries(functionItems) },
    { instrument: "ASAS_DOMAINS", inputs: domains },
    { instrument: "ASAS_PARTIAL_REMISSION", inputs: domains },
  ];
}
