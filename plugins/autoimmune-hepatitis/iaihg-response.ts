import { STUDY_DAY_PARAMETERS, atLeast, percentChange, roundTo } from "../../src/plugin-api";
import type { Observation, ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";
import { isNormal, ratio } from "./biochemistry";
import { EARLY_FALL_PERCENT, FOUR_WEEKS_STUDY_DAY, FOUR_WEEKS_WINDOW_DAYS, SIX_MONTHS_STUDY_DAY, SIX_MONTHS_WINDOW_DAYS, ULN_IS_NORMAL } from "./protocol";

const PAPE_2022 =
  "Pape S, Snijders RJALM, Gevers TJG, et al. Systematic review of response criteria and endpoints in autoimmune hepatitis by the International Autoimmune Hepatitis Group. J Hepatol 2022;76:841-849.";

const x = (value: number) => `${roundTo(value, 2)} × ULN`;
const notEvaluable = (reason: string): ResponseResult => ({ status: "NOT_EVALUABLE", reason });

/** The study day of a time point, or the reason it is missing. */
function dayOf(point: Observation, which: string): number | string {
  return point.studyDay ?? `the study day of the ${which} is unknown (from stored visits it needs the patient's treatment start; in evaluateResponse give ${which}StudyDay)`;
}

const SIX_MONTHS_FROM = SIX_MONTHS_STUDY_DAY - SIX_MONTHS_WINDOW_DAYS;
const SIX_MONTHS_TO = SIX_MONTHS_STUDY_DAY + SIX_MONTHS_WINDOW_DAYS;

/**
 * Complete biochemical response (IAIHG 2022): ALT, AST and IgG normal no later than 6 months after the
 * start of treatment. Decided at one follow-up visit:
 * - at or before the 6-month window's end (study day ≤ 190) with all three normal → RESPONDER, CBR;
 * - in the 6-month window (study day 176–190) without CBR → NON_RESPONDER, insufficient response;
 * - before the window without CBR → NOT_EVALUABLE (CBR may still come; insufficient response is decided at 6 months);
 * - after the window → NOT_EVALUABLE (the criterion is judged no later than 6 months);
 * - IgG missing when the transaminases are normal → NOT_EVALUABLE (CBR needs IgG).
 */
export function biochemicalResponse(followUp: Observation): ResponseResult {
  const day = dayOf(followUp, "followUp");
  if (typeof day === "string") return notEvaluable(day.replace("followUpStudyDay", "parameters.followUpStudyDay"));
  if (day <= 1) return notEvaluable(`the follow-up (study day ${day}) is not after the start of treatment (day 1)`);
  if (day > SIX_MONTHS_TO) {
    return notEvaluable(`the follow-up is on study day ${day}, after the 6-month window (study day ${SIX_MONTHS_FROM}–${SIX_MONTHS_TO}): complete biochemical response is judged no later than 6 months`);
  }
  const inputs = followUp.inputs!;
  const alt = ratio(inputs, "alt")!;
  const ast = ratio(inputs, "ast")!;
  const igg = ratio(inputs, "igg");
  const normal = ULN_IS_NORMAL ? "≤ ULN" : "< ULN";
  const transaminasesNormal = isNormal(alt) && isNormal(ast);
  const values = `ALT ${x(alt)}, AST ${x(ast)}${igg === null ? "" : `, IgG ${x(igg)}`} on study day ${day}`;
  if (transaminasesNormal && igg === null) return notEvaluable(`${values}: transaminases normal, but IgG is not recorded at the follow-up; complete biochemical response needs IgG`);
  if (transaminasesNormal && isNormal(igg!)) {
    return { status: "RESPONDER", category: "complete_biochemical_response", reason: `${values}: ALT, AST and IgG all ${normal} no later than 6 months` };
  }
  if (day < SIX_MONTHS_FROM) {
    return notEvaluable(`${values}: not (yet) normal before the 6-month window (study day ${SIX_MONTHS_FROM}–${SIX_MONTHS_TO}); insufficient response is decided at 6 months`);
  }
  return { status: "NON_RESPONDER", category: "insufficient_response", reason: `${values}: ALT, AST and IgG are not all ${normal} at 6 months` };
}

const FOUR_WEEKS_FROM = FOUR_WEEKS_STUDY_DAY - FOUR_WEEKS_WINDOW_DAYS;
const FOUR_WEEKS_TO = FOUR_WEEKS_STUDY_DAY + FOUR_WEEKS_WINDOW_DAYS;

/**
 * Non-response (IAIHG 2022): a fall of serum transaminases of less than 50 % within 4 weeks of the
 * start of treatment. Both ALT and AST (× ULN) must fall by ≥ 50 % (boundary inclusive) from a baseline
 * taken at or before day 1:
 * - ≥ 50 % fall of both by the end of the 4-week window (study day ≤ 32) → RESPONDER;
 * - < 50 % of either in the 4-week window (study day 26–32) → NON_RESPONDER, non-response;
 * - < 50 % before the window → NOT_EVALUABLE (4 weeks not reached); after the window → NOT_EVALUABLE;
 * - a baseline of 0 → NOT_EVALUABLE (percentage undefined).
 */
export function earlyTransaminaseFall(baseline: Observation, followUp: Observation): ResponseResult {
  const baselineDay = dayOf(baseline, "baseline");
  if (typeof baselineDay === "string") return notEvaluable(baselineDay.replace("baselineStudyDay", "parameters.baselineStudyDay"));
  const day = dayOf(followUp, "followUp");
  if (typeof day === "string") return notEvaluable(day.replace("followUpStudyDay", "parameters.followUpStudyDay"));
  if (baselineDay > 1) return notEvaluable(`the baseline is on study day ${baselineDay}, after the start of treatment: the fall within 4 weeks is measured from a pre-treatment value (day 1 or before)`);
  if (day <= 1) return notEvaluable(`the follow-up (study day ${day}) is not after the start of treatment (day 1)`);
  if (day > FOUR_WEEKS_TO) return notEvaluable(`the follow-up is on study day ${day}, after the 4-week window (study day ${FOUR_WEEKS_FROM}–${FOUR_WEEKS_TO})`);
  const falls: Record<string, number | null> = {};
  for (const name of ["alt", "ast"] as const) {
    const change = percentChange(ratio(baseline.inputs!, name)!, ratio(followUp.inputs!, name)!);
    falls[name] = change === null ? null : -change;
  }
  const zero = Object.keys(falls).filter((name) => falls[name] === null);
  if (zero.length > 0) return notEvaluable(`baseline ${zero.map((n) => n.toUpperCase()).join(" and ")} is 0: a percentage fall is undefined`);
  const text = `ALT fell ${roundTo(falls.alt!, 1)} %, AST ${roundTo(falls.ast!, 1)} % by study day ${day}`;
  const met = atLeast(falls.alt!, EARLY_FALL_PERCENT) && atLeast(falls.ast!, EARLY_FALL_PERCENT);
  const percentChangeAlt = -falls.alt!;
  const change = ratio(followUp.inputs!, "alt")! - ratio(baseline.inputs!, "alt")!;
  if (met) return { status: "RESPONDER", category: "early_fall_50", change, percentChange: percentChangeAlt, reason: `${text}: both fell by at least ${EARLY_FALL_PERCENT} % within 4 weeks` };
  if (day < FOUR_WEEKS_FROM) {
    return { ...notEvaluable(`${text}: less than ${EARLY_FALL_PERCENT} % so far, before the 4-week window (study day ${FOUR_WEEKS_FROM}–${FOUR_WEEKS_TO})`), change, percentChange: percentChangeAlt };
  }
  return { status: "NON_RESPONDER", category: "non_response", change, percentChange: percentChangeAlt, reason: `${text}: a fall of less than ${EARLY_FALL_PERCENT} % within 4 weeks` };
}

/** Lab values of one time point; ULNs 40 U/L (ALT, AST) and 16 g/L (IgG). */
const labs = (alt: number, ast: number, igg?: number) => ({ alt, altUln: 40, ast, astUln: 40, ...(igg === undefined ? {} : { igg, iggUln: 16 }) });
const example = (
  baseline: ReturnType<typeof labs>,
  followUp: ReturnType<typeof labs>,
  days: [number, number] | undefined,
  status: ResponseExample["status"],
  category: string | undefined,
  source: string,
): ResponseExample => ({
  instrument: "AIH_BIOCHEMISTRY",
  baseline: { inputs: baseline },
  followUp: { inputs: followUp },
  parameters: days ? { baselineStudyDay: days[0], followUpStudyDay: days[1] } : {},
  status,
  ...(category ? { category } : {}),
  source,
});

const ACTIVE = labs(200, 160, 24);

export const AIH_BIOCHEMICAL_RESPONSE: ResponseCriterion = {
  code: "AIH_BIOCHEMICAL_RESPONSE",
  name: "IAIHG complete biochemical response by 6 months",
  description:
    "IAIHG 2022 (Pape): complete biochemical response when ALT, AST and IgG are normal no later than 6 months after the start of treatment " +
    "(study day 1); insufficient response when they are not at 6 months. A value equal to the ULN counts as normal (protocol choice). " +
    `Time-based: the 6-month time point is study day ${SIX_MONTHS_STUDY_DAY} with the visit window ±${SIX_MONTHS_WINDOW_DAYS} days (study day ${SIX_MONTHS_FROM}–${SIX_MONTHS_TO}). ` +
    "NOT_EVALUABLE when the follow-up is after that window, when it is before it and not yet normal, when IgG is missing with normal transaminases, " +
    "or when the study day is unknown. From stored assessments the study days come from the visits' dates; in evaluateResponse give parameters.followUpStudyDay.",
  instruments: ["AIH_BIOCHEMISTRY"],
  basis: "INPUTS",
  timeBased: true,
  parameters: [...STUDY_DAY_PARAMETERS],
  categories: [
    { code: "complete_biochemical_response", label: "Complete biochemical response" },
    { code: "insufficient_response", label: "Insufficient response" },
  ],
  evaluate: ({ followUp }) => biochemicalResponse(followUp),
  references: [PAPE_2022],
  examples: [
    example(ACTIVE, labs(30, 25, 14), [1, 183], "RESPONDER", "complete_biochemical_response", "Pape 2022 definition, hand-made values: all normal at day 183"),
    example(ACTIVE, labs(40, 40, 16), [1, 120], "RESPONDER", "complete_biochemical_response", "Pape 2022 definition: values equal to the ULN count as normal (protocol choice), day 120"),
    example(ACTIVE, labs(41, 30, 14), [1, 183], "NON_RESPONDER", "insufficient_response", "Pape 2022 definition: ALT 1.025 × ULN at 6 months"),
    example(ACTIVE, labs(30, 25, 16.5), [1, 176], "NON_RESPONDER", "insufficient_response", "Pape 2022 definition: IgG above the ULN at the start of the 6-month window"),
    example(ACTIVE, labs(30, 25, 14), [1, 191], "NOT_EVALUABLE", undefined, "Time window: day 191 is after the 6-month window (≤ day 190)"),
    example(ACTIVE, labs(60, 25, 14), [1, 85], "NOT_EVALUABLE", undefined, "Time window: not normal at month 3, before the 6-month window"),
    example(ACTIVE, labs(30, 25), [1, 183], "NOT_EVALUABLE", undefined, "IgG not recorded at the follow-up"),
    example(ACTIVE, labs(30, 25, 14), undefined, "NOT_EVALUABLE", undefined, "No study day given"),
  ],
};

export const AIH_EARLY_TRANSAMINASE_FALL: ResponseCriterion = {
  code: "AIH_EARLY_TRANSAMINASE_FALL",
  name: "IAIHG non-response: transaminase fall < 50 % within 4 weeks",
  description:
    "IAIHG 2022 (Pape): non-response is a fall of serum transaminases of less than 50 % within 4 weeks of the start of treatment. Protocol choices: " +
    "both ALT and AST are read, as × ULN (equal to U/L when the ULN is unchanged); RESPONDER when both fell by ≥ 50 % (boundary inclusive), " +
    "NON_RESPONDER (non_response) when either fell by less at the 4-week visit. " +
    `Time-based: the baseline must be at or before day 1; the 4-week time point is study day ${FOUR_WEEKS_STUDY_DAY} with the visit window ±${FOUR_WEEKS_WINDOW_DAYS} days ` +
    `(study day ${FOUR_WEEKS_FROM}–${FOUR_WEEKS_TO}). NOT_EVALUABLE after that window, before it with a fall still < 50 %, with a zero baseline, or when a study day is unknown. ` +
    "From stored assessments the study days come from the visits' dates; in evaluateResponse give parameters.baselineStudyDay and followUpStudyDay.",
  instruments: ["AIH_BIOCHEMISTRY"],
  basis: "INPUTS",
  timeBased: true,
  parameters: [...STUDY_DAY_PARAMETERS],
  categories: [
    { code: "early_fall_50", label: "Transaminases fell by ≥ 50 % within 4 weeks" },
    { code: "non_response", label: "Non-response" },
  ],
  evaluate: ({ baseline, followUp }) => earlyTransaminaseFall(baseline, followUp),
  references: [PAPE_2022],
  examples: [
    example(labs(200, 160), labs(100, 80), [1, 29], "RESPONDER", "early_fall_50", "Pape 2022 definition, hand-made values: exactly 50 % fall of both at day 29 (boundary inclusive)"),
    example(labs(200, 160), labs(101, 60), [1, 29], "NON_RESPONDER", "non_response", "Pape 2022 definition: ALT fell 49.5 % at day 29"),
    example(labs(200, 160), labs(60, 40), [-3, 15], "RESPONDER", "early_fall_50", "Pape 2022 definition: ≥ 50 % already by day 15"),
    example(labs(200, 160), labs(150, 120), [1, 15], "NOT_EVALUABLE", undefined, "Time window: 25 % at day 15, 4 weeks not reached"),
    example(labs(200, 160), labs(150, 120), [1, 33], "NOT_EVALUABLE", undefined, "Time window: day 33 is after the 4-week window (≤ day 32)"),
    example(labs(200, 160), labs(60, 40), [8, 29], "NOT_EVALUABLE", undefined, "Baseline after the start of treatment"),
    example(labs(0, 160), labs(10, 40), [1, 29], "NOT_EVALUABLE", undefined, "Zero baseline ALT: percentage undefined (scores.md cross-cutting pitfall 7)"),
  ],
};

export const IAIHG_CRITERIA = [AIH_BIOCHEMICAL_RESPONSE, AIH_EARLY_TRANSAMINASE_FALL];
