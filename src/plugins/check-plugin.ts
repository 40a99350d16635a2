import semver from "semver";
import { PLUGIN_API_VERSION, bandFor, roundTo, scoreInstrument } from "../plugin-api";
import { STUDY_DAY_PARAMETERS, STUDY_DAY_PARAMETER_NAMES, labInputGroups, validateInputs } from "../plugin-api";
import type { ActivityBand, DiseasePlugin, InputDefinition, InstrumentDefinition, ResponseCriterion } from "../plugin-api";
import { DEMO_SCHEDULE } from "../demo/demo-schedule";
import { LAB_TEST_BY_CODE, labUnitFactor } from "../modules/labs/lab-tests";
import { evaluateCriterion } from "./evaluate-criterion";

/** The unit a `timesUln` lab-fed input declares. */
export const TIMES_ULN_UNIT = "× ULN";

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const LOWER_SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

/** Bands must run from the bottom of the range to the top with no gap and no overlap. */
export function checkBands(instrument: InstrumentDefinition): string[] {
  const problems: string[] = [];
  const bands: ActivityBand[] = instrument.bands;
  if (bands.length === 0) return problems;
  const where = `${instrument.code} bands`;
  if (bands[0].lower && bands[0].lower.value > instrument.range.min) problems.push(`${where}: the lowest band starts above the range minimum`);
  const last = bands[bands.length - 1];
  if (last.upper && last.upper.value < instrument.range.max) problems.push(`${where}: the highest band ends below the range maximum`);
  for (let i = 0; i + 1 < bands.length; i++) {
    const upper = bands[i].upper;
    const lower = bands[i + 1].lower;
    if (!upper || !lower || upper.value !== lower.value || upper.inclusive === lower.inclusive) {
      problems.push(`${where}: ${bands[i].code} and ${bands[i + 1].code} must meet at one cut-off that exactly one of them includes`);
    }
  }
  for (const band of bands) if (!LOWER_SNAKE.test(band.code)) problems.push(`${where}: category code ${band.code} is not lower_snake_case`);
  return problems;
}

/**
 * A lab-fed input names a catalogue test, is numeric, and its unit is one the core can convert the
 * catalogue unit to (`× ULN` for `timesUln`).
 */
export function checkLabSource(instrument: InstrumentDefinition, input: InputDefinition): string[] {
  const lab = input.lab;
  if (!lab) return [];
  const where = `${instrument.code}: lab-fed input ${input.name}`;
  const test = LAB_TEST_BY_CODE.get(lab.test);
  if (!test) return [`${where} names ${lab.test}, which is not a test of the lab catalogue`];
  const problems: string[] = [];
  if (input.type !== "number") problems.push(`${where} must be of type number`);
  if (!["value", "uln", "timesUln"].includes(lab.as)) problems.push(`${where}: as must be value, uln or timesUln`);
  if (lab.as === "timesUln") {
    if (input.unit !== TIMES_ULN_UNIT) problems.push(`${where} takes ${lab.test} as a multiple of the ULN: declare its unit as "${TIMES_ULN_UNIT}"`);
    return problems;
  }
  if (labUnitFactor(test.code, input.unit) === undefined) {
    problems.push(`${where}: ${lab.test} is stored in ${test.unit} and cannot be converted to the input's unit ${input.unit ?? "(none declared)"}`);
  }
  return problems;
}

/** A time-based criterion declares the study-day parameters; no other criterion may use those names. */
export function checkTiming(criterion: ResponseCriterion): string[] {
  const where = `criterion ${criterion.code}`;
  const declared = (criterion.parameters ?? []).filter((p) => (STUDY_DAY_PARAMETER_NAMES as string[]).includes(p.name));
  if (!criterion.timeBased) {
    return declared.length > 0 ? [`${where} declares ${declared.map((p) => p.name).join(", ")}, reserved for time-based criteria (set timeBased)`] : [];
  }
  const problems: string[] = [];
  for (const expected of STUDY_DAY_PARAMETERS) {
    const found = declared.find((p) => p.name === expected.name);
    if (!found) problems.push(`${where} is time-based and must declare the parameter ${expected.name} (spread STUDY_DAY_PARAMETERS)`);
    else if (found.type !== "integer" || !found.optional) problems.push(`${where}: ${expected.name} must be an optional integer, as in STUDY_DAY_PARAMETERS`);
  }
  return problems;
}

export function checkInstrument(instrument: InstrumentDefinition): string[] {
  const problems: string[] = [];
  const code = instrument.code;
  if (!UPPER_SNAKE.test(code)) problems.push(`instrument code ${code} is not UPPER_SNAKE_CASE`);
  if (!semver.valid(instrument.version)) problems.push(`${code}: version ${instrument.version} is not semver`);
  const names = new Set<string>();
  for (const input of instrument.inputs) {
    if (!CAMEL.test(input.name)) problems.push(`${code}: input name ${input.name} is not lowerCamelCase`);
    if (names.has(input.name)) problems.push(`${code}: input ${input.name} is declared twice`);
    names.add(input.name);
    if ((input.type === "integer" || input.type === "number") && !input.options && (input.min === undefined || input.max === undefined)) {
      problems.push(`${code}: numeric input ${input.name} needs a min and a max`);
    }
    if (input.type === "code" && !input.options?.length) problems.push(`${code}: code input ${input.name} needs options`);
    problems.push(...checkLabSource(instrument, input));
  }
  for (const group of labInputGroups(instrument)) {
    // Alternatives are filled one at a time, so none of them can be required.
    if (group.length > 1 && group.some((i) => !i.optional)) {
      problems.push(`${code}: inputs ${group.map((i) => i.name).join(", ")} all read ${group[0].lab!.test} as ${group[0].lab!.as}: alternatives must be optional`);
    }
  }
  if (instrument.range.min > instrument.range.max) problems.push(`${code}: range min is above max`);
  problems.push(...checkBands(instrument));
  if (instrument.bands.length > 0 && instrument.categories) problems.push(`${code}: declare bands or rule-based categories, not both`);
  for (const category of instrument.categories ?? []) {
    if (!LOWER_SNAKE.test(category.code)) problems.push(`${code}: category code ${category.code} is not lower_snake_case`);
  }
  if (instrument.references.length === 0) problems.push(`${code}: no reference given`);
  instrument.examples.forEach((example, i) => {
    const outcome = scoreInstrument(instrument, example.inputs);
    if (!outcome.ok) {
      problems.push(`${code} example ${i + 1} is rejected: ${outcome.problems.map((p) => p.message).join("; ")}`);
      return;
    }
    const decimals = example.precision ?? instrument.decimals;
    const got = outcome.value === null ? null : roundTo(outcome.value, decimals);
    if (got !== example.value) problems.push(`${code} example ${i + 1} (${example.source}): expected ${example.value}, computed ${got}`);
    if (example.category !== undefined && outcome.category?.code !== example.category) {
      problems.push(`${code} example ${i + 1}: expected category ${example.category}, got ${outcome.category?.code}`);
    }
    if (outcome.value !== null && instrument.bands.length > 0 && !bandFor(instrument.bands, outcome.value)) {
      problems.push(`${code} example ${i + 1}: score ${outcome.value} falls in no band`);
    }
  });
  return problems;
}

/** The follow-up visits of the reference trial's schedule at which disease scores are planned. */
export const TRIAL_CLINICAL_VISITS: readonly string[] = DEMO_SCHEDULE.filter((v) => v.clinicalEvaluation && !v.isBaseline).map((v) => v.code);

/**
 * Plugin API 1.2 efficacy endpoints: UPPER_SNAKE codes declared once, exactly one PRIMARY, instruments
 * and criteria of the plugin itself, a default visit where the trial plans disease scores, and fixed
 * criterion parameters that pass the criterion's own declarations. Codes unique across plugins are
 * checked by the registry, which sees them all.
 */
export function checkEndpoints(plugin: DiseasePlugin, visits: readonly string[] = TRIAL_CLINICAL_VISITS): string[] {
  const endpoints = plugin.efficacyEndpoints;
  if (endpoints === undefined) return [];
  const problems: string[] = [];
  const primaries = endpoints.filter((e) => e.role === "PRIMARY").length;
  if (primaries !== 1) problems.push(`${plugin.id}: declares ${primaries} PRIMARY efficacy endpoints; exactly one is required`);
  const instruments = new Set(plugin.instruments.map((i) => i.code));
  const seen = new Set<string>();
  for (const endpoint of endpoints) {
    const where = `${plugin.id}: endpoint ${endpoint.code}`;
    if (!UPPER_SNAKE.test(endpoint.code)) problems.push(`${where} is not UPPER_SNAKE_CASE`);
    if (seen.has(endpoint.code)) problems.push(`${where} is declared twice`);
    seen.add(endpoint.code);
    if (!["PRIMARY", "SECONDARY", "DISEASE_SPECIFIC"].includes(endpoint.role)) problems.push(`${where}: role ${endpoint.role} is not PRIMARY, SECONDARY or DISEASE_SPECIFIC`);
    if (!instruments.has(endpoint.instrument)) problems.push(`${where}: instrument ${endpoint.instrument} is not one of the plugin's instruments`);
    if (!visits.includes(endpoint.defaultVisit)) problems.push(`${where}: default visit ${endpoint.defaultVisit} is not a follow-up visit with disease scores (${visits.join(", ")})`);
    if (endpoint.kind === "CHANGE") {
      if (endpoint.criterion !== undefined || endpoint.parameters !== undefined) problems.push(`${where}: a CHANGE endpoint takes no criterion or parameters`);
    } else if (endpoint.kind === "RESPONSE") {
      const criterion = plugin.responseCriteria.find((c) => c.code === endpoint.criterion);
      if (!criterion) {
        problems.push(`${where}: criterion ${endpoint.criterion ?? "(none)"} is not one of the plugin's response criteria`);
        continue;
      }
      if (!criterion.instruments.includes(endpoint.instrument)) problems.push(`${where}: ${criterion.code} is not defined on ${endpoint.instrument} (${criterion.instruments.join(", ")})`);
      const parameters = endpoint.parameters ?? {};
      for (const p of validateInputs(criterion.parameters ?? [], parameters, "parameters.")) problems.push(`${where}: ${p.message}`);
      const days = STUDY_DAY_PARAMETER_NAMES.filter((name) => parameters[name] !== undefined);
      if (days.length) problems.push(`${where}: ${days.join(", ")} come from the visits' dates; do not fix them`);
    } else problems.push(`${where}: kind ${String(endpoint.kind)} is not CHANGE or RESPONSE`);
  }
  return problems;
}

/**
 * Everything the core can check about a plugin on its own. `known` holds instruments of other
 * plugins and the shared instruments that criteria may refer to.
 */
export function checkPlugin(plugin: DiseasePlugin, known: InstrumentDefinition[] = []): string[] {
  const problems: string[] = [];
  if (!KEBAB.test(plugin.id)) problems.push(`plugin id ${plugin.id} is not kebab-case`);
  if (!semver.validRange(plugin.apiVersion) || !semver.satisfies(PLUGIN_API_VERSION, plugin.apiVersion)) {
    problems.push(`${plugin.id}: written for plugin API ${plugin.apiVersion}, this core provides ${PLUGIN_API_VERSION}`);
  }
  const instruments = new Map<string, InstrumentDefinition>();
  for (const instrument of [...known, ...plugin.instruments]) instruments.set(instrument.code, instrument);
  const own = new Set<string>();
  for (const instrument of plugin.instruments) {
    if (own.has(instrument.code)) problems.push(`${plugin.id}: instrument ${instrument.code} is declared twice`);
    own.add(instrument.code);
    problems.push(...checkInstrument(instrument).map((p) => `${plugin.id}: ${p}`));
  }
  if (!own.has(plugin.primaryInstrument)) problems.push(`${plugin.id}: primary instrument ${plugin.primaryInstrument} is not one of its instruments`);
  const criteria = new Set<string>();
  problems.push(...checkEndpoints(plugin));
  for (const criterion of plugin.responseCriteria) {
    const where = `${plugin.id}: criterion ${criterion.code}`;
    if (!UPPER_SNAKE.test(criterion.code)) problems.push(`${where} is not UPPER_SNAKE_CASE`);
    if (criteria.has(criterion.code)) problems.push(`${where} is declared twice`);
    criteria.add(criterion.code);
    for (const code of [...criterion.instruments, ...(criterion.companions ?? [])]) {
      if (!instruments.has(code)) problems.push(`${where} refers to unknown instrument ${code}`);
    }
    for (const category of criterion.categories) if (!LOWER_SNAKE.test(category.code)) problems.push(`${where}: category ${category.code} is not lower_snake_case`);
    if (criterion.references.length === 0) problems.push(`${where}: no reference given`);
    problems.push(...checkTiming(criterion).map((p) => `${plugin.id}: ${p}`));
    criterion.examples.forEach((example, i) => {
      try {
        const { result } = evaluateCriterion(criterion, instruments, example);
        if (result.status !== example.status || (example.category !== undefined && result.category !== example.category)) {
          problems.push(`${where} example ${i + 1} (${example.source}): expected ${example.status}/${example.category}, got ${result.status}/${result.category}`);
        }
        if (result.category !== undefined && !criterion.categories.some((c) => c.code === result.category)) {
          problems.push(`${where} example ${i + 1}: category ${result.category} is not declared`);
        }
      } catch (error) {
        problems.push(`${where} example ${i + 1} failed: ${(error as Error).message}`);
      }
    });
  }
  return problems;
}
