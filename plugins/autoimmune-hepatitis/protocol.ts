/**
 * Protocol choices of the AIH plugin, in one place so that a clinician's correction is a one-line change.
 */

/**
 * A value equal to the ULN counts as normal. Pape 2022 writes "normalisation … below the ULN"; a
 * reference interval includes its limits, so = ULN is read as normal (≤ ULN). Set to false for < ULN.
 */
export const ULN_IS_NORMAL = true;

/**
 * Times are counted from the start of treatment, study day 1 (the first dose of the trial treatment).
 * "No later than 6 months": the 6-month time point is study day 183 (the schedule's month-6 visit).
 */
export const SIX_MONTHS_STUDY_DAY = 183;
/** Days either side of the 6-month time point a visit may fall and still count as it (the schedule's D183 window). */
export const SIX_MONTHS_WINDOW_DAYS = 7;

/** "Within 4 weeks": 28 days after day 1, i.e. study day 29 (the schedule's D29 visit). */
export const FOUR_WEEKS_STUDY_DAY = 29;
/** Days either side of the 4-week time point a visit may fall and still count as it (the schedule's D29 window). */
export const FOUR_WEEKS_WINDOW_DAYS = 3;

/** Non-response: a fall of transaminases below this percentage within 4 weeks. */
export const EARLY_FALL_PERCENT = 50;
