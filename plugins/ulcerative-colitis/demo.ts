import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";

const subscore = (value: number) => Math.min(3, Math.max(0, Math.round(value)));

/**
 * One set of Mayo subscores per visit, tracking the simulated activity, entered into the three totals. The
 * endoscopy is read twice from the same mucosa: in the original reading mild friability stays 1, in the
 * modified reading any friability scores 2.
 */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  const jitter = () => random() - 0.5;
  const stoolFrequency = subscore(activity * 3.2 + jitter() * 1.2);
  const rectalBleeding = subscore(activity * 3 - 0.3 + jitter() * 1.2);
  const endoscopy = subscore(activity * 3.2 + jitter() * 1.2);
  const physicianGlobal = subscore(activity * 3 + jitter());
  const friability = endoscopy >= 2 || (endoscopy === 1 && random() < 0.5);
  const modifiedEndoscopy = friability ? Math.max(2, endoscopy) : endoscopy;
  return [
    { instrument: "MAYO", inputs: { stoolFrequency, rectalBleeding, endoscopy, physicianGlobal } },
    { instrument: "PARTIAL_MAYO", inputs: { stoolFrequency, rectalBleeding, physicianGlobal } },
    { instrument: "MODIFIED_MAYO", inputs: { stoolFrequency, rectalBleeding, endoscopy: modifiedEndoscopy, friability } },
  ];
}
