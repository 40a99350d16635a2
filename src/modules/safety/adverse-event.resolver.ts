import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { groupRows } from "../../graphql/views/group-query";
import { rootConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { AdverseEventConnection, AdverseEventGroups, AdverseEventOrder, AdverseEventWhere, adverseEventDimensions, adverseEventListSpec } from "./adverse-event-list";
import { Patient } from "../patients/patient.entity";
import { Visit } from "../visits/visit.entity";
import { AdverseEvent } from "./adverse-event.entity";
import type { OrderInput } from "../../graphql/views/list-query";
import { listRequest } from "../../graphql/views/list-query";

@Resolver(() => AdverseEvent)
export class AdverseEventResolver {
  @Query(() => [AdverseEventGroups.Group], { description: "Adverse events counted per term, grade, relatedness, seriousness, disease, cohort or site." })
  async adverseEventGroups(
    @Arg("by", () => [AdverseEventGroups.GroupField]) by: string[],
    @Arg("where", () => AdverseEventWhere, { nullable: true }) where: AdverseEventWhere | null,
    @Ctx() { dataSource, access }: Context,
  ) {
    return (await groupRows(dataSource.manager, adverseEventListSpec, adverseEventDimensions, by, listRequest(access, { where }))).map(AdverseEventGroups.toGroup);
  }

  @Query(() => AdverseEventConnection, { description: "Adverse events of all patients, filtered, ordered and paged." })
  adverseEvents(
    @Args() page: PageArgs,
    @Arg("where", () => AdverseEventWhere, { nullable: true }) where: AdverseEventWhere | null,
    @Arg("orderBy", () => [AdverseEventOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return rootConnection(context, adverseEventListSpec, AdverseEventConnection, { ...page, where, orderBy });
  }

  @FieldResolver(() => Patient)
  async patient(@Root() event: AdverseEvent, @Ctx() { loaders }: Context): Promise<Patient> {
    return (await loaders.byId(Patient).load(event.patientId))!;
  }

  @FieldResolver(() => Visit, { nullable: true })
  async visit(@Root() event: AdverseEvent, @Ctx() { loaders }: Context): Promise<Visit | undefined> {
    return event.visitId === null ? undefined : loaders.byId(Visit).load(event.visitId);
  }
}
