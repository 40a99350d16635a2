/**
 * BVAS version 3 (Mukhtyar 2009): every item's weights and every organ system's caps, in ONE table.
 *
 * A clinician's correction of a weight, a cap or a "not compatible with persistent disease" flag is a change to
 * one line below; the instrument, its tests' structural checks, the demo and the catalogue all read this table.
 *
 * Columns: persistent weight (null = the item is marked * on the form: "not compatible with persistent disease",
 * so it is refused when the PERSISTENT box is ticked), new/worse weight, and where the two weights come from:
 * - "primary": stated in a primary-derived text (the BVAS v3 scoring-rules sheet for General, Cutaneous and
 *   Mucous membranes/eyes items 1–5 and their caps; the BVAS 2003 glossary for Chest items 3–7 and all
 *   Cardiovascular items and cap);
 * - "implementations": the form-derived value agrees with two independent public item-level implementations,
 *   no primary text with the weights was read (PROVISIONAL);
 * - "disputed": public sources disagree; the value used and the other one are in `disputed` (PROVISIONAL).
 */

export type BvasSystem =
  | "general"
  | "cutaneous"
  | "mucousMembranesEyes"
  | "ent"
  | "chest"
  | "cardiovascular"
  | "abdominal"
  | "renal"
  | "nervousSystem";

export type Provenance = "primary" | "implementations" | "disputed";

export interface SystemRow {
  system: BvasSystem;
  label: string;
  /** Maximum points of the system when the PERSISTENT box is ticked. */
  persistentCap: number;
  /** Maximum points of the system on a new/worse form. */
  newWorseCap: number;
  /** Where the persistent cap comes from (the new/worse caps agree across three sources and add up to 63). */
  persistentCapProvenance: Provenance | "derived";
}

export interface ItemRow {
  /** lowerCamelCase input name (for the creatinine bands: the value of the `serumCreatinine` code input). */
  name: string;
  label: string;
  system: BvasSystem;
  /** null: marked * on the form, not compatible with persistent disease. */
  persistent: number | null;
  newWorse: number;
  provenance: Provenance;
  /** For disputed cells: the other published reading. */
  disputed?: string;
}

//                                                                  persistent cap, new/worse cap
export const BVAS_V3_SYSTEMS: readonly SystemRow[] = [
  { system: "general", label: "1. General", persistentCap: 2, newWorseCap: 3, persistentCapProvenance: "primary" },
  { system: "cutaneous", label: "2. Cutaneous", persistentCap: 3, newWorseCap: 6, persistentCapProvenance: "primary" },
  { system: "mucousMembranesEyes", label: "3. Mucous membranes / eyes", persistentCap: 3, newWorseCap: 6, persistentCapProvenance: "primary" },
  { system: "ent", label: "4. ENT", persistentCap: 3, newWorseCap: 6, persistentCapProvenance: "implementations" },
  // Chest 3 + abdominal 4 is the only pairing of the implementations' values that gives the published 0–33 total.
  { system: "chest", label: "5. Chest", persistentCap: 3, newWorseCap: 6, persistentCapProvenance: "derived" },
  { system: "cardiovascular", label: "6. Cardiovascular", persistentCap: 3, newWorseCap: 6, persistentCapProvenance: "primary" },
  { system: "abdominal", label: "7. Abdominal", persistentCap: 4, newWorseCap: 9, persistentCapProvenance: "derived" },
  { system: "renal", label: "8. Renal", persistentCap: 6, newWorseCap: 12, persistentCapProvenance: "implementations" },
  { system: "nervousSystem", label: "9. Nervous system", persistentCap: 6, newWorseCap: 9, persistentCapProvenance: "implementations" },
];

/** The three serum-creatinine bands: one `code` input, scored only at the patient's first assessment. */
export const CREATININE_BANDS = ["125_to_249", "250_to_499", "500_or_more"] as const;
export type CreatinineBand = (typeof CREATININE_BANDS)[number];

//                                                                                                      persistent, new/worse
export const BVAS_V3_ITEMS: readonly ItemRow[] = [
  { name: "myalgia", label: "Myalgia", system: "general", persistent: 1, newWorse: 1, provenance: "primary" },
  { name: "arthralgiaArthritis", label: "Arthralgia / arthritis", system: "general", persistent: 1, newWorse: 1, provenance: "primary" },
  { name: "fever", label: "Fever ≥ 38 °C", system: "general", persistent: 2, newWorse: 2, provenance: "primary" },
  { name: "weightLoss", label: "Weight loss ≥ 2 kg", system: "general", persistent: 2, newWorse: 2, provenance: "primary" },

  { name: "skinInfarct", label: "Infarct", system: "cutaneous", persistent: 1, newWorse: 2, provenance: "primary" },
  { name: "purpura", label: "Purpura", system: "cutaneous", persistent: 1, newWorse: 2, provenance: "primary" },
  { name: "skinUlcer", label: "Ulcer", system: "cutaneous", persistent: 1, newWorse: 4, provenance: "primary" },
  { name: "gangrene", label: "Gangrene", system: "cutaneous", persistent: 2, newWorse: 6, provenance: "primary" },
  { name: "otherSkinVasculitis", label: "Other skin vasculitis", system: "cutaneous", persistent: 1, newWorse: 2, provenance: "primary" },

  { name: "mouthUlcers", label: "Mouth ulcers / granulomata", system: "mucousMembranesEyes", persistent: 1, newWorse: 2, provenance: "primary" },
  { name: "genitalUlcers", label: "Genital ulcers", system: "mucousMembranesEyes", persistent: 1, newWorse: 1, provenance: "primary" },
  { name: "adnexalInflammation", label: "Adnexal inflammation", system: "mucousMembranesEyes", persistent: 2, newWorse: 4, provenance: "primary" },
  { name: "significantProptosis", label: "Significant proptosis", system: "mucousMembranesEyes", persistent: 2, newWorse: 4, provenance: "primary" },
  { name: "scleritisEpiscleritis", label: "Scleritis / episcleritis", system: "mucousMembranesEyes", persistent: 1, newWorse: 2, provenance: "primary" },
  { name: "conjunctivitisBlepharitisKeratitis", label: "Conjunctivitis / blepharitis / keratitis", system: "mucousMembranesEyes", persistent: 1, newWorse: 1, provenance: "implementations" },
  { name: "blurredVision", label: "Blurred vision", system: "mucousMembranesEyes", persistent: 2, newWorse: 3, provenance: "implementations" },
  { name: "suddenVisualLoss", label: "Sudden visual loss", system: "mucousMembranesEyes", persistent: null, newWorse: 6, provenance: "implementations" },
  { name: "uveitis", label: "Uveitis", system: "mucousMembranesEyes", persistent: 2, newWorse: 6, provenance: "implementations" },
  { name: "retinalChanges", label: "Retinal changes (vasculitis / thrombosis / exudate / haemorrhage)", system: "mucousMembranesEyes", persistent: 2, newWorse: 6, provenance: "implementations" },

  { name: "bloodyNasalDischarge", label: "Bloody nasal discharge / crusts / ulcers / granulomata", system: "ent", persistent: 2, newWorse: 4, provenance: "disputed", disputed: "3/6 in one public implementation" },
  { name: "paranasalSinusInvolvement", label: "Paranasal sinus involvement", system: "ent", persistent: 1, newWorse: 2, provenance: "implementations" },
  { name: "subglotticStenosis", label: "Subglottic stenosis", system: "ent", persistent: 3, newWorse: 6, provenance: "implementations" },
  { name: "conductiveHearingLoss", label: "Conductive hearing loss", system: "ent", persistent: 1, newWorse: 3, provenance: "implementations" },
  { name: "sensorineuralHearingLoss", label: "Sensorineural hearing loss", system: "ent", persistent: 2, newWorse: 6, provenance: "implementations" },

  { name: "wheeze", label: "Wheeze", system: "chest", persistent: 1, newWorse: 2, provenance: "implementations" },
  { name: "nodulesOrCavities", label: "Nodules or cavities", system: "chest", persistent: null, newWorse: 3, provenance: "implementations" },
  { name: "pleuralEffusionPleurisy", label: "Pleural effusion / pleurisy", system: "chest", persistent: 2, newWorse: 4, provenance: "primary" },
  { name: "infiltrate", label: "Infiltrate", system: "chest", persistent: 2, newWorse: 4, provenance: "primary" },
  { name: "endobronchialInvolvement", label: "Endobronchial involvement", system: "chest", persistent: 2, newWorse: 4, provenance: "primary" },
  { name: "alveolarHaemorrhage", label: "Massive haemoptysis / alveolar haemorrhage", system: "chest", persistent: 4, newWorse: 6, provenance: "primary" },
  { name: "respiratoryFailure", label: "Respiratory failure", system: "chest", persistent: 4, newWorse: 6, provenance: "primary" },

  { name: "lossOfPulses", label: "Loss of pulses", system: "cardiovascular", persistent: 1, newWorse: 4, provenance: "primary" },
  { name: "valvularHeartDisease", label: "Valvular heart disease", system: "cardiovascular", persistent: 2, newWorse: 4, provenance: "primary" },
  { name: "pericarditis", label: "Pericarditis", system: "cardiovascular", persistent: 1, newWorse: 3, provenance: "primary" },
  { name: "ischaemicCardiacPain", label: "Ischaemic cardiac pain", system: "cardiovascular", persistent: 2, newWorse: 4, provenance: "primary" },
  { name: "cardiomyopathy", label: "Cardiomyopathy", system: "cardiovascular", persistent: 3, newWorse: 6, provenance: "primary" },
  { name: "congestiveCardiacFailure", label: "Congestive cardiac failure", system: "cardiovascular", persistent: 3, newWorse: 6, provenance: "primary" },

  { name: "peritonitis", label: "Peritonitis", system: "abdominal", persistent: 3, newWorse: 9, provenance: "implementations" },
  { name: "bloodyDiarrhoea", label: "Bloody diarrhoea", system: "abdominal", persistent: 3, newWorse: 9, provenance: "implementations" },
  { name: "ischaemicAbdominalPain", label: "Ischaemic abdominal pain", system: "abdominal", persistent: 2, newWorse: 6, provenance: "disputed", disputed: "new/worse 2 in one public implementation (6 in the other and in the form-derived table)" },

  { name: "hypertension", label: "Hypertension", system: "renal", persistent: 1, newWorse: 4, provenance: "implementations" },
  { name: "proteinuria", label: "Proteinuria > 1+", system: "renal", persistent: 2, newWorse: 4, provenance: "implementations" },
  { name: "haematuria", label: "Haematuria ≥ 10 RBCs/hpf", system: "renal", persistent: 3, newWorse: 6, provenance: "implementations" },
  { name: "125_to_249", label: "Serum creatinine 125–249 µmol/L", system: "renal", persistent: 2, newWorse: 4, provenance: "implementations" },
  { name: "250_to_499", label: "Serum creatinine 250–499 µmol/L", system: "renal", persistent: 3, newWorse: 6, provenance: "disputed", disputed: "new/worse 6 in two public implementations and in BVAS 2003, the draft validated as v3; 5 in one earlier reading whose source could not be found again" },
  { name: "500_or_more", label: "Serum creatinine ≥ 500 µmol/L", system: "renal", persistent: 4, newWorse: 8, provenance: "disputed", disputed: "new/worse 8 in two public implementations and in BVAS 2003, the draft validated as v3; 6 in one earlier reading whose source could not be found again" },
  { name: "creatinineRise", label: "Rise in serum creatinine > 30% or fall in creatinine clearance > 25%", system: "renal", persistent: null, newWorse: 6, provenance: "implementations" },

  { name: "headache", label: "Headache", system: "nervousSystem", persistent: 1, newWorse: 1, provenance: "implementations" },
  { name: "meningitis", label: "Meningitis", system: "nervousSystem", persistent: 1, newWorse: 3, provenance: "implementations" },
  { name: "organicConfusion", label: "Organic confusion", system: "nervousSystem", persistent: 1, newWorse: 3, provenance: "implementations" },
  { name: "seizures", label: "Seizures (not hypertensive)", system: "nervousSystem", persistent: 3, newWorse: 9, provenance: "implementations" },
  { name: "cerebrovascularAccident", label: "Cerebrovascular accident", system: "nervousSystem", persistent: 3, newWorse: 9, provenance: "implementations" },
  { name: "spinalCordLesion", label: "Spinal cord lesion", system: "nervousSystem", persistent: 3, newWorse: 9, provenance: "implementations" },
  { name: "cranialNervePalsy", label: "Cranial nerve palsy", system: "nervousSystem", persistent: 3, newWorse: 6, provenance: "implementations" },
  { name: "sensoryPeripheralNeuropathy", label: "Sensory peripheral neuropathy", system: "nervousSystem", persistent: 3, newWorse: 6, provenance: "implementations" },
  { name: "mononeuritisMultiplex", label: "Mononeuritis multiplex", system: "nervousSystem", persistent: 3, newWorse: 9, provenance: "implementations" },
];

const isBand = (name: string): name is CreatinineBand => (CREATININE_BANDS as readonly string[]).includes(name);

/** The items entered as named booleans (all but the creatinine bands). */
export const BOOLEAN_ITEMS: readonly ItemRow[] = BVAS_V3_ITEMS.filter((item) => !isBand(item.name));

/** The creatinine band rows, in the order of CREATININE_BANDS. */
export const CREATININE_BAND_ROWS: readonly ItemRow[] = CREATININE_BANDS.map((band) => BVAS_V3_ITEMS.find((item) => item.name === band)!);

/** Items refused on a persistent form (marked * on the form). */
export const NOT_PERSISTENT_ITEMS: readonly ItemRow[] = BVAS_V3_ITEMS.filter((item) => item.persistent === null);

export const systemRow = (system: BvasSystem): SystemRow => BVAS_V3_SYSTEMS.find((row) => row.system === system)!;
