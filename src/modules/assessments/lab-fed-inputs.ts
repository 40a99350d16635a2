import { IsNull } from "typeorm";
import type { EntityManager } from "typeorm";
import type { FieldProblem, InputDefinition, InstrumentDefinition, Inputs } from "../../plugin-api";
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
 * The unit a lab-fed value is filled in: the one the client chose in the unit input, else the
 * catalogue unit when the unit input offers it (no conversion), else the unit input's first option;
 * without a unit input, the input's declared unit. Undefined when the client's unit is not an option
 * (validation then reports it).
 */
function targetUnit(definition: InstrumentDefinition, input: InputDefinition, inputs: Inputs, catalogueUnit: string): string | undefined {
  const unitInputName = input.lab!.unitInput;
  if (!unitInputName) return input.unit;
  const options = (definition.inputs.find((i) => i.name === unitInputName)?.options ?? []).map((o) => String(o.value));
  const chosen = inputs[unitInputName];
  if (chosen != null) return typeof chosen === "string" && options.includes(chosen) ? chosen : undefined;
  return options.includes(catalogueUnit) ? catalogueUnit : options[0];
}

/**
 * Fills the lab-fed inputs the client omitted from the lab results stored at the visit, converting
 * from the catalogue unit. A required input with no usable result is a problem naming the input; an
 * optional one is left out.
 */
export async function fillLabFedInputs(manager: EntityManager, definition: InstrumentDefinition, visitId: number, given: Inputs): Promise<LabFedInputs> {
  const inputs: Inputs = { ...given };
  const sources: Record<string, number> = {};
  const problems: FieldProblem[] = [];
  const wanted = definition.inputs.filter((i) => i.lab && (given[i.name] === undefined || given[i.name] === null));
  if (wanted.length === 0) return { inputs, sources, problems };
  const tests = [...new Set(wanted.map((i) => i.lab!.test))];
  const results = await manager.find(LabResult, { where: tests.map((testCode) => ({ visitId, testCode, removedAt: IsNull() })) });
  for (const input of wanted) {
    const { test, as } = input.lab!;
    const field = `inputs.${input.name}`;
    const result = results.find((r) => r.testCode === test);
    const refuse = (why: string) => {
      if (!input.optional) problems.push({ field, message: `${field} was omitted and ${why}: enter ${input.name} or record the lab result at this visit` });
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
    let value: number;
    if (as === "timesUln") value = result.value! / uln!;
    else {
      const unit = targetUnit(definition, input, inputs, result.unit);
      const factor = labUnitFactor(test, unit);
      // An unknown unit is left for validation to report (a bad unit input) rather than filled by guess.
      if (factor === undefined) continue;
      value = (as === "value" ? result.value! : uln!) * factor;
      if (input.lab!.unitInput && inputs[input.lab!.unitInput] == null) inputs[input.lab!.unitInput] = unit;
    }
    inputs[input.name] = value;
    sources[input.name] = result.id;
  }
  return { inputs, sources, problems };
}
