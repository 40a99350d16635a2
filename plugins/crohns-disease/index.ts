import { definePlugin } from "../../src/plugin-api";
import { CDAI_CROHNS } from "./cdai";
import { CDAI_CRITERIA } from "./cdai-criteria";
import { demoAssessments } from "./demo";
import { HBI } from "./hbi";
import { HBI_CRITERIA } from "./hbi-criteria";

export default definePlugin({
  id: "crohns-disease",
  apiVersion: "^1.3.0",
  name: "Crohn's disease",
  shortName: "CD",
  description:
    "Crohn's disease: Crohn's Disease Activity Index (CDAI_CROHNS, not the RA CDAI_RA) with CDAI-70, CDAI-100 and remission " +
    "(< 150); Harvey–Bradshaw Index with response (fall ≥ 3, a convention) and remission (< 5). Units: haematocrit in %, " +
    "weight and standard weight in kg; the CDAI diary items are 7-day sums.",
  instruments: [CDAI_CROHNS, HBI],
  primaryInstrument: "CDAI_CROHNS",
  responseCriteria: [...CDAI_CRITERIA, ...HBI_CRITERIA],
  efficacyEndpoints: [
    { code: "CD_CDAI_CHANGE", label: "CDAI change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "CDAI_CROHNS", defaultVisit: "D183" },
    { code: "CD_CDAI_70", label: "CDAI-70 response", kind: "RESPONSE", role: "SECONDARY", instrument: "CDAI_CROHNS", criterion: "CDAI_70", defaultVisit: "D183" },
    { code: "CD_CDAI_REMISSION", label: "CDAI remission (< 150)", kind: "RESPONSE", role: "SECONDARY", instrument: "CDAI_CROHNS", criterion: "CDAI_REMISSION", defaultVisit: "D183" },
    { code: "CD_HBI_CHANGE", label: "Harvey–Bradshaw Index change from baseline", kind: "CHANGE", role: "SECONDARY", instrument: "HBI", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments },
});
