import { definePlugin } from "../../src/plugin-api";
import { ALP_PSC } from "./alp";
import { ALP_ENDPOINTS } from "./alp-endpoints";
import { demoAssessments } from "./demo";
import { MAYO_PSC } from "./mayo-risk";

export default definePlugin({
  id: "sclerosing-cholangitis",
  apiVersion: "^1.2.0",
  name: "Primary sclerosing cholangitis",
  shortName: "PSC",
  description:
    "Primary sclerosing cholangitis: alkaline phosphatase as × ULN (the primary instrument) with four trial-defined ALP endpoints " +
    "(normalisation, < 1.5 × ULN, ≥ 40 % fall, < 2.4 × ULN), and the revised Mayo risk score (Kim 2000) with its risk groups.",
  instruments: [ALP_PSC, MAYO_PSC],
  primaryInstrument: "ALP_PSC",
  responseCriteria: ALP_ENDPOINTS,
  efficacyEndpoints: [
    { code: "PSC_ALP_CHANGE", label: "ALP (× ULN) change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "ALP_PSC", defaultVisit: "D183" },
    { code: "PSC_ALP_FALL_40", label: "ALP fall of ≥ 40 %", kind: "RESPONSE", role: "SECONDARY", instrument: "ALP_PSC", criterion: "PSC_ALP_FALL_40", defaultVisit: "D183" },
    { code: "PSC_ALP_BELOW_1_5_ULN", label: "ALP below 1.5 × ULN", kind: "RESPONSE", role: "SECONDARY", instrument: "ALP_PSC", criterion: "PSC_ALP_BELOW_1_5_ULN", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments },
});
