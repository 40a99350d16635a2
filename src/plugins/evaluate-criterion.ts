import { scoreInstrument, validateInputs } from "../plugin-api";
import type { FieldProblem, InstrumentDefinition, Inputs, Observation, ResponseCriterion, ResponseResult } from "../plugin-api";
import { InvalidInputError } from "../errors";

/** One time point as a client gives it: a score value, or raw inputs to compute it from. */
export interface TimePointInput {
  value?: number | null;
  inputs?: Inputs | null;
  /** Raw inputs of companion instruments, keyed by instrument code. */
  companions?: Record<string, Inputs> | null;
}

export interface CriterionRequest {
  instrument: string;
  baseline: TimePointInput;
  followUp: TimePointInput;
  parameters?: Inputs | null;
}

function observe(
  criterion: ResponseCriterion,
  instrument: InstrumentDefinition,
  instruments: Map<string, InstrumentDefinition>,
  point: TimePointInput,
  field: string,
  problems: FieldProblem[],
): Observation {
  const observation: Observation = { instrument: instrument.code, value: null };
  if (point.inputs) {
    const outcome = scoreInstrument(instrument, point.inputs, `${field}.inputs.`);
    if (outcome.ok) Object.assign(observation, { value: outcome.value, inputs: point.inputs, components: outcome.components });
    else problems.push(...outcome.problems);
  } else if (criterion.basis === "INPUTS") {
    problems.push({ field: `${field}.inputs`, message: `${field}.inputs is required: ${criterion.code} is decided from the raw inputs of ${instrument.code}` });
  } else if (point.value === undefined || point.value === null) {
    problems.push({ field: `${field}.value`, message: `${field}.value or ${field}.inputs is required` });
  } else {
    const { min, max } = instrument.range;
    const allowed = `a ${instrument.code} score from ${min} to ${max}`;
    if (!Number.isFinite(point.value) || point.value < min || point.value > max) {
      problems.push({ field: `${field}.value`, message: `${field}.value must be ${allowed} (got ${point.value})`, allowed });
    } else observation.value = point.value;
  }
  for (const code of criterion.companions ?? []) {
    const companion = instruments.get(code)!;
    const inputs = point.companions?.[code];
    const where = `${field}.companions.${code}`;
    if (!inputs) {
      problems.push({ field: where, message: `${where} is required: ${criterion.code} also needs ${code}` });
      continue;
    }
    const outcome = scoreInstrument(companion, inputs, `${where}.`);
    if (!outcome.ok) problems.push(...outcome.problems);
    else (observation.companions ??= {})[code] = { instrument: code, value: outcome.value, inputs, components: outcome.components };
  }
  return observation;
}

/**
 * Validates a response request against the criterion's declarations and evaluates it.
 * Throws InvalidInputError naming every offending field.
 */
export function evaluateCriterion(
  criterion: ResponseCriterion,
  instruments: Map<string, InstrumentDefinition>,
  request: CriterionRequest,
): { result: ResponseResult; baseline: Observation; followUp: Observation } {
  const instrument = instruments.get(request.instrument);
  if (!instrument || !criterion.instruments.includes(request.instrument)) {
    const allowed = criterion.instruments.join(", ");
    throw new InvalidInputError([
      { field: "instrument", message: `instrument must be one of ${allowed} for ${criterion.code} (got ${JSON.stringify(request.instrument)})`, allowed },
    ]);
  }
  const problems: FieldProblem[] = [];
  const baseline = observe(criterion, instrument, instruments, request.baseline, "baseline", problems);
  const followUp = observe(criterion, instrument, instruments, request.followUp, "followUp", problems);
  const parameters = request.parameters ?? {};
  problems.push(...validateInputs(criterion.parameters ?? [], parameters, "parameters."));
  if (criterion.timeBased) {
    // From raw values the study days come as parameters; CDISC study days have no day 0.
    for (const [name, observation] of [["baselineStudyDay", baseline], ["followUpStudyDay", followUp]] as const) {
      const day = parameters[name];
      if (day === 0) problems.push({ field: `parameters.${name}`, message: `parameters.${name} cannot be 0: study days run …, −1, 1, 2, … (day 1 is the first dose)` });
      else if (typeof day === "number") observation.studyDay = day;
    }
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return { result: criterion.evaluate({ baseline, followUp, parameters }), baseline, followUp };
}
