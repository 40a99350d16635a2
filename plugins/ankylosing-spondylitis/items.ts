import { numberInput } from "../../src/plugin-api";

/**
 * Patient-reported 0–10 items shared by BASDAI, ASDAS and the ASAS domains. They are declared once so
 * that the same question has the same input name, range and wording in every instrument.
 * Numbers rather than integers: ASAS prefers a 0–10 NRS, but a 10 cm VAS (read to the mm) is also valid.
 */
export function scale<const N extends string>(name: N, label: string, description: string) {
  return numberInput(name, label, { min: 0, max: 10, description: `${description} 0–10 NRS, or 10 cm VAS in cm.` });
}

export const peripheralPain = scale(
  "peripheralPain",
  "Peripheral pain/swelling (BASDAI question 3)",
  "Overall level of pain/swelling in joints other than neck, back or hips. 0 = none, 10 = very severe.",
);

export const morningStiffnessSeverity = scale(
  "morningStiffnessSeverity",
  "Severity of morning stiffness (BASDAI question 5)",
  "Overall level of morning stiffness from the time of waking. 0 = none, 10 = very severe.",
);

export const morningStiffnessDuration = scale(
  "morningStiffnessDuration",
  "Duration of morning stiffness (BASDAI question 6)",
  "How long morning stiffness lasts from the time of waking. 0 = none, 5 = 1 hour, 10 = 2 hours or more.",
);

export const patientGlobal = scale(
  "patientGlobal",
  "Patient global assessment of disease activity",
  "How active was your spondylitis on average last week? 0 = not active, 10 = very active.",
);
