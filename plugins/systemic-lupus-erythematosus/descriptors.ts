import { booleanInput } from "../../src/plugin-api";
import type { InputDefinition, Inputs } from "../../src/plugin-api";

/**
 * The 24 SLEDAI-2K descriptors (Gladman 2002), their weights and definitions.
 *
 * Shared by SLEDAI_2K, LLDAS and DORIS_REMISSION so that all three read the same descriptor with the same
 * definition: LLDAS needs to know which organ systems are active, DORIS needs the score without serology.
 */

export type Weight = 8 | 4 | 2 | 1;

/** The nine SLEDAI organ systems; LLDAS calls cns, vascular, renal, cardiopulmonary and fever "major". */
export type OrganSystem =
  | "cns"
  | "vascular"
  | "renal"
  | "musculoskeletal"
  | "mucocutaneous"
  | "cardiopulmonary"
  | "immunological"
  | "constitutional"
  | "haematological";

export interface Descriptor {
  /** lowerCamelCase input name. */
  name: string;
  label: string;
  weight: Weight;
  organ: OrganSystem;
  /** The SLEDAI-2K definition, paraphrased; a descriptor counts only when attributable to SLE. */
  definition: string;
}

export const SLEDAI_2K_DESCRIPTORS: readonly Descriptor[] = [
  { name: "seizure", label: "Seizure", weight: 8, organ: "cns", definition: "Recent onset; exclude metabolic, infectious or drug causes." },
  {
    name: "psychosis",
    label: "Psychosis",
    weight: 8,
    organ: "cns",
    definition:
      "Altered ability to function in normal activity due to a severe disturbance in the perception of reality: hallucinations, incoherence, marked loose " +
      "associations, impoverished thought content, marked illogical thinking, bizarre, disorganised or catatonic behaviour. Exclude uraemia and drug causes.",
  },
  {
    name: "organicBrainSyndrome",
    label: "Organic brain syndrome",
    weight: 8,
    organ: "cns",
    definition:
      "Altered mental function with impaired orientation, memory or other intellectual function, of rapid onset and fluctuating course: clouding of " +
      "consciousness with reduced ability to focus and to sustain attention, plus at least 2 of perceptual disturbance, incoherent speech, insomnia or " +
      "daytime drowsiness, increased or decreased psychomotor activity. Exclude metabolic, infectious or drug causes.",
  },
  {
    name: "visualDisturbance",
    label: "Visual disturbance",
    weight: 8,
    organ: "cns",
    definition:
      "Retinal changes of SLE: cytoid bodies, retinal haemorrhages, serous exudate or haemorrhages in the choroid, or optic neuritis. Exclude hypertension, infection or drug causes.",
  },
  { name: "cranialNerveDisorder", label: "Cranial nerve disorder", weight: 8, organ: "cns", definition: "New onset of sensory or motor neuropathy involving cranial nerves." },
  {
    name: "lupusHeadache",
    label: "Lupus headache",
    weight: 8,
    organ: "cns",
    definition: "Severe, persistent headache; may be migrainous, but must not respond to narcotic analgesia.",
  },
  { name: "cerebrovascularAccident", label: "Cerebrovascular accident (CVA)", weight: 8, organ: "cns", definition: "New onset of cerebrovascular accident(s). Exclude arteriosclerosis." },
  {
    name: "vasculitis",
    label: "Vasculitis",
    weight: 8,
    organ: "vascular",
    definition: "Ulceration, gangrene, tender finger nodules, periungual infarction, splinter haemorrhages, or biopsy or angiogram proof of vasculitis.",
  },
  {
    name: "arthritis",
    label: "Arthritis",
    weight: 4,
    organ: "musculoskeletal",
    definition: "≥ 2 joints with pain and signs of inflammation (tenderness, swelling or effusion).",
  },
  {
    name: "myositis",
    label: "Myositis",
    weight: 4,
    organ: "musculoskeletal",
    definition: "Proximal muscle aching or weakness with elevated creatine phosphokinase or aldolase, electromyogram changes, or a biopsy showing myositis.",
  },
  { name: "urinaryCasts", label: "Urinary casts", weight: 4, organ: "renal", definition: "Heme-granular or red blood cell casts." },
  { name: "haematuria", label: "Haematuria", weight: 4, organ: "renal", definition: "> 5 red blood cells per high-power field. Exclude stone, infection or other causes." },
  { name: "proteinuria", label: "Proteinuria", weight: 4, organ: "renal", definition: "> 0.5 g/24 h; scores when new, recurrent or persistent (SLEDAI-2K)." },
  { name: "pyuria", label: "Pyuria", weight: 4, organ: "renal", definition: "> 5 white blood cells per high-power field. Exclude infection." },
  { name: "rash", label: "Rash", weight: 2, organ: "mucocutaneous", definition: "Inflammatory-type rash; scores when new, recurrent or persistent (SLEDAI-2K)." },
  {
    name: "alopecia",
    label: "Alopecia",
    weight: 2,
    organ: "mucocutaneous",
    definition: "Abnormal, patchy or diffuse loss of hair; scores when new, recurrent or persistent (SLEDAI-2K). Weight 2, not 1.",
  },
  {
    name: "mucosalUlcers",
    label: "Mucosal ulcers",
    weight: 2,
    organ: "mucocutaneous",
    definition: "Oral or nasal ulcerations; score when new, recurrent or persistent (SLEDAI-2K).",
  },
  { name: "pleurisy", label: "Pleurisy", weight: 2, organ: "cardiopulmonary", definition: "Pleuritic chest pain with pleural rub or effusion, or pleural thickening." },
  {
    name: "pericarditis",
    label: "Pericarditis",
    weight: 2,
    organ: "cardiopulmonary",
    definition: "Pericardial pain with at least 1 of: rub, effusion, or electrocardiogram or echocardiogram confirmation.",
  },
  {
    name: "lowComplement",
    label: "Low complement",
    weight: 2,
    organ: "immunological",
    definition: "CH50, C3 or C4 below the lower limit of normal of the testing laboratory.",
  },
  {
    name: "increasedDnaBinding",
    label: "Increased DNA binding",
    weight: 2,
    organ: "immunological",
    definition: "Anti-dsDNA binding above the normal range of the testing laboratory (Farr assay in the original definition).",
  },
  { name: "fever", label: "Fever", weight: 1, organ: "constitutional", definition: "> 38 °C. Exclude infectious causes." },
  { name: "thrombocytopenia", label: "Thrombocytopenia", weight: 1, organ: "haematological", definition: "< 100 × 10⁹ platelets/L. Exclude drug causes." },
  { name: "leukopenia", label: "Leukopenia", weight: 1, organ: "haematological", definition: "< 3 × 10⁹ white blood cells/L. Exclude drug causes." },
];

/** Organ systems whose activity excludes LLDAS (Franklyn 2016, criterion 1). */
export const MAJOR_ORGAN_SYSTEMS: readonly OrganSystem[] = ["renal", "cns", "cardiopulmonary", "vascular", "constitutional"];

const WINDOW = "Present at the visit or in the preceding 10 days and attributable to SLE.";

/** One boolean input per descriptor; the description carries the weight, the definition and the window. */
export const DESCRIPTOR_INPUTS: InputDefinition[] = SLEDAI_2K_DESCRIPTORS.map((d) =>
  booleanInput(d.name, `${d.label} (${d.weight})`, { description: `SLEDAI-2K weight ${d.weight}. ${d.definition} ${WINDOW}` }),
);

export interface DescriptorScore {
  /** SLEDAI-2K total, 0–105. */
  total: number;
  /** Total without low complement and increased DNA binding (the "clinical SLEDAI" of DORIS). */
  clinical: number;
  /** Points in the LLDAS major organ systems. */
  majorOrgan: number;
  byOrgan: Record<OrganSystem, number>;
  byWeight: Record<`weight${Weight}Points`, number>;
}

/** Sums the weights of the descriptors marked present (inputs already validated as booleans). */
export function scoreDescriptors(inputs: Inputs): DescriptorScore {
  const byOrgan: Record<OrganSystem, number> = {
    cns: 0,
    vascular: 0,
    renal: 0,
    musculoskeletal: 0,
    mucocutaneous: 0,
    cardiopulmonary: 0,
    immunological: 0,
    constitutional: 0,
    haematological: 0,
  };
  const byWeight = { weight8Points: 0, weight4Points: 0, weight2Points: 0, weight1Points: 0 };
  let total = 0;
  for (const d of SLEDAI_2K_DESCRIPTORS) {
    if (inputs[d.name] !== true) continue;
    total += d.weight;
    byOrgan[d.organ] += d.weight;
    byWeight[`weight${d.weight}Points`] += d.weight;
  }
  const majorOrgan = MAJOR_ORGAN_SYSTEMS.reduce((sum, organ) => sum + byOrgan[organ], 0);
  return { total, clinical: total - byOrgan.immunological, majorOrgan, byOrgan, byWeight };
}

/** Components reported for each instrument that scores the descriptors. */
export function descriptorComponents(score: DescriptorScore): Record<string, number> {
  const components: Record<string, number> = {};
  for (const [organ, points] of Object.entries(score.byOrgan)) components[`${organ}Points`] = points;
  return { ...components, ...score.byWeight };
}

/** Descriptor inputs with the named descriptors present and all others absent (for examples and the demo). */
export function descriptorInputs(present: readonly string[] = []): Record<string, boolean> {
  const unknown = present.filter((name) => !SLEDAI_2K_DESCRIPTORS.some((d) => d.name === name));
  if (unknown.length > 0) throw new Error(`not SLEDAI-2K descriptors: ${unknown.join(", ")}`);
  return Object.fromEntries(SLEDAI_2K_DESCRIPTORS.map((d) => [d.name, present.includes(d.name)]));
}
