import { registerEnumType } from "type-graphql";
import type { Parameters } from "../../graphql/views/sql-condition";
import { PatientStatus } from "../patients/patient-enums";
import type { DosingRegimen } from "../study/dosing-regimen";

/**
 * Analysis populations (ICH E9 "analysis sets"). Both only ever hold patients who received the drug:
 *
 * - ALL_TREATED: every patient with at least one dose recorded as given (a live dose record with
 *   `given = true`). Patients included but never dosed are left out of every analysis.
 * - PER_PROTOCOL: all treated patients who, at the analysed visit, missed at most `maxMissedDoses`
 *   doses and (unless `presentAtVisit` is false) attended that visit.
 *
 * Missed doses at a visit = planned doses − given doses, where
 *   planned = the study days of the cohort's regimen (`plannedDoseDays`) strictly before the visit's
 *             actual study day (the planned visit's study day when the patient has no such visit): blood
 *             and scores are taken before the day's dose, as at baseline;
 *   given   = live dose records with `given = true` and a study day strictly before the same day, however
 *             late they were given (a delayed dose is not missed; a dose not recorded at all is).
 * Extra doses do not offset: a negative difference counts as 0.
 * Without an analysed visit (safetySummary), the count runs to the end of treatment: every planned dose
 * of the regimen against every dose given, and "present" means the patient did not withdraw.
 *
 * The reference protocol (../shared/domain/trial.md) states no threshold, so 2 is a stated default
 * (maintenance doses are two weeks apart: at most about a month without drug), always named in the
 * answer and set per query.
 */
export enum AnalysisSet {
  ALL_TREATED = "ALL_TREATED",
  PER_PROTOCOL = "PER_PROTOCOL",
}
registerEnumType(AnalysisSet, {
  name: "AnalysisSet",
  description: "Analysis population: ALL_TREATED (at least one dose given) or PER_PROTOCOL (all treated, at most maxMissedDoses missed before the analysed visit, present at it).",
});

export const DEFAULT_MAX_MISSED_DOSES = 2;

/** Patient-level conditions of a population, in SQL, on the patient alias. */
export interface AnalysisSetRule {
  set: AnalysisSet;
  maxMissedDoses: number | null;
  presentAtVisit: boolean | null;
  /** The regimen of every cohort the population may hold. */
  regimens: ReadonlyArray<{ cohortId: number; regimen: DosingRegimen }>;
}

/** Planned doses of `regimen` strictly before study day `day` (the same days as `plannedDoseDays`). */
export function plannedDosesBefore(regimen: DosingRegimen, day: number): number {
  const induction = Math.max(0, Math.min(regimen.inductionDays, day - 1));
  const last = Math.min(day - 1, regimen.maintenanceEndDay);
  const maintenance = last < regimen.maintenanceStartDay ? 0 : Math.floor((last - regimen.maintenanceStartDay) / regimen.maintenanceIntervalDays) + 1;
  return induction + maintenance;
}

/** A study day after every planned dose: "before the end of treatment" counts them all. */
export const END_OF_TREATMENT = 1_000_000;

/**
 * The SQL of `plannedDosesBefore` for the patient's cohort, with `day` an SQL expression: the regimens
 * are bound as a VALUES table (column1…column5, named so on SQLite and PostgreSQL alike).
 */
function plannedDosesSql(rule: AnalysisSetRule, params: Parameters, patient: string, day: string): string {
  if (!rule.regimens.length) return "0";
  const int = (n: number) => `CAST(${params.bind(n)} AS INTEGER)`;
  const rows = rule.regimens.map(({ cohortId, regimen: r }) => `(${[cohortId, r.inductionDays, r.maintenanceStartDay, r.maintenanceIntervalDays, r.maintenanceEndDay].map(int).join(", ")})`);
  const alias = params.alias();
  const [ind, start, interval, end] = ["column2", "column3", "column4", "column5"].map((c) => `"${alias}"."${c}"`);
  const before = `(${day} - 1)`;
  const induction = `CASE WHEN ${before} < 0 THEN 0 WHEN ${before} < ${ind} THEN ${before} ELSE ${ind} END`;
  const last = `CASE WHEN ${before} < ${end} THEN ${before} ELSE ${end} END`;
  const maintenance = `CASE WHEN ${last} < ${start} THEN 0 ELSE (${last} - ${start}) / ${interval} + 1 END`;
  return `COALESCE((SELECT ${induction} + ${maintenance} FROM (VALUES ${rows.join(", ")}) "${alias}" WHERE "${alias}"."column1" = "${patient}"."cohortId"), 0)`;
}

/** Given doses of the patient strictly before study day `day` (an SQL expression), or all of them. */
function givenDosesSql(params: Parameters, patient: string, day: string | null): string {
  const d = params.alias();
  return `(SELECT COUNT(*) FROM "dose_administration" "${d}" WHERE "${d}"."patientId" = "${patient}"."id" AND "${d}"."given" = ${params.bind(true)} AND "${d}"."removedAt" IS NULL${day === null ? "" : ` AND "${d}"."studyDay" < ${day}`})`;
}

/**
 * The SQL condition of the analysis set on the patient alias. `plannedVisitId` is an SQL expression
 * for the analysed planned visit (e.g. `"fpv"."id"`), or null to count to the end of treatment.
 */
export function analysisSetCondition(rule: AnalysisSetRule, params: Parameters, patient: string, plannedVisitId: string | null): string {
  const d = params.alias();
  const treated = `EXISTS (SELECT 1 FROM "dose_administration" "${d}" WHERE "${d}"."patientId" = "${patient}"."id" AND "${d}"."given" = ${params.bind(true)} AND "${d}"."removedAt" IS NULL)`;
  if (rule.set === AnalysisSet.ALL_TREATED) return treated;
  const max = params.bind(rule.maxMissedDoses ?? DEFAULT_MAX_MISSED_DOSES);
  if (plannedVisitId === null) {
    const present = rule.presentAtVisit === false ? "1=1" : `"${patient}"."status" <> ${params.bind(PatientStatus.WITHDRAWN)}`;
    const missed = `${plannedDosesSql(rule, params, patient, String(END_OF_TREATMENT))} - ${givenDosesSql(params, patient, null)}`;
    return `${treated} AND ${present} AND ${missed} <= ${max}`;
  }
  // The patient's own live, performed visit of that plan.
  const v = params.alias();
  const attended = `FROM "visit" "${v}" WHERE "${v}"."patientId" = "${patient}"."id" AND "${v}"."plannedVisitId" = ${plannedVisitId} AND "${v}"."removedAt" IS NULL AND "${v}"."performed" = ${params.bind(true)}`;
  const pv = params.alias();
  const day = `COALESCE((SELECT MIN("${v}"."studyDay") ${attended}), (SELECT "${pv}"."studyDay" FROM "planned_visit" "${pv}" WHERE "${pv}"."id" = ${plannedVisitId}))`;
  const present = rule.presentAtVisit === false ? "1=1" : `EXISTS (SELECT 1 ${attended})`;
  const missed = `${plannedDosesSql(rule, params, patient, day)} - ${givenDosesSql(params, patient, day)}`;
  return `${treated} AND ${present} AND ${missed} <= ${max}`;
}

/** The analysis set in words, for AnalysisPopulation.description. */
export function describeAnalysisSet(rule: Pick<AnalysisSetRule, "set" | "maxMissedDoses" | "presentAtVisit">): string {
  if (rule.set === AnalysisSet.ALL_TREATED) return "all treated (at least one dose given)";
  const missed = rule.maxMissedDoses ?? DEFAULT_MAX_MISSED_DOSES;
  return `per protocol (at most ${missed} missed dose${missed === 1 ? "" : "s"} before the analysed visit${rule.presentAtVisit === false ? "" : ", present at it"}; without a visit: over the whole treatment, not withdrawn)`;
}
