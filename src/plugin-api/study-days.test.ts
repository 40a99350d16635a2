import { describe, expect, it } from "vitest";
import { daysSinceDay1 } from "./study-days";

describe("daysSinceDay1", () => {
  it("counts whole days from day 1, with no day 0 (CDISC --DY)", () => {
    expect([1, 2, 29, 183, -1, -7].map(daysSinceDay1)).toEqual([0, 1, 28, 182, -1, -7]);
  });
});
