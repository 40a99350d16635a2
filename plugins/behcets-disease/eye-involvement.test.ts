import { describe, expect, it } from "vitest";
import { scoreInstrument } from "../../src/plugin-api";
import type { Inputs } from "../../src/plugin-api";
import { BEHCET_EYE_INVOLVEMENT } from "./eye-involvement";

const score = (inputs: Inputs) => scoreInstrument(BEHCET_EYE_INVOLVEMENT, inputs);

describe("BEHCET_EYE_INVOLVEMENT", () => {
  it("counts the eyes with active inflammation (hand-computed)", () => {
    expect(score({ rightEye: "none", leftEye: "none" })).toMatchObject({ ok: true, value: 0, components: { rightEyeActive: 0, leftEyeActive: 0, posteriorSegment: 0 } });
    expect(score({ rightEye: "none", leftEye: "intermediate" })).toMatchObject({ ok: true, value: 1, components: { leftEyeActive: 1, posteriorSegment: 0 } });
    expect(score({ rightEye: "anterior", leftEye: "anterior" })).toMatchObject({ ok: true, value: 2, components: { posteriorSegment: 0 } });
  });

  it("flags posterior-segment involvement for posterior uveitis or panuveitis in either eye", () => {
    expect(score({ rightEye: "posterior", leftEye: "none" })).toMatchObject({ value: 1, components: { posteriorSegment: 1 } });
    expect(score({ rightEye: "none", leftEye: "panuveitis" })).toMatchObject({ value: 1, components: { posteriorSegment: 1 } });
  });

  it("rejects a site outside the SUN classification and a missing eye, naming the field", () => {
    const fields = (inputs: Inputs) => {
      const outcome = score(inputs);
      return outcome.ok ? [] : outcome.problems.map((p) => p.field);
    };
    expect(fields({ rightEye: "retina", leftEye: "none" })).toEqual(["inputs.rightEye"]);
    expect(fields({ rightEye: "none" })).toEqual(["inputs.leftEye"]);
    expect(fields({ rightEye: "none", leftEye: 1 })).toEqual(["inputs.leftEye"]);
  });
});
