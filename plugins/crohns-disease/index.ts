import { definePlugin } from "../../src/plugin-api";
import { CDAI_CROHNS } from "./cdai";
import { CDAI_CRITERIA } from "./cdai-criteria";
import { demoAssessments } from "./demo";
import { HBI } from "./hbi";
import { HBI_CRITERIA } from "./hbi-criteria";

export default definePlugin({
  id: "crohns-disease",
  apiVersion: "^1.0.0",
  name: "Crohn's disease",
  shortName: "CD",
  description:
    "Crohn's disease: Crohn's Disease Activity Index (CDAI_CROHNS, not the RA CDAI_RA) with CDAI-70, CDAI-100 and remission " +
    "(< 150); Harvey–Bradshaw Index with response (fall ≥ 3, a convention) and remission (< 5). Units: haematocrit in %, " +
    "weight and standard weight in kg; the CDAI diary items are 7-day sums.",
  instruments: [CDAI_CROHNS, HBI],
  primaryInstrument: "CDAI_CROHNS",
  responseCriteria: [...CDAI_CRITERIA, ...HBI_CRITERIA],
  demo: { assessments: demoAssessments },
});
