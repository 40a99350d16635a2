import { booleanInput, cutBands } from "../../src/plugin-api";
import type { InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { KERR_1994 } from "./references";

const NEW = "Count it only when it is new or worse.";

/** The four NIH features (Kerr 1994), each counted when new or worse. */
export const NIH_FEATURES = [
  booleanInput("systemicFeatures", "Systemic features", {
    description: `Systemic features such as fever or musculoskeletal symptoms, with no other cause identified. ${NEW}`,
  }),
  booleanInput("elevatedEsr", "Elevated ESR", {
    description: `Erythrocyte sedimentation rate elevated (Kerr 1994 sets no numeric cut-off: judged against the laboratory's reference range). ${NEW}`,
  }),
  booleanInput("vascularIschaemiaOrInflammation", "Features of vascular ischaemia or inflammation", {
    description: `Claudication, diminished or absent pulse, bruit, vascular pain (carotidynia), or asymmetric blood pressure in the upper or lower limbs (or both). ${NEW}`,
  }),
  booleanInput("typicalAngiographicFeatures", "Typical angiographic features", { description: `Typical angiographic features of Takayasu arteritis. ${NEW}` }),
];

export function nihCount(inputs: Inputs) {
  const components = Object.fromEntries(NIH_FEATURES.map((f) => [f.name, inputs[f.name] === true ? 1 : 0]));
  return { value: Object.values(components).reduce((a, b) => a + b, 0), components };
}

export const NIH_TAKAYASU_ACTIVITY: InstrumentDefinition = {
  code: "NIH_TAKAYASU_ACTIVITY",
  name: "NIH (Kerr 1994) criteria for active Takayasu arteritis",
  description:
    "NIH criteria (Kerr 1994): disease is active when at least 2 of these 4 features are new or worse: systemic features (fever, musculoskeletal symptoms, " +
    "no other cause); elevated ESR; features of vascular ischaemia or inflammation (claudication, diminished or absent pulse, bruit, carotidynia, asymmetric " +
    "limb blood pressure); typical angiographic features. Score: the number of features (0–4); active at ≥ 2. Components: each feature (1/0).",
  version: "1.0.0",
  inputs: NIH_FEATURES,
  compute: nihCount,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 4 },
  decimals: 0,
  bands: cutBands(
    [
      ["inactive", "Not active (fewer than 2 features new or worse)"],
      ["active", "Active (2 or more features new or worse)"],
    ],
    [{ value: 2, upperInclusive: false }],
  ),
  references: [KERR_1994],
  examples: [
    { inputs: { systemicFeatures: false, elevatedEsr: false, vascularIschaemiaOrInflammation: false, typicalAngiographicFeatures: false }, value: 0, category: "inactive", source: "Kerr 1994 rule, hand-checked: no feature" },
    { inputs: { systemicFeatures: false, elevatedEsr: true, vascularIschaemiaOrInflammation: false, typicalAngiographicFeatures: false }, value: 1, category: "inactive", source: "Kerr 1994 rule, hand-checked: elevated ESR alone is not active" },
    { inputs: { systemicFeatures: true, elevatedEsr: true, vascularIschaemiaOrInflammation: false, typicalAngiographicFeatures: false }, value: 2, category: "active", source: "Kerr 1994 rule, hand-checked: 2 of 4 is active" },
    { inputs: { systemicFeatures: true, elevatedEsr: true, vascularIschaemiaOrInflammation: true, typicalAngiographicFeatures: true }, value: 4, category: "active", source: "Kerr 1994 rule, hand-checked: all 4" },
  ],
};
