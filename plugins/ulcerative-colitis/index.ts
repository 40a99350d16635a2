import { definePlugin } from "../../src/plugin-api";
import { ACT_CRITERIA } from "./act-criteria";
import { demoAssessments } from "./demo";
import { ENDOSCOPIC_CRITERIA } from "./endoscopic-criteria";
import { MAYO_INSTRUMENTS } from "./mayo";
import { MODIFIED_MAYO_REMISSION_CRITERIA } from "./modified-mayo-remission";

export default definePlugin({
  id: "ulcerative-colitis",
  apiVersion: "^1.0.0",
  name: "Ulcerative colitis",
  shortName: "UC",
  description:
    "Ulcerative colitis: total Mayo score (0–12, with severity bands), partial Mayo (no endoscopy) and modified Mayo (no physician " +
    "global; endoscopy 1 excludes friability); ACT 1/2 clinical response and remission, endoscopic improvement (subscore ≤ 1), " +
    "mucosal healing (subscore 0) and modified-Mayo remission in two stated variants.",
  instruments: MAYO_INSTRUMENTS,
  primaryInstrument: "MAYO",
  responseCriteria: [...ACT_CRITERIA, ...ENDOSCOPIC_CRITERIA, ...MODIFIED_MAYO_REMISSION_CRITERIA],
  demo: { assessments: demoAssessments },
});
