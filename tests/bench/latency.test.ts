import { describe, expect, it } from "vitest";
import { percentile, summarize } from "../../scripts/bench/latency";

describe("latency summaries of the load benchmark", () => {
  it("takes the nearest-rank percentile, whatever the order of the samples", () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i); // 20, 19, …, 1
    expect(summarize(samples)).toEqual({ count: 20, p50: 10, p95: 19, max: 20 });
  });

  it("gives the single sample for every percentile of one sample", () => {
    expect(summarize([7.5])).toEqual({ count: 1, p50: 7.5, p95: 7.5, max: 7.5 });
    expect(percentile([7.5], 0)).toBe(7.5);
  });

  it("has no figures without samples rather than zeros", () => {
    const summary = summarize([]);
    expect(summary.count).toBe(0);
    expect(summary.p50).toBeNaN();
    expect(summary.p95).toBeNaN();
  });
});
