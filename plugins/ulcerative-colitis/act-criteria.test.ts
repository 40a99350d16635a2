import { describe, expect, it } from "vitest";
import type { Inputs } from "../../src/plugin-api";
import { clinicalRemission, clinicalResponse } from "./act-criteria";

const mayo = (stoolFrequency: number, rectalBleeding: number, endoscopy: number, physicianGlobal: number): Inputs => ({ stoolFrequency, rectalBleeding, endoscopy, physicianGlobal });

describe("ACT 1/2 clinical response", () => {
  it("responds at exactly −3 points and −30% (10 → 7), not at −2 points", () => {
    expect(clinicalResponse(mayo(3, 2, 3, 2), mayo(2, 1, 2, 2))).toMatchObject({ status: "RESPONDER", change: -3, percentChange: -30 });
    expect(clinicalResponse(mayo(3, 2, 3, 2), mayo(3, 1, 2, 2)).status).toBe("NON_RESPONDER");
  });

  it("needs 30%: 12 → 9 is 3 points but 25%; 11 → 8 is 27.3%; 9 → 6 is 33.3%", () => {
    expect(clinicalResponse(mayo(3, 3, 3, 3), mayo(2, 3, 2, 2)).status).toBe("NON_RESPONDER");
    expect(clinicalResponse(mayo(3, 3, 3, 2), mayo(2, 1, 3, 2)).status).toBe("NON_RESPONDER");
    expect(clinicalResponse(mayo(3, 2, 2, 2), mayo(2, 1, 2, 1)).status).toBe("RESPONDER");
  });

  it("needs rectal bleeding to fall by ≥ 1 or be ≤ 1: 2 → 2 fails, 3 → 2 passes, 1 → 1 passes, 2 → 1 passes", () => {
    expect(clinicalResponse(mayo(2, 2, 2, 2), mayo(2, 2, 0, 1)).status).toBe("NON_RESPONDER");
    expect(clinicalResponse(mayo(2, 3, 2, 2), mayo(1, 2, 0, 1)).status).toBe("RESPONDER");
    expect(clinicalResponse(mayo(3, 1, 3, 3), mayo(1, 1, 2, 1)).status).toBe("RESPONDER");
    expect(clinicalResponse(mayo(3, 2, 3, 2), mayo(2, 1, 2, 2)).status).toBe("RESPONDER");
  });

  it("is NOT_EVALUABLE with a zero baseline and says why", () => {
    expect(clinicalResponse(mayo(0, 0, 0, 0), mayo(1, 0, 0, 0))).toMatchObject({ status: "NOT_EVALUABLE", percentChange: null, reason: expect.stringContaining("0") });
  });
});

describe("ACT 1/2 clinical remission", () => {
  it("needs a total ≤ 2 and every subscore ≤ 1", () => {
    expect(clinicalRemission(mayo(3, 3, 3, 3), mayo(1, 0, 1, 0)).status).toBe("RESPONDER");
    expect(clinicalRemission(mayo(3, 3, 3, 3), mayo(0, 0, 0, 0)).status).toBe("RESPONDER");
    expect(clinicalRemission(mayo(3, 3, 3, 3), mayo(1, 1, 1, 0)).status).toBe("NON_RESPONDER");
    expect(clinicalRemission(mayo(3, 3, 3, 3), mayo(2, 0, 0, 0))).toMatchObject({ status: "NON_RESPONDER", reason: expect.stringContaining("stoolFrequency") });
    expect(clinicalRemission(mayo(0, 0, 0, 0), mayo(0, 0, 0, 0))).toMatchObject({ status: "RESPONDER", percentChange: null });
  });
});
