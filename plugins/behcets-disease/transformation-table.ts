/**
 * Raw Behçet's Disease Activity Index (0–12) → transformed (Rasch) index (0–20), indexed by the raw score.
 *
 * PROVISIONAL: taken from one source, the reproduced BDAI scoring sheet (see references.ts, BDAI_SHEET); it
 * could not be checked against Lawton 2004 or the official BDCAF form. A clinician's correction is a change
 * to this one line.
 */
export const TRANSFORMED_INDEX: readonly number[] = [0, 3, 5, 7, 8, 9, 10, 11, 12, 13, 15, 17, 20];
