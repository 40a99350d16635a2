import { atLeast, greaterThan } from "../../src/plugin-api";
import type { Observation, ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";
import { ANDERSON_2001, ASAS_DOMAINS_ORDER, ASAS_HANDBOOK, BRANDT_2004, asasDomains, asasInputs } from "./asas-domains";
import type { AsasDomain } from "./asas-domains";

interface AsasRule {
  /** Minimum relative improvement in % of baseline. */
  percent: number;
  /** Minimum absolute improvement in units on 0–10. */
  units: number;
  /** Whether the change of the one domain that did not improve counts as worsening. */
  worsened: (baseline: number, followUp: number) => boolean;
  worseningText: string;
}

/** ASAS20 (Anderson 2001): the remaining domain must not worsen by ≥ 20% and ≥ 1 unit. */
export const ASAS20_RULE: AsasRule = {
  percent: 20,
  units: 1,
  // Multiplied out, not divided: from a zero baseline any rise of ≥ 1 unit is a worsening (an unbounded relative rise).
  worsened: (b, f) => atLeast(f - b, 1) && atLeast(f - b, 0.2 * b),
  worseningText: "worsening of ≥ 20% and ≥ 1 unit",
};

/** ASAS40 (Brandt 2004): the remaining domain must not worsen at all. */
export const ASAS40_RULE: AsasRule = {
  percent: 40,
  units: 2,
  worsened: (b, f) => greaterThan(f, b),
  worseningText: "any worsening",
};

/**
 * Improvement in ≥ 3 of the 4 domains by ≥ `percent`% and ≥ `units` units, and no worsening of the remaining one.
 * The percentage is tested as (b − f) ≥ percent/100 · b, so no division happens. A domain with a zero baseline
 * cannot improve; with fewer than three non-zero baselines a response is undefined, hence NOT_EVALUABLE.
 */
export function asasResponse(rule: AsasRule, baseline: Record<AsasDomain, number>, followUp: Record<AsasDomain, number>): ResponseResult {
  const zeroBaseline = ASAS_DOMAINS_ORDER.filter((d) => !greaterThan(baseline[d], 0));
  if (zeroBaseline.length > 1) {
    return {
      status: "NOT_EVALUABLE",
      reason: `Baseline is 0 in ${zeroBaseline.join(", ")}: the relative improvement is undefined there, so fewer than 3 domains can be assessed.`,
    };
  }
  const improved = ASAS_DOMAINS_ORDER.filter((d) => {
    const fall = baseline[d] - followUp[d];
    return greaterThan(baseline[d], 0) && atLeast(fall, rule.units) && atLeast(fall, (rule.percent / 100) * baseline[d]);
  });
  const threshold = `≥ ${rule.percent}% and ≥ ${rule.units} unit${rule.units > 1 ? "s" : ""}`;
  const summary = `Improved ${threshold} in ${improved.length} of 4 domains${improved.length ? ` (${improved.join(", ")})` : ""}`;
  if (improved.length < 3) return { status: "NON_RESPONDER", category: "insufficient_improvement", reason: `${summary}; 3 are needed.` };
  const remaining = ASAS_DOMAINS_ORDER.find((d) => !improved.includes(d));
  if (remaining && rule.worsened(baseline[remaining], followUp[remaining])) {
    return { status: "NON_RESPONDER", category: "worsening_in_remaining_domain", reason: `${summary}, but ${remaining} shows ${rule.worseningText}.` };
  }
  return { status: "RESPONDER", category: "response", reason: remaining ? `${summary}; ${remaining} shows no ${rule.worseningText}.` : `${summary}.` };
}

const domainsOf = (observation: Observation) => asasDomains(observation.inputs!);

const CATEGORIES = [
  { code: "response", label: "Response" },
  { code: "insufficient_improvement", label: "Fewer than 3 domains improved enough" },
  { code: "worsening_in_remaining_domain", label: "3 domains improved but the remaining one worsened" },
];

const INSTRUMENTS = ["ASAS_DOMAINS", "ASAS_PARTIAL_REMISSION"];
const DOMAIN_TEXT =
  "Domains (each 0–10, from the raw inputs of ASAS_DOMAINS or ASAS_PARTIAL_REMISSION): patient global, pain (total back pain), " +
  "function (BASFI), inflammation (mean of BASDAI questions 5 and 6).";
const ZERO_TEXT =
  "Thresholds are inclusive and multiplied out (no division), with a 1e-9 tolerance. A zero-baseline domain cannot count as improved; " +
  "with more than one zero-baseline domain the result is NOT_EVALUABLE.";

const hand = (text: string) => `Hand calculation of the rule: ${text}`;
const G = "ASAS_DOMAINS";

function example(baseline: number[], followUp: number[], status: ResponseExample["status"], category: string | undefined, source: string): ResponseExample {
  const [g, p, f, s, d] = baseline;
  const [g2, p2, f2, s2, d2] = followUp;
  return { instrument: G, baseline: { inputs: asasInputs(g, p, f, s, d) }, followUp: { inputs: asasInputs(g2, p2, f2, s2, d2) }, status, category, source };
}

export const ASAS20: ResponseCriterion = {
  code: "ASAS20",
  name: "ASAS20 response",
  description:
    "ASAS20 (Anderson 2001): improvement of ≥ 20% and ≥ 1 unit in at least 3 of the 4 ASAS domains, and no worsening of ≥ 20% " +
    `and ≥ 1 unit in the remaining domain. ${DOMAIN_TEXT} ${ZERO_TEXT} From a zero baseline, a rise of ≥ 1 unit counts as worsening.`,
  instruments: INSTRUMENTS,
  basis: "INPUTS",
  categories: CATEGORIES,
  evaluate: ({ baseline, followUp }) => asasResponse(ASAS20_RULE, domainsOf(baseline), domainsOf(followUp)),
  references: [ANDERSON_2001, ASAS_HANDBOOK],
  examples: [
    // Domains: [patient global, total back pain, BASFI, BASDAI Q5, BASDAI Q6]; inflammation = mean of the last two.
    example([6, 7, 5, 6, 6], [4, 5, 4, 4, 4], "RESPONDER", "response", hand("all four domains improve by ≥ 1 unit and ≥ 20%")),
    example([5.5, 5.5, 5.5, 5.5, 5.5], [4.4, 4.4, 4.4, 4.4, 4.4], "RESPONDER", "response", hand("5.5 → 4.4 is exactly 20% and 1.1 units in every domain (1.0999999999999996 in doubles)")),
    example([5.5, 5.5, 5.5, 5.5, 5.5], [4.5, 4.5, 4.5, 4.5, 4.5], "NON_RESPONDER", "insufficient_improvement", hand("5.5 → 4.5 is 1 unit but only 18.2%")),
    example([2.3, 2.3, 2.3, 2.3, 2.3], [1.3, 1.3, 1.3, 1.3, 1.3], "RESPONDER", "response", hand("2.3 → 1.3 is exactly 1 unit (0.9999999999999998 in doubles) and 43%")),
    example([2.3, 2.3, 2.3, 2.3, 2.3], [1.4, 1.4, 1.4, 1.4, 1.4], "NON_RESPONDER", "insufficient_improvement", hand("2.3 → 1.4 is 39% but only 0.9 units")),
    example([6, 6, 6, 5, 5], [4, 4, 4, 6, 6], "NON_RESPONDER", "worsening_in_remaining_domain", hand("3 domains improve; inflammation 5 → 6 is exactly 20% and 1 unit worse")),
    example([6, 6, 6, 5, 5], [4, 4, 4, 5.9, 5.9], "RESPONDER", "response", hand("3 domains improve; inflammation 5 → 5.9 is 18% worse, below the worsening limit")),
    example([6, 6, 6, 0, 0], [4, 4, 4, 1, 1], "NON_RESPONDER", "worsening_in_remaining_domain", hand("inflammation 0 → 1: from a zero baseline a 1-unit rise is a worsening")),
    example([6, 6, 6, 0, 0], [4, 4, 4, 0.9, 0.9], "RESPONDER", "response", hand("inflammation 0 → 0.9 is below the 1-unit worsening limit")),
    example([0, 0, 6, 6, 6], [0, 0, 1, 1, 1], "NOT_EVALUABLE", undefined, hand("patient global and pain have a zero baseline")),
  ],
};

export const ASAS40: ResponseCriterion = {
  code: "ASAS40",
  name: "ASAS40 response",
  description:
    "ASAS40 (Brandt 2004): improvement of ≥ 40% and ≥ 2 units in at least 3 of the 4 ASAS domains, and no worsening at all in the " +
    `remaining domain. ${DOMAIN_TEXT} ${ZERO_TEXT}`,
  instruments: INSTRUMENTS,
  basis: "INPUTS",
  categories: CATEGORIES,
  evaluate: ({ baseline, followUp }) => asasResponse(ASAS40_RULE, domainsOf(baseline), domainsOf(followUp)),
  references: [BRANDT_2004, ASAS_HANDBOOK],
  examples: [
    example([6, 6, 6, 6, 6], [3.6, 3.6, 3.6, 3.6, 3.6], "RESPONDER", "response", hand("6 → 3.6 is exactly 40% (2.4 vs 2.4000000000000004 in doubles) and 2.4 units")),
    example([6, 6, 6, 6, 6], [3.7, 3.7, 3.7, 3.7, 3.7], "NON_RESPONDER", "insufficient_improvement", hand("6 → 3.7 is 2.3 units but only 38.3%")),
    example([3.3, 3.3, 3.3, 3.3, 3.3], [1.3, 1.3, 1.3, 1.3, 1.3], "RESPONDER", "response", hand("3.3 → 1.3 is exactly 2 units (1.9999999999999998 in doubles) and 61%")),
    example([3.3, 3.3, 3.3, 3.3, 3.3], [1.4, 1.4, 1.4, 1.4, 1.4], "NON_RESPONDER", "insufficient_improvement", hand("3.3 → 1.4 is 58% but only 1.9 units")),
    example([8, 8, 8, 4, 4], [4, 4, 4, 4, 4], "RESPONDER", "response", hand("3 domains improve by 50%; inflammation unchanged is not a worsening")),
    example([8, 8, 8, 4, 4], [4, 4, 4, 4, 4.2], "NON_RESPONDER", "worsening_in_remaining_domain", hand("3 domains improve; inflammation 4 → 4.1 is a worsening")),
    example([0, 0, 8, 8, 8], [0, 0, 2, 2, 2], "NOT_EVALUABLE", undefined, hand("patient global and pain have a zero baseline")),
  ],
};
