import { atLeast, atMost, integerInput, lessThan, percentChange, roundTo } from "../../src/plugin-api";
import type { Inputs, Observation, ResponseCriterion, ResponseExample, ResponseResult } from "../../src/plugin-api";
import { descriptorInputs } from "./descriptors";
import { FURIE_2009, GLADMAN_2002, NAVARRA_2011 } from "./references";

/**
 * SLE Responder Index SRI-k (Furie 2009; k = 4 in BLISS, 5–8 raise the SLEDAI threshold). Responder when all hold:
 * - SLEDAI-2K falls by ≥ k points from baseline (BLISS used SELENA-SLEDAI; this plugin scores SLEDAI-2K);
 * - no new BILAG-2004 A domain and ≤ 1 new BILAG-2004 B domain (given as counts: no BILAG scorer here);
 * - the PGA (0–3) rises by < 0.3 from baseline.
 *
 * Each k is its own criterion (SRI_4 … SRI_8) so that every endpoint has one stable code. A baseline SLEDAI-2K
 * below k cannot fall by k: the patient is not a responder (the criterion is not met), and the reason says why;
 * leaving such patients out as not evaluable would inflate responder rates.
 * The PGA rise is compared unrounded with `lessThan` (1e-9 tolerance): 1.3 − 1.0 = 0.30000000000000004 is a
 * rise of 0.3 and fails, 0.29 passes.
 */

/** BILAG-2004 has 9 organ domains, so at most 9 can become new A or B. */
const BILAG_DOMAINS = 9;

export const SRI_PARAMETERS = [
  integerInput("newBilagA", "New BILAG-2004 A domains", 0, BILAG_DOMAINS, {
    description: "Number of BILAG-2004 organ domains scored A at follow-up that were not A at baseline (0–9). BILAG-2004 itself is not scored by this service.",
  }),
  integerInput("newBilagB", "New BILAG-2004 B domains", 0, BILAG_DOMAINS, {
    description: "Number of BILAG-2004 organ domains scored B at follow-up that were below B (C, D or E) at baseline (0–9). BILAG-2004 itself is not scored by this service.",
  }),
];

export interface SriValues {
  baselineSledai: number;
  followUpSledai: number;
  baselinePga: number;
  followUpPga: number;
  newBilagA: number;
  newBilagB: number;
}

const notEvaluable = (reason: string, baseline: number | null = null, followUp: number | null = null): ResponseResult => ({
  status: "NOT_EVALUABLE",
  change: baseline !== null && followUp !== null ? followUp - baseline : null,
  percentChange: baseline !== null && followUp !== null ? percentChange(baseline, followUp) : null,
  reason,
});

const tick = (ok: boolean) => (ok ? "met" : "NOT met");

/** SRI-k from the two SLEDAI-2K totals, the two PGAs and the new BILAG A/B counts. */
export function sriResponse(k: number, v: SriValues): ResponseResult {
  const code = `SRI-${k}`;
  const { baselineSledai, followUpSledai, baselinePga, followUpPga, newBilagA, newBilagB } = v;
  if (newBilagA + newBilagB > BILAG_DOMAINS) {
    return notEvaluable(`${code} not evaluable: ${newBilagA} new A + ${newBilagB} new B domains exceed the ${BILAG_DOMAINS} BILAG-2004 domains`, baselineSledai, followUpSledai);
  }
  const reduction = baselineSledai - followUpSledai;
  const pgaRise = followUpPga - baselinePga;
  const sledaiMet = atLeast(reduction, k);
  const bilagAMet = atMost(newBilagA, 0);
  const bilagBMet = atMost(newBilagB, 1);
  const pgaMet = lessThan(pgaRise, 0.3);
  const met = sledaiMet && bilagAMet && bilagBMet && pgaMet;
  const reason =
    `${code} ${met ? "met" : "not met"}: SLEDAI-2K ${baselineSledai} → ${followUpSledai}, reduction ${reduction} (≥ ${k} needed: ${tick(sledaiMet)}` +
    `${lessThan(baselineSledai, k) ? `; impossible from a baseline below ${k}` : ""}); ` +
    `new BILAG A ${newBilagA} (0 allowed: ${tick(bilagAMet)}); new BILAG B ${newBilagB} (≤ 1 allowed: ${tick(bilagBMet)}); ` +
    `PGA ${baselinePga} → ${followUpPga}, rise ${roundTo(pgaRise, 6)} (< 0.3 needed: ${tick(pgaMet)}).`;
  return {
    status: met ? "RESPONDER" : "NON_RESPONDER",
    change: followUpSledai - baselineSledai,
    percentChange: percentChange(baselineSledai, followUpSledai),
    reason,
  };
}

function pgaOf(observation: Observation): number | undefined {
  const value = observation.companions?.PGA_SLE?.value;
  return typeof value === "number" ? value : undefined;
}

function evaluate(k: number, baseline: Observation, followUp: Observation, parameters: Inputs): ResponseResult {
  const baselinePga = pgaOf(baseline);
  const followUpPga = pgaOf(followUp);
  if (baseline.value === null || followUp.value === null) return notEvaluable(`SRI-${k} not evaluable: a SLEDAI-2K total is missing`);
  if (baselinePga === undefined || followUpPga === undefined) return notEvaluable(`SRI-${k} not evaluable: PGA_SLE is needed at both visits`);
  return sriResponse(k, {
    baselineSledai: baseline.value,
    followUpSledai: followUp.value,
    baselinePga,
    followUpPga,
    newBilagA: parameters.newBilagA as number,
    newBilagB: parameters.newBilagB as number,
  });
}

/**
 * Descriptor sets with a hand-summed SLEDAI-2K total, used to build examples at any score needed.
 * Weights: proteinuria 4, arthritis 4, rash 2, alopecia 2, low complement 2, DNA binding 2, fever 1.
 */
export const DESCRIPTORS_FOR_SCORE: Record<number, string[]> = {
  0: [],
  3: ["rash", "fever"], // 2 + 1
  4: ["arthritis"], // 4
  5: ["arthritis", "fever"], // 4 + 1
  6: ["arthritis", "rash"], // 4 + 2
  7: ["arthritis", "rash", "fever"], // 4 + 2 + 1
  8: ["arthritis", "lowComplement", "increasedDnaBinding"], // 4 + 2 + 2
  9: ["arthritis", "lowComplement", "increasedDnaBinding", "fever"], // 4 + 2 + 2 + 1
  10: ["arthritis", "rash", "lowComplement", "increasedDnaBinding"], // 4 + 2 + 2 + 2
  11: ["arthritis", "rash", "lowComplement", "increasedDnaBinding", "fever"], // 10 + 1
  12: ["proteinuria", "arthritis", "lowComplement", "increasedDnaBinding"], // 4 + 4 + 2 + 2
  13: ["proteinuria", "arthritis", "lowComplement", "increasedDnaBinding", "fever"], // 12 + 1
  16: ["proteinuria", "arthritis", "rash", "alopecia", "lowComplement", "increasedDnaBinding"], // 4 + 4 + 2 + 2 + 2 + 2
};

interface VisitInput {
  inputs: Inputs;
  companions: Record<string, Inputs>;
}

/** One visit as a client sends it: SLEDAI-2K descriptors plus the PGA_SLE companion. */
export function sriVisit(sledai: number, pga: number): VisitInput {
  const present = DESCRIPTORS_FOR_SCORE[sledai];
  if (!present) throw new Error(`no hand-summed descriptor set for SLEDAI-2K ${sledai}`);
  return { inputs: descriptorInputs(present), companions: { PGA_SLE: { physicianGlobal: pga } } };
}

function examples(k: number): ResponseExample[] {
  const src = `Furie 2009 SRI rule at k = ${k}, hand calculation`;
  const ex = (
    baseline: [number, number],
    followUp: [number, number],
    bilag: [number, number],
    status: ResponseExample["status"],
    note: string,
  ): ResponseExample => ({
    instrument: "SLEDAI_2K",
    baseline: sriVisit(...baseline),
    followUp: sriVisit(...followUp),
    parameters: { newBilagA: bilag[0], newBilagB: bilag[1] },
    status,
    source: `${src}: ${note}`,
  });
  const exact = 16 - k;
  const short = 17 - k;
  const list: ResponseExample[] = [
    ex([16, 1.0], [exact, 1.0], [0, 0], "RESPONDER", `SLEDAI-2K 16 → ${exact}: reduction exactly ${k}`),
    ex([16, 1.0], [short, 1.0], [0, 0], "NON_RESPONDER", `SLEDAI-2K 16 → ${short}: reduction ${k - 1}`),
    ex([16, 1.0], [exact, 1.3], [0, 0], "NON_RESPONDER", "PGA 1.0 → 1.3: a rise of 0.3 (0.30000000000000004 in doubles) is not < 0.3"),
    ex([16, 1.0], [exact, 1.29], [0, 0], "RESPONDER", "PGA 1.0 → 1.29: a rise of 0.29 < 0.3"),
    ex([16, 2.0], [exact, 0.5], [0, 0], "RESPONDER", "PGA falls 2.0 → 0.5"),
    ex([16, 1.0], [exact, 1.0], [1, 0], "NON_RESPONDER", "one new BILAG A domain"),
    ex([16, 1.0], [exact, 1.0], [0, 1], "RESPONDER", "one new BILAG B domain is allowed"),
    ex([16, 1.0], [exact, 1.0], [0, 2], "NON_RESPONDER", "two new BILAG B domains"),
    ex([k - 1, 1.0], [0, 0.5], [0, 0], "NON_RESPONDER", `baseline SLEDAI-2K ${k - 1} < ${k}: a ${k}-point reduction is impossible`),
    ex([16, 1.0], [exact, 1.0], [5, 5], "NOT_EVALUABLE", "5 new A + 5 new B domains exceed the 9 BILAG-2004 domains"),
  ];
  if (k === 4) {
    list.push(
      ex([10, 1.0], [6, 1.0], [0, 0], "RESPONDER", "SLEDAI-2K 10 → 6: reduction exactly 4"),
      ex([10, 1.0], [7, 1.0], [0, 0], "NON_RESPONDER", "SLEDAI-2K 10 → 7: reduction 3"),
    );
  }
  return list;
}

function sriCriterion(k: 4 | 5 | 6 | 7 | 8): ResponseCriterion {
  return {
    code: `SRI_${k}`,
    name: `SRI-${k} (SLE Responder Index)`,
    description:
      `SRI-${k} (Furie 2009${k === 4 ? "; BLISS primary endpoint" : `; SRI-4 with the SLEDAI threshold raised to ${k}`}): responder when SLEDAI-2K falls by ` +
      `≥ ${k} points from baseline, there is no new BILAG-2004 A domain and at most 1 new BILAG-2004 B domain (parameters newBilagA and newBilagB, ` +
      "counts 0–9; BILAG-2004 is not scored by this service), and the physician global assessment (PGA_SLE companion, 0–3) rises by < 0.3. " +
      "Protocol choices: SLEDAI-2K replaces the SELENA-SLEDAI used in BLISS; the PGA rise is compared unrounded with a 1e-9 tolerance, so " +
      "1.0 → 1.3 is a rise of 0.3 and fails while 1.0 → 1.29 passes; a baseline SLEDAI-2K below " +
      `${k} is NON_RESPONDER (a ${k}-point fall is impossible); newBilagA + newBilagB > 9 is NOT_EVALUABLE. SRI-4 to SRI-8 are separate criteria (SRI_4 … SRI_8). ` +
      "Needs raw SLEDAI-2K descriptors and PGA_SLE at both visits. change and percentChange are those of SLEDAI-2K.",
    instruments: ["SLEDAI_2K"],
    basis: "INPUTS",
    companions: ["PGA_SLE"],
    parameters: SRI_PARAMETERS,
    categories: [],
    evaluate: ({ baseline, followUp, parameters }) => evaluate(k, baseline, followUp, parameters),
    references: [FURIE_2009, NAVARRA_2011, GLADMAN_2002],
    examples: examples(k),
  };
}

export const SRI_4 = sriCriterion(4);
export const SRI_5 = sriCriterion(5);
export const SRI_6 = sriCriterion(6);
export const SRI_7 = sriCriterion(7);
export const SRI_8 = sriCriterion(8);

export const SRI_CRITERIA = [SRI_4, SRI_5, SRI_6, SRI_7, SRI_8];
