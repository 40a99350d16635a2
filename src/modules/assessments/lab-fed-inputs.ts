import { IsNull } from "typeorm";
import type { EntityManager } from "typeorm";
import { describeAllowed, labInputsToFill } from "../../plugin-api";
import type { FieldProblem, InstrumentDefinition, Inputs } from "../../plugin-api";
import { LabResult } from "../labs/lab-result.entity";
import { labUnitFactor } from "../labs/lab-tests";

export interface LabFedInputs {
  /** The inputs with every omitted lab-fed input filled in. */
  inputs: Inputs;
  /** Input name → id of the lab result it was taken from; empty when none was. */
  sources: Record<string, number>;
  problems: FieldProblem[];
}

/**
 * Fills the lab-fed inputs the client omitted from the lab results stored at the visit, converted
 * from the catalogue unit to the input's unit. A required input with no usable result is a problem
 * naming the input; an optional one is left out — and with it the other optional inputs fed by the same
 * test, which go together (an IgG value is read against its ULN: a result stored without its upper limit
 * of normal must not fill the value alone and leave the plugin a value without the ULN it needs).
 */
export async function fillLabFedInputs(manager: EntityManager, definition: InstrumentDefinition, visitId: number, given: Inputs): Promise<LabFedInputs> {
  const wanted = labInputsToFill(definition, given);
  if (wanted.length === 0) return { inputs: { ...given }, sources: {}, problems: [] };
  const tests = [...new Set(wanted.map((i) => i.lab!.test))];
  const results = await manager.find(LabResult, { where: tests.map((testCode) => ({ visitId, testCode, removedAt: IsNull() })) });
  return fillLabFedInputsFrom(definition, given, results);
}

/** The same, from the visit's live lab results already in hand (the bulk generator holds them before they are written). */
export function fillLabFedInputsFrom(definition: InstrumentDefinition, given: Inputs, results: Pick<LabResult, "id" | "testCode" | "value" | "unit" | "referenceHigh">[]): LabFedInputs {
  const inputs: Inputs = { ...given };
  const sources: Record<string, number> = {};
  const problems: FieldProblem[] = [];
  const wanted = labInputsToFill(definition, given);
  const fills: Array<{ name: string; test: string; optional: boolean; value: number; source: number }> = [];
  const unfilledOptionalTests = new Set<string>();
  for (const input of wanted) {
    const { test, as } = input.lab!;
    const field = `inputs.${input.name}`;
    const result = results.find((r) => r.testCode === test);
    const refuse = (why: string) => {
      const allowed = describeAllowed(input);
      if (input.optional) unfilledOptionalTests.add(test);
      else problems.push({ field, allowed, message: `${field} was omitted and ${why}: enter ${input.name} (${allowed}) or record the lab result at this visit` });
    };
    if (!result) {
      refuse(`no ${test} result is stored at this visit`);
      continue;
    }
    const uln = result.referenceHigh;
    if (as !== "uln" && result.value === null) {
      refuse(`the ${test} result stored at this visit is below the detection limit`);
      continue;
    }
    if (as !== "value" && (uln === null || uln <= 0)) {
      refuse(`the ${test} result stored at this visit has no upper limit of normal (referenceHigh)`);
      continue;
    }
    // The conformance suite makes sure a conversion exists; the guard keeps a value from being filled by guess.
    const factor = as === "timesUln" ? 1 : labUnitFactor(test, input.unit);
    if (factor === undefined) {
      refuse(`${test} is stored in ${result.unit}, which cannot be converted to ${input.unit}`);
      continue;
    }
    const value = as === "timesUln" ? result.value! / uln! : (as === "value" ? result.value! : uln!) * factor;
    fills.push({ name: input.name, test, optional: !!input.optional, value, source: result.id });
  }
  for (const fill of fills) {
    if (fill.optional && unfilledOptionalTests.has(fill.test)) continue;
    inputs[fill.name] = fill.value;
    sources[fill.name] = fill.source;
  }
  return { inputs, sources, problems };
}
