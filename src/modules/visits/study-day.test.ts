import { describe, expect, it } from "vitest";
import { dateOfStudyDay, studyDayOf } from "./study-day";

describe("study day", () => {
  it("counts the first-dose date as day 1 and has no day 0", () => {
    expect(studyDayOf("2024-03-01", "2024-03-01")).toBe(1);
    expect(studyDayOf("2024-03-01", "2024-03-08")).toBe(8);
    expect(studyDayOf("2024-03-01", "2024-02-29")).toBe(-1);
  });

  it("crosses month ends, leap days and DST changes", () => {
    expect(studyDayOf("2024-02-28", "2024-03-01")).toBe(3);
    expect(studyDayOf("2024-03-30", "2024-04-01")).toBe(3);
    expect(studyDayOf("2024-01-01", "2024-06-30")).toBe(182);
  });

  it("inverts to the calendar date", () => {
    for (const day of [-3, -1, 1, 8, 183, 240]) expect(studyDayOf("2024-03-01", dateOfStudyDay("2024-03-01", day))).toBe(day);
  });
});
