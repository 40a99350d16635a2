import type { DemoAssessment, DemoVisitContext, Inputs } from "../../src/plugin-api";
import { CDAI_COMPLICATIONS } from "./cdai";
import { HBI_COMPLICATIONS } from "./hbi";

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * One consistent week per visit, tracking the simulated activity: the CDAI diary sums and the HBI's
 * previous-day items come from the same daily stool count, pain and well-being; the haematocrit falls and the
 * weight drops below standard weight as activity rises. Sex comes from the patient.
 */
export function demoAssessments({ random, activity, sex }: DemoVisitContext): DemoAssessment[] {
  const jitter = () => random() - 0.5;
  const stoolsPerDay = clamp(Math.round(1 + activity * 7 + jitter() * 2), 0, 30);
  const pain = clamp(Math.round(activity * 2.6 + jitter()), 0, 3);
  const wellBeing = clamp(Math.round(activity * 3.4 + jitter()), 0, 4);
  const complication = () => random() < activity * 0.25;
  const mass = activity > 0.7 && random() < 0.4;
  const reference = sex === "MALE" ? 45 : 40;
  const haematocritPercent = clamp(round1(reference - activity * 9 + jitter() * 3), 10, 70);
  const standardWeightKg = round1(sex === "MALE" ? 22.1 * 1.76 ** 2 : 20.8 * 1.64 ** 2);
  const weightKg = round1(standardWeightKg * (1.02 - activity * 0.15 + jitter() * 0.04));

  const cdaiComplications = Object.fromEntries(CDAI_COMPLICATIONS.map((c) => [c.name, complication()]));
  const cdai: Inputs = {
    liquidStools7Days: clamp(stoolsPerDay * 7 + Math.round(jitter() * 4), 0, 210),
    abdominalPain7Days: clamp(pain * 7 + Math.round(jitter() * 2), 0, 21),
    wellBeing7Days: clamp(wellBeing * 7 + Math.round(jitter() * 2), 0, 28),
    ...cdaiComplications,
    antidiarrhoeal: activity > 0.5 && random() < 0.5,
    abdominalMass: mass ? 5 : 0,
    sex,
    haematocritPercent,
    weightKg,
    standardWeightKg,
  };
  const hbi: Inputs = {
    generalWellBeing: wellBeing,
    abdominalPain: pain,
    liquidStools: stoolsPerDay,
    abdominalMass: mass ? 2 : 0,
    ...Object.fromEntries(HBI_COMPLICATIONS.map((c) => [c.name, false])),
    arthralgia: cdaiComplications.arthritisArthralgia,
    uveitis: cdaiComplications.iritisUveitis,
    erythemaNodosum: cdaiComplications.skinOrMouthLesions,
    analFissure: cdaiComplications.analFissureFistulaAbscess,
  };
  return [
    { instrument: "CDAI_CROHNS", inputs: cdai },
    { instrument: "HBI", inputs: hbi },
  ];
}
