/**
 * ITAS2010 items and weights: the one table a clinician's correction would change.
 *
 * 19 headline items (11 non-cardiovascular, 8 cardiovascular; seven weighted 2, the rest 1) and 25
 * cardiovascular sub-locations, each worth 1 and recorded under its headline item: 44 items, 33 of them
 * cardiovascular, as Misra 2013 reports. Maximum 26 (headline) + 25 (sub-locations) = 51.
 * Source of the list and weights: see references.ts (ITAS_SECONDARY); the published form was not retrieved.
 */
export interface ItasItem {
  name: string;
  label: string;
  domain: string;
  weight: 1 | 2;
  description?: string;
  /** Sub-locations of a cardiovascular headline item, 1 point each. */
  subLocations?: Array<{ name: string; label: string }>;
}

const SIDES = [
  ["Right", "right"],
  ["Left", "left"],
] as const;

const bilateral = (stem: string, label: string) => SIDES.map(([suffix, side]) => ({ name: `${stem}${suffix}`, label: `${label}, ${side}` }));

const PULSE_ARTERIES = [
  ["carotid", "Carotid"],
  ["subclavian", "Subclavian"],
  ["brachial", "Brachial"],
  ["radial", "Radial"],
  ["femoral", "Femoral"],
  ["popliteal", "Popliteal"],
  ["posteriorTibial", "Posterior tibial"],
  ["dorsalisPedis", "Dorsalis pedis"],
] as const;

export const ITAS_ITEMS: ItasItem[] = [
  { name: "malaiseOrWeightLoss", label: "Malaise or weight loss > 2 kg", domain: "Systemic", weight: 1 },
  { name: "myalgiaArthralgiaArthritis", label: "Myalgia, arthralgia or arthritis", domain: "Systemic", weight: 1 },
  { name: "headache", label: "Headache", domain: "Systemic", weight: 1 },
  { name: "severeAbdominalPain", label: "Severe abdominal pain", domain: "Abdomen", weight: 1 },
  { name: "recentSpontaneousAbortion", label: "Recent spontaneous abortion", domain: "Genitourinary", weight: 1 },
  { name: "systolicBpAbove140", label: "Systolic blood pressure > 140 mmHg", domain: "Renal", weight: 1 },
  { name: "diastolicBpAbove90", label: "Diastolic blood pressure > 90 mmHg", domain: "Renal", weight: 2 },
  { name: "stroke", label: "Stroke", domain: "Nervous system", weight: 2 },
  { name: "seizures", label: "Seizures (not hypertensive)", domain: "Nervous system", weight: 1 },
  { name: "syncope", label: "Syncope", domain: "Nervous system", weight: 1 },
  { name: "vertigoOrDizziness", label: "Vertigo or dizziness", domain: "Nervous system", weight: 1 },
  {
    name: "bruits",
    label: "Bruits",
    domain: "Cardiovascular",
    weight: 2,
    subLocations: [...bilateral("carotidBruit", "Carotid bruit"), ...bilateral("subclavianBruit", "Subclavian bruit"), ...bilateral("renalBruit", "Renal bruit")],
  },
  {
    name: "pulseInequality",
    label: "Pulse inequality",
    domain: "Cardiovascular",
    weight: 2,
    subLocations: [{ name: "pulseAndBpInequality", label: "Pulse and blood pressure inequality in the limbs" }],
  },
  {
    name: "newLossOfPulses",
    label: "New loss of pulses",
    domain: "Cardiovascular",
    weight: 2,
    subLocations: PULSE_ARTERIES.flatMap(([stem, label]) => bilateral(`${stem}PulseLoss`, `${label} pulse lost`)),
  },
  {
    name: "claudication",
    label: "Claudication",
    domain: "Cardiovascular",
    weight: 2,
    subLocations: [
      { name: "armClaudication", label: "Arm claudication" },
      { name: "legClaudication", label: "Leg claudication" },
    ],
  },
  { name: "carotidynia", label: "Carotidynia", domain: "Cardiovascular", weight: 2 },
  { name: "aorticIncompetence", label: "Aortic incompetence", domain: "Cardiovascular", weight: 1 },
  { name: "myocardialInfarctionOrAngina", label: "Myocardial infarction or angina", domain: "Cardiovascular", weight: 1 },
  { name: "cardiomyopathyOrCardiacFailure", label: "Cardiomyopathy or cardiac failure", domain: "Cardiovascular", weight: 1 },
];
