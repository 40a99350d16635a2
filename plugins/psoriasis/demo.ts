import type { DemoAssessment, DemoVisitContext, Inputs } from "../../src/plugin-api";
import { PASI_REGIONS } from "./pasi";

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Involved percentage of each region at maximal activity. Plaque psoriasis in trials rarely covers a
 * whole region, and the legs and trunk carry most of it; at activity 1 this gives a PASI around 25–30,
 * at 0.5 around 8–10 and at 0 about 1–2 (mostly clear skin), so PASI75/90 responders appear as activity falls.
 */
const MAX_PERCENT = { head: 30, upperLimbs: 35, trunk: 40, lowerLimbs: 45 } as const;

/** PASI with the area recorded as a percentage, as on most trial forms; severities follow the activity. */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  const jitter = () => random() - 0.5;
  const inputs: Inputs = {};
  for (const { key } of PASI_REGIONS) {
    const percent = clamp(Math.round((activity * MAX_PERCENT[key] + jitter() * 8) * 10) / 10, 0, 100);
    // No involved skin means nothing to grade: severities are 0 where the area is 0.
    const severity = () => (percent === 0 ? 0 : clamp(Math.round(activity * 3 + jitter() * 1.5), 1, 4));
    Object.assign(inputs, {
      [`${key}Erythema`]: severity(),
      [`${key}Induration`]: severity(),
      [`${key}Desquamation`]: severity(),
      [`${key}AreaPercent`]: percent,
    });
  }
  return [{ instrument: "PASI", inputs }];
}
