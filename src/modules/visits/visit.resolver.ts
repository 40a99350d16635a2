import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { rootConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { Patient } from "../patients/patient.entity";
import { PlannedVisit } from "../study/planned-visit.entity";
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

}
