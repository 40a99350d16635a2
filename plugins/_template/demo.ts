import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";

/** Plausible inputs that follow the simulated activity (0 = none, 1 = maximal). */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  const item = () => Math.min(10, Math.max(0, Math.round(activity * 10 + (random() - 0.5) * 3)));
  return [{ instrument: "TEMPLATE_SCORE", inputs: { itemA: item(), itemB: item() } }];
}
