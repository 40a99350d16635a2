import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { nestedConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { PatientConnection, PatientOrder, PatientWhere, patientListSpec } from "../patients/patient-list";
import { DiseaseType } from "../catalogue/catalogue-types";
import { Patient } from "../patients/patient.entity";
import { Cohort } from "./cohort.entity";
import { PlannedVisit } from "./planned-visit.entity";
import { Study } from "./study.entity";
import type { OrderInput } from "../../graphql/views/list-query";

@Resolver(() => Cohort)
export class CohortResolver {
  @FieldResolver(() => DiseaseType, { nullable: true, description: "The disease plugin; null if the plugin is not installed in this deployment." })
  disease(@Root() cohort: Cohort, @Ctx() { registry }: Context): DiseaseType | undefined {
    const plugin = registry.plugin(cohort.diseaseId);
    return plugin && new DiseaseType(plugin);
  }

  @FieldResolver(() => Study)
  async study(@Root() cohort: Cohort, @Ctx() { loaders }: Context): Promise<Study> {
    return (await loaders.byId(Study).load(cohort.studyId))!;
  }

  @FieldResolver(() => [PlannedVisit], { description: "The visit schedule, in study-day order." })
  plannedVisits(@Root() cohort: Cohort, @Ctx() { loaders }: Context): Promise<PlannedVisit[]> {
    return loaders.manyBy(PlannedVisit, "cohortId", "studyDay").load(cohort.id);
  }

  @FieldResolver(() => PatientConnection, { description: "Patients of this cohort, filtered, ordered and paged." })
  patients(
    @Root() cohort: Cohort,
    @Args() page: PageArgs,
    @Arg("where", () => PatientWhere, { nullable: true }) where: PatientWhere | null,
    @Arg("orderBy", () => [PatientOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return nestedConnection(context, patientListSpec, PatientConnection, "cohortId", cohort.id, { ...page, where, orderBy });
  }

  @FieldResolver(() => Int)
  async patientCount(@Root() cohort: Cohort, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.manyBy(Patient, "cohortId").load(cohort.id)).length;
  }
}
