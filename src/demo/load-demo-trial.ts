import seedrandom from "seedrandom";
import type { DataSource, EntityManager } from "typeorm";
import { toGlobalId } from "../graphql/global-id";
import { labTestsOf } from "../plugin-api";
import type { DiseasePlugin } from "../plugin-api";
import type { PluginRegistry } from "../plugins/registry";
import { recordAssessment } from "../modules/assessments/record-assessment";
import { ImmuneMeasurement } from "../modules/immunology/immune-measurement.entity";
import { ImmuneParameter } from "../modules/immunology/immune-parameter.entity";
import { LabResult } from "../modules/labs/lab-result.entity";
import { LAB_TEST_BY_CODE } from "../modules/labs/lab-tests";
import { changePatientStatus } from "../modules/patients/change-patient-status";
import { createPatient } from "../modules/patients/create-patient";
import { PatientStatus, Sex } from "../modules/patients/patient-enums";
import type { Patient } from "../modules/patients/patient.entity";
import { recordAdverseEvent } from "../modules/safety/record-adverse-event";
import type { RecordAdverseEventInput } from "../modules/safety/record-adverse-event";
import { ActionTaken, AdverseEventOutcome, Relatedness } from "../modules/safety/adverse-event-enums";
import { recordConcomitantMedication } from "../modules/safety/record-concomitant-medication";
import { Cohort } from "../modules/study/cohort.entity";
import { plannedDoseDays } from "../modules/study/dosing-regimen";
import type { DosingRegimen } from "../modules/study/dosing-regimen";
import type { RecordDoseInput } from "../modules/visits/visit-inputs";
import { PlannedVisit } from "../modules/study/planned-visit.entity";
import { Site } from "../modules/study/site.entity";
import { Study } from "../modules/study/study.entity";
import { recordDose } from "../modules/visits/record-dose";
import { recordVisit } from "../modules/visits/record-visit";
import { dateOfStudyDay } from "../modules/visits/study-day";
import { VisitState } from "../modules/visits/visit-state";
import { Visit } from "../modules/visits/visit.entity";
import { vitalSignsChecks } from "../modules/vital-signs/record-vital-signs";
import { VitalSigns } from "../modules/vital-signs/vital-signs.entity";
import { AuditAction } from "../modules/audit/audit-event.entity";
import { appendAudit, SYSTEM_ACTOR } from "../modules/audit/audit-writer";
import { createDemoAccounts } from "./demo-accounts";
import { labValues } from "./demo-labs";
import { demoBuild, demoVitalSigns } from "./demo-vital-signs";
import { DEMO_SCHEDULE, demoRegimen } from "./demo-schedule";
import { immuneValues, randomImmuneProfile } from "./immune-kinetics";

export interface DemoSummary {
  study: string;
  cohorts: number;
  patients: number;
  visits: number;
  /** Usernames of the demo accounts, one per role. */
  accounts: string[];
}

type Random = () => number;

/** Disease activity over time: mild-to-moderate at baseline, lower at follow-up in responders. */
export function activityAt(visitCode: string, baseline: number, responder: boolean): number {
  const factor: Record<string, number> = responder ? { D85: 0.65, D183: 0.5, D240: 0.7 } : { D85: 0.95, D183: 1, D240: 1.05 };
  return Math.min(1, baseline * (factor[visitCode] ?? 1));
}

const DEMO_STUDY = {
  code: "TRANSREG",
  title: "Low-dose interleukin-2 in 11 autoimmune diseases: immunological and clinical effects (demo data)",
  registryId: "NCT01988506",
  phase: "I/IIa",
  sponsor: "Assistance Publique – Hôpitaux de Paris",
  description: "Open-label basket trial of low-dose IL-2. The patients and values in this database are generated and fictitious.",
};

/** The demo study and its sites (the scale generator gives its own code, title and number of sites). */
export async function createStudy(manager: EntityManager, identity: Partial<typeof DEMO_STUDY> = {}, siteCount = 5) {
  const study = await manager.save(manager.create(Study, { ...DEMO_STUDY, ...identity }));
  const sites = await manager.save(
    Array.from({ length: siteCount }, (_, i) => i + 1).map((n) =>
      manager.create(Site, { studyId: study.id, code: String(n).padStart(siteCount > 99 ? 3 : 2, "0"), name: `Paris site ${n}`, city: "Paris" }),
    ),
  );
  return { study, sites };
}

export async function createCohort(manager: EntityManager, studyId: number, plugin: DiseasePlugin, plannedSize: number) {
  const cohort = await manager.save(
    manager.create(Cohort, {
      studyId,
      code: plugin.shortName.toUpperCase(),
      name: plugin.name,
      diseaseId: plugin.id,
      regimen: demoRegimen(plugin.demo.maintenanceIntervalDays),
      plannedSize,
    }),
  );
  const schedule = await manager.save(
    DEMO_SCHEDULE.map((visit) => manager.create(PlannedVisit, { ...visit, cohortId: cohort.id, immunomonitoring: true })),
  );
  return { cohort, schedule };
}

/** A demo patient's age, dates and disease duration: the first dose within two weeks of inclusion. */
export function demoPatientDates(inclusionDate: string, age: number, random: Random) {
  return {
    yearOfBirth: Number(inclusionDate.slice(0, 4)) - age,
    ageAtInclusion: age,
    inclusionDate,
    treatmentStartDate: dateOfStudyDay(inclusionDate, 1 + Math.floor(random() * 14)),
    status: PatientStatus.INCLUDED,
    diseaseDurationYears: Math.round((1 + random() * 15) * 10) / 10,
  };
}

/** The doses of the regimen up to `lastDay` (a few maintenance doses missed), without patient and visit. */
export function demoDoses(regimen: DosingRegimen, treatmentStartDate: string, lastDay: number, random: Random): Omit<RecordDoseInput, "patientId" | "visitId">[] {
  return plannedDoseDays(regimen)
    .filter((d) => d <= lastDay)
    .map((day) => {
      const given = day <= 5 || random() > 0.04;
      return {
        administeredOn: dateOfStudyDay(treatmentStartDate, day),
        dose: regimen.dose,
        doseUnit: regimen.doseUnit,
        route: regimen.route,
        lot: `IL2-${2014 + Math.floor(day / 120)}-${String(1 + (day % 7)).padStart(3, "0")}`,
        given,
        notGivenReason: given ? null : "Patient unavailable",
      };
    });
}

async function recordDoses(manager: EntityManager, patient: Patient, cohort: Cohort, lastDay: number, visits: Visit[], random: Random) {
  for (const dose of demoDoses(cohort.regimen, patient.treatmentStartDate!, lastDay, random)) {
    const visit = visits.find((v) => v.visitDate === dose.administeredOn);
    await recordDose(manager, { ...dose, patientId: toGlobalId("Patient", patient.id), visitId: visit ? toGlobalId("Visit", visit.id) : null });
  }
}

/** The adverse events of one patient, each with the index of the visit that reported it. */
export function demoAdverseEvents(treatmentStartDate: string, random: Random, urticaria: boolean): (Omit<RecordAdverseEventInput, "patientId" | "visitId"> & { visitIndex: number })[] {
  const day1 = treatmentStartDate;
  const events: (Omit<RecordAdverseEventInput, "patientId" | "visitId"> & { visitIndex: number })[] = [];
  if (random() < 0.45) {
    events.push({
      visitIndex: 1, term: "Injection site reaction", meddraCode: "10022095", meddraVersion: "26.0", grade: 1, ctcaeVersion: "5.0",
      serious: false, relatedness: Relatedness.DEFINITE, onsetDate: dateOfStudyDay(day1, 2), resolutionDate: dateOfStudyDay(day1, 4),
      outcome: AdverseEventOutcome.RECOVERED, actionTaken: ActionTaken.DOSE_NOT_CHANGED,
    });
  }
  if (random() < 0.25) {
    events.push({
      visitIndex: 1, term: "Flu-like symptoms", meddraCode: "10016791", meddraVersion: "26.0", grade: random() < 0.7 ? 1 : 2, ctcaeVersion: "5.0",
      serious: false, relatedness: Relatedness.PROBABLE, onsetDate: dateOfStudyDay(day1, 3), resolutionDate: dateOfStudyDay(day1, 5),
      outcome: AdverseEventOutcome.RECOVERED, actionTaken: ActionTaken.DOSE_NOT_CHANGED,
    });
  }
  if (urticaria) {
    events.push({
      visitIndex: 2, term: "Urticaria, generalised", meddraCode: "10046735", meddraVersion: "26.0", grade: 3, ctcaeVersion: "5.0",
      serious: false, relatedness: Relatedness.PROBABLE, onsetDate: dateOfStudyDay(day1, 16), resolutionDate: dateOfStudyDay(day1, 30),
      outcome: AdverseEventOutcome.RECOVERED, actionTaken: ActionTaken.DRUG_WITHDRAWN,
    });
  }
  return events;
}

async function recordAdverseEvents(manager: EntityManager, patient: Patient, visits: Visit[], random: Random, urticaria: boolean) {
  for (const { visitIndex, ...event } of demoAdverseEvents(patient.treatmentStartDate!, random, urticaria)) {
    const visit = visits[visitIndex];
    await recordAdverseEvent(manager, { ...event, patientId: toGlobalId("Patient", patient.id), visitId: visit ? toGlobalId("Visit", visit.id) : null });
  }
}

/**
 * Generates a deterministic demo trial shaped like the reference study: one cohort of 3–6 patients per
 * registered disease plugin across 5 sites, the dosing regimen, the 7-visit schedule with immune panels,
 * labs, vital signs, each plugin's instruments, CGI and EQ-5D, and a few adverse events. Same seed, same trial.
 * Everything clinical goes through the same validated functions as the API.
 */
export async function loadDemoTrial(dataSource: DataSource, registry: PluginRegistry, seed = "basketql-demo"): Promise<DemoSummary> {
  const random = seedrandom(seed);
  // Vital signs draw from their own sequence, so the rest of the trial is what it was without them.
  const vitalsRandom = seedrandom(`${seed}/vital-signs`);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return dataSource.transaction(async (manager) => {
    const { study, sites } = await createStudy(manager);
    const parameters = new Map((await manager.find(ImmuneParameter)).map((p) => [p.code, p]));
    let patients = 0;
    let visitCount = 0;
    const urticariaCohort = Math.floor(random() * registry.plugins.length);
    for (const [cohortIndex, plugin] of registry.plugins.entries()) {
      const size = 3 + Math.floor(random() * 4);
      const { cohort, schedule } = await createCohort(manager, study.id, plugin, 6);
      for (let n = 1; n <= size; n++) {
        const site = pick(sites);
        const inclusionDate = dateOfStudyDay("2014-01-06", 1 + Math.floor(random() * 900));
        const sex = random() < (plugin.demo.femaleShare ?? 0.5) ? Sex.FEMALE : Sex.MALE;
        const age = 22 + Math.floor(random() * 48);
        const patient = await createPatient(manager, {
          cohortId: toGlobalId("Cohort", cohort.id),
          siteId: toGlobalId("Site", site.id),
          subjectCode: `${cohort.code}-${site.code}-${String(n).padStart(3, "0")}`,
          sex,
          ...demoPatientDates(inclusionDate, age, random),
        });
        patients++;
        const withdraws = n === size && cohortIndex === urticariaCohort;
        const baselineActivity = 0.35 + random() * 0.4;
        const responder = random() < 0.6;
        const profile = randomImmuneProfile(random);
        const build = demoBuild(sex, vitalsRandom);
        const visits: Visit[] = [];
        for (const planned of schedule) {
          if (withdraws && planned.studyDay > 29) break;
          const jitter = Math.round((random() - 0.5) * (planned.windowBefore + planned.windowAfter));
          const visit = await recordVisit(manager, {
            patientId: toGlobalId("Patient", patient.id),
            plannedVisitId: toGlobalId("PlannedVisit", planned.id),
            visitDate: dateOfStudyDay(patient.treatmentStartDate!, planned.studyDay + jitter),
            performed: true,
          });
          visits.push(visit);
          const activity = activityAt(planned.code, baselineActivity, responder);
          const values = immuneValues(profile, planned.code, random);
          await manager.insert(
            ImmuneMeasurement,
            Object.entries(values).map(([code, value]) => {
              const parameter = parameters.get(code)!;
              return { visitId: visit.id, patientId: patient.id, parameterId: parameter.id, value, unit: parameter.unit, belowDetectionLimit: false, detectionLimit: null };
            }),
          );
          await manager.insert(
            LabResult,
            labValues(activity, sex, random, labTestsOf(plugin)).map((lab) => ({ ...lab, visitId: visit.id, patientId: patient.id, unit: LAB_TEST_BY_CODE.get(lab.testCode)!.unit, belowDetectionLimit: false })),
          );
          const vitals = demoVitalSigns(build, planned.isBaseline, vitalsRandom);
          vitalSignsChecks(vitals).verify();
          await manager.insert(VitalSigns, { ...vitals, visitId: visit.id, patientId: patient.id });
          if (planned.clinicalEvaluation) {
            const visitId = toGlobalId("Visit", visit.id);
            const assessments = [
              ...plugin.demo.assessments({ random, activity, visitCode: planned.code, sex }),
              { instrument: "CGI_S", inputs: { severity: Math.min(7, 2 + Math.round(activity * 4)) } },
              { instrument: "EQ5D_5L", inputs: eq5d(activity, random) },
              ...(planned.isBaseline ? [] : [{ instrument: "CGI_I", inputs: { improvement: responder ? pick([1, 2, 2, 3]) : pick([3, 4, 4, 5]) } }]),
            ];
            for (const { instrument, inputs } of assessments) await recordAssessment(manager, registry, { visitId, instrument, inputs });
          }
        }
        // Entry is finished at every past visit; none is signed, as signatures belong to real people.
        await manager.update(Visit, visits.map((v) => v.id), { state: VisitState.COMPLETE });
        visitCount += visits.length;
        await recordDoses(manager, patient, cohort, withdraws ? 15 : 180, visits, random);
        await recordAdverseEvents(manager, patient, visits, random, withdraws);
        if (random() < 0.5) {
          await recordConcomitantMedication(manager, {
            patientId: toGlobalId("Patient", patient.id), drug: "prednisone", dose: pick([5, 7.5, 10]), doseUnit: "mg", frequency: "QD", route: "PO",
            indication: plugin.name, startDate: dateOfStudyDay(inclusionDate, -400), stopDate: null,
          });
        }
        const last = visits[visits.length - 1];
        await changePatientStatus(manager, {
          patientId: toGlobalId("Patient", patient.id),
          status: withdraws ? PatientStatus.WITHDRAWN : PatientStatus.COMPLETED,
          date: last.visitDate,
          reason: withdraws ? "Adverse event: generalised urticaria" : null,
        });
      }
    }
    const accounts = await createDemoAccounts(manager, study, sites);
    const summary = { study: study.code, cohorts: registry.plugins.length, patients, visits: visitCount, accounts };
    // The generated rows are attributed to one import record rather than a row per field.
    await appendAudit(manager, SYSTEM_ACTOR, [
      { action: AuditAction.IMPORT, entityType: "Study", entityId: String(study.id), patientId: null, visitId: null, field: null, oldValue: null, newValue: JSON.stringify({ ...summary, seed }), reason: "demo trial generated" },
    ]);
    return summary;
  });
}

export function eq5d(activity: number, random: () => number) {
  const level = () => Math.min(5, Math.max(1, Math.round(1 + activity * 3 + (random() - 0.5) * 1.5)));
  return { mobility: level(), selfCare: level(), usualActivities: level(), painDiscomfort: level(), anxietyDepression: level(), vas: Math.round(85 - activity * 45 + (random() - 0.5) * 10) };
}
