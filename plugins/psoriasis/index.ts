import { definePlugin } from "../../src/plugin-api";
import { PASI_ABSOLUTE_2 } from "./absolute-pasi";
import { demoAssessments } from "./demo";
import { PASI } from "./pasi";
import { PASI_RESPONSE_CRITERIA } from "./pasi-response";

export default definePlugin({
  id: "psoriasis",
  apiVersion: "^1.0.0",
  name: "Psoriasis",
  shortName: "PsO",
  description:
    "Plaque psoriasis: PASI (Fredriksson & Pettersson 1978; area as score or percentage) with PASI50/75/90/100 " +
    "response and the absolute PASI ≤ 2 endpoint. PASI bands (mild ≤ 10, moderate to severe > 10) are a convention from the rule of tens.",
  instruments: [PASI],
  primaryInstrument: "PASI",
  responseCriteria: [...PASI_RESPONSE_CRITERIA, PASI_ABSOLUTE_2],
  demo: { assessments: demoAssessments },
});
