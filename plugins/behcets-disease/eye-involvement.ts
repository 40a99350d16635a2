import { codeInput } from "../../src/plugin-api";
import type { InputOption, InstrumentDefinition, Inputs } from "../../src/plugin-api";
import { BHAKTA_1999, SUN_2005 } from "./references";

/**
 * Eye involvement at the visit, per eye, by the primary site of active intraocular inflammation in the SUN
 * anatomical classification (Jabs 2005). Retinal vasculitis, the typical Behçet's lesion, is posterior
 * segment disease. The score is the number of eyes with active inflammation (0–2); components flag each eye
 * and whether any eye has posterior-segment involvement (posterior uveitis or panuveitis), the sight-
 * threatening form. It complements the BDCAF item "new eye involvement", which is patient-reported and
 * looks back 4 weeks.
 */
export const EYE_SITES: InputOption[] = [
  { value: "none", label: "No active intraocular inflammation" },
  { value: "anterior", label: "Anterior uveitis" },
  { value: "intermediate", label: "Intermediate uveitis" },
  { value: "posterior", label: "Posterior uveitis (including retinal vasculitis)" },
  { value: "panuveitis", label: "Panuveitis" },
];

const POSTERIOR_SEGMENT = new Set(["posterior", "panuveitis"]);

const eye = (name: string, side: string) =>
  codeInput(name, `${side} eye: active inflammation`, EYE_SITES, {
    description: `Primary site of active intraocular inflammation in the ${side.toLowerCase()} eye at this visit (SUN anatomical classification), or none.`,
  });

export function eyeInvolvement(inputs: Inputs) {
  const sites = [inputs.rightEye as string, inputs.leftEye as string];
  const [rightEyeActive, leftEyeActive] = sites.map((s) => (s === "none" ? 0 : 1));
  const posteriorSegment = sites.some((s) => POSTERIOR_SEGMENT.has(s)) ? 1 : 0;
  return { value: rightEyeActive + leftEyeActive, components: { rightEyeActive, leftEyeActive, posteriorSegment } };
}

export const BEHCET_EYE_INVOLVEMENT: InstrumentDefinition = {
  code: "BEHCET_EYE_INVOLVEMENT",
  name: "Behçet's eye involvement (active uveitis per eye)",
  description:
    "Active intraocular inflammation at the visit, per eye, by SUN anatomical site (none, anterior, intermediate, posterior including retinal vasculitis, " +
    "panuveitis). Score: number of eyes with active inflammation (0–2). Components: rightEyeActive, leftEyeActive, posteriorSegment (1 when either eye " +
    "has posterior uveitis or panuveitis). Protocol choice: a per-visit examination record, not a validated activity index; no bands are applied. " +
    "Anterior-chamber cell and vitreous haze grades are not recorded here.",
  version: "1.0.0",
  inputs: [eye("rightEye", "Right"), eye("leftEye", "Left")],
  compute: eyeInvolvement,
  direction: "HIGHER_IS_WORSE",
  range: { min: 0, max: 2 },
  decimals: 0,
  bands: [],
  references: [SUN_2005, BHAKTA_1999],
  examples: [
    { inputs: { rightEye: "none", leftEye: "none" }, value: 0, source: "Definition: no active inflammation in either eye (hand-computed)" },
    { inputs: { rightEye: "anterior", leftEye: "none" }, value: 1, source: "Definition: anterior uveitis in one eye (hand-computed)" },
    { inputs: { rightEye: "posterior", leftEye: "panuveitis" }, value: 2, source: "Definition: both eyes, posterior segment involved (hand-computed)" },
  ],
};
