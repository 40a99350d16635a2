import type { ImmunePair } from "./immune-pairs";
import { foldChange } from "./statistics";

/** One patient's log2 fold changes at the visit, by parameter code; the reason where there is none. */
export interface PatientProfile {
  patientId: number;
  subjectCode: string;
  cohortId: number;
  siteCode: string;
  log2FoldChange: Map<string, number>;
  /** Why a parameter measured at the visit has no fold change (no baseline, below the detection limit…). */
  missing: Map<string, string>;
}

export interface DroppedParameter {
  parameter: string;
  patientsWithFoldChange: number;
  /** patientsWithFoldChange ÷ patients measured; 0 without any patient measured. */
  coverage: number;
  reason: string;
}

export interface ProfileMatrix {
  /** Parameters kept, in the order asked for (catalogue order by default): the columns. */
  parameters: string[];
  dropped: DroppedParameter[];
  /** Every patient with a follow-up value of a candidate parameter, in cohort then subject-code order. */
  patients: PatientProfile[];
  /** Patients with a fold change of every kept parameter: the rows, in the order of `patients`. */
  analysed: PatientProfile[];
  /** Why each other patient is left out, by patient id. */
  excluded: Map<number, string>;
  rows: number[][];
}

function pairFoldChange(pair: ImmunePair): { value: number } | { reason: string } {
  if (!pair.hasBaseline) return { reason: "no baseline measurement" };
  if (pair.baseline === null) return { reason: "baseline below the detection limit" };
  if (pair.value === null) return { reason: "value below the detection limit" };
  const fold = foldChange(pair.baseline, pair.value);
  return fold.estimable ? { value: Math.log2(fold.value) } : { reason: fold.message };
}

/** "A, B (no baseline measurement); C (value below the detection limit)". */
function byReason(parameters: readonly string[], patient: PatientProfile): string {
  const groups = new Map<string, string[]>();
  for (const parameter of parameters) {
    const reason = patient.missing.get(parameter) ?? "not measured at the visit";
    groups.set(reason, [...(groups.get(reason) ?? []), parameter]);
  }
  return [...groups].map(([reason, codes]) => `${codes.join(", ")} (${reason})`).join("; ");
}

export const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/**
 * Per-patient log2 fold-change profiles, with missing values handled in two stated steps:
 *
 * 1. a parameter is dropped when fewer than `minCoverage` of the measured patients have a fold change
 *    of it (a sparse parameter would otherwise remove most patients in step 2);
 * 2. a patient is left out when a kept parameter has no fold change (complete cases: nothing is imputed,
 *    so every point on the map is a patient's own measurements);
 *
 * then a parameter that is the same for every analysed patient is dropped (it cannot be standardised
 * and carries no information on who differs from whom).
 */
export function buildProfiles(pairs: readonly ImmunePair[], request: { catalogue: readonly string[]; parameters: readonly string[] | null; minCoverage: number }): ProfileMatrix {
  const { minCoverage } = request;
  const byPatient = new Map<number, PatientProfile>();
  for (const pair of pairs) {
    let profile = byPatient.get(pair.patientId);
    if (!profile) {
      profile = { patientId: pair.patientId, subjectCode: pair.subjectCode, cohortId: pair.cohortId, siteCode: pair.siteCode, log2FoldChange: new Map(), missing: new Map() };
      byPatient.set(pair.patientId, profile);
    }
    const fold = pairFoldChange(pair);
    if ("value" in fold) profile.log2FoldChange.set(pair.parameter, fold.value);
    else profile.missing.set(pair.parameter, fold.reason);
  }
  // Asked for: those parameters, in that order. Otherwise every catalogue parameter with a fold change.
  const candidates = request.parameters ?? request.catalogue.filter((parameter) => [...byPatient.values()].some((p) => p.log2FoldChange.has(parameter)));
  // Measured: a follow-up value of a candidate at the visit. Pairs come in cohort, subject-code order.
  const patients = [...byPatient.values()].filter((p) => candidates.some((c) => p.log2FoldChange.has(c) || p.missing.has(c)));
  const dropped: DroppedParameter[] = [];
  let parameters = candidates.filter((parameter) => {
    const withFold = patients.filter((p) => p.log2FoldChange.has(parameter)).length;
    const coverage = patients.length ? withFold / patients.length : 0;
    if (coverage >= minCoverage) return true;
    dropped.push({ parameter, patientsWithFoldChange: withFold, coverage, reason: `fold change for ${withFold} of ${patients.length} measured patients (${percent(coverage)}), below the ${percent(minCoverage)} required` });
    return false;
  });
  const excluded = new Map<number, string>();
  const analysed = patients.filter((p) => {
    const lacking = parameters.filter((parameter) => !p.log2FoldChange.has(parameter));
    if (lacking.length) excluded.set(p.patientId, `no fold change of ${byReason(lacking, p)}`);
    return lacking.length === 0;
  });
  parameters = parameters.filter((parameter) => {
    const values = analysed.map((p) => p.log2FoldChange.get(parameter)!);
    if (values.length < 2 || values.some((v) => v !== values[0])) return true;
    const withFold = patients.filter((p) => p.log2FoldChange.has(parameter)).length;
    dropped.push({ parameter, patientsWithFoldChange: withFold, coverage: withFold / patients.length, reason: `the same fold change for every analysed patient: no spread to standardise` });
    return false;
  });
  return { parameters, dropped, patients, analysed, excluded, rows: analysed.map((p) => parameters.map((parameter) => p.log2FoldChange.get(parameter)!)) };
}
