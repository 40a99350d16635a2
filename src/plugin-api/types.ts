/**
 * The disease-plugin contract. A plugin is a folder under plugins/ exporting one
 * DiseasePlugin; everything here is plain data and pure functions so that the core
 * can validate, catalogue, compute and test it without knowing the disease.
 */

/** Raw inputs of an instrument as entered on a form, keyed by input name. */
export type Inputs = Record<string, unknown>;

export type InputType = "integer" | "number" | "boolean" | "code";

export interface InputOption {
  value: string | number;
  label: string;
}

/**
 * What a lab-fed input takes from the patient's stored lab result of `test` at the visit:
 * `value` the result, `uln` its upper limit of normal (the reporting laboratory's referenceHigh),
 * `timesUln` the result divided by that ULN (declare the input's unit as "× ULN").
 */
export type LabQuantity = "value" | "uln" | "timesUln";

/**
 * Declares that an input may come from the visit's stored lab result (plugin API 1.1). When a client
 * omits the input in `recordAssessment`, the core fills it in from the lab result of `test` stored at
 * that visit, converted from the catalogue unit to the input's `unit`, and records the lab result's id
 * with the assessment. Inputs reading the same test and quantity are alternatives (e.g. one value in
 * two units, both optional): the core fills only the first declared, and only when the client gave
 * none of them. `computeScore`, `evaluateResponse` and a plugin's `compute` always see plain values:
 * the instrument itself never reads the database.
 */
export interface LabSource {
  /** Code of a test of the lab catalogue (the `labTests` query), e.g. `ALT`, `BILI`. */
  test: string;
  as: LabQuantity;
}

export interface InputDefinition {
  /** lowerCamelCase key in the inputs object, e.g. `tjc28`. */
  name: string;
  label: string;
  type: InputType;
  unit?: string;
  /** Lower bound; inclusive unless `minExclusive` (e.g. ESR must be > 0 for ln). */
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  /** Allowed values for `code` inputs, or a restricted set for `integer` inputs (e.g. 0, 2, 5). */
  options?: readonly InputOption[];
  /** Inputs are required unless marked optional. */
  optional?: boolean;
  description?: string;
  /** Plugin API 1.1: the input can be taken from the visit's stored lab result (numeric inputs only). */
  lab?: LabSource;
}

/** A problem with one input, reported to the client as BAD_USER_INPUT naming the field. */
export interface FieldProblem {
  field: string;
  message: string;
  allowed?: string;
}

export type Direction = "HIGHER_IS_WORSE" | "HIGHER_IS_BETTER";

export interface Bound {
  value: number;
  inclusive: boolean;
}

/** An activity band; a missing bound is open-ended (up to the instrument's range). */
export interface ActivityBand {
  /** Stable lower_snake_case code, e.g. `remission`, `moderate`. */
  code: string;
  label: string;
  lower?: Bound;
  upper?: Bound;
}

export interface ComputedScore {
  /** The score, unrounded; null for instruments that record measures without a composite score. */
  value: number | null;
  /** Named intermediate values, e.g. each DAS28 term, for transparency. */
  components?: Record<string, number>;
  /**
   * Category decided by rules rather than score bands (e.g. Boolean remission, LLDAS): only for
   * instruments without bands, and one of the instrument's declared `categories`.
   */
  category?: string;
}

/** A published value the instrument must reproduce; run by the conformance suite and the API tests. */
export interface InstrumentExample {
  inputs: Inputs;
  /** Expected score, compared after rounding to `decimals` (or to `precision` if given). */
  value: number | null;
  precision?: number;
  category?: string;
  source: string;
}

export interface InstrumentDefinition {
  /** UPPER_SNAKE code unique across the service, e.g. `DAS28_ESR`, `CDAI_RA`. */
  code: string;
  name: string;
  description: string;
  /**
   * Semver version of this calculator, stored with every assessment it computes. Raise MAJOR when the
   * same inputs can give another score, components or category: scores of another MAJOR are not compared.
   */
  version: string;
  inputs: InputDefinition[];
  /** Cross-field rules run after each input passed its own checks. */
  validate?: (inputs: Inputs) => FieldProblem[];
  compute: (inputs: Inputs) => ComputedScore;
  direction: Direction;
  /** Theoretical range of the score. */
  range: { min: number; max: number };
  /** Decimals the score is reported with. */
  decimals: number;
  /** Activity bands, ordered from the lowest score to the highest; empty when none are defined. */
  bands: ActivityBand[];
  /** For instruments without bands whose compute() returns a category: every code it can return. */
  categories?: { code: string; label: string }[];
  references: string[];
  examples: InstrumentExample[];
}

export type ResponseStatus = "RESPONDER" | "NON_RESPONDER" | "NOT_EVALUABLE";

export interface ResponseResult {
  status: ResponseStatus;
  /** Criterion-specific category code, e.g. EULAR `good` / `moderate` / `none`. */
  category?: string;
  /** follow-up minus baseline, in the instrument's unit. */
  change?: number | null;
  /** 100 × change / baseline; null when the baseline is zero. */
  percentChange?: number | null;
  /** Why the result is NOT_EVALUABLE, or which rule decided it. */
  reason?: string;
}

/** One time point as seen by a response criterion. */
export interface Observation {
  instrument: string;
  value: number | null;
  /** Present when the observation comes from raw inputs or a stored assessment; absent for score-only input. */
  inputs?: Inputs;
  components?: Record<string, number>;
  /** Other instruments recorded at the same visit, for criteria that need them. */
  companions?: Record<string, Observation>;
  /**
   * Plugin API 1.1: study day of the time point (CDISC --DY: day 1 is the first dose, the day before is
   * −1, there is no day 0). From stored assessments it is computed from the visit's date and the
   * patient's treatment start; from raw values (`evaluateResponse`) it is given as the parameters
   * `baselineStudyDay` / `followUpStudyDay` of a `timeBased` criterion. Undefined when unknown.
   */
  studyDay?: number;
}

/** A time point of a response example: a score value, or raw inputs (with companion instruments' inputs by code). */
export interface ExampleTimePoint {
  value?: number;
  inputs?: Inputs;
  companions?: Record<string, Inputs>;
}

export interface ResponseExample {
  instrument: string;
  baseline: ExampleTimePoint;
  followUp: ExampleTimePoint;
  parameters?: Inputs;
  status: ResponseStatus;
  category?: string;
  source: string;
}

export interface ResponseCriterion {
  /** UPPER_SNAKE code unique across the service, e.g. `EULAR_RESPONSE`. */
  code: string;
  name: string;
  description: string;
  /** Instruments the criterion is defined on: any one of them, the same at both time points. */
  instruments: string[];
  /** SCORE: decided by the two score values alone; INPUTS: needs the raw inputs. */
  basis: "SCORE" | "INPUTS";
  /** Further instruments needed from the same two visits (INPUTS basis only). */
  companions?: string[];
  /** Values given at evaluation time that are not part of any instrument (e.g. new BILAG A domains). */
  parameters?: InputDefinition[];
  /** Every category code `evaluate` can return. */
  categories: { code: string; label: string }[];
  /**
   * Plugin API 1.1: the criterion reads `baseline.studyDay` / `followUp.studyDay` ("by 6 months",
   * "within 4 weeks"). It must then declare `STUDY_DAY_PARAMETERS` among its `parameters`: clients give
   * the study days that way when evaluating raw values, while for stored assessments the core takes
   * them from the visits' dates and refuses them as parameters. When a study day is missing or the
   * follow-up falls outside the criterion's window, `evaluate` answers NOT_EVALUABLE with a reason.
   */
  timeBased?: boolean;
  evaluate: (args: { baseline: Observation; followUp: Observation; parameters: Inputs }) => ResponseResult;
  references: string[];
  examples: ResponseExample[];
}

/**
 * CHANGE: an instrument's change from baseline (improvement is read from the instrument's `direction`).
 * RESPONSE: a response criterion met or not between baseline and the visit.
 */
export type EndpointKind = "CHANGE" | "RESPONSE";

/** PRIMARY: the disease's primary clinical endpoint (exactly one); DISEASE_SPECIFIC: e.g. Behçet's oral ulcers. */
export type EndpointRole = "PRIMARY" | "SECONDARY" | "DISEASE_SPECIFIC";

/**
 * Plugin API 1.2: an efficacy endpoint is a declaration only. The core evaluates it on the stored
 * assessments of the baseline visit and the chosen visit, and summarises it (responder rate with a
 * Wilson interval, or mean change and percent change with t intervals): a plugin adds an endpoint by
 * declaring it, never by writing SQL or GraphQL.
 */
export interface EfficacyEndpoint {
  /** UPPER_SNAKE code unique across the service, e.g. `RA_DAS28_CRP_CHANGE`. */
  code: string;
  label: string;
  kind: EndpointKind;
  role: EndpointRole;
  /** CHANGE: the instrument whose score changes. RESPONSE: the instrument the criterion is evaluated on (one of its `instruments`). */
  instrument: string;
  /** RESPONSE only: code of one of the plugin's response criteria. */
  criterion?: string;
  /** RESPONSE only: fixed parameters of the criterion (the study days of a time-based criterion come from the visits). */
  parameters?: Inputs;
  /** Planned visit code the endpoint is read at unless the caller names another, e.g. `D183`. */
  defaultVisit: string;
  description?: string;
}

/** What the demo-trial generator asks a plugin for at one clinical visit. */
export interface DemoVisitContext {
  /** Seeded uniform random number in [0, 1). */
  random: () => number;
  /** Disease activity to simulate, 0 (none) to 1 (maximal). */
  activity: number;
  /** Planned visit code, e.g. `BASELINE`, `D85`. */
  visitCode: string;
  sex: "FEMALE" | "MALE";
}

export interface DemoAssessment {
  instrument: string;
  inputs: Inputs;
}

export interface DiseasePlugin {
  /** kebab-case id, e.g. `rheumatoid-arthritis`; cohorts refer to it. */
  id: string;
  /** Semver range of the plugin API this plugin was written for, e.g. `^1.0.0`. */
  apiVersion: string;
  name: string;
  /** Abbreviation used in tables, e.g. `RA`. */
  shortName: string;
  description: string;
  instruments: InstrumentDefinition[];
  /** The instrument that defines activity for cross-disease views. */
  primaryInstrument: string;
  responseCriteria: ResponseCriterion[];
  /**
   * Plugin API 1.2: the disease's efficacy endpoints, in the order they are reported. Exactly one is
   * PRIMARY. Optional for plugins written for ^1.0 / ^1.1; the conformance suite checks them when present.
   */
  efficacyEndpoints?: EfficacyEndpoint[];
  /** Plausible data for the demo trial. */
  demo: {
    assessments: (context: DemoVisitContext) => DemoAssessment[];
    /** Days between maintenance doses when this disease's arm differs from the usual 14. */
    maintenanceIntervalDays?: number;
    /** Share of female patients in this disease (default 0.5). */
    femaleShare?: number;
  };
}
