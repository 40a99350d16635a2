import { describe, expect, it } from "vitest";
import { booleanInput, codeInput, integerInput, numberInput } from "./inputs";
import { scoreInstrument } from "./score";
import { defineInstrument } from "./typed-instrument";

const inputs = [
  integerInput("count", "Count", 0, 10),
  numberInput("level", "Level", { min: 0, max: 5, optional: true }),
  booleanInput("present", "Present"),
  codeInput("side", "Side", [
    { value: "LEFT", label: "Left" },
    { value: "RIGHT", label: "Right" },
  ]),
];

const seen: unknown[] = [];
const EXAMPLE = defineInstrument({
  code: "TYPED_EXAMPLE",
  name: "Typed example",
  description: "Count, plus the level when given, doubled when present; the side must be LEFT when the count is 10.",
  version: "1.0.0",
  inputs,
  validate: (v) => (v.count === 10 && v.side !== "LEFT" ? [{ field: "side", message: "must be LEFT at a count of 10" }] : []),
  compute: (v) => {
    seen.push(v);
    // The compiler knows each input: a number, an optional number, a boolean and one of the option values.
    const count: number = v.count;
    const level: number | undefined = v.level;
    const present: boolean = v.present;
    const side: "LEFT" | "RIGHT" = v.side;
    // @ts-expect-error an input that is not declared is not in the type
    void v.undeclared;
    return { value: (count + (level ?? 0)) * (present ? 2 : 1), components: { right: side === "RIGHT" ? 1 : 0 } };
  },
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 30 },
  decimals: 1,
  bands: [],
  references: [],
  examples: [],
});

describe("defineInstrument", () => {
  it("gives compute the validated inputs as declared, and runs the cross-field rules first", () => {
    expect(scoreInstrument(EXAMPLE, { count: 3, level: 1.5, present: true, side: "RIGHT" })).toMatchObject({ ok: true, value: 9, components: { right: 1 } });
    expect(scoreInstrument(EXAMPLE, { count: 3, present: false, side: "LEFT" })).toMatchObject({ ok: true, value: 3 });
    expect(seen).toEqual([
      { count: 3, level: 1.5, present: true, side: "RIGHT" },
      { count: 3, present: false, side: "LEFT" },
    ]);
    expect(scoreInstrument(EXAMPLE, { count: 10, present: false, side: "RIGHT" })).toMatchObject({ ok: false, problems: [{ field: "inputs.side" }] });
    expect(scoreInstrument(EXAMPLE, { count: 11, present: "yes", side: "UP" })).toMatchObject({ ok: false });
    expect(seen).toHaveLength(2);
  });

  it("is an ordinary instrument definition: the declared inputs, no validate unless given", () => {
    expect(EXAMPLE.inputs.map((i) => i.name)).toEqual(["count", "level", "present", "side"]);
    const plain = defineInstrument({ ...EXAMPLE, code: "PLAIN", inputs: [integerInput("a", "A", 0, 1)], validate: undefined, compute: (v) => ({ value: v.a }) });
    expect(plain.validate).toBeUndefined();
  });
});
