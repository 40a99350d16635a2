import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id";
import { PatientStatus } from "../patients/patient-enums";
import { Relatedness } from "../safety/adverse-event-enums";
import type { Cohort } from "../study/cohort.entity";
import { END_OF_TREATMENT, plannedDosesBefore } from "./analysis-set";
import { studyDayOf } from "../visits/study-day";
import { AnalysisPopulation } from "./analysis-filter";
import type { SafetyEventCell, SafetyPatientRow } from "./safety-rows";
import { NotEstimableReason, notEstimable, poissonRate, proportion } from "./statistics";
import { ConfidenceInterval, NotEstimableStatistic } from "./statistics-types";

/** Days in a patient-month: a Julian year over 12. */
export const DAYS_PER_MONTH = 365.25 / 12;

export const EXPOSURE_DEFINITION =
  "Exposure runs from a patient's first dose given to the last dose given plus the cohort's maintenance dosing interval, " +
  "ended earlier by withdrawal (the status date) or by the data cut (the day of the query), and at least one day; " +
  `patient-months are exposure days ÷ ${DAYS_PER_MONTH} (365.25 / 12). Adverse events are treatment-emergent ` +
  "(onset on or after the first dose); the rate counts those with onset within the exposure window, the tables all of them.";

@ObjectType({ description: "Treatment-emergent adverse events at one CTCAE grade (and one relatedness, or all when relatedness is null)." })
export class SafetyEventCount {
  @Field(() => Int) grade: number;
  @Field(() => Relatedness, { nullable: true, description: "Null: all relatedness assessments together." }) relatedness: Relatedness | null;
  @Field(() => Int) events: number;
  @Field(() => Int, { description: "Patients with at least one such event." }) patients: number;
}

@ObjectType({ description: "A proportion of patients with its Wilson score 95 % CI (R's prop.test(correct = FALSE))." })
export class PatientProportion {
  @Field(() => Int) patients: number;
  @Field(() => Int) n: number;
  @Field(() => Float, { nullable: true }) estimate: number | null;
  @Field(() => ConfidenceInterval, { nullable: true }) ci: ConfidenceInterval | null;
  @Field(() => [NotEstimableStatistic]) notEstimable: NotEstimableStatistic[];
}

@ObjectType({ description: "Events per patient-month of exposure with the exact Poisson 95 % CI (R's poisson.test)." })
export class ExposureAdjustedRate {
  @Field(() => Int, { description: "Treatment-emergent events with onset within the exposure window." }) events: number;
  @Field(() => Float) patientMonths: number;
  @Field(() => Float, { nullable: true, description: "Events per patient-month." }) rate: number | null;
  @Field(() => ConfidenceInterval, { nullable: true }) ci: ConfidenceInterval | null;
  @Field() method: string;
  @Field(() => [NotEstimableStatistic]) notEstimable: NotEstimableStatistic[];
}

@ObjectType({ description: "Doses given against doses planned by the cohort's regimen." })
export class DosingCompliance {
  @Field(() => Int, { description: "Planned dose days of the regimen up to the end of treatment, before withdrawal or the data cut for patients who withdrew or are still treated." }) planned: number;
  @Field(() => Int, { description: "Dose records marked given." }) given: number;
  @Field(() => Int, { description: "Planned less given, per patient, never below 0 (extra doses do not offset missed ones)." }) missed: number;
  @Field(() => Float, { nullable: true, description: "given ÷ planned (above 1 when more doses were given than planned)." }) proportion: number | null;
  @Field(() => [NotEstimableStatistic]) notEstimable: NotEstimableStatistic[];
}

@ObjectType({ description: "One treated patient's doses, exposure and treatment-emergent adverse events." })
export class SafetyPatient {
  @Field(() => ID) patientId: string;
  @Field() subjectCode: string;
  @Field() cohortCode: string;
  @Field() siteCode: string;
  @Field(() => DosingCompliance) compliance: DosingCompliance;
  @Field(() => Int) exposureDays: number;
  @Field(() => Float) patientMonths: number;
  @Field(() => Int) events: number;
  @Field(() => Int, { description: "Events of CTCAE grade 3 or more." }) severeEvents: number;
  @Field(() => Int, { description: "Events with onset within the exposure window (the rate's numerator)." }) eventsInExposure: number;
}

@ObjectType({ description: "Safety of one cohort (disease), or of all cohorts pooled." })
export class SafetyGroup {
  @Field(() => String, { nullable: true, description: "Null for the pooled group." }) cohortCode: string | null;
  @Field(() => String, { nullable: true }) diseaseId: string | null;
  @Field() label: string;
  @Field(() => Int, { description: "Treated patients in the population." }) patients: number;
  @Field(() => Int, { description: "Treatment-emergent adverse events." }) events: number;
  @Field(() => Int, { description: "Patients with at least one treatment-emergent event." }) patientsWithEvent: number;
  @Field(() => [SafetyEventCount], { description: "By CTCAE grade, all relatedness together; grades without events left out." }) byGrade: SafetyEventCount[];
  @Field(() => [SafetyEventCount], { description: "By CTCAE grade × relatedness; cells without events left out." }) byGradeAndRelatedness: SafetyEventCount[];
  @Field(() => PatientProportion, { description: "Patients with at least one event of grade 3 or more, out of the treated patients." }) gradeThreeOrMore: PatientProportion;
  @Field(() => ExposureAdjustedRate) rate: ExposureAdjustedRate;
  @Field(() => DosingCompliance, { description: "Sums over the group's patients; proportion is the ratio of the sums." }) compliance: DosingCompliance;
  @Field(() => [SafetyPatient]) patientRows: SafetyPatient[];
}

@ObjectType({ description: "Safety tables: adverse events by cohort, grade and relatedness, severe events, exposure-adjusted rates and dosing compliance." })
export class SafetySummary {
  @Field(() => AnalysisPopulation) population: AnalysisPopulation;
  @Field() exposureDefinition: string;
  @Field(() => [SafetyGroup], { description: "One per cohort in the population, in cohort-code order, including cohorts without patients." }) cohorts: SafetyGroup[];
  @Field(() => SafetyGroup) pooled: SafetyGroup;
}

const note = (statistic: string, e: { reason: NotEstimableReason; message: string }) => Object.assign(new NotEstimableStatistic(), { statistic, reason: e.reason, message: e.message });
const interval = (ci: { lower: number; upper: number; level: number }) => Object.assign(new ConfidenceInterval(), ci);
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function compliance(planned: number, given: number, missed: number): DosingCompliance {
  const notes = planned === 0 ? [note("proportion", notEstimable(NotEstimableReason.NO_OBSERVATIONS, "no planned doses"))] : [];
  return Object.assign(new DosingCompliance(), { planned, given, missed, proportion: planned === 0 ? null : given / planned, notEstimable: notes });
}

/**
 * Planned doses of a patient: the regimen's dose days strictly before the withdrawal date for a patient
 * who withdrew, up to and including the data cut for a patient still on treatment, all of them otherwise.
 */
function plannedDoses(row: SafetyPatientRow, cohort: Cohort | undefined, dataCut: string): number {
  if (!cohort) return 0;
  if (row.status === PatientStatus.WITHDRAWN && row.statusDate) return plannedDosesBefore(cohort.regimen, studyDayOf(row.treatmentStartDate, row.statusDate));
  if (row.status === PatientStatus.COMPLETED) return plannedDosesBefore(cohort.regimen, END_OF_TREATMENT);
  // Up to and including the data cut; the day after −1 is 1 (there is no day 0), which counts nothing either way.
  return plannedDosesBefore(cohort.regimen, studyDayOf(row.treatmentStartDate, dataCut) + 1);
}

function patientRow(row: SafetyPatientRow, cohort: Cohort | undefined, dataCut: string): SafetyPatient {
  const planned = plannedDoses(row, cohort, dataCut);
  const exposureDays = daysBetween(row.firstDose, row.exposureEnd);
  return Object.assign(new SafetyPatient(), {
    patientId: toGlobalId("Patient", row.patientId),
    subjectCode: row.subjectCode,
    cohortCode: cohort?.code ?? String(row.cohortId),
    siteCode: row.siteCode,
    compliance: compliance(planned, row.givenDoses, Math.max(0, planned - row.givenDoses)),
    exposureDays,
    patientMonths: exposureDays / DAYS_PER_MONTH,
    events: row.events,
    severeEvents: row.severeEvents,
    eventsInExposure: row.eventsInExposure,
  });
}

function rate(events: number, patientMonths: number): ExposureAdjustedRate {
  const r = poissonRate(events, patientMonths);
  return Object.assign(new ExposureAdjustedRate(), {
    events,
    patientMonths,
    rate: r.estimable ? r.rate : null,
    ci: r.estimable ? interval(r.ci) : null,
    method: "exact Poisson interval (R poisson.test): gamma quantiles, events per patient-month",
    notEstimable: r.estimable ? [] : [note("rate", r)],
  });
}

function share(patients: number, n: number): PatientProportion {
  const p = proportion(patients, n);
  return Object.assign(new PatientProportion(), {
    patients,
    n,
    estimate: p.estimable ? p.estimate : null,
    ci: p.estimable ? interval(p.ci) : null,
    notEstimable: p.estimable ? [] : [note("estimate", p)],
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const byCell = (a: SafetyEventCount, b: SafetyEventCount) => a.grade - b.grade || String(a.relatedness).localeCompare(String(b.relatedness));

/** Adds up the cells of several cohorts: patients add up too, as each patient belongs to one cohort. */
function mergeCells(cells: readonly SafetyEventCell[]): SafetyEventCount[] {
  const merged = new Map<string, SafetyEventCount>();
  for (const c of cells) {
    const key = `${c.grade}|${c.relatedness}`;
    const entry = merged.get(key) ?? Object.assign(new SafetyEventCount(), { grade: c.grade, relatedness: c.relatedness, events: 0, patients: 0 });
    entry.events += c.events;
    entry.patients += c.patients;
    merged.set(key, entry);
  }
  return [...merged.values()].sort(byCell);
}

function group(rows: readonly SafetyPatient[], cells: readonly SafetyEventCell[], identity: Pick<SafetyGroup, "cohortCode" | "diseaseId" | "label">): SafetyGroup {
  const counts = mergeCells(cells);
  return Object.assign(new SafetyGroup(), {
    ...identity,
    patients: rows.length,
    events: sum(rows.map((r) => r.events)),
    patientsWithEvent: rows.filter((r) => r.events > 0).length,
    byGrade: counts.filter((c) => c.relatedness === null),
    byGradeAndRelatedness: counts.filter((c) => c.relatedness !== null),
    gradeThreeOrMore: share(rows.filter((r) => r.severeEvents > 0).length, rows.length),
    rate: rate(sum(rows.map((r) => r.eventsInExposure)), sum(rows.map((r) => r.patientMonths))),
    compliance: compliance(sum(rows.map((r) => r.compliance.planned)), sum(rows.map((r) => r.compliance.given)), sum(rows.map((r) => r.compliance.missed))),
    patientRows: [...rows],
  });
}

/** Per-cohort and pooled safety from the per-patient rows and event cells of the population. */
export function safetySummary(rows: readonly SafetyPatientRow[], cells: readonly SafetyEventCell[], cohorts: readonly Cohort[], dataCut: string): Pick<SafetySummary, "cohorts" | "pooled"> {
  const byId = new Map(cohorts.map((c) => [c.id, c]));
  const patients = rows.map((r) => ({ cohortId: r.cohortId, row: patientRow(r, byId.get(r.cohortId), dataCut) }));
  return {
    cohorts: cohorts.map((c) =>
      group(
        patients.filter((p) => p.cohortId === c.id).map((p) => p.row),
        cells.filter((cell) => cell.cohortId === c.id),
        { cohortCode: c.code, diseaseId: c.diseaseId, label: c.name },
      ),
    ),
    pooled: group(
      patients.map((p) => p.row),
      cells.filter((cell) => byId.has(cell.cohortId)),
      { cohortCode: null, diseaseId: null, label: "All cohorts pooled" },
    ),
  };
}
