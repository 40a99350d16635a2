import { definePlugin } from "../../src/plugin-api";
import { ACT_CRITERIA } from "./act-criteria";
import { demoAssessments } from "./demo";
import { ENDOSCOPIC_CRITERIA } from "./endoscopic-criteria";
import { MAYO_INSTRUMENTS } from "./mayo";
import { MODIFIED_MAYO_REMISSION_CRITERIA } from "./modified-mayo-remission";

export default definePlugin({
  id: "ulcerative-colitis",
  apiVersion: "^1.2.0",
  name: "Ulcerative colitis",
  shortName: "UC",
  description:
    "Ulcerative colitis: total Mayo score (0–12, with severity bands), partial Mayo (no endoscopy) and modified Mayo (no physician " +
    "global; endoscopy 1 excludes friability); ACT 1/2 clinical response and remission, endoscopic improvement (subscore ≤ 1), " +
    "mucosal healing (subscore 0) and modified-Mayo remission in two stated variants.",
  instruments: MAYO_INSTRUMENTS,
  primaryInstrument: "MAYO",
  responseCriteria: [...ACT_CRITERIA, ...ENDOSCOPIC_CRITERIA, ...MODIFIED_MAYO_REMISSION_CRITERIA],
  efficacyEndpoints: [
    { code: "UC_MAYO_CHANGE", label: "Total Mayo score change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "MAYO", defaultVisit: "D183" },
    { code: "UC_MAYO_CLINICAL_RESPONSE", label: "Mayo clinical response", kind: "RESPONSE", role: "SECONDARY", instrument: "MAYO", criterion: "MAYO_CLINICAL_RESPONSE", defaultVisit: "D183" },
    { code: "UC_MAYO_CLINICAL_REMISSION", label: "Mayo clinical remission", kind: "RESPONSE", role: "SECONDARY", instrument: "MAYO", criterion: "MAYO_CLINICAL_REMISSION", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments },
});
