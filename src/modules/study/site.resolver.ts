import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { nestedConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { PatientConnection, PatientOrder, PatientWhere, patientListSpec } from "../patients/patient-list";
import { Site } from "./site.entity";
import type { OrderInput } from "../../graphql/views/list-query";

@Resolver(() => Site)
export class SiteResolver {
  @FieldResolver(() => PatientConnection, { description: "Patients of this site, filtered, ordered and paged." })
  patients(
    @Root() site: Site,
    @Args() page: PageArgs,
    @Arg("where", () => PatientWhere, { nullable: true }) where: PatientWhere | null,
    @Arg("orderBy", () => [PatientOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return nestedConnection(context, patientListSpec, PatientConnection, "siteId", site.id, { ...page, where, orderBy });
  }
}
