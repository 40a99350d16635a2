import type { DemoAssessment, DemoVisitContext } from "../../src/plugin-api";

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Cholestatic PSC: ALP from about 1 × ULN (activity 0) to 5 × ULN (activity 1); bilirubin, AST and
 * albumin worsen with activity, so the Mayo risk runs from low to high. Bilirubin and albumin are
 * given in the SI units of the lab catalogue (µmol/L, g/L) with their unit codes.
 */
export function demoAssessments({ random, activity }: DemoVisitContext): DemoAssessment[] {
  const jitter = () => 1 + (random() - 0.5) * 0.2;
  const alpUln = 130;
  const age = 30 + Math.floor(random() * 35);
  return [
    { instrument: "ALP_PSC", inputs: { alp: Math.round(alpUln * (0.8 + activity * 4.2) * jitter()), alpUln } },
    {
      instrument: "MAYO_PSC_RISK",
      inputs: {
        age,
        bilirubin: round((8 + activity * 60) * jitter(), 1),
        bilirubinUnit: "µmol/L",
        albumin: round((44 - activity * 12) * jitter(), 1),
        albuminUnit: "g/L",
        ast: Math.round((25 + activity * 110) * jitter()),
        varicealBleeding: activity > 0.9 && random() < 0.5,
      },
    },
  ];
}
