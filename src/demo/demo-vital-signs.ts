import type { RecordVitalSignsInput } from "../modules/vital-signs/record-vital-signs";

type VitalSignsValues = Omit<RecordVitalSignsInput, "visitId">;

/** One patient's build, drawn once: weight drifts a little from visit to visit, height does not change. */
export interface DemoBuild {
  weightKg: number;
  heightCm: number;
}

export function demoBuild(sex: "FEMALE" | "MALE", random: () => number): DemoBuild {
  const female = sex === "FEMALE";
  const heightCm = Math.round((female ? 163 : 176) + (random() - 0.5) * 20);
  const bmi = 20 + random() * 9;
  return { heightCm, weightKg: Math.round(bmi * (heightCm / 100) ** 2 * 10) / 10 };
}

/**
 * Simulated vital signs of one visit, normal for adults: capillary leak is a high-dose IL-2 toxicity, so
 * blood pressure stays in range. Height is measured at the baseline visit only, as on most case
 * report forms, so BMI is known there.
 */
export function demoVitalSigns(build: DemoBuild, baseline: boolean, random: () => number): VitalSignsValues {
  const systolicBp = Math.round(105 + random() * 35);
  return {
    weightKg: Math.round(build.weightKg * (1 + (random() - 0.5) * 0.04) * 10) / 10,
    heightCm: baseline ? build.heightCm : null,
    systolicBp,
    diastolicBp: Math.min(systolicBp - 25, Math.round(62 + random() * 26)),
    heartRate: Math.round(58 + random() * 34),
    temperatureC: Math.round((36.2 + random() * 1.1) * 10) / 10,
  };
}
