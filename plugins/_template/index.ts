/*
 * Template for a new disease plugin: copy this folder to plugins/<disease-id>/, rename the codes,
 * put the real formula and its published worked examples in, and register it in plugins/index.ts.
 * It is not registered itself; tests/conformance checks that it stays a valid starting point.
 */
import { definePlugin } from "../../src/plugin-api";
import { demoAssessments } from "./demo";
import { TEMPLATE_SCORE } from "./template-score";
import { TEMPLATE_RESPONSE } from "./template-response";

export default definePlugin({
  id: "template-disease",
  apiVersion: "^1.3.0",
  name: "Template disease",
  shortName: "TPL",
  description: "Starting point for a new disease plugin.",
  instruments: [TEMPLATE_SCORE],
  primaryInstrument: "TEMPLATE_SCORE",
  responseCriteria: [TEMPLATE_RESPONSE],
  // Exactly one PRIMARY; the core evaluates and summarises each endpoint (see plugins/README.md).
  efficacyEndpoints: [
    { code: "TPL_SCORE_CHANGE", label: "Template score change from baseline", kind: "CHANGE", role: "PRIMARY", instrument: "TEMPLATE_SCORE", defaultVisit: "D183" },
    { code: "TPL_RESPONSE_50", label: "Template 50% improvement", kind: "RESPONSE", role: "SECONDARY", instrument: "TEMPLATE_SCORE", criterion: "TEMPLATE_50", defaultVisit: "D183" },
  ],
  demo: { assessments: demoAssessments },
});
