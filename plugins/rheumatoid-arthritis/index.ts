import { definePlugin } from "../../src/plugin-api";
import { ACR_CORE_SET, ACR_CRITERIA } from "./acr-response";
import { BOOLEAN_INSTRUMENTS } from "./boolean-remission";
import { CDAI_SDAI_INSTRUMENTS } from "./cdai-sdai";
import { DAS28_INSTRUMENTS } from "./das28";
import { demoAssessments } from "./demo";
import { EULAR_RESPONSE } from "./eular-response";

export default definePlugin({
  id: "rheumatoid-arthritis",
  apiVersion: "^1.3.0",
  name: "Rheumatoid arthritis",
  shortName: "RA",
  description:
    "Rheumatoid arthritis: DAS28 (ESR and CRP, 4- and 3-variable) with EULAR response; CDAI (CDAI_RA) and SDAI; " +
    "ACR/EULAR Boolean remission 2011 and 2022; ACR20/50/70 on the ACR core set. Mind the units: DAS28 takes the patient " +
    "global in mm (0–100) and CRP in mg/L, CDAI/SDAI/Boolean take globals in cm (0–10) and CRP in mg/dL.",
  instruments: [...DAS28_INSTRUMENTS, ...CDAI_SDAI_INSTRUMENTS, ...BOOLEAN_INSTRUMENTS, ACR_CORE_SET],
  primaryInstrument: "DAS28_ESR",
  responseCriteria: [EULAR_RESPONSE, ...ACR_CRITERIA],
  efficacyEndpoints: [
    { code: "RA_DAS28_CRP_CHANGE", label: "DAS28-CRP change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "DAS28_CRP", defaultVisit: "D183" },
    { code: "RA_EULAR_RESPONSE", label: "EULAR response (good or moderate) on DAS28-CRP", kind: "RESPONSE", role: "SECONDARY", instrument: "DAS28_CRP", criterion: "EULAR_RESPONSE", defaultVisit: "D183" },
    { code: "RA_ACR20", label: "ACR20 response", kind: "RESPONSE", role: "SECONDARY", instrument: "ACR_CORE_SET", criterion: "ACR20", defaultVisit: "D183" },
    { code: "RA_CDAI_CHANGE", label: "CDAI change from baseline", kind: "CHANGE", role: "SECONDARY", instrument: "CDAI_RA", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments, femaleShare: 0.75 },
});
