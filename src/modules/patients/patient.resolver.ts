import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { groupRows } from "../../graphql/views/group-query";
import { JSONObject } from "../../graphql/scalars";
import type { Inputs } from "../../plugin-api";
import { decodeId } from "../../validation/checks";
import { ClinicalAssessment } from "../assessments/clinical-assessment.entity";
import { evaluateStoredResponse } from "../assessments/stored-response";
import { ResponseEvaluation } from "../catalogue/score-types";
import { Cohort } from "../study/cohort.entity";
import { Site } from "../study/site.entity";
import { DoseAdministration } from "../visits/dose-administration.entity";
import { nestedConnection, rootConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { VisitConnection, VisitOrder, VisitWhere, visitListSpec } from "../visits/visit-list";
import { PatientConnection, PatientGroups, PatientOrder, PatientWhere, patientDimensions, patientListSpec } from "./patient-list";
import { latestPrimaryAssessments } from "./latest-activity";
import { Patient } from "./patient.entity";
import type { OrderInput } from "../../graphql/views/list-query";
import { listRequest } from "../../graphql/views/list-query";

@Resolver(() => Patient)
export class PatientResolver {
  @Query(() => [PatientGroups.Group], { description: "Patients counted per cohort, disease, site, status or sex (one GROUP BY), with statistics of the numeric fields; honours the same filter as patients." })
  async patientGroups(
    @Arg("by", () => [PatientGroups.GroupField]) by: string[],
    @Arg("where", () => PatientWhere, { nullable: true }) where: PatientWhere | null,
    @Ctx() { dataSource, access }: Context,
  ) {
    return (await groupRows(dataSource.manager, patientListSpec, patientDimensions, by, listRequest(access, { where }))).map(PatientGroups.toGroup);
  }

  @Query(() => Patient, { nullable: true })
  patient(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context): Promise<Patient | undefined> {
    return loaders.byId(Patient).load(decodeId("id", id, "Patient"));
  }

  @Query(() => PatientConnection, { description: "Patients, filtered, ordered and paged." })
  patients(
    @Args() page: PageArgs,
    @Arg("where", () => PatientWhere, { nullable: true }) where: PatientWhere | null,
    @Arg("orderBy", () => [PatientOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return rootConnection(context, patientListSpec, PatientConnection, { ...page, where, orderBy });
  }

  @FieldResolver(() => Cohort)
  async cohort(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<Cohort> {
    return (await loaders.byId(Cohort).load(patient.cohortId))!;
  }

  @FieldResolver(() => Site)
  async site(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<Site> {
    return (await loaders.byId(Site).load(patient.siteId))!;
  }

  @FieldResolver(() => VisitConnection, { description: "Visits, by default in date order." })
  visits(
    @Root() patient: Patient,
    @Args() page: PageArgs,
    @Arg("where", () => VisitWhere, { nullable: true }) where: VisitWhere | null,
    @Arg("orderBy", () => [VisitOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return nestedConnection(context, visitListSpec, VisitConnection, "patientId", patient.id, { ...page, where, orderBy });
  }

  @FieldResolver(() => Int, { description: "Number of study-drug doses actually given." })
  async dosesGiven(@Root() patient: Patient, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.manyBy(DoseAdministration, "patientId", "administeredOn").load(patient.id)).filter((d) => d.given).length;
  }

  @FieldResolver(() => ClinicalAssessment, {
    nullable: true,
    description: "The most recent assessment of the disease's primary instrument (e.g. DAS28-ESR for RA): the patient's current activity.",
  })
  async latestActivity(@Root() patient: Patient, @Ctx() context: Context): Promise<ClinicalAssessment | undefined> {
    const cohort = await context.loaders.byId(Cohort).load(patient.cohortId);
    const primary = cohort && context.registry.plugin(cohort.diseaseId)?.primaryInstrument;
    if (!primary) return undefined;
    const latest = await latestPrimaryAssessments(context).load(patient.id);
    return latest.find((assessment) => assessment.instrumentCode === primary);
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
