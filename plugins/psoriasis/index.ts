import { definePlugin } from "../../src/plugin-api";
import { PASI_ABSOLUTE_2 } from "./absolute-pasi";
import { demoAssessments } from "./demo";
import { PASI } from "./pasi";
import { PASI_RESPONSE_CRITERIA } from "./pasi-response";

export default definePlugin({
  id: "psoriasis",
  apiVersion: "^1.2.0",
  name: "Psoriasis",
  shortName: "PsO",
  description:
    "Plaque psoriasis: PASI (Fredriksson & Pettersson 1978; area as score or percentage) with PASI50/75/90/100 " +
    "response and the absolute PASI ≤ 2 endpoint. PASI bands (mild ≤ 10, moderate to severe > 10) are a convention from the rule of tens.",
  instruments: [PASI],
  primaryInstrument: "PASI",
  responseCriteria: [...PASI_RESPONSE_CRITERIA, PASI_ABSOLUTE_2],
  efficacyEndpoints: [
    { code: "PSO_PASI_CHANGE", label: "PASI change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "PASI", defaultVisit: "D183" },
    { code: "PSO_PASI_75", label: "PASI 75 response", kind: "RESPONSE", role: "SECONDARY", instrument: "PASI", criterion: "PASI_75", defaultVisit: "D183" },
    { code: "PSO_PASI_50", label: "PASI 50 response", kind: "RESPONSE", role: "SECONDARY", instrument: "PASI", criterion: "PASI_50", defaultVisit: "D183" },
    { code: "PSO_PASI_90", label: "PASI 90 response", kind: "RESPONSE", role: "SECONDARY", instrument: "PASI", criterion: "PASI_90", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments },
});
