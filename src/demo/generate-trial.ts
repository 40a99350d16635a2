import seedrandom from "seedrandom";
import type { DataSource, EntityManager } from "typeorm";
import { bulkInsert, nextId, syncIdSequence } from "../db/bulk-insert";
import { labTestsOf } from "../plugin-api";
import type { DiseasePlugin } from "../plugin-api";
import type { PluginRegistry } from "../plugins/registry";
import { fillLabFedInputsFrom } from "../modules/assessments/lab-fed-inputs";
import { ClinicalAssessment } from "../modules/assessments/clinical-assessment.entity";
import { scoreAssessment } from "../modules/assessments/record-assessment";
import { AuditAction } from "../modules/audit/audit-event.entity";
import { appendAudit, SYSTEM_ACTOR } from "../modules/audit/audit-writer";
import { ImmuneMeasurement } from "../modules/immunology/immune-measurement.entity";
import { ensureImmuneCatalogue } from "../modules/immunology/immune-catalogue";
import { ImmuneParameter } from "../modules/immunology/immune-parameter.entity";
import { immuneMeasurementChecks } from "../modules/immunology/record-immune-measurement";
import { LabResult } from "../modules/labs/lab-result.entity";
import { LAB_TEST_BY_CODE } from "../modules/labs/lab-tests";
import { labResultChecks } from "../modules/labs/record-lab-result";
import { patientChecks } from "../modules/patients/create-patient";
import { PatientStatus, Sex } from "../modules/patients/patient-enums";
import { Patient } from "../modules/patients/patient.entity";
import { AdverseEvent } from "../modules/safety/adverse-event.entity";
import { adverseEventChecks } from "../modules/safety/record-adverse-event";
import type { Cohort } from "../modules/study/cohort.entity";
import type { PlannedVisit } from "../modules/study/planned-visit.entity";
import type { Site } from "../modules/study/site.entity";
import { Study } from "../modules/study/study.entity";
import { DoseAdministration } from "../modules/visits/dose-administration.entity";
import { doseChecks } from "../modules/visits/record-dose";
import { visitTiming } from "../modules/visits/record-visit";
import { dateOfStudyDay, studyDayOf } from "../modules/visits/study-day";
import { VisitState } from "../modules/visits/visit-state";
import { Visit } from "../modules/visits/visit.entity";
import { Checks } from "../validation/checks";
import { immuneValues, randomImmuneProfile } from "./immune-kinetics";
import { labValues } from "./demo-labs";
import { activityAt, createCohort, createStudy, demoAdverseEvents, demoDoses, demoPatientDates, eq5d } from "./load-demo-trial";

/*
 * The scale generator: a trial of N patients shaped like the demo trial (same schedule, immune kinetics,
 * labs, plugin scores, adverse events), written in multi-row INSERTs rather than one validated call per
 * record. Every record still passes the checks the API runs on its fields (the ones the database is not
 * needed for: the generator makes each record once, so uniqueness holds by construction), and every
 * score is computed by its plugin. Patients are made and written a batch at a time, so memory does not
 * grow with N. The whole trial is one transaction with one IMPORT audit record: all or nothing.
 */

export interface GenerateOptions {
  patients: number;
  seed: string;
  sites: number;
  /** Study code, unique in the database. */
  studyCode: string;
  /** Patients made and written together. */
  batchSize?: number;
  onProgress?: (patientsWritten: number) => void;
}

export interface GeneratedCounts {
  patients: number;
  visits: number;
  immuneMeasurements: number;
  labResults: number;
  assessments: number;
  doses: number;
  adverseEvents: number;
}

export interface GenerateSummary extends GeneratedCounts {
  study: string;
  cohorts: number;
  sites: number;
  seed: string;
  /** INSERT statements run for the generated rows. */
  statements: number;
}

export const GENERATE_LIMITS = { patients: { min: 1, max: 1_000_000 }, sites: { min: 1, max: 999 }, studyCode: 40 } as const;

/** Refuses bad options naming each, before anything is opened or written. */
export function checkGenerateOptions(options: Pick<GenerateOptions, "patients" | "sites" | "studyCode" | "seed">): void {
  const { patients, sites, studyCode } = GENERATE_LIMITS;
  // Named as the command line's options, where they come from.
  new Checks()
    .integer("--patients", options.patients, patients.min, patients.max)
    .integer("--sites", options.sites, sites.min, sites.max)
    .text("--study-code", options.studyCode, studyCode)
    .text("--seed", options.seed, 200)
    .verify();
}

/** The rows of one batch of patients, in the order they are written (parents first). */
class Batch {
  patients: Partial<Patient>[] = [];
  visits: Partial<Visit>[] = [];
  immune: Partial<ImmuneMeasurement>[] = [];
  labs: Partial<LabResult>[] = [];
  assessments: Partial<ClinicalAssessment>[] = [];
  doses: Partial<DoseAdministration>[] = [];
  adverseEvents: Partial<AdverseEvent>[] = [];

  async write(manager: EntityManager): Promise<number> {
    return (
      (await bulkInsert(manager, Patient, this.patients)) +
      (await bulkInsert(manager, Visit, this.visits)) +
      (await bulkInsert(manager, ImmuneMeasurement, this.immune)) +
      (await bulkInsert(manager, LabResult, this.labs)) +
      (await bulkInsert(manager, ClinicalAssessment, this.assessments)) +
      (await bulkInsert(manager, DoseAdministration, this.doses)) +
      (await bulkInsert(manager, AdverseEvent, this.adverseEvents))
    );
  }

  count(counts: GeneratedCounts): void {
    counts.patients += this.patients.length;
    counts.visits += this.visits.length;
    counts.immuneMeasurements += this.immune.length;
    counts.labResults += this.labs.length;
    counts.assessments += this.assessments.length;
    counts.doses += this.doses.length;
    counts.adverseEvents += this.adverseEvents.length;
  }
}

/** The next free id of each generated table, advanced as rows are made. */
type Ids = Record<"patient" | "visit" | "immune" | "lab" | "assessment" | "dose" | "adverseEvent", number>;

interface Arm {
  plugin: DiseasePlugin;
  cohort: Cohort;
  schedule: PlannedVisit[];
  labTests: string[];
  /** Patients made so far, for the subject code. */
  made: number;
}

interface Context {
  random: () => number;
  registry: PluginRegistry;
  sites: Site[];
  parameters: ImmuneParameter[];
  ids: Ids;
}

/** Makes one patient with everything recorded at their visits, checked, into `batch`. */
function makePatient(context: Context, arm: Arm, batch: Batch): void {
  const { random, ids } = context;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const { plugin, cohort } = arm;
  const site = pick(context.sites);
  const inclusionDate = dateOfStudyDay("2014-01-06", 1 + Math.floor(random() * 900));
  const sex = random() < (plugin.demo.femaleShare ?? 0.5) ? Sex.FEMALE : Sex.MALE;
  const age = 22 + Math.floor(random() * 48);
  arm.made++;
  const input = {
    subjectCode: `${cohort.code}-${site.code}-${String(arm.made).padStart(6, "0")}`,
    sex,
    ...demoPatientDates(inclusionDate, age, random),
  };
  patientChecks(input).verify();
  const patientId = ids.patient++;
  const day1 = input.treatmentStartDate;
  // About 1 in 20 withdraws after day 29 for generalised urticaria, as one patient of the demo does.
  const withdraws = random() < 0.05;
  const baselineActivity = 0.35 + random() * 0.4;
  const responder = random() < 0.6;
  const profile = randomImmuneProfile(random);

  const visits: Partial<Visit>[] = [];
  for (const planned of arm.schedule) {
    if (withdraws && planned.studyDay > 29) break;
    const jitter = Math.round((random() - 0.5) * (planned.windowBefore + planned.windowAfter));
    const visitDate = dateOfStudyDay(day1, planned.studyDay + jitter);
    new Checks().date("visitDate", visitDate).verify();
    const visit: Partial<Visit> = { id: ids.visit++, patientId, plannedVisitId: planned.id, visitDate, ...visitTiming(day1, planned, visitDate), performed: true, state: VisitState.COMPLETE };
    visits.push(visit);
    const at = { visitId: visit.id!, patientId };

    const values = immuneValues(profile, planned.code, random);
    for (const parameter of context.parameters) {
      const measurement = { value: values[parameter.code], belowDetectionLimit: false, detectionLimit: null };
      immuneMeasurementChecks(parameter, measurement).verify();
      batch.immune.push({ ...at, id: ids.immune++, parameterId: parameter.id, unit: parameter.unit, ...measurement });
    }

    const activity = activityAt(planned.code, baselineActivity, responder);
    const labs = labValues(activity, sex, random, arm.labTests).map((lab) => {
      const test = LAB_TEST_BY_CODE.get(lab.testCode)!;
      labResultChecks(test, { ...lab, belowDetectionLimit: false }).verify();
      return { ...at, ...lab, id: ids.lab++, unit: test.unit, belowDetectionLimit: false };
    });
    batch.labs.push(...labs);

    if (planned.clinicalEvaluation) {
      const assessments = [
        ...plugin.demo.assessments({ random, activity, visitCode: planned.code, sex }),
        { instrument: "CGI_S", inputs: { severity: Math.min(7, 2 + Math.round(activity * 4)) } },
        { instrument: "EQ5D_5L", inputs: eq5d(activity, random) },
        ...(planned.isBaseline ? [] : [{ instrument: "CGI_I", inputs: { improvement: responder ? pick([1, 2, 2, 3]) : pick([3, 4, 4, 5]) } }]),
      ];
      for (const { instrument, inputs } of assessments) {
        const { definition } = context.registry.requireInstrument(instrument);
        const scored = scoreAssessment(definition, fillLabFedInputsFrom(definition, inputs, labs));
        batch.assessments.push({ ...at, id: ids.assessment++, ...scored });
      }
    }
  }
  batch.visits.push(...visits);

  for (const dose of demoDoses(cohort.regimen, day1, withdraws ? 15 : 180, random)) {
    doseChecks(dose, day1).verify();
    const visit = visits.find((v) => v.visitDate === dose.administeredOn);
    batch.doses.push({ ...dose, id: ids.dose++, patientId, visitId: visit?.id ?? null, studyDay: studyDayOf(day1, dose.administeredOn) });
  }
  for (const { visitIndex, ...event } of demoAdverseEvents(day1, random, withdraws)) {
    adverseEventChecks(event).verify();
    batch.adverseEvents.push({ ...event, id: ids.adverseEvent++, patientId, visitId: visits[visitIndex]?.id ?? null });
  }

  const last = visits[visits.length - 1];
  const status = withdraws ? PatientStatus.WITHDRAWN : PatientStatus.COMPLETED;
  const statusReason = withdraws ? "Adverse event: generalised urticaria" : null;
  // The checks changePatientStatus runs on a status change.
  const statusChecks = new Checks().date("date", last.visitDate).notBefore("date", last.visitDate, inclusionDate, "the inclusion date");
  if (withdraws) statusChecks.required("reason", statusReason, "when a patient withdraws");
  statusChecks.verify();
  batch.patients.push({ ...input, id: patientId, studyId: cohort.studyId, cohortId: cohort.id, siteId: site.id, status, statusDate: last.visitDate!, statusReason });
}

/**
 * Generates the trial into `dataSource`: a study of `sites` sites with one cohort per installed plugin,
 * patients assigned to the cohorts in turn. Same seed and options, same trial.
 */
export async function generateTrial(dataSource: DataSource, registry: PluginRegistry, options: GenerateOptions): Promise<GenerateSummary> {
  checkGenerateOptions(options);
  const batchSize = options.batchSize ?? 250;
  const random = seedrandom(options.seed);
  return dataSource.transaction(async (manager) => {
    if (await manager.existsBy(Study, { code: options.studyCode })) {
      new Checks().add("--study-code", `is already used by a study in this database (${options.studyCode})`, "a study code not yet in the database").verify();
    }
    const { study, sites } = await createStudy(
      manager,
      { code: options.studyCode, title: `Low-dose IL-2 basket trial, ${options.patients} generated patients (scale test data)`, description: "Generated and fictitious patients and values, for measuring the service at scale." },
      options.sites,
    );
    const arms: Arm[] = [];
    for (const plugin of registry.plugins) {
      const { cohort, schedule } = await createCohort(manager, study.id, plugin, Math.ceil(options.patients / registry.plugins.length));
      arms.push({ plugin, cohort, schedule, labTests: labTestsOf(plugin), made: 0 });
    }
    await ensureImmuneCatalogue(manager);
    const parameters = (await manager.find(ImmuneParameter)).sort((a, b) => a.id - b.id);
    const ids: Ids = {
      patient: await nextId(manager, Patient),
      visit: await nextId(manager, Visit),
      immune: await nextId(manager, ImmuneMeasurement),
      lab: await nextId(manager, LabResult),
      assessment: await nextId(manager, ClinicalAssessment),
      dose: await nextId(manager, DoseAdministration),
      adverseEvent: await nextId(manager, AdverseEvent),
    };
    const context: Context = { random, registry, sites, parameters, ids };
    const counts: GeneratedCounts = { patients: 0, visits: 0, immuneMeasurements: 0, labResults: 0, assessments: 0, doses: 0, adverseEvents: 0 };
    let statements = 0;
    for (let start = 0; start < options.patients; start += batchSize) {
      const batch = new Batch();
      for (let n = start; n < Math.min(options.patients, start + batchSize); n++) makePatient(context, arms[n % arms.length], batch);
      statements += await batch.write(manager);
      batch.count(counts);
      options.onProgress?.(counts.patients);
    }
    for (const entity of [Patient, Visit, ImmuneMeasurement, LabResult, ClinicalAssessment, DoseAdministration, AdverseEvent]) await syncIdSequence(manager, entity);

    const summary: GenerateSummary = { study: study.code, cohorts: arms.length, sites: sites.length, seed: options.seed, ...counts, statements };
    // The generated rows are attributed to one import record rather than a row per field.
    const { statements: _, ...recorded } = summary;
    await appendAudit(manager, SYSTEM_ACTOR, [
      { action: AuditAction.IMPORT, entityType: "Study", entityId: String(study.id), patientId: null, visitId: null, field: null, oldValue: null, newValue: JSON.stringify(recorded), reason: "scale trial generated" },
    ]);
    return summary;
  });
}
