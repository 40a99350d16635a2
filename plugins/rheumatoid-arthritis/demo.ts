import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * One consistent set of measurements per visit, tracking the simulated activity, entered into every RA
 * instrument in that instrument's own units: patient global in mm (DAS28, ACR core set) and in cm
 * (CDAI, SDAI, Boolean remission); CRP in mg/L (DAS28, ACR core set) and in mg/dL (SDAI, Boolean).
 */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  const jitter = () => random() - 0.5;
  const tjc28 = clamp(Math.round(activity * 16 + jitter() * 4), 0, 28);
  const sjc28 = clamp(Math.round(activity * 10 + jitter() * 3), 0, 28);
  const esr = clamp(Math.round(6 + activity * 50 + jitter() * 10), 1, 200);
  const crp = clamp(round(1 + activity * 30 + jitter() * 6, 1), 0, 500);
  const patientGlobal = clamp(Math.round(10 + activity * 65 + jitter() * 15), 0, 100);
  const physicianGlobal = clamp(Math.round(5 + activity * 60 + jitter() * 12), 0, 100);

  // Same measurements in the CDAI/SDAI/Boolean units.
  const patientGlobalCm = patientGlobal / 10;
  const physicianGlobalCm = physicianGlobal / 10;
  const crpMgDl = round(crp / 10, 2);
  const core28 = { tjc28, sjc28, patientGlobalCm };

  // ACR core set: the 68/66-joint counts include the 28 joints; HAQ-DI in steps of 0.125.
  const tjc68 = clamp(tjc28 + Math.round(activity * 10 + random() * 3), 0, 68);
  const sjc66 = clamp(sjc28 + Math.round(activity * 6 + random() * 2), 0, 66);
  const patientPain = clamp(Math.round(8 + activity * 70 + jitter() * 15), 0, 100);
  const haqDi = clamp(Math.round((0.25 + activity * 2 + jitter() * 0.5) * 8) / 8, 0, 3);

  return [
    { instrument: "DAS28_ESR", inputs: { tjc28, sjc28, esr, patientGlobal } },
    { instrument: "DAS28_CRP", inputs: { tjc28, sjc28, crp, patientGlobal } },
    { instrument: "CDAI_RA", inputs: { ...core28, physicianGlobalCm } },
    { instrument: "SDAI", inputs: { ...core28, physicianGlobalCm, crpMgDl } },
    { instrument: "BOOLEAN_REMISSION_2011", inputs: { ...core28, crpMgDl } },
    { instrument: "BOOLEAN_REMISSION_2022", inputs: { ...core28, crpMgDl } },
    { instrument: "ACR_CORE_SET", inputs: { tjc68, sjc66, patientPain, patientGlobal, physicianGlobal, haqDi, crp, esr } },
  ];
}
