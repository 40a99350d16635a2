import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";

/**
 * ALP, bilirubin, albumin and AST are lab-fed: the demo leaves them out and the core takes them from
 * the visit's lab results, which the demo trial generates to follow this cohort's activity (ALP from
 * about 0.8 to 4.8 × ULN). The form gives only what no laboratory reports: age and variceal bleeding.
 */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  return [
    { instrument: "ALP_PSC", inputs: {} },
    { instrument: "MAYO_PSC_RISK", inputs: { age: 30 + Math.floor(random() * 35), varicealBleeding: activity > 0.9 && random() < 0.5 } },
  ];
}
