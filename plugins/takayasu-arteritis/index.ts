import { definePlugin } from "../../src/plugin-api";
import { demoAssessments } from "./demo";
import { ITAS2010 } from "./itas2010";
import { NIH_TAKAYASU_ACTIVITY } from "./nih-criteria";

export default definePlugin({
  id: "takayasu-arteritis",
  apiVersion: "^1.2.0",
  name: "Takayasu arteritis",
  shortName: "TAK",
  description:
    "Takayasu arteritis: ITAS2010 (Misra 2013; 44 items new or worse in the past 3 months, active ≥ 2; item list PROVISIONAL, from secondary sources " +
    "matching the abstract) and the NIH criteria (Kerr 1994; active when ≥ 2 of 4 features are new or worse). ITAS-A is not implemented (its ESR/CRP " +
    "grading could not be confirmed).",
  instruments: [ITAS2010, NIH_TAKAYASU_ACTIVITY],
  primaryInstrument: "ITAS2010",
  responseCriteria: [],
  efficacyEndpoints: [
    { code: "TAK_ITAS2010_CHANGE", label: "ITAS2010 change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "ITAS2010", defaultVisit: "D183" },
    { code: "TAK_NIH_ACTIVITY_CHANGE", label: "NIH (Kerr) activity criteria count change from baseline", kind: "CHANGE", role: "SECONDARY", instrument: "NIH_TAKAYASU_ACTIVITY", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments, femaleShare: 0.85 },
});
