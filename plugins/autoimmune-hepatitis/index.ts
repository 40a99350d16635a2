import { definePlugin } from "../../src/plugin-api";
import { AIH_BIOCHEMISTRY } from "./biochemistry";
import { demoAssessments } from "./demo";
import { IAIHG_CRITERIA } from "./iaihg-response";
import { AIH_SIMPLIFIED_SCORE } from "./simplified-score";

export default definePlugin({
  id: "autoimmune-hepatitis",
  apiVersion: "^1.2.0",
  name: "Autoimmune hepatitis",
  shortName: "AIH",
  description:
    "Autoimmune hepatitis: transaminases and IgG as × ULN (the primary instrument, fed from the visit's lab results), the IAIHG 2022 " +
    "biochemical response criteria decided from the visits' dates (complete biochemical response by 6 months, insufficient response, " +
    "non-response as a < 50 % transaminase fall within 4 weeks), and the simplified diagnostic score (Hennes 2008).",
  instruments: [AIH_BIOCHEMISTRY, AIH_SIMPLIFIED_SCORE],
  primaryInstrument: "AIH_BIOCHEMISTRY",
  responseCriteria: IAIHG_CRITERIA,
  efficacyEndpoints: [
    { code: "AIH_COMPLETE_BIOCHEMICAL_RESPONSE", label: "Complete biochemical response (IAIHG) by 6 months", kind: "RESPONSE", role: "PRIMARY", instrument: "AIH_BIOCHEMISTRY", criterion: "AIH_BIOCHEMICAL_RESPONSE", defaultVisit: "D183" },
    { code: "AIH_ALT_CHANGE", label: "ALT (× ULN) change from baseline", kind: "CHANGE", role: "SECONDARY", instrument: "AIH_BIOCHEMISTRY", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments, femaleShare: 0.75 },
});
