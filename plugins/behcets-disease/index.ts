import { definePlugin } from "../../src/plugin-api";
import { BDCAF_INDEX, BDCAF_INDEX_TRANSFORMED } from "./bdcaf-index";
import { demoAssessments } from "./demo";
import { BEHCET_EYE_INVOLVEMENT } from "./eye-involvement";
import { GENITAL_ULCER_COUNT, ORAL_ULCER_COUNT } from "./ulcer-counts";
import { GENITAL_ULCER_RESPONSE, ORAL_ULCER_RESPONSE } from "./ulcer-response";

export default definePlugin({
  id: "behcets-disease",
  apiVersion: "^1.2.0",
  name: "Behçet's disease",
  shortName: "BD",
  description:
    "Behçet's disease: the Behçet's Disease Activity Index from the BDCAF (12 items over the past 4 weeks, raw 0–12; Bhakta 1999, Lawton 2004) and its " +
    "transformed 0–20 index (PROVISIONAL conversion table); oral and genital ulcer counts at the visit with trial-defined ulcer responses; eye " +
    "involvement per eye (SUN sites). The Behçet's Syndrome Activity Score (BSAS) is not implemented: its per-item scoring could not be confirmed.",
  instruments: [BDCAF_INDEX, BDCAF_INDEX_TRANSFORMED, ORAL_ULCER_COUNT, GENITAL_ULCER_COUNT, BEHCET_EYE_INVOLVEMENT],
  primaryInstrument: "BDCAF_INDEX",
  responseCriteria: [ORAL_ULCER_RESPONSE, GENITAL_ULCER_RESPONSE],
  efficacyEndpoints: [
    { code: "BD_BDCAF_CHANGE", label: "Behçet's Disease Activity Index (BDCAF) change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "BDCAF_INDEX", defaultVisit: "D183" },
    { code: "BD_ORAL_ULCER_COUNT_CHANGE", label: "Oral-ulcer count change from baseline", kind: "CHANGE", role: "DISEASE_SPECIFIC", instrument: "ORAL_ULCER_COUNT", defaultVisit: "D183" },
    { code: "BD_ORAL_ULCER_RESPONSE", label: "Oral-ulcer response (ulcer-free, or count fallen by ≥ 50 %)", kind: "RESPONSE", role: "DISEASE_SPECIFIC", instrument: "ORAL_ULCER_COUNT", criterion: "ORAL_ULCER_RESPONSE", defaultVisit: "D183" },
    { code: "BD_GENITAL_ULCER_COUNT_CHANGE", label: "Genital-ulcer count change from baseline", kind: "CHANGE", role: "DISEASE_SPECIFIC", instrument: "GENITAL_ULCER_COUNT", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments },
});
