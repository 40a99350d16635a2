import { definePlugin } from "../../src/plugin-api";
import { demoAssessments } from "./demo";
import { ITAS2010 } from "./itas2010";
import { NIH_TAKAYASU_ACTIVITY } from "./nih-criteria";

export default definePlugin({
  id: "takayasu-arteritis",
  apiVersion: "^1.0.0",
  name: "Takayasu arteritis",
  shortName: "TAK",
  description:
    "Takayasu arteritis: ITAS2010 (Misra 2013; 44 items new or worse in the past 3 months, active ≥ 2; item list PROVISIONAL, from secondary sources " +
    "matching the abstract) and the NIH criteria (Kerr 1994; active when ≥ 2 of 4 features are new or worse). ITAS-A is not implemented (its ESR/CRP " +
    "grading could not be confirmed).",
  instruments: [ITAS2010, NIH_TAKAYASU_ACTIVITY],
  primaryInstrument: "ITAS2010",
  responseCriteria: [],
  demo: { assessments: demoAssessments, femaleShare: 0.85 },
});
