import type { DosingRegimen } from "../modules/study/dosing-regimen";

/** The reference trial's visit schedule: immune panels at every visit, disease scores at four. */
export const DEMO_SCHEDULE = [
  { code: "BASELINE", label: "Baseline (day 1, before the first dose)", studyDay: 1, windowBefore: 0, windowAfter: 0, isBaseline: true, clinicalEvaluation: true },
  { code: "D8", label: "Day 8 (primary endpoint)", studyDay: 8, windowBefore: 1, windowAfter: 1, isBaseline: false, clinicalEvaluation: false },
  { code: "D15", label: "Day 15", studyDay: 15, windowBefore: 2, windowAfter: 2, isBaseline: false, clinicalEvaluation: false },
  { code: "D29", label: "Day 29", studyDay: 29, windowBefore: 3, windowAfter: 3, isBaseline: false, clinicalEvaluation: false },
  { code: "D85", label: "Month 3", studyDay: 85, windowBefore: 7, windowAfter: 7, isBaseline: false, clinicalEvaluation: true },
  { code: "D183", label: "Month 6, end of treatment", studyDay: 183, windowBefore: 7, windowAfter: 7, isBaseline: false, clinicalEvaluation: true },
  { code: "D240", label: "Follow-up, 2 months after the last dose", studyDay: 240, windowBefore: 14, windowAfter: 14, isBaseline: false, clinicalEvaluation: true },
] as const;

/** 1 MIU aldesleukin SC once daily on days 1–5, then every 14 days from day 15 to about day 180. */
export function demoRegimen(maintenanceIntervalDays = 14): DosingRegimen {
  return {
    drug: "aldesleukin (recombinant IL-2)",
    dose: 1,
    doseUnit: "MIU",
    route: "SC",
    inductionDays: 5,
    maintenanceStartDay: 15,
    maintenanceIntervalDays,
    maintenanceEndDay: 180,
  };
}
