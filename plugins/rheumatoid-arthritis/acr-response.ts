import { atLeast, codeInput, integerInput, numberInput } from "../../src/plugin-api";
import type { FieldProblem, InstrumentDefinition, Inputs, ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";

/**
 * ACR20/50/70 (Felson 1995) on the ACR core data set.
 *
 * Responder at level p (20, 50 or 70 %): TJC68 and SJC66 each improve by ≥ p %, and at least 3 of the
 * 5 other core measures (patient pain, patient global, physician global, HAQ-DI, acute-phase reactant)
 * improve by ≥ p %. Improvement = (baseline − follow-up) / baseline, compared with an epsilon so that an
 * improvement of exactly p % counts despite float noise.
 *
 * Protocol choices (documented in the criterion descriptions and the plugin README):
 * - A zero baseline in one of the 5 other measures: that measure counts as NOT improved
 *   (CONVENTION from the formula reference); the criterion is still evaluated.
 * - A zero baseline TJC68 or SJC66: the criterion is NOT_EVALUABLE, because a mandatory measure
 *   cannot show a relative improvement.
 * - Acute-phase reactant: the `acutePhaseReactant` parameter chooses CRP or ESR; by default CRP when it
 *   is recorded at both visits, else ESR when recorded at both. Without the same reactant at both
 *   visits the criterion is NOT_EVALUABLE.
 */

const FELSON_1995 =
  "Felson DT, Anderson JJ, Boers M, Bombardier C, Furst D, Goldsmith C, et al. American College of Rheumatology preliminary definition of improvement in rheumatoid arthritis. Arthritis Rheum 1995;38(6):727-735.";
const FELSON_1993 =
  "Felson DT, Anderson JJ, Boers M, Bombardier C, Chernoff M, Fried B, et al. The American College of Rheumatology preliminary core set of disease activity measures for rheumatoid arthritis clinical trials. Arthritis Rheum 1993;36(6):729-740.";

export const ACR_CORE_SET: InstrumentDefinition = {
  code: "ACR_CORE_SET",
  name: "ACR core data set (rheumatoid arthritis)",
  description:
    "The ACR core set of disease activity measures recorded at one visit, for ACR20/50/70: TJC68, SJC66, patient pain (VAS 0–100 mm), " +
    "patient global (VAS 0–100 mm), physician global (VAS 0–100 mm), HAQ-DI (0–3) and an acute-phase reactant, CRP (mg/L) and/or ESR (mm/h); " +
    "at least one reactant is required, and the same one must be recorded at baseline and follow-up. It records measures only: no composite score (value null), no bands.",
  version: "1.0.0",
  inputs: [
    integerInput("tjc68", "Tender joint count (68 joints)", 0, 68),
    integerInput("sjc66", "Swollen joint count (66 joints)", 0, 66),
    numberInput("patientPain", "Patient assessment of pain (VAS)", { unit: "mm", min: 0, max: 100 }),
    numberInput("patientGlobal", "Patient global assessment of disease activity (VAS)", { unit: "mm", min: 0, max: 100 }),
    numberInput("physicianGlobal", "Physician global assessment of disease activity (VAS)", { unit: "mm", min: 0, max: 100 }),
    numberInput("haqDi", "HAQ Disability Index", { min: 0, max: 3, description: "Health Assessment Questionnaire Disability Index, 0–3 (in steps of 0.125)." }),
    numberInput("crp", "C-reactive protein", {
      unit: "mg/L",
      min: 0,
      max: 500,
      optional: true,
      description: "CRP in mg/L (record the same unit at every visit: only the relative change is used). Give CRP, ESR or both.",
    }),
    numberInput("esr", "Erythrocyte sedimentation rate", {
      unit: "mm/h",
      min: 0,
      max: 200,
      optional: true,
      description: "Westergren ESR in mm/h. Give CRP, ESR or both. 0 is accepted here (no logarithm is taken).",
    }),
  ],
  validate: (inputs: Inputs): FieldProblem[] =>
    inputs.crp == null && inputs.esr == null
      ? [{ field: "crp", message: "an acute-phase reactant is required: give crp (mg/L), esr (mm/h) or both", allowed: "crp and/or esr" }]
      : [],
  compute: (inputs: Inputs) => {
    const components: Record<string, number> = {};
    for (const [name, value] of Object.entries(inputs)) if (typeof value === "number") components[name] = value;
    return { value: null, components };
  },
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 0 },
  decimals: 0,
  bands: [],
  references: [FELSON_1993, FELSON_1995],
  examples: [
    {
      inputs: { tjc68: 12, sjc66: 9, patientPain: 60, patientGlobal: 55, physicianGlobal: 50, haqDi: 1.25, crp: 18, esr: 34 },
      value: null,
      source: "Felson 1993 core set: the instrument records the measures and has no composite score",
    },
  ],
};

type Measure = "tjc68" | "sjc66" | "patientPain" | "patientGlobal" | "physicianGlobal" | "haqDi" | "crp" | "esr";

const LABELS: Record<Measure, string> = {
  tjc68: "TJC68",
  sjc66: "SJC66",
  patientPain: "patient pain",
  patientGlobal: "patient global",
  physicianGlobal: "physician global",
  haqDi: "HAQ-DI",
  crp: "CRP",
  esr: "ESR",
};

interface MeasureResult {
  measure: Measure;
  baseline: number;
  followUp: number;
  /** (baseline − follow-up) / baseline; null when the baseline is zero. */
  improvement: number | null;
  improved: boolean;
}

function measure(name: Measure, before: Inputs, after: Inputs, threshold: number): MeasureResult {
  const baseline = before[name] as number;
  const followUp = after[name] as number;
  const improvement = baseline === 0 ? null : (baseline - followUp) / baseline;
  return { measure: name, baseline, followUp, improvement, improved: improvement !== null && atLeast(improvement, threshold) };
}

function describeMeasure(m: MeasureResult): string {
  const what = `${LABELS[m.measure]} ${m.baseline}→${m.followUp}`;
  if (m.improvement === null) return `${what} (zero baseline: counts as not improved)`;
  return `${what} (${(100 * m.improvement).toFixed(1)}% improvement${m.improved ? "" : ", not enough"})`;
}

function notEvaluable(reason: string): ResponseResult {
  return { status: "NOT_EVALUABLE", change: null, percentChange: null, reason };
}

/** Which acute-phase reactant to compare, or a reason why none can be. */
function chooseReactant(before: Inputs, after: Inputs, requested: unknown): { reactant: "crp" | "esr" } | { reason: string } {
  const atBoth = (name: "crp" | "esr") => before[name] !== undefined && before[name] !== null && after[name] !== undefined && after[name] !== null;
  if (requested === "crp" || requested === "esr") {
    return atBoth(requested) ? { reactant: requested } : { reason: `${LABELS[requested]} was requested but is not recorded at both visits` };
  }
  if (atBoth("crp")) return { reactant: "crp" };
  if (atBoth("esr")) return { reactant: "esr" };
  return { reason: "no acute-phase reactant (CRP or ESR) is recorded at both visits" };
}

/** ACR response at `percent` % (20, 50, 70) from two ACR core-set records. */
export function acrResponse(percent: number, before: Inputs, after: Inputs, requestedReactant?: unknown): ResponseResult {
  const code = `ACR${percent}`;
  const threshold = percent / 100;
  for (const name of ["tjc68", "sjc66"] as const) {
    if (before[name] === 0) return notEvaluable(`${code} not evaluable: baseline ${LABELS[name]} is 0, so it cannot improve by ${percent}%`);
  }
  const choice = chooseReactant(before, after, requestedReactant);
  if ("reason" in choice) return notEvaluable(`${code} not evaluable: ${choice.reason}`);
  const joints = [measure("tjc68", before, after, threshold), measure("sjc66", before, after, threshold)];
  const others = (["patientPain", "patientGlobal", "physicianGlobal", "haqDi", choice.reactant] as const).map((m) => measure(m, before, after, threshold));
  const jointsMet = joints.every((m) => m.improved);
  const othersImproved = others.filter((m) => m.improved);
  const met = jointsMet && othersImproved.length >= 3;
  const improvedNames = [...joints, ...others].filter((m) => m.improved).map((m) => LABELS[m.measure]);
  const reason =
    `${code} ${met ? "met" : "not met"}: ${jointsMet ? `TJC68 and SJC66 both improved ≥ ${percent}%` : `TJC68 and SJC66 must both improve ≥ ${percent}%`}; ` +
    `${othersImproved.length} of 5 other core measures improved ≥ ${percent}% (3 needed). ` +
    `Improved: ${improvedNames.length > 0 ? improvedNames.join(", ") : "none"}. ` +
    `Detail: ${[...joints, ...others].map(describeMeasure).join("; ")}.`;
  return { status: met ? "RESPONDER" : "NON_RESPONDER", change: null, percentChange: null, reason };
}

/** A baseline core set with round numbers, and a follow-up improved by the given fraction on chosen measures. */
const BASE = { tjc68: 10, sjc66: 10, patientPain: 50, patientGlobal: 50, physicianGlobal: 50, haqDi: 1.25, crp: 10, esr: 40 };

function improvedBy(fraction: number, measures: Measure[], from: Record<string, number> = BASE): Record<string, number> {
  const after: Record<string, number> = { ...from };
  // Rounded to 3 decimals so the follow-up is what a site would enter (e.g. 1.25 × 0.8 = 1).
  for (const m of measures) after[m] = Math.round(from[m] * (1 - fraction) * 1000) / 1000;
  return after;
}

const ALL_OTHERS: Measure[] = ["patientPain", "patientGlobal", "physicianGlobal", "haqDi", "crp", "esr"];

function examples(percent: number): ResponseExample[] {
  const p = percent / 100;
  const src = `Felson 1995 definition, hand calculation at ${percent}%`;
  const ex = (baseline: Inputs, followUp: Inputs, status: ResponseExample["status"], note: string, parameters?: Inputs): ResponseExample => ({
    instrument: "ACR_CORE_SET",
    baseline: { inputs: baseline },
    followUp: { inputs: followUp },
    ...(parameters ? { parameters } : {}),
    status,
    source: `${src}: ${note}`,
  });
  const examples: ResponseExample[] = [
    ex(BASE, improvedBy(p, ["tjc68", "sjc66", ...ALL_OTHERS]), "RESPONDER", `every measure improves by exactly ${percent}% (boundary inclusive)`),
    ex(BASE, improvedBy(p, ["tjc68", "sjc66", "patientPain", "patientGlobal", "physicianGlobal"]), "RESPONDER", "joints and exactly 3 of 5 other measures"),
    ex(BASE, improvedBy(p, ["tjc68", "sjc66", "patientPain", "patientGlobal"]), "NON_RESPONDER", "joints but only 2 of 5 other measures"),
    ex(BASE, { ...improvedBy(p, ["sjc66", ...ALL_OTHERS]), tjc68: 10 - Math.round(10 * p) + 1 }, "NON_RESPONDER", `TJC68 improves by ${percent - 10}% only`),
    ex(BASE, { ...improvedBy(p, ["tjc68", ...ALL_OTHERS]), sjc66: 10 - Math.round(10 * p) + 1 }, "NON_RESPONDER", `SJC66 improves by ${percent - 10}% only`),
    ex({ ...BASE, sjc66: 0 }, { ...improvedBy(p, ["tjc68", ...ALL_OTHERS]), sjc66: 0 }, "NOT_EVALUABLE", "baseline SJC66 is 0"),
    ex({ ...BASE, tjc68: 0 }, { ...improvedBy(p, ["sjc66", ...ALL_OTHERS]), tjc68: 0 }, "NOT_EVALUABLE", "baseline TJC68 is 0"),
    ex(
      { ...BASE, haqDi: 0 },
      { ...improvedBy(p, ["tjc68", "sjc66", "patientPain", "patientGlobal", "crp"]), haqDi: 0 },
      "RESPONDER",
      "baseline HAQ-DI 0 counts as not improved; 3 of the other 4 measures improve",
    ),
    ex(
      { ...BASE, haqDi: 0 },
      { ...improvedBy(p, ["tjc68", "sjc66", "patientPain", "patientGlobal"]), haqDi: 0 },
      "NON_RESPONDER",
      "baseline HAQ-DI 0 counts as not improved; only 2 others improve",
    ),
    ex(
      BASE,
      improvedBy(p, ["tjc68", "sjc66", "patientPain", "patientGlobal", "esr"]),
      "RESPONDER",
      "ESR chosen by parameter: ESR is the third improved measure (CRP unchanged)",
      { acutePhaseReactant: "esr" },
    ),
    ex(
      BASE,
      improvedBy(p, ["tjc68", "sjc66", "patientPain", "patientGlobal", "esr"]),
      "NON_RESPONDER",
      "default reactant is CRP when recorded at both visits: CRP unchanged, so only 2 others improve",
    ),
    ex(
      { ...BASE, crp: undefined },
      { ...improvedBy(p, ["tjc68", "sjc66", "patientPain", "patientGlobal", "esr"]), crp: undefined },
      "RESPONDER",
      "no CRP recorded: the default falls back to ESR",
    ),
    ex({ ...BASE, esr: undefined }, { ...improvedBy(p, ["tjc68", "sjc66", ...ALL_OTHERS]), crp: undefined }, "NOT_EVALUABLE", "CRP only at baseline and ESR only at follow-up"),
  ];
  if (percent === 20) {
    examples.push(
      ex(
        BASE,
        { ...improvedBy(p, ["tjc68", "sjc66", "patientPain", "patientGlobal"]), crp: 8 },
        "RESPONDER",
        "CRP 10 → 8 mg/L is exactly 20%",
      ),
      ex(
        { ...BASE, crp: 1 },
        { ...improvedBy(p, ["tjc68", "sjc66", "patientPain", "patientGlobal"], { ...BASE, crp: 1 }), crp: 0.8 },
        "RESPONDER",
        "CRP 1.0 → 0.8 mg/L is 20% (0.19999999999999996 in doubles, compared with an epsilon)",
      ),
    );
  }
  return examples.map((e) => ({
    ...e,
    baseline: { inputs: withoutUndefined(e.baseline.inputs!) },
    followUp: { inputs: withoutUndefined(e.followUp.inputs!) },
  }));
}

function withoutUndefined(inputs: Inputs): Inputs {
  return Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== undefined));
}

function acrCriterion(percent: 20 | 50 | 70): ResponseCriterion {
  return {
    code: `ACR${percent}`,
    name: `ACR${percent} response`,
    description:
      `ACR${percent} (Felson 1995): TJC68 and SJC66 each improve by ≥ ${percent}%, and ≥ 3 of the 5 other core measures (patient pain, patient global, ` +
      `physician global, HAQ-DI, acute-phase reactant) improve by ≥ ${percent}%. Improvement = (baseline − follow-up)/baseline; exactly ${percent}% counts. ` +
      "Protocol choices: a zero baseline in one of the 5 other measures counts as not improved (CONVENTION); a zero baseline TJC68 or SJC66 makes the " +
      "criterion NOT_EVALUABLE; the acute-phase reactant is CRP when recorded at both visits, else ESR (override with the acutePhaseReactant parameter), " +
      "and NOT_EVALUABLE when the same reactant is not recorded at both visits. The reason lists the measures that improved. change and percentChange are " +
      "null: the criterion has no single score.",
    instruments: ["ACR_CORE_SET"],
    basis: "INPUTS",
    parameters: [
      codeInput(
        "acutePhaseReactant",
        "Acute-phase reactant to compare",
        [
          { value: "crp", label: "C-reactive protein" },
          { value: "esr", label: "Erythrocyte sedimentation rate" },
        ],
        { optional: true, description: "Default: CRP when recorded at both visits, else ESR." },
      ),
    ],
    categories: [],
    evaluate: ({ baseline, followUp, parameters }) => acrResponse(percent, baseline.inputs ?? {}, followUp.inputs ?? {}, parameters.acutePhaseReactant),
    references: [FELSON_1995, FELSON_1993],
    examples: examples(percent),
  };
}

export const ACR20 = acrCriterion(20);
export const ACR50 = acrCriterion(50);
export const ACR70 = acrCriterion(70);

export const ACR_CRITERIA = [ACR20, ACR50, ACR70];
