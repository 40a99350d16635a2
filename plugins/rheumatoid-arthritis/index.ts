import { definePlugin } from "../../src/plugin-api";
import { ACR_CORE_SET, ACR_CRITERIA } from "./acr-response";
import { BOOLEAN_INSTRUMENTS } from "./boolean-remission";
import { CDAI_SDAI_INSTRUMENTS } from "./cdai-sdai";
import { DAS28_INSTRUMENTS } from "./das28";
import { demoAssessments } from "./demo";
import { EULAR_RESPONSE } from "./eular-response";

export default definePlugin({
  id: "rheumatoid-arthritis",
  apiVersion: "^1.0.0",
  name: "Rheumatoid arthritis",
  shortName: "RA",
  description:
    "Rheumatoid arthritis: DAS28 (ESR and CRP, 4- and 3-variable) with EULAR response; CDAI (CDAI_RA) and SDAI; " +
    "ACR/EULAR Boolean remission 2011 and 2022; ACR20/50/70 on the ACR core set. Mind the units: DAS28 takes the patient " +
    "global in mm (0–100) and CRP in mg/L, CDAI/SDAI/Boolean take globals in cm (0–10) and CRP in mg/dL.",
  instruments: [...DAS28_INSTRUMENTS, ...CDAI_SDAI_INSTRUMENTS, ...BOOLEAN_INSTRUMENTS, ACR_CORE_SET],
  primaryInstrument: "DAS28_ESR",
  responseCriteria: [EULAR_RESPONSE, ...ACR_CRITERIA],
  demo: { assessments: demoAssessments, femaleShare: 0.75 },
});
