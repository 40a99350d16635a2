import type { InputDefinition } from "./types";

/** Longest span a study day may take, either side of day 1 (10 years). */
const SPAN = 3650;

/**
 * The parameters through which a `timeBased` criterion receives the study days when it is evaluated
 * from raw values (`evaluateResponse`). Spread them into the criterion's `parameters`; from stored
 * assessments the core fills `Observation.studyDay` from the visits instead.
 */
export const STUDY_DAY_PARAMETERS: InputDefinition[] = [
  {
    name: "baselineStudyDay",
    label: "Study day of the baseline",
    type: "integer",
    unit: "study day",
    min: -SPAN,
    max: SPAN,
    optional: true,
    description: "Day 1 is the first dose, the day before is −1, there is no day 0. Taken from the visit's date for stored assessments.",
  },
  {
    name: "followUpStudyDay",
    label: "Study day of the follow-up",
    type: "integer",
    unit: "study day",
    min: -SPAN,
    max: SPAN,
    optional: true,
    description: "Day 1 is the first dose, the day before is −1, there is no day 0. Taken from the visit's date for stored assessments.",
  },
];

export const STUDY_DAY_PARAMETER_NAMES = STUDY_DAY_PARAMETERS.map((p) => p.name) as ["baselineStudyDay", "followUpStudyDay"];

/** Whole days from day 1 to `studyDay` (day 1 → 0, day 29 → 28, day −1 → −1): CDISC has no day 0. */
export function daysSinceDay1(studyDay: number): number {
  return studyDay > 0 ? studyDay - 1 : studyDay;
}
