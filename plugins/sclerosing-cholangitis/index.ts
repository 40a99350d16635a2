import { definePlugin } from "../../src/plugin-api";
import { ALP_PSC } from "./alp";
import { ALP_ENDPOINTS } from "./alp-endpoints";
import { demoAssessments } from "./demo";
import { MAYO_PSC } from "./mayo-risk";

export default definePlugin({
  id: "sclerosing-cholangitis",
  apiVersion: "^1.1.0",
  name: "Primary sclerosing cholangitis",
  shortName: "PSC",
  description:
    "Primary sclerosing cholangitis: alkaline phosphatase as × ULN (the primary instrument) with four trial-defined ALP endpoints " +
    "(normalisation, < 1.5 × ULN, ≥ 40 % fall, < 2.4 × ULN), and the revised Mayo risk score (Kim 2000) with its risk groups.",
  instruments: [ALP_PSC, MAYO_PSC],
  primaryInstrument: "ALP_PSC",
  responseCriteria: ALP_ENDPOINTS,
  demo: { assessments: demoAssessments },
});
