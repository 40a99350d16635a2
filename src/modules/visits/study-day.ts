const DAY_MS = 86_400_000;

/**
 * Study day of `date` relative to day 1 (the first dose), as CDISC --DY: day 1 is the reference date,
 * the day before it is -1, and there is no day 0.
 */
export function studyDayOf(day1: string, date: string): number {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${day1}T00:00:00Z`)) / DAY_MS);
  return days >= 0 ? days + 1 : days;
}

/** The calendar date of a study day (inverse of studyDayOf). */
export function dateOfStudyDay(day1: string, studyDay: number): string {
  const offset = studyDay > 0 ? studyDay - 1 : studyDay;
  return new Date(Date.parse(`${day1}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}
