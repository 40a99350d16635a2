import { describe, expect, it } from "vitest";
import { plugins } from "../../plugins";
import { generalInstruments } from "../../src/general-instruments";
import { bandFor, labInputsToFill, scoreInstrument } from "../../src/plugin-api";
import type { InputDefinition, InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { checkPlugin } from "../../src/plugins/check-plugin";
import { PluginRegistry } from "../../src/plugins/registry";

/** A valid value for an input: its first option, or the middle of its range. */
function validValue(input: InputDefinition): unknown {
  if (input.options) return input.options[0].value;
  if (input.type === "boolean") return false;
  const mid = (input.min! + input.max!) / 2;
  return input.type === "integer" ? Math.round(mid) : mid;
}

/** The first demo assessment of the instrument, or one built from valid values of every required input. */
function validInputs(instrument: InstrumentDefinition): Inputs {
  const example = instrument.examples[0]?.inputs;
  if (example) return { ...example };
  return Object.fromEntries(instrument.inputs.filter((i) => !i.optional).map((i) => [i.name, validValue(i)]));
}

/**
 * Demo inputs with the lab-fed inputs the demo left out filled with valid values, choosing among
 * alternatives as the core does when it fills them from the demo trial's labs.
 */
function withLabFedInputs(instrument: InstrumentDefinition, inputs: Inputs): Inputs {
  return { ...inputs, ...Object.fromEntries(labInputsToFill(instrument, inputs).map((input) => [input.name, validValue(input)])) };
}

function rejectedFields(instrument: InstrumentDefinition, inputs: Inputs): string[] {
  const outcome = scoreInstrument(instrument, inputs);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
}

describe("all plugins together", () => {
  it("register without id or code collisions", () => {
    expect(() => new PluginRegistry(plugins, generalInstruments)).not.toThrow();
  });
});

describe.each(plugins.map((p) => [p.id, p] as const))("plugin %s", (_id, plugin) => {
  it("meets the contract and reproduces its published examples", () => {
    expect(checkPlugin(plugin, generalInstruments)).toEqual([]);
  });

  it("declares its efficacy endpoints, one of them PRIMARY (plugin API 1.2)", () => {
    expect(plugin.efficacyEndpoints?.filter((e) => e.role === "PRIMARY")).toHaveLength(1);
  });

  describe.each(plugin.instruments.map((i) => [i.code, i] as const))("instrument %s", (_code, instrument) => {
    it("accepts valid inputs", () => {
      expect(rejectedFields(instrument, validInputs(instrument))).toEqual([]);
    });

    it("rejects out-of-range, non-integer and wrongly typed values, naming the field", () => {
      for (const input of instrument.inputs) {
        const base = validInputs(instrument);
        const field = `inputs.${input.name}`;
        const bad: unknown[] = ["not-a-value", {}];
        if (input.type === "integer" || input.type === "number") {
          if (input.min !== undefined) bad.push(input.minExclusive ? input.min : input.min - 1);
          if (input.max !== undefined) bad.push(input.maxExclusive ? input.max : input.max + 1);
        }
        if (input.type === "integer") bad.push((input.options?.[0]?.value as number ?? input.min!) + 0.5);
        for (const value of bad) {
          expect(rejectedFields(instrument, { ...base, [input.name]: value }), `${input.name} = ${JSON.stringify(value)}`).toContain(field);
        }
      }
    });

    it("rejects missing required inputs and unknown inputs", () => {
      for (const input of instrument.inputs.filter((i) => !i.optional)) {
        const inputs = validInputs(instrument);
        delete inputs[input.name];
        expect(rejectedFields(instrument, inputs)).toContain(`inputs.${input.name}`);
      }
      expect(rejectedFields(instrument, { ...validInputs(instrument), notAnInput: 1 })).toContain("inputs.notAnInput");
    });

    it("has activity bands that cover its whole range", () => {
      if (instrument.bands.length === 0) return;
      const { min, max } = instrument.range;
      for (let i = 0; i <= 400; i++) {
        const value = min + ((max - min) * i) / 400;
        expect(bandFor(instrument.bands, value), `score ${value}`).toBeDefined();
      }
    });
  });

  it("generates demo assessments that its own instruments accept", () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (const activity of [0, 0.25, 0.5, 0.75, 1]) {
      for (const sex of ["FEMALE", "MALE"] as const) {
        const assessments = plugin.demo.assessments({ random, activity, visitCode: "BASELINE", sex });
        expect(assessments.length).toBeGreaterThan(0);
        for (const { instrument, inputs } of assessments) {
          const definition = plugin.instruments.find((i) => i.code === instrument);
          expect(definition, instrument).toBeDefined();
          expect(rejectedFields(definition!, withLabFedInputs(definition!, inputs)), `${instrument} at activity ${activity}`).toEqual([]);
        }
      }
    }
  });
});

describe("plugins/_template", () => {
  it("stays a valid starting point for a new plugin", async () => {
    const template = (await import("../../plugins/_template")).default;
    expect(checkPlugin(template, generalInstruments)).toEqual([]);
  });
});
