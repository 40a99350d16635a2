import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { rootConnection } from "../../graphql/views/list-resolvers";
import { PageArgs } from "../../graphql/views/page-args";
import { DoseConnection, DoseOrder, DoseWhere, doseListSpec } from "./dose-list";
import { DoseAdministration } from "./dose-administration.entity";
import { Visit } from "./visit.entity";
import type { OrderInput } from "../../graphql/views/list-query";

@Resolver(() => DoseAdministration)
export class DoseAdministrationResolver {
  @Query(() => DoseConnection, { description: "Study-drug administrations of all patients, filtered, ordered and paged." })
  doses(
    @Args() page: PageArgs,
    @Arg("where", () => DoseWhere, { nullable: true }) where: DoseWhere | null,
    @Arg("orderBy", () => [DoseOrder], { nullable: true }) orderBy: OrderInput[] | null,
    @Ctx() context: Context,
  ) {
    return rootConnection(context, doseListSpec, DoseConnection, { ...page, where, orderBy });
  }

  @FieldResolver(() => Visit, { nullable: true })
  async visit(@Root() dose: DoseAdministration, @Ctx() { loaders }: Context): Promise<Visit | undefined> {
    return dose.visitId === null ? undefined : loaders.byId(Visit).load(dose.visitId);
  }
}
