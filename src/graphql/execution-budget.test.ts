import { describe, expect, it } from "vitest";
import { ExecutionBudget } from "./execution-budget";

describe("execution budget", () => {
  it("refuses once more rows than allowed were loaded, and every later list too", () => {
    const budget = new ExecutionBudget(10, 1_000, () => 0);
    budget.spend(6);
    budget.check();
    expect(() => budget.spend(5)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "QUERY_LIMIT_EXCEEDED", limit: "rows", max: 10, found: 11 }) }));
    expect(() => budget.check()).toThrow(/more than the limit of 10 rows/);
  });

  it("refuses the lists still to load once the request has run longer than allowed", () => {
    let now = 1_000;
    const budget = new ExecutionBudget(10, 500, () => now);
    now = 1_500;
    budget.check();
    now = 1_501;
    expect(() => budget.check()).toThrow(expect.objectContaining({ message: expect.stringMatching(/ran longer than the limit of 500 ms/), extensions: expect.objectContaining({ limit: "time" }) }));
  });
});
