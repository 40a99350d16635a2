/** Simulated laboratory values: inflammation follows disease activity; the rest stays in range. */
export function labValues(activity: number, sex: "FEMALE" | "MALE", random: () => number): Array<{ testCode: string; value: number; referenceLow: number; referenceHigh: number }> {
  const around = (centre: number, spread: number, decimals = 1) => Math.round(centre * (1 + (random() - 0.5) * spread) * 10 ** decimals) / 10 ** decimals;
  const female = sex === "FEMALE";
  const haemoglobin = around(female ? 13 : 14.5, 0.1);
  return [
    { testCode: "CRP", value: Math.max(0.2, around(1 + activity * 25, 0.5)), referenceLow: 0, referenceHigh: 5 },
    { testCode: "ESR", value: Math.max(1, Math.round(around(6 + activity * 40, 0.4))), referenceLow: 0, referenceHigh: female ? 20 : 15 },
    { testCode: "ALT", value: around(24, 0.5, 0), referenceLow: 7, referenceHigh: 40 },
    { testCode: "AST", value: around(22, 0.5, 0), referenceLow: 8, referenceHigh: 40 },
    { testCode: "ALB", value: around(42 - activity * 5, 0.1), referenceLow: 35, referenceHigh: 50 },
    { testCode: "HGB", value: haemoglobin, referenceLow: female ? 12 : 13, referenceHigh: female ? 16 : 17 },
    { testCode: "HCT", value: Math.round(haemoglobin * 3 * 10) / 10, referenceLow: female ? 36 : 40, referenceHigh: female ? 46 : 52 },
    { testCode: "WBC", value: around(6.5, 0.3), referenceLow: 4, referenceHigh: 10 },
    { testCode: "LYM", value: around(1.8, 0.3), referenceLow: 1, referenceHigh: 4 },
    { testCode: "PLAT", value: around(260, 0.3, 0), referenceLow: 150, referenceHigh: 400 },
    { testCode: "CREAT", value: around(female ? 65 : 80, 0.2, 0), referenceLow: female ? 45 : 60, referenceHigh: female ? 90 : 110 },
  ];
}
