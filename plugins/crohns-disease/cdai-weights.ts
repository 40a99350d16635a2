/**
 * Every weight and convention of the Crohn's Disease Activity Index in one table, so that a clinician's
 * correction is a one-line change here (Best 1976; the weight-term floor is a convention, see README).
 */
export const CDAI_WEIGHTS = {
  /** Number of liquid or very soft stools, summed over the 7 diary days. */
  liquidStools: 2,
  /** Abdominal pain (0 none … 3 severe), summed over the 7 diary days. */
  abdominalPain: 5,
  /** General well-being (0 generally well … 4 terrible), summed over the 7 diary days. */
  wellBeing: 7,
  /** Per complication category present (6 categories). */
  complication: 20,
  /** Lomotil (diphenoxylate) or opiates taken for diarrhoea. */
  antidiarrhoeal: 30,
  /** Abdominal mass coded 0 none, 2 questionable, 5 definite. */
  abdominalMass: 10,
  /** Per haematocrit percentage point below the sex reference (negative above it: not floored). */
  haematocrit: 6,
  /** Per percent below standard weight. */
  weight: 1,
} as const;

/** Haematocrit reference (%) from which the deficit is counted: 47 for males, 42 for females. */
export const CDAI_HAEMATOCRIT_REFERENCE = { MALE: 47, FEMALE: 42 } as const;

/**
 * CONVENTION (not confirmed from Best 1976 here): the weight term 100 × (1 − weight/standard weight) is not
 * allowed below −10 (a patient more than 10% above standard weight scores −10). Set to null to drop the floor.
 */
export const CDAI_WEIGHT_TERM_FLOOR: number | null = -10;
