import { roundTo } from "../../src/plugin-api";
import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";
import { SLEDAI_2K_DESCRIPTORS } from "./descriptors";

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Probability of each descriptor at no activity (base) and its rise at maximal activity (slope). Trial
 * populations with active non-renal SLE are dominated by arthritis, rash and serology; CNS, vasculitis and
 * renal descriptors stay rare. Expected SLEDAI-2K (Σ weight × probability): about 0.9 at activity 0, 7.6 at 0.5 and 14.4 at 1.
 */
const LIKELIHOOD: Record<string, [base: number, slope: number]> = {
  seizure: [0, 0.01],
  psychosis: [0, 0.01],
  organicBrainSyndrome: [0, 0.01],
  visualDisturbance: [0, 0.01],
  cranialNerveDisorder: [0, 0.01],
  lupusHeadache: [0, 0.02],
  cerebrovascularAccident: [0, 0.01],
  vasculitis: [0, 0.08],
  arthritis: [0.03, 0.85],
  myositis: [0, 0.04],
  urinaryCasts: [0, 0.05],
  haematuria: [0, 0.12],
  proteinuria: [0.02, 0.25],
  pyuria: [0, 0.06],
  rash: [0.03, 0.7],
  alopecia: [0.02, 0.45],
  mucosalUlcers: [0.02, 0.45],
  pleurisy: [0, 0.15],
  pericarditis: [0, 0.06],
  lowComplement: [0.1, 0.7],
  increasedDnaBinding: [0.15, 0.7],
  fever: [0, 0.1],
  thrombocytopenia: [0, 0.08],
  leukopenia: [0.02, 0.2],
};

/**
 * One consistent set of findings per visit, entered into every SLE instrument: the same descriptors feed
 * SLEDAI_2K, LLDAS and DORIS_REMISSION, and the same PGA feeds PGA_SLE, LLDAS and DORIS_REMISSION.
 */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  const descriptors: Record<string, boolean> = {};
  for (const { name } of SLEDAI_2K_DESCRIPTORS) {
    const [base, slope] = LIKELIHOOD[name];
    descriptors[name] = random() < base + slope * activity;
  }
  const physicianGlobal = clamp(roundTo(0.1 + activity * 2.3 + (random() - 0.5) * 0.5, 1), 0, 3);
  // Prednisolone in 2.5 mg steps: tapered as activity falls, about 15 mg/day at maximal activity.
  const prednisoloneDose = clamp(Math.round((activity * 15 + (random() - 0.5) * 5) / 2.5) * 2.5, 0, 60);
  const therapyChanged = random() < 0.05 + 0.25 * activity;
  const newActivity = random() < 0.05 + 0.4 * activity;
  return [
    { instrument: "SLEDAI_2K", inputs: { ...descriptors } },
    { instrument: "PGA_SLE", inputs: { physicianGlobal } },
    {
      instrument: "LLDAS",
      inputs: {
        ...descriptors,
        haemolyticAnaemia: random() < 0.03 * activity,
        gastrointestinalActivity: random() < 0.02 * activity,
        newActivity,
        physicianGlobal,
        prednisoloneDose,
        standardMaintenanceTherapy: !therapyChanged,
      },
    },
    { instrument: "DORIS_REMISSION", inputs: { ...descriptors, physicianGlobal, prednisoloneDose, stableMaintenanceTherapy: !therapyChanged } },
  ];
}
