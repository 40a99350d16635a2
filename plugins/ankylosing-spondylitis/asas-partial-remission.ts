import { atMost } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { ANDERSON_2001, ASAS_DOMAIN_INPUTS, ASAS_DOMAINS_ORDER, ASAS_HANDBOOK, BRANDT_2004, asasDomains, asasInputs } from "./asas-domains";

/**
 * Partial remission: every domain ≤ 2 on 0–10 (inclusive), reading Anderson 2001's "not above 20 on 0–100" as the
 * formula reference quotes it. UNCERTAIN: one later text says "< 2"; the README lists what was and was not confirmed.
 */
export const PARTIAL_REMISSION_LIMIT = 2;

export function asasPartialRemission(inputs: Inputs) {
  const domains = asasDomains(inputs);
  const highestDomain = Math.max(...ASAS_DOMAINS_ORDER.map((d) => domains[d]));
  const inRemission = ASAS_DOMAINS_ORDER.every((d) => atMost(domains[d], PARTIAL_REMISSION_LIMIT));
  return {
    value: null,
    components: { ...domains, highestDomain },
    category: inRemission ? "partial_remission" : "no_partial_remission",
  };
}

const boundary = "Boundary case by hand of the ASAS partial-remission rule (each domain ≤ 2)";

export const ASAS_PARTIAL_REMISSION: InstrumentDefinition = {
  code: "ASAS_PARTIAL_REMISSION",
  name: "ASAS partial remission",
  description:
    "A single-visit state: partial remission when every ASAS domain is ≤ 2 on 0–10 — patient global, pain (total back pain), " +
    "function (BASFI) and inflammation (mean of BASDAI questions 5 and 6). The boundary is inclusive: 2.0 counts as remission, " +
    "following Anderson 2001 ('not above 20' on 0–100); some later texts say '< 2', so this wording is UNCERTAIN and a protocol " +
    "may need to confirm it. Compared with a 1e-9 tolerance. No score (value is null); components hold the domains and the highest one.",
  version: "1.0.0",
  inputs: ASAS_DOMAIN_INPUTS,
  compute: asasPartialRemission,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 10 },
  decimals: 1,
  bands: [],
  categories: [
    { code: "partial_remission", label: "ASAS partial remission (every domain ≤ 2)" },
    { code: "no_partial_remission", label: "Not in ASAS partial remission (a domain > 2)" },
  ],
  references: [ANDERSON_2001, BRANDT_2004, ASAS_HANDBOOK],
  examples: [
    { inputs: asasInputs(1, 1, 0.5, 1, 2), value: null, category: "partial_remission", source: `${boundary}: all domains ≤ 1.5` },
    { inputs: asasInputs(2, 2, 2, 2, 2), value: null, category: "partial_remission", source: `${boundary}: every domain exactly 2 ('not above 2')` },
    { inputs: asasInputs(2, 2, 2.1, 2, 2), value: null, category: "no_partial_remission", source: `${boundary}: BASFI 2.1 is above 2` },
    { inputs: asasInputs(1, 1, 1, 1, 3.1), value: null, category: "no_partial_remission", source: `${boundary}: inflammation (1 + 3.1)/2 = 2.05 is above 2` },
    { inputs: asasInputs(0, 0, 0, 1.1, 2.9), value: null, category: "partial_remission", source: `${boundary}: inflammation (1.1 + 2.9)/2 = 2 exactly` },
  ],
};
