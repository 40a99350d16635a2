import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { GENITAL_ULCER_COUNT, ORAL_ULCER_COUNT } from "./ulcer-counts";

function rejected(instrument: InstrumentDefinition, inputs: Inputs): string[] {
  const outcome = scoreInstrument(instrument, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
}

describe.each([
  [ORAL_ULCER_COUNT, "oralUlcerCount"],
  [GENITAL_ULCER_COUNT, "genitalUlcerCount"],
] as const)("%s", (instrument, name) => {
  it("scores the count itself, from 0 to 100", () => {
    for (const count of [0, 1, 7, 100]) expect(scoreInstrument(instrument, { [name]: count })).toMatchObject({ ok: true, value: count });
  });

  it("declares the count as an integer (a count, not a measure)", () => {
    expect(instrument.inputs).toEqual([expect.objectContaining({ name, type: "integer", min: 0, max: 100 })]);
  });

  it("rejects a fraction, a negative count, more than 100, a string and a missing count, naming the field", () => {
    for (const bad of [2.5, -1, 101, "3"]) expect(rejected(instrument, { [name]: bad }), String(bad)).toEqual([`inputs.${name}`]);
    expect(rejected(instrument, {})).toEqual([`inputs.${name}`]);
  });
});
