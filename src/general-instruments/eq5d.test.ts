import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../plugin-api";
import { EQ5D_5L } from "./eq5d";

const state = { mobility: 1, selfCare: 1, usualActivities: 2, painDiscomfort: 3, anxietyDepression: 1 };
const fields = (vas: unknown) => {
  const outcome = scoreInstrument(EQ5D_5L, { ...state, vas });
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
};

describe("EQ5D_5L input types", () => {
  it("takes the EQ VAS as the whole number written in the box: 70 accepted, 70.5 refused naming the field", () => {
    expect(fields(70)).toEqual([]);
    expect(fields(70.5)).toEqual(["inputs.vas"]);
    expect(EQ5D_5L.inputs.find((i) => i.name === "vas")).toMatchObject({ type: "integer", min: 0, max: 100 });
  });

  it("takes each dimension as a level 1–5 (ordinal, so integers)", () => {
    const outcome = scoreInstrument(EQ5D_5L, { ...state, mobility: 1.5, vas: 70 });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(["inputs.mobility"]);
  });
});
