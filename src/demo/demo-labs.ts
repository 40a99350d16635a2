type LabValue = { testCode: string; value: number; referenceLow: number; referenceHigh: number };

/**
 * Liver tests that follow disease activity in a cohort whose instruments read them (lab-fed inputs):
 * value as a function of activity in [0, 1], with the reporting laboratory's reference range. The
 * curves are plausible, not published: transaminases and IgG are normal at low activity and several
 * times the ULN at high activity; ALP up to about 4 × ULN; albumin falls.
 */
const DRIVEN: Record<string, { centre: (activity: number) => number; low: number; high: number; decimals: number }> = {
  ALT: { centre: (a) => 40 * (0.5 + 6 * a * a), low: 7, high: 40, decimals: 0 },
  AST: { centre: (a) => 40 * (0.5 + 5 * a * a), low: 8, high: 40, decimals: 0 },
  IGG: { centre: (a) => 16 * (0.7 + 1.5 * a * a), low: 7, high: 16, decimals: 1 },
  ALP: { centre: (a) => 130 * (0.8 + 4 * a), low: 40, high: 130, decimals: 0 },
  BILI: { centre: (a) => 6 + 60 * a * a, low: 3, high: 21, decimals: 1 },
  ALB: { centre: (a) => 44 - 14 * a, low: 35, high: 50, decimals: 1 },
};

/**
 * Simulated laboratory values: inflammation follows disease activity; the rest stays in range, except
 * the liver tests in `driven` (those the cohort's instruments read), which follow activity too and are
 * added when the usual panel lacks them. With nothing driven, the values and the random draws are the
 * usual panel's, so other cohorts are unchanged.
 */
export function labValues(activity: number, sex: "FEMALE" | "MALE", random: () => number, driven: readonly string[] = []): LabValue[] {
  const around = (centre: number, spread: number, decimals = 1) => Math.round(centre * (1 + (random() - 0.5) * spread) * 10 ** decimals) / 10 ** decimals;
  const follows = (code: string) => driven.includes(code) && DRIVEN[code] !== undefined;
  const drivenValue = (code: string): LabValue => {
    const { centre, low, high, decimals } = DRIVEN[code];
    return { testCode: code, value: around(centre(activity), 0.2, decimals), referenceLow: low, referenceHigh: high };
  };
  const female = sex === "FEMALE";
  const haemoglobin = around(female ? 13 : 14.5, 0.1);
  const panel: LabValue[] = [
    { testCode: "CRP", value: Math.max(0.2, around(1 + activity * 25, 0.5)), referenceLow: 0, referenceHigh: 5 },
    { testCode: "ESR", value: Math.max(1, Math.round(around(6 + activity * 40, 0.4))), referenceLow: 0, referenceHigh: female ? 20 : 15 },
    follows("ALT") ? drivenValue("ALT") : { testCode: "ALT", value: around(24, 0.5, 0), referenceLow: 7, referenceHigh: 40 },
    follows("AST") ? drivenValue("AST") : { testCode: "AST", value: around(22, 0.5, 0), referenceLow: 8, referenceHigh: 40 },
    follows("ALB") ? drivenValue("ALB") : { testCode: "ALB", value: around(42 - activity * 5, 0.1), referenceLow: 35, referenceHigh: 50 },
    { testCode: "HGB", value: haemoglobin, referenceLow: female ? 12 : 13, referenceHigh: female ? 16 : 17 },
    { testCode: "HCT", value: Math.round(haemoglobin * 3 * 10) / 10, referenceLow: female ? 36 : 40, referenceHigh: female ? 46 : 52 },
    { testCode: "WBC", value: around(6.5, 0.3), referenceLow: 4, referenceHigh: 10 },
    { testCode: "LYM", value: around(1.8, 0.3), referenceLow: 1, referenceHigh: 4 },
    { testCode: "PLAT", value: around(260, 0.3, 0), referenceLow: 150, referenceHigh: 400 },
    { testCode: "CREAT", value: around(female ? 65 : 80, 0.2, 0), referenceLow: female ? 45 : 60, referenceHigh: female ? 90 : 110 },
  ];
  const extra = Object.keys(DRIVEN).filter((code) => follows(code) && !panel.some((lab) => lab.testCode === code));
  return [...panel, ...extra.map(drivenValue)];
}
