import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";

/**
 * ALT, AST and IgG are lab-fed: the demo leaves them out and the core takes them from the visit's lab
 * results, which the demo trial generates to follow this cohort's activity (normal at low activity,
 * several times the ULN at high activity). The diagnostic score is recorded once, at baseline, with
 * the findings of a patient who has AIH.
 */
export function demoAssessments({ random, visitCode }: DemoVisitContext): DemoAssessment[] {
  const assessments: DemoAssessment[] = [{ instrument: "AIH_BIOCHEMISTRY", inputs: {} }];
  if (visitCode === "BASELINE") {
    assessments.push({
      instrument: "AIH_SIMPLIFIED_SCORE",
      inputs: {
        autoantibodies: random() < 0.75 ? "ana_or_sma_80_lkm_40_or_sla" : "ana_or_sma_40",
        histology: random() < 0.6 ? "typical" : "compatible",
        noViralHepatitis: true,
      },
    });
  }
  return assessments;
}
