import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { scale } from "./items";

const ANCHORS = "0 = easy, 10 = impossible.";

/** The ten BASFI questions in questionnaire order (Calin 1994): eight on functional anatomy, two on coping with daily life. */
const QUESTIONS: Array<[name: string, label: string]> = [
  ["socks", "Putting on socks or tights without help or aids"],
  ["pickUpFromFloor", "Bending forward from the waist to pick up a pen from the floor without an aid"],
  ["reachHighShelf", "Reaching up to a high shelf without help or aids"],
  ["riseFromChair", "Getting up out of an armless dining-room chair without using hands or any other help"],
  ["riseFromFloor", "Getting up off the floor without help from lying on the back"],
  ["standUnsupported", "Standing unsupported for 10 minutes without discomfort"],
  ["climbSteps", "Climbing 12–15 steps without using a handrail or walking aid, one foot on each step"],
  ["lookOverShoulder", "Looking over the shoulder without turning the body"],
  ["demandingActivities", "Doing physically demanding activities (e.g. physiotherapy exercises, gardening or sports)"],
  ["fullDay", "Doing a full day's activities, whether at home or at work"],
];

export const BASFI_ITEM_NAMES = QUESTIONS.map(([name]) => name);

/** BASFI = mean of the ten items (0–10). */
export function basfi(inputs: Inputs) {
  const values = BASFI_ITEM_NAMES.map((name) => inputs[name] as number);
  return { value: values.reduce((a, b) => a + b, 0) / values.length };
}

/** Inputs in questionnaire order, Q1…Q10. */
export function basfiInputs(...answers: number[]): Inputs {
  if (answers.length !== BASFI_ITEM_NAMES.length) throw new Error("BASFI has 10 questions");
  return Object.fromEntries(BASFI_ITEM_NAMES.map((name, i) => [name, answers[i]]));
}

export const BASFI: InstrumentDefinition = {
  code: "BASFI",
  name: "Bath Ankylosing Spondylitis Functional Index",
  description:
    "BASFI (Calin 1994): mean of ten 0–10 questions on the ability to perform daily activities over the past week " +
    "(0 = easy, 10 = impossible), score 0–10. No activity bands are defined. It is the function domain of ASAS20/ASAS40 " +
    "and of ASAS partial remission.",
  version: "1.0.0",
  inputs: QUESTIONS.map(([name, label], i) => scale(name, `${label} (BASFI question ${i + 1})`, ANCHORS)),
  compute: basfi,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 10 },
  decimals: 1,
  bands: [],
  references: [
    "Calin A, Garrett S, Whitelock H, Kennedy LG, O'Hea J, Mallorie P, Jenkinson T. A new approach to defining functional ability in ankylosing spondylitis: the development of the Bath Ankylosing Spondylitis Functional Index. J Rheumatol 1994;21:2281-2285.",
  ],
  examples: [
    { inputs: basfiInputs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), value: 5.5, source: "Hand calculation: (1 + 2 + … + 10) / 10 = 55/10 = 5.5" },
    { inputs: basfiInputs(0, 0, 0, 0, 0, 0, 0, 0, 0, 10), value: 1, source: "Hand calculation: a single item of 10 counts one tenth, 10/10 = 1.0" },
    { inputs: basfiInputs(3.2, 4.7, 0, 10, 2.5, 6.1, 8.8, 1.4, 9.9, 5.3), value: 5.2, source: "Hand calculation with VAS values: sum 51.9 / 10 = 5.19 → 5.2" },
  ],
};
