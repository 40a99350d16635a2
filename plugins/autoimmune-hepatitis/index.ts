import { definePlugin } from "../../src/plugin-api";
import { AIH_BIOCHEMISTRY } from "./biochemistry";
import { demoAssessments } from "./demo";
import { IAIHG_CRITERIA } from "./iaihg-response";
import { AIH_SIMPLIFIED_SCORE } from "./simplified-score";

export default definePlugin({
  id: "autoimmune-hepatitis",
  apiVersion: "^1.1.0",
  name: "Autoimmune hepatitis",
  shortName: "AIH",
  description:
    "Autoimmune hepatitis: transaminases and IgG as × ULN (the primary instrument, fed from the visit's lab results), the IAIHG 2022 " +
    "biochemical response criteria decided from the visits' dates (complete biochemical response by 6 months, insufficient response, " +
    "non-response as a < 50 % transaminase fall within 4 weeks), and the simplified diagnostic score (Hennes 2008).",
  instruments: [AIH_BIOCHEMISTRY, AIH_SIMPLIFIED_SCORE],
  primaryInstrument: "AIH_BIOCHEMISTRY",
  responseCriteria: IAIHG_CRITERIA,
  demo: { assessments: demoAssessments, femaleShare: 0.75 },
});
