import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { nestedConnection, rootConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { AssessmentConnection, AssessmentOrder, AssessmentWhere, assessmentListSpec } from "../assessments/assessment-list";
import { ImmuneMeasurementConnection, ImmuneMeasurementOrder, ImmuneMeasurementWhere, immuneMeasurementListSpec } from "../immunology/immune-measurement-list";
import { Patient } from "../patients/patient.entity";
import { AdverseEventConnection, AdverseEventOrder, AdverseEventWhere, adverseEventListSpec } from "../safety/adverse-event-list";
import { PlannedVisit } from "../study/planned-visit.entity";
import { DoseConnection, DoseOrder, DoseWhere, doseListSpec } from "./dose-list";
import { VisitConnection, VisitOrder, VisitWhere, visitListSpec } from "./visit-list";
import { Visit } from "./visit.entity";
import type { OrderInput } from "../../graphql/views/list-query";

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => VisitConnection, { description: "Visits of all patients, filtered, ordered and paged." })
  visits(
    @Args() page: PageArgs,
    @Arg("where", () => VisitWhere, { nullable: true }) where: VisitWhere | null,
    @Arg("orderBy", () => [VisitOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return rootConnection(context, visitListSpec, VisitConnection, { ...page, where, orderBy });
  }

  @FieldResolver(() => Patient)
  async patient(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<Patient> {
    return (await loaders.byId(Patient).load(visit.patientId))!;
  }

  @FieldResolver(() => PlannedVisit, { nullable: true, description: "Null for an unscheduled visit." })
  async plannedVisit(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<PlannedVisit | undefined> {
    return visit.plannedVisitId === null ? undefined : loaders.byId(PlannedVisit).load(visit.plannedVisitId);
  }

  @FieldResolver(() => DoseConnection, { description: "Study-drug administrations given at this visit." })
  doses(
    @Root() visit: Visit,
    @Args() page: PageArgs,
    @Arg("where", () => DoseWhere, { nullable: true }) where: DoseWhere | null,
    @Arg("orderBy", () => [DoseOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return nestedConnection(context, doseListSpec, DoseConnection, "visitId", visit.id, { ...page, where, orderBy });
  }

  @FieldResolver(() => ImmuneMeasurementConnection, { description: "Immunomonitoring values of this visit." })
  immuneMeasurements(
    @Root() visit: Visit,
    @Args() page: PageArgs,
    @Arg("where", () => ImmuneMeasurementWhere, { nullable: true }) where: ImmuneMeasurementWhere | null,
    @Arg("orderBy", () => [ImmuneMeasurementOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return nestedConnection(context, immuneMeasurementListSpec, ImmuneMeasurementConnection, "visitId", visit.id, { ...page, where, orderBy });
  }

  @FieldResolver(() => AssessmentConnection, { description: "Clinical assessments of this visit." })
  assessments(
    @Root() visit: Visit,
    @Args() page: PageArgs,
    @Arg("where", () => AssessmentWhere, { nullable: true }) where: AssessmentWhere | null,
    @Arg("orderBy", () => [AssessmentOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return nestedConnection(context, assessmentListSpec, AssessmentConnection, "visitId", visit.id, { ...page, where, orderBy });
  }

  @FieldResolver(() => AdverseEventConnection, { description: "Adverse events reported at this visit." })
  adverseEvents(
    @Root() visit: Visit,
    @Args() page: PageArgs,
    @Arg("where", () => AdverseEventWhere, { nullable: true }) where: AdverseEventWhere | null,
    @Arg("orderBy", () => [AdverseEventOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return nestedConnection(context, adverseEventListSpec, AdverseEventConnection, "visitId", visit.id, { ...page, where, orderBy });
  }
}
