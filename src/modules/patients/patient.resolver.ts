import type { FindOptionsWhere } from "typeorm";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { JSONObject } from "../../graphql/scalars";
import type { Inputs } from "../../plugin-api";
import { decodeId } from "../../validation/checks";
import { ClinicalAssessment } from "../assessments/clinical-assessment.entity";
import { evaluateStoredResponse } from "../assessments/stored-response";
import { ResponseEvaluation } from "../catalogue/score-types";
import { ImmuneMeasurement } from "../immunology/immune-measurement.entity";
import { ImmuneParameter } from "../immunology/immune-parameter.entity";
import { LabResult } from "../labs/lab-result.entity";
import { AdverseEvent } from "../safety/adverse-event.entity";
import { ConcomitantMedication } from "../safety/concomitant-medication.entity";
import { Cohort } from "../study/cohort.entity";
import { Site } from "../study/site.entity";
import { DoseAdministration } from "../visits/dose-administration.entity";
import { Visit } from "../visits/visit.entity";
import { Patient } from "./patient.entity";

const MAX_PATIENTS = 500;

@Resolver(() => Patient)
export class PatientResolver {
  @Query(() => Patient, { nullable: true })
  patient(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context): Promise<Patient | undefined> {
    return loaders.byId(Patient).load(decodeId("id", id, "Patient"));
  }

  @Query(() => [Patient], { description: `Patients in subject-code order, optionally of one cohort or site (at most ${MAX_PATIENTS}).` })
  patients(
    @Arg("cohortId", () => ID, { nullable: true }) cohortId: string | null,
    @Arg("siteId", () => ID, { nullable: true }) siteId: string | null,
    @Ctx() { dataSource }: Context,
  ): Promise<Patient[]> {
    const where: FindOptionsWhere<Patient> = {};
    if (cohortId) where.cohortId = decodeId("cohortId", cohortId, "Cohort");
    if (siteId) where.siteId = decodeId("siteId", siteId, "Site");
    return dataSource.manager.find(Patient, { where, order: { subjectCode: "ASC" }, take: MAX_PATIENTS });
  }

  @FieldResolver(() => Cohort)
  async cohort(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<Cohort> {
    return (await loaders.byId(Cohort).load(patient.cohortId))!;
  }

  @FieldResolver(() => Site)
  async site(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<Site> {
    return (await loaders.byId(Site).load(patient.siteId))!;
  }

  @FieldResolver(() => [Visit], { description: "Visits in date order." })
  visits(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<Visit[]> {
    return loaders.manyBy(Visit, "patientId", "visitDate").load(patient.id);
  }

  @FieldResolver(() => [DoseAdministration], { description: "Study-drug administrations in date order." })
  doses(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<DoseAdministration[]> {
    return loaders.manyBy(DoseAdministration, "patientId", "administeredOn").load(patient.id);
  }

  @FieldResolver(() => Int, { description: "Number of study-drug doses actually given." })
  async dosesGiven(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.manyBy(DoseAdministration, "patientId", "administeredOn").load(patient.id)).filter((d) => d.given).length;
  }

  @FieldResolver(() => [ConcomitantMedication])
  concomitantMedications(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<ConcomitantMedication[]> {
    return loaders.manyBy(ConcomitantMedication, "patientId").load(patient.id);
  }

  @FieldResolver(() => [AdverseEvent], { description: "Adverse events in onset order." })
  adverseEvents(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<AdverseEvent[]> {
    return loaders.manyBy(AdverseEvent, "patientId", "onsetDate").load(patient.id);
  }

  @FieldResolver(() => [ClinicalAssessment], { description: "Clinical assessments, optionally of one instrument." })
  async assessments(
    @Root() patient: Patient,
    @Arg("instrument", () => String, { nullable: true }) instrument: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<ClinicalAssessment[]> {
    const all = await loaders.manyBy(ClinicalAssessment, "patientId").load(patient.id);
    return instrument ? all.filter((a) => a.instrumentCode === instrument) : all;
  }

  @FieldResolver(() => [ImmuneMeasurement], { description: "Immunomonitoring values, optionally of one catalogue parameter (e.g. TREG_PCT_CD4)." })
  async immuneMeasurements(
    @Root() patient: Patient,
    @Arg("parameter", () => String, { nullable: true }) parameter: string | null,
    @Ctx() { dataSource, loaders }: Context,
  ): Promise<ImmuneMeasurement[]> {
    const all = await loaders.manyBy(ImmuneMeasurement, "patientId").load(patient.id);
    if (!parameter) return all;
    const catalogueEntry = await dataSource.manager.findOneBy(ImmuneParameter, { code: parameter });
    return all.filter((m) => m.parameterId === catalogueEntry?.id);
  }

  @FieldResolver(() => [LabResult], { description: "Laboratory results, optionally of one test code." })
  async labResults(
    @Root() patient: Patient,
    @Arg("testCode", () => String, { nullable: true }) testCode: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<LabResult[]> {
    const all = await loaders.manyBy(LabResult, "patientId").load(patient.id);
    return testCode ? all.filter((r) => r.testCode === testCode) : all;
  }

  @FieldResolver(() => ResponseEvaluation, {
    description: "A response criterion evaluated from the stored baseline and follow-up assessments (NOT_EVALUABLE, with the reason, when data are missing).",
  })
  response(
    @Root() patient: Patient,
    @Arg("criterion") criterion: string,
    @Arg("visit", { description: "Planned visit code of the follow-up, e.g. D85." }) visit: string,
    @Arg("instrument", () => String, { nullable: true, description: "Which of the criterion's instruments to use; by default the first recorded at both visits." })
    instrument: string | null,
    @Arg("parameters", () => JSONObject, { nullable: true }) parameters: Inputs | null,
    @Ctx() context: Context,
  ): Promise<ResponseEvaluation> {
    return evaluateStoredResponse(context, patient, criterion, visit, instrument, parameters);
  }
}
